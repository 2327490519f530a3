#pragma once
// State the panels read and write. Panels never own scene data; they return actions the app carries out.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/CameraPose.h"
#include "core/Pick.h"

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

// One article panel beside a structure.
struct PanelState {
    int node = -1;
    bool expanded = false;  // the whole article, else its first section
    bool folded = false;    // only the title (the arrow beside it folds and opens)
    bool pinned = false;
    glm::vec2 pinnedPos{0.0f};
    float measuredHeight = 0.0f;  // height ImGui gave the summary last frame (collapsed panels size to content)
    float compactHeight = 0.0f;   // height of the compact form (title and first paragraph)
};

struct SceneUiState {
    std::vector<PickMode> visibility;  // per node: what the user chose
    int selected = -1;                 // node, -1 = none
    int hovered = -1;
    int peelDepth = 0;               // layers shallower than this are hidden (0 = none peeled)
    bool explain = false;            // panels for both featured muscles, both sides
    bool therapist = false;          // show the "for therapists" detail
    std::vector<PanelState> panels;  // panels that were drawn last frame (state kept across frames)
    char search[64] = {};
    bool showStructures = true;
};

struct UiState {
    OpenDialogState openDialog;
    std::vector<std::string> recentFiles;  // most recent first
    std::string message;                   // last error (shown until dismissed) or notice (a few seconds)
    bool messageIsError = false;
    std::string messageShown;   // the message the timer below belongs to
    double messageSince = 0.0;  // ImGui time it appeared
    bool showStatusBar = true;
    bool showPainPanel = false;
    bool showTours = false;             // the Tours panel
    std::vector<std::string> monitors;  // names, for the presenter-mode monitor chooser (the app fills it)
    int presenterMonitor = 0;           // index into monitors
    bool presenter = false;             // presenter mode is on (the app sets it)
    float fontScale = 1.0f;             // the user's text size (presenter mode enlarges it further)
    SceneUiState scene;
};

struct UiActions {
    std::optional<std::string> openModel;
    std::optional<ViewPreset> viewPreset;
    bool frameAll = false;
    std::optional<std::string> showPain;  // instance key of a muscle whose pain pattern to show
    std::optional<int> closePanel;        // node
    bool togglePresenter = false;         // F5 / View menu
    std::optional<bool> screenshot;       // true: with the panels (F12); false: the scene only (Ctrl+F12)
    std::optional<float> fontScale;       // new text size
    bool quit = false;
};

void addRecentFile(UiState& state, const std::string& path, std::size_t maxCount = 10);

}  // namespace la::ui
