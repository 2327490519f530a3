#include "core/KeptPixels.h"

#include <algorithm>

namespace la {

namespace {
bool intersect(const PixelRect& a, const PixelRect& b, PixelRect& out) {
    if (!overlaps(a, b)) return false;
    const glm::ivec2 lo = glm::max(glm::ivec2(a), glm::ivec2(b));
    const glm::ivec2 hi = glm::min(glm::ivec2(a.x + a.z, a.y + a.w), glm::ivec2(b.x + b.z, b.y + b.w));
    out = PixelRect(lo.x, lo.y, hi.x - lo.x, hi.y - lo.y);
    return true;
}
}  // namespace

PixelRect upscaledBox(glm::ivec4 box, glm::ivec2 scene, glm::ivec2 window) {
    if (box.z <= 0 || box.w <= 0 || scene.x <= 0 || scene.y <= 0) return PixelRect(0);
    const glm::vec2 s = glm::vec2(window) / glm::vec2(scene);
    const glm::ivec2 a = glm::max(glm::ivec2(glm::floor(glm::vec2(box.x, box.y) * s)) - 1, glm::ivec2(0));
    const glm::ivec2 b = glm::min(glm::ivec2(glm::ceil(glm::vec2(box.x + box.z, box.y + box.w) * s)) + 1, window);
    if (b.x <= a.x || b.y <= a.y) return PixelRect(0);
    return {a.x, window.y - b.y, b.x - a.x, b.y - a.y};  // GL's rows run upwards
}

void KeptPixels::forget() {
    rects_.clear();
    shifts_.clear();
}

std::vector<PixelRect> KeptPixels::shown(const std::vector<PixelRect>& pieces,
                                         const std::vector<glm::ivec2>& shifts) const {
    std::vector<PixelRect> out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const glm::ivec2 shift = i < shifts.size() ? shifts[i] : glm::ivec2(0);
        for (std::size_t k = 0; k < rects_.size(); ++k) {
            PixelRect both;
            if (shifts_[k] == shift && intersect(pieces[i], rects_[k], both)) out.push_back(both);
        }
    }
    return out;
}

void KeptPixels::layerRedrawn(const std::vector<PixelRect>& areas) {
    std::vector<PixelRect> rects;
    std::vector<glm::ivec2> shifts;
    for (std::size_t k = 0; k < rects_.size(); ++k) {
        // The area's pixels where this rectangle shows them.
        std::vector<PixelRect> holes;
        holes.reserve(areas.size());
        for (const PixelRect& a : areas) holes.emplace_back(a.x + shifts_[k].x, a.y + shifts_[k].y, a.z, a.w);
        for (const PixelRect& piece : subtractRects(rects_[k], holes)) {
            rects.push_back(piece);
            shifts.push_back(shifts_[k]);
        }
    }
    rects_.swap(rects);
    shifts_.swap(shifts);
}

void KeptPixels::frameDone(const std::vector<PixelRect>& pieces, const std::vector<glm::ivec2>& shifts,
                           const std::vector<PixelRect>& touched) {
    forget();
    for (std::size_t i = 0; i < pieces.size(); ++i)
        for (const PixelRect& piece : subtractRects(pieces[i], touched)) {
            rects_.push_back(piece);
            shifts_.push_back(i < shifts.size() ? shifts[i] : glm::ivec2(0));
        }
}

}  // namespace la
