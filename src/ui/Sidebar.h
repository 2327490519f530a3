#pragma once
// The sidebar at the left: tabs Structures, Referred pain, Tours in one fixed column instead of
// free-floating tool windows; a button folds it to a small button that opens it again. The tabs wrap
// onto a second row when their whole names do not fit in one (core/BarFit.h).
#include <string>
#include <vector>

#include "core/PainField.h"
#include "core/SceneIndex.h"
#include "core/TourPlayer.h"
#include "ui/TourPanel.h"
#include "ui/UiState.h"

namespace la::ui {

struct SidebarContent {
    const SceneIndex* index = nullptr;
    const PainField* painField = nullptr;
    PainState* pain = nullptr;
    TourPanelState* tourPanel = nullptr;
    const std::vector<TourListEntry>* tours = nullptr;
    const TourPlayer* player = nullptr;
    std::string tourLabel;  // the chooser's text: the open tour's title, or "(choose a tour)"
};

// In the layout's rectangle: the whole column when open, the small button when closed. The tab labels
// as drawn go to `drawn` (for the layout report) when it is given.
void drawSidebar(UiState& state, const SidebarContent& content, const Rect& rect, TourActions& tourActions,
                 std::vector<DrawnItem>* drawn = nullptr);

}  // namespace la::ui
