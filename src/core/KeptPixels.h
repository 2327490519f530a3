#pragma once
// A window whose present keeps its back buffer (render/gl/Present.h): which of its pixels still show the
// cached UI layer's opaque pixels from the last frame, and from where in the layer (the shift of the window
// they belong to). While the camera moves, the next frame leaves those pixels as they are instead of
// writing them again: on a software renderer every pixel a pass writes costs, and the sidebar, the legend
// and any panel that did not move are a third of the screen or more. Pure; unit-tested.
#include <vector>

#include "core/UiLayerCache.h"

namespace la {

// A box of a scene drawn at `scene` pixels (x, y, width, height, GL's bottom-left origin) as the pixels
// (top-left origin) of `window` that its nearest-texel upscale covers, one more on every side; empty for
// an empty box.
PixelRect upscaledBox(glm::ivec4 box, glm::ivec2 scene, glm::ivec2 window);

class KeptPixels {
public:
    // Nothing is known to be kept (a frame drawn another way, a present that does not keep the buffer).
    void forget();
    // The parts of `pieces` (disjoint, each with its shift) that the back buffer shows already: kept from
    // the last frame with the same shift. Disjoint.
    std::vector<PixelRect> shown(const std::vector<PixelRect>& pieces, const std::vector<glm::ivec2>& shifts) const;
    // The layer was drawn again in `areas` (its own pixels): pixels kept from there are stale.
    void layerRedrawn(const std::vector<PixelRect>& areas);
    // The frame showed `pieces` (opaque layer pixels, disjoint, each with its shift: written or left as
    // they were) and then drew over `touched`: what the back buffer holds for the next frame. Pixels kept
    // before and not in `pieces` were written with something else.
    void frameDone(const std::vector<PixelRect>& pieces, const std::vector<glm::ivec2>& shifts,
                   const std::vector<PixelRect>& touched);
    bool empty() const { return rects_.empty(); }

private:
    std::vector<PixelRect> rects_;  // disjoint
    std::vector<glm::ivec2> shifts_;
};

}  // namespace la
