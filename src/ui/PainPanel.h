#pragma once
// The Referred pain tab of the sidebar (patterns, trigger points, side, play/pause, speed, intensity,
// palette), the legend that explains the marks, and the lookup "Pain at this spot can come from".
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/PainField.h"
#include "core/PanelLayout.h"
#include "core/SceneIndex.h"
#include "ui/UiState.h"

namespace la::ui {

// Draws into the current window (the sidebar's tab).
void drawPainContent(const PainField& field, PainState& state);

// The legend: X trigger point, solid essential zone, stippled spillover zone, and the shown trigger
// points by number (as on their X marks) in words. Its size for the layout (0 when no pattern is on),
// at most `room`: the trigger points' descriptions are left to a tooltip when the full legend would be
// taller than that, then shorter forms, down to the three marks alone; when even that is too tall, its
// text is drawn smaller (to 0.7x, never below 14 pixels), and only then does the rest scroll. Then drawn
// in the rectangle the layout gave; `drawn` (the layout report) gets "painlegend/scrolls" when it scrolls
// and "painlegend/smaller" when its text is smaller than the UI's.
glm::vec2 painLegendSize(const PainField& field, const PainState& state, glm::vec2 room);
void drawPainLegend(const PainField& field, const PainState& state, const Rect& rect,
                    std::vector<DrawnItem>* drawn = nullptr);
// The full legend with its top left corner at (x, y), text wrapped to `wrapWidth` pixels (the chart layout).
void drawPainLegendAt(const PainField& field, const PainState& state, float x, float y, float wrapWidth);

// One line of the lookup in words: "Quadratus lumborum (left)", "Superficial, upper trigger point",
// "where the pain is usually felt" / "where it can spread".
struct LookupLine {
    std::string muscle, triggerPoint, kind;
};
std::vector<LookupLine> lookupLines(const std::vector<CoverageEntry>& entries, const SceneIndex& index,
                                    const PainField& field);
glm::vec2 painLookupSize(const std::vector<LookupLine>& lines, float maxWidth = 1e9f);
// Returns the entry the user chose; `open` goes false when closed.
std::optional<std::size_t> drawPainLookup(const std::vector<LookupLine>& lines, const Rect& rect, bool& open);

}  // namespace la::ui
