#pragma once
// The modal dialogs: open a model, the sheet of keys and mouse (H, F1), About. Each is opaque and
// centred where the screen layout puts it, dims the view behind it, and closes with Esc or its button.
#include <filesystem>
#include <string>
#include <vector>

#include "core/PanelLayout.h"
#include "ui/UiState.h"

namespace la::ui {

// The size the open dialog wants (0 when nothing is open), for the layout.
glm::vec2 dialogSize(const UiState& state);
// Draws whichever dialog is open in `rect`.
void drawDialogs(UiState& state, UiActions& actions, const Rect& rect);

// The open dialog's listing: folders first, then files with a model extension; no hidden (dot) files.
struct DirEntry {
    std::string name;
    bool directory = false;
};
std::vector<DirEntry> listModelFolder(const std::filesystem::path& dir);
bool isModelFile(const std::filesystem::path& p);
// Where the open dialog starts: the folder of the most recent file when it still exists, else home.
std::string startFolder(const std::vector<std::string>& recentFiles, const char* home);

// The sheet's rows (key, what it does), also for the README.
struct KeyRow {
    const char* keys;
    const char* action;
};
const std::vector<KeyRow>& keyRows();
const std::vector<KeyRow>& mouseRows();

}  // namespace la::ui
