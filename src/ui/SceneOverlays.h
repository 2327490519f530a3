#pragma once
// Small widgets over the 3D view that belong to no panel: the hover tooltip, the trigger-point marks,
// the "pain at this spot can come from" list; and where the windows drawn so far this frame are (the
// article panels keep clear of them).
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
// a soft halo while the link animation shows it (glow 0..1).
void drawTriggerMark(glm::vec2 pixel, float weight, bool behind = false, std::optional<glm::vec2> skinPixel = {},
                     int number = 0, float glow = 0.0f);
// The reverse lookup of a click on the body (trigger points named in words); returns the entry chosen.
std::optional<std::size_t> drawPainLookup(const std::vector<CoverageEntry>& entries, const PainField& field,
                                          const SceneIndex& index, bool& open);
// Rectangles of the windows begun so far this frame (tool windows, tour articles, the pain legend),
// leaving out the menu bar, the status bar, popups, tooltips and the article panels themselves.
std::vector<Rect> windowsDrawnSoFar();

}  // namespace la::ui
