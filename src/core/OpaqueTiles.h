#pragma once
// Which parts of a picture are fully opaque, known in square tiles: laid over anything, those pixels look
// the same whatever is under them. For the cached UI layer (render/UiLayer.h), whose opaque windows a
// window frame need not write again while its back buffer keeps them (core/KeptPixels.h). Pure.
#include <cstdint>
#include <vector>

#include "core/UiLayerCache.h"

namespace la {

class OpaqueTiles {
public:
    static constexpr int kTile = 16;  // pixels a side

    // A picture of `size` (top-left pixel rows), nothing known to be opaque.
    void reset(glm::ivec2 size);
    glm::ivec2 size() const { return size_; }
    // `area` grown to whole tiles and clipped to the picture: what update() needs to read.
    PixelRect tilesOf(const PixelRect& area) const;
    // The pixels of `area` (one of tilesOf) are `rgba`: its rows from the top, 4 bytes a pixel, alpha
    // last. Each tile in it is opaque when every pixel's alpha is 255; tiles partly outside it are left as
    // not opaque (an area that is not whole tiles).
    void update(const PixelRect& area, const std::vector<std::uint8_t>& rgba);
    // Every tile `area` touches counts as not opaque.
    void forget(const PixelRect& area);
    // The parts of `dest` (pixels of a frame) whose picture pixels, `dest` moved back by `shift`, lie in
    // opaque tiles: disjoint rectangles within `dest`, in the frame's pixels.
    std::vector<PixelRect> opaqueParts(const PixelRect& dest, glm::ivec2 shift) const;

private:
    glm::ivec2 size_{0}, tiles_{0};
    std::vector<std::uint8_t> opaque_;  // tiles_.x * tiles_.y, row by row from the top
};

}  // namespace la
