#pragma once
// Article panels beside their structures, with a leader line to an anchor on the structure's surface.
// Where they go is decided by core's layoutScreen; this only draws them and takes clicks.
#include <vector>

#include "core/PanelLayout.h"
#include "core/SceneIndex.h"
#include "ui/UiState.h"

namespace la::ui {

struct PanelView {
    PanelState* state = nullptr;
    const SceneNode* node = nullptr;
    PanelPlacement placement;
    bool hasPainPattern = false;
    bool painShown = false;     // its pattern is on: the button offers to hide it
    bool interactive = true;    // false: no fold arrow or buttons (handouts: paper has nothing to click)
    bool layoutFolded = false;  // the layout found room for the title only
};

// Sizes the layout should reserve for a panel (collapsed panels use their measured height), at most
// maxWidth wide (large presenter fonts on a screen of ordinary width: the text wraps instead).
glm::vec2 panelSize(const PanelState& state, float fontScale, float maxWidth = 1e9f);
// The smaller form the layout may choose when the screen is full: the summary for an expanded panel,
// the first paragraph for a collapsed one.
glm::vec2 compactPanelSize(const PanelState& state, float fontScale, float maxWidth = 1e9f);
// The title line only: what the layout folds a panel to when the screen is full.
glm::vec2 foldedPanelSize(const PanelState& state, float fontScale, float maxWidth = 1e9f);

void drawInfoPanels(std::vector<PanelView>& panels, bool therapist, UiActions& actions);

}  // namespace la::ui
