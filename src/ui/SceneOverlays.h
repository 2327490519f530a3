#pragma once
// Small marks over the 3D view that belong to no panel: the hover tooltip and the trigger-point marks
// (the pain lookup is in PainPanel.h, placed by the screen layout).
#include <cstddef>
#include <optional>
#include <vector>

#include "core/PainField.h"
#include "core/PanelLayout.h"
#include "core/SceneIndex.h"

namespace la::ui {

// The hovered structure's name and Latin name by the cursor (nothing over a panel).
void drawHoverTooltip(const SceneNode* hovered);
// An X at a trigger point (screen pixel), opacity `weight` 0..1: solid, or dashed and faded when it lies
// `behind` other structures; its legend number beside it; a small ring at `skinPixel` (the skin above it);
// a soft halo while the link animation shows it (glow 0..1). The number's top-left corner is `numberAt`
// (core/MarkLabels.h places it clear of the other marks), else at the X's upper right. `scale`: the X, its
// strokes and the ring (core/MarkLabels.h: triggerMarkScale); `textScale`: the number's size relative to the
// current font.
void drawTriggerMark(glm::vec2 pixel, float weight, bool behind = false, std::optional<glm::vec2> skinPixel = {},
                     int number = 0, float glow = 0.0f, std::optional<glm::vec2> numberAt = {}, float scale = 1.0f,
                     float textScale = 1.0f);
// The X's half width at scale 1, and the size of its number as drawTriggerMark writes it (the current font).
constexpr float kTriggerMarkRadius = 7.0f;
constexpr float kTriggerRingRadius = 4.5f;
glm::vec2 triggerNumberSize(int number, float textScale = 1.0f);

}  // namespace la::ui
