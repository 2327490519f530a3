#include "core/OpaqueTiles.h"

#include <algorithm>

namespace la {

void OpaqueTiles::reset(glm::ivec2 size) {
    size_ = glm::max(size, glm::ivec2(0));
    tiles_ = (size_ + kTile - 1) / kTile;
    opaque_.assign(static_cast<std::size_t>(tiles_.x) * static_cast<std::size_t>(tiles_.y), 0);
}

PixelRect OpaqueTiles::tilesOf(const PixelRect& area) const {
    const glm::ivec2 lo = glm::clamp(glm::ivec2(area.x, area.y), glm::ivec2(0), size_);
    const glm::ivec2 hi = glm::clamp(glm::ivec2(area.x + area.z, area.y + area.w), glm::ivec2(0), size_);
    if (hi.x <= lo.x || hi.y <= lo.y) return PixelRect(0);
    const glm::ivec2 a = lo / kTile * kTile, b = glm::min((hi + kTile - 1) / kTile * kTile, size_);
    return {a.x, a.y, b.x - a.x, b.y - a.y};
}

void OpaqueTiles::update(const PixelRect& area, const std::vector<std::uint8_t>& rgba) {
    if (area.z <= 0 || area.w <= 0) return;
    if (rgba.size() < static_cast<std::size_t>(area.z) * static_cast<std::size_t>(area.w) * 4) return;
    // Every tile the area touches is forgotten first; only those wholly inside it (or cut only by the
    // picture's edge) are read.
    const glm::ivec2 t0 = glm::max(glm::ivec2(area.x, area.y) / kTile, glm::ivec2(0));
    const glm::ivec2 t1 = glm::min((glm::ivec2(area.x + area.z, area.y + area.w) + kTile - 1) / kTile, tiles_);
    for (int ty = t0.y; ty < t1.y; ++ty)
        for (int tx = t0.x; tx < t1.x; ++tx) {
            const glm::ivec2 p0(tx * kTile, ty * kTile), p1 = glm::min(p0 + kTile, size_);
            const bool inside = p0.x >= area.x && p0.y >= area.y && p1.x <= area.x + area.z && p1.y <= area.y + area.w;
            bool all = inside;
            for (int y = p0.y; all && y < p1.y; ++y) {
                const std::size_t row = static_cast<std::size_t>(y - area.y) * static_cast<std::size_t>(area.z);
                for (int x = p0.x; x < p1.x; ++x)
                    if (rgba[(row + static_cast<std::size_t>(x - area.x)) * 4 + 3] != 255) {
                        all = false;
                        break;
                    }
            }
            opaque_[static_cast<std::size_t>(ty) * static_cast<std::size_t>(tiles_.x) + static_cast<std::size_t>(tx)] =
                all ? 1 : 0;
        }
}

void OpaqueTiles::forget(const PixelRect& area) {
    if (area.z <= 0 || area.w <= 0) return;
    const glm::ivec2 t0 = glm::max(glm::ivec2(area.x, area.y) / kTile, glm::ivec2(0));
    const glm::ivec2 t1 = glm::min((glm::ivec2(area.x + area.z, area.y + area.w) + kTile - 1) / kTile, tiles_);
    for (int ty = t0.y; ty < t1.y; ++ty)
        for (int tx = t0.x; tx < t1.x; ++tx)
            opaque_[static_cast<std::size_t>(ty) * static_cast<std::size_t>(tiles_.x) + static_cast<std::size_t>(tx)] =
                0;
}

std::vector<PixelRect> OpaqueTiles::opaqueParts(const PixelRect& dest, glm::ivec2 shift) const {
    std::vector<PixelRect> out;
    // The picture's pixels of `dest`, clipped to the picture.
    const glm::ivec2 lo = glm::max(glm::ivec2(dest.x, dest.y) - shift, glm::ivec2(0));
    const glm::ivec2 hi = glm::min(glm::ivec2(dest.x + dest.z, dest.y + dest.w) - shift, size_);
    if (hi.x <= lo.x || hi.y <= lo.y) return out;
    const glm::ivec2 t0 = lo / kTile, t1 = (hi + kTile - 1) / kTile;
    // Runs of opaque tiles in each row of tiles; a run that continues one of the row above (the same
    // columns) grows it downwards instead of starting another rectangle.
    struct Run {
        int x0, x1;        // tile columns [x0, x1)
        std::size_t rect;  // its rectangle in `out`
    };
    std::vector<Run> above, here;
    for (int ty = t0.y; ty < t1.y; ++ty) {
        here.clear();
        const int y0 = std::max(ty * kTile, lo.y), y1 = std::min((ty + 1) * kTile, hi.y);
        for (int tx = t0.x; tx < t1.x;) {
            auto at = [&](int x) {
                return opaque_[static_cast<std::size_t>(ty) * static_cast<std::size_t>(tiles_.x) +
                               static_cast<std::size_t>(x)] != 0;
            };
            if (!at(tx)) {
                ++tx;
                continue;
            }
            int end = tx;
            while (end < t1.x && at(end)) ++end;
            const int x0 = std::max(tx * kTile, lo.x), x1 = std::min(end * kTile, hi.x);
            auto same =
                std::find_if(above.begin(), above.end(), [&](const Run& r) { return r.x0 == tx && r.x1 == end; });
            if (same != above.end() && out[same->rect].y + out[same->rect].w == y0 + shift.y) {
                out[same->rect].w += y1 - y0;
                here.push_back({tx, end, same->rect});
            } else {
                here.push_back({tx, end, out.size()});
                out.emplace_back(x0 + shift.x, y0 + shift.y, x1 - x0, y1 - y0);
            }
            tx = end;
        }
        above.swap(here);
    }
    return out;
}

}  // namespace la
