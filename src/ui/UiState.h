#pragma once
// State the panels read and write. Panels never own scene data; they return actions the app carries out.
#include <optional>
#include <string>
#include <vector>

#include "core/CameraPose.h"

namespace la::ui {

struct StatusInfo {
    std::string modelName;
    std::size_t triangles = 0;
    float frameMs = 0.0f;
};

struct OpenDialogState {
    bool open = false;
    std::string directory;
    char pathBuffer[1024] = {};
};

struct UiState {
    OpenDialogState openDialog;
    std::vector<std::string> recentFiles;  // most recent first
    std::string message;                   // last error or notice, shown until dismissed
    bool messageIsError = false;
    bool showStatusBar = true;
};

struct UiActions {
    std::optional<std::string> openModel;
    std::optional<ViewPreset> viewPreset;
    bool frameAll = false;
    bool quit = false;
};

void addRecentFile(UiState& state, const std::string& path, std::size_t maxCount = 10);

}  // namespace la::ui
