#pragma once
// The picture of UI windows that stay as they were while the camera moves (core/UiLayerCache.h decides
// which): a transparent RGBA8 target of the window's size that ImGui draws into (its blending leaves
// colour premultiplied by coverage there), laid over the frame rectangle by rectangle, a texel a pixel.
#include <vector>

#include "core/OpaqueTiles.h"
#include "core/Result.h"
#include "core/UiLayerCache.h"
#include "render/RenderTarget.h"
#include "render/gl/Objects.h"
#include "render/gl/Program.h"

namespace la::render {

// A top-left pixel rectangle of a target of `size` as GL's scissor box (bottom-left origin).
glm::ivec4 scissorBox(const PixelRect& r, glm::ivec2 size);

class UiLayer {
public:
    static Result<UiLayer> create();

    // The layer at `size` (made anew, transparent, when the size changes), bound, its `rects` (top-left
    // pixel rectangles) cleared to transparent.
    RenderTarget& begin(glm::ivec2 size, const std::vector<PixelRect>& rects);
    // After the draws into the layer that followed begin: `drawn` (top-left pixels) is what they could
    // reach. With `learnOpacity` the layer's pixels there and in the rectangles begin cleared are read
    // back, and its opaque tiles there are known (opaqueParts); without, they count as not opaque.
    // Returns the layer's pixels that changed since the last call: the cleared and the drawn rectangles
    // (all of it after a change of size).
    std::vector<PixelRect> finish(const std::vector<PixelRect>& drawn, bool learnOpacity);
    // The parts of `dest` (the frame's pixels) whose layer pixels, `dest` moved back by `shift`, are known
    // to be opaque (core/OpaqueTiles.h): disjoint, within `dest`.
    std::vector<PixelRect> opaqueParts(const PixelRect& dest, glm::ivec2 shift) const {
        return opaque_.opaqueParts(dest, shift);
    }
    // The layer's pixels in `rects` (disjoint) laid over `out`, which stays bound; blending and the
    // scissor test are left off. `shifts` (empty, or one per rectangle, top-left pixels): each rectangle's
    // pixels come from the layer's at `rect` moved back by its shift.
    void composite(RenderTarget& out, const std::vector<PixelRect>& rects, const std::vector<glm::ivec2>& shifts = {});

    // The layer's picture (premultiplied RGBA8, nearest filtering) and size, for a pass that lays it over
    // itself (FxaaPass::upscaleUnder).
    const gl::Texture& texture() const { return colour_; }
    glm::ivec2 size() const { return size_; }

private:
    gl::Program program_;
    gl::VertexArray emptyVao_;
    gl::Framebuffer fbo_;
    gl::Texture colour_;
    RenderTarget target_;
    glm::ivec2 size_{0};
    OpaqueTiles opaque_;
    std::vector<PixelRect> cleared_;  // by begin since the last finish
};

}  // namespace la::render
