#pragma once
#include <vector>

#include "core/PanelLayout.h"
#include "ui/UiState.h"

namespace la::ui {

// Menu bar (File, View, Help) across the top: ImGui places it (its height is UiMetrics::frameHeight).
void drawMainMenu(UiState& state, UiActions& actions);
// Model, selection and tour step along the bottom, in the layout's rectangle. Too wide for it, items
// give way in a set order (MainMenu.cpp: kGiveWay) instead of running off the window; the items as
// drawn go to `drawn` (for the layout report) when it is given.
void drawStatusBar(const UiState& state, const StatusInfo& info, const Rect& rect,
                   std::vector<DrawnItem>* drawn = nullptr);
// The message strip (errors until dismissed, notices for a few seconds): its size for the layout (0
// when there is none), then drawn in the layout's rectangle.
glm::vec2 messageSize(UiState& state);
void drawMessage(UiState& state, const Rect& rect);
// Frame time and scale in the corner of the view (F11): for us, not for a clinic.
void drawDebugOverlay(const StatusInfo& info, const Rect& view, float scale);

}  // namespace la::ui
