#pragma once
// Where the number beside each trigger-point X goes: trigger points of one muscle often lie a few pixels
// apart on screen (quadratus lumborum's deep and superficial points, gluteus medius's three along the
// crest), and numbers all put at the upper right then sit on each other's X. Each label takes the first
// of eight places around its X, in a fixed order of preference (upper right first, as the charts print
// them), that covers no X, no ring and no label placed before it; when none is free, the place that
// covers least. Pure and deterministic: the same marks give the same places in every frame.
#include <vector>

#include <glm/glm.hpp>

#include "core/PanelLayout.h"

namespace la {

struct MarkLabel {
    glm::vec2 mark{0.0f};  // the X's centre (screen pixels)
    glm::vec2 size{0.0f};  // the label's text size
};

// Top-left corners, one per label, in the order given (earlier labels have the first choice).
// `markRadius`: half the X's width; `gap`: between the X's box and its label; `obstacles`: other things
// the labels should keep off (the rings on the skin).
std::vector<glm::vec2> placeMarkLabels(const std::vector<MarkLabel>& labels, float markRadius, float gap,
                                       const std::vector<Rect>& obstacles = {});

// The trigger marks' scale: the UI's (the X's and their numbers grow with a large text size), but no more
// than the body's height on screen over 400 pixels (a little less than the body's in the default view at
// 1280x720), and never below 1. At a 2x text size in a 1400x900 window the marks of the quadratus
// lumborum's four points covered each other and the muscle; on a 4K screen at 2x they keep the 2x size.
float triggerMarkScale(float uiScale, float bodyHeight);

// A line a label should not cross, as small boxes every 6 pixels along it (at most 400), each 3 pixels wide.
void addLineObstacles(std::vector<Rect>& out, glm::vec2 from, glm::vec2 to);

}  // namespace la
