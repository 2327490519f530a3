#pragma once
// The Referred Pain panel (patterns, trigger points, side, play/pause, speed, intensity, palette) and
// the legend that explains the marks.
#include <optional>
#include <string>

#include "core/PainField.h"

namespace la::ui {

// Edits `state`; returns an instance key when the user asks to select that muscle.
void drawPainPanel(const PainField& field, PainState& state, bool& open);
// Legend in the corner: X trigger point, solid essential zone, stippled spillover zone, the pulse.
void drawPainLegend(const PainState& state, float bottomMargin);

}  // namespace la::ui
