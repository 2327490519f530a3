#pragma once
// The picture of UI windows that stay as they were while the camera moves (core/UiLayerCache.h decides
// which): a transparent RGBA8 target of the window's size that ImGui draws into (its blending leaves
// colour premultiplied by coverage there), laid over the frame rectangle by rectangle, a texel a pixel.
#include <vector>

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
};

}  // namespace la::render
