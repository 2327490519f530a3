#pragma once
// The Referred Pain panel (patterns, trigger points, side, play/pause, speed, intensity, palette) and
// the legend that explains the marks.
#include <optional>
#include <string>

#include "core/PainField.h"

namespace la::ui {

// Edits `state`; returns an instance key when the user asks to select that muscle.
void drawPainPanel(const PainField& field, PainState& state, bool& open);
// Legend in the corner: X trigger point, solid essential zone, stippled spillover zone, and the shown
// trigger points by number (as on their X marks) in words.
void drawPainLegend(const PainField& field, const PainState& state, float bottomMargin);
// The same legend with its top left corner at (x, y), text wrapped to `wrapWidth` pixels (the chart layout).
void drawPainLegendAt(const PainField& field, const PainState& state, float x, float y, float wrapWidth);

}  // namespace la::ui
