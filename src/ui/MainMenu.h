#pragma once
#include "ui/UiState.h"

namespace la::ui {

// Menu bar (File, View), status bar, the open-model dialog and the message strip.
void drawMainMenu(UiState& state, UiActions& actions);
void drawStatusBar(const UiState& state, const StatusInfo& info);
void drawOpenDialog(UiState& state, UiActions& actions);
void drawMessage(UiState& state);

}  // namespace la::ui
