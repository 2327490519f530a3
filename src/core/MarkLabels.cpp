#include "core/MarkLabels.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>

namespace la {

std::vector<glm::vec2> placeMarkLabels(const std::vector<MarkLabel>& labels, float markRadius, float gap,
                                       const std::vector<Rect>& obstacles) {
    // Directions from the X: upper right, right, lower right, upper left, left, lower left, above, below.
    // Screen y grows downwards.
    constexpr std::array<glm::vec2, 8> kPlaces = {glm::vec2(1, -1),  glm::vec2(1, 0),  glm::vec2(1, 1),
                                                  glm::vec2(-1, -1), glm::vec2(-1, 0), glm::vec2(-1, 1),
                                                  glm::vec2(0, -1),  glm::vec2(0, 1)};
    std::vector<Rect> taken = obstacles;
    for (const MarkLabel& l : labels)
        taken.push_back(Rect{l.mark - glm::vec2(markRadius), l.mark + glm::vec2(markRadius)});
    std::vector<glm::vec2> out;
    out.reserve(labels.size());
    for (const MarkLabel& l : labels) {
        const float reach = markRadius + gap;
        glm::vec2 best(0.0f);
        float bestCover = std::numeric_limits<float>::infinity();
        for (const glm::vec2 d : kPlaces) {
            // The label's centre: beyond the X's box by the gap, along d (its own half size on that axis).
            const glm::vec2 centre = l.mark + d * (glm::vec2(reach) + 0.5f * l.size);
            const Rect box = Rect::fromPosSize(centre - 0.5f * l.size, l.size);
            float cover = 0.0f;
            for (const Rect& t : taken) cover += box.overlapArea(t);
            if (cover < bestCover) {  // strictly less: ties keep the earlier (preferred) place
                bestCover = cover;
                best = box.min;
                if (cover <= 0.0f) break;
            }
        }
        out.push_back(best);
        taken.push_back(Rect::fromPosSize(best, l.size));
    }
    return out;
}

void addLineObstacles(std::vector<Rect>& out, glm::vec2 from, glm::vec2 to) {
    const glm::vec2 d = to - from;
    const int steps = std::min(400, static_cast<int>(glm::length(d) / 6.0f));
    for (int k = 0; k <= steps; ++k) {
        const glm::vec2 q = from + d * (static_cast<float>(k) / static_cast<float>(std::max(steps, 1)));
        out.push_back({q - glm::vec2(1.5f), q + glm::vec2(1.5f)});
    }
}

float triggerMarkScale(float uiScale, float bodyHeight) {
    const float ui = std::max(uiScale, 1.0f);
    return std::clamp(bodyHeight / 400.0f, 1.0f, ui);
}

}  // namespace la
