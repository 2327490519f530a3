#pragma once
// The Structures panel: a tree by group (skin, muscles, bones) with a search box; each structure and
// group visible, ghosted or hidden; isolate the selection; a depth slider peeling layers from the skin in.
#include "core/SceneIndex.h"
#include "ui/UiState.h"

namespace la::ui {

void drawStructuresPanel(const SceneIndex& index, SceneUiState& state);

}  // namespace la::ui
