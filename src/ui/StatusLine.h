#pragma once
// The status bar's items and the order in which they give way when the bar is too narrow for all of
// them (a narrow window, a large text size). Plain functions of StatusInfo (no ImGui): drawStatusBar
// measures these texts and draws what core::fitLine keeps; the unit tests check the order.
#include <cstdio>
#include <string>
#include <vector>

#include "core/BarFit.h"
#include "ui/UiState.h"

namespace la::ui {

// Left to right; the hint stands at the bar's right end.
enum StatusItem {
    kStatusProgress,
    kStatusModel,
    kStatusFrame,
    kStatusSelection,
    kStatusTour,
    kStatusHint,
    kStatusItems
};
inline const char* statusItemName(int item) {
    const char* const names[kStatusItems] = {"progress", "model", "frame", "selection", "tour", "hint"};
    return item >= 0 && item < kStatusItems ? names[item] : "";
}
constexpr const char* kStatusSeparator = "   |   ";

// What gives way first: the keys hint, how a model made elsewhere was placed, the tour's title (its
// step stays), the file name (the window's title has it), "Nothing selected", then the tour step
// (the caption bar also shows it). Work in progress and a selected name stay; what still does not fit
// ends in "..." at the bar's end.
inline std::vector<int> statusGiveWay() {
    return {kStatusHint, kStatusFrame, kStatusTour, kStatusModel, kStatusSelection, kStatusTour};
}

// Each item's texts, the full form first (none: not shown).
inline std::vector<std::vector<std::string>> statusForms(const StatusInfo& info) {
    std::vector<std::vector<std::string>> f(kStatusItems);
    if (!info.loading.empty()) {
        char secs[32] = "";
        if (info.loadingSeconds > 0.0f)
            std::snprintf(secs, sizeof secs, "  %.1f s", static_cast<double>(info.loadingSeconds));
        f[kStatusProgress] = {info.loading + "..." + secs};
    }
    if (!info.modelName.empty() || !info.modelLoading) {  // nothing but the progress while the first model loads
        f[kStatusModel] = {info.modelName.empty() ? "No model" : info.modelName};
        if (!info.frame.empty()) f[kStatusFrame] = {info.frame};
        f[kStatusSelection] = {info.selection.empty() ? std::string("Nothing selected") : info.selection};
        if (info.tourSteps > 0) {
            const std::string step = std::to_string(info.tourStep) + " of " + std::to_string(info.tourSteps);
            f[kStatusTour] = {info.tourTitle + ": step " + step, "Step " + step};
        }
    }
    f[kStatusHint] = {"H: keys and mouse"};
    return f;
}

// The items measured with `width` (of a text), fitted into `room` (the bar less its padding).
template <class Width>
LineFit fitStatusLine(const StatusInfo& info, Width width, float room, std::vector<LineItem>* measured = nullptr) {
    const auto forms = statusForms(info);
    std::vector<LineItem> items(kStatusItems);
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (const std::string& t : forms[i]) items[i].forms.push_back(width(t));
        // Work in progress and a selected name stay.
        items[i].droppable = i != kStatusProgress && (i != kStatusSelection || info.selection.empty());
    }
    LineFit fit = fitLine(items, statusGiveWay(), width(std::string(kStatusSeparator)), room);
    if (measured) *measured = items;
    return fit;
}

}  // namespace la::ui
