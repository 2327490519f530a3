#pragma once
// The Structures tab of the sidebar: a tree by group (skin, fascia, muscles, ligaments, bones, organs, nerves and
// vessels) with a search box; each structure and group shown, x-rayed or hidden by one toggle (an eye icon that cycles,
// so the names keep the width); isolate the selection; a slider peeling layers from the skin in.
#include "core/SceneIndex.h"
#include "ui/UiState.h"

namespace la::ui {

// Draws into the current window (the sidebar's tab).
void drawStructuresContent(const SceneIndex& index, SceneUiState& state);

// Visible -> X-ray -> Hidden -> Visible: what the toggle does on a click.
PickMode nextMode(PickMode mode);

}  // namespace la::ui
