#pragma once
// Anti-aliasing the window can afford without a GPU: the scene is drawn single-sampled into a target of
// the window's size, then copied to the window through a fast approximate anti-aliasing filter
// (shaders/fxaa.frag); the UI is drawn over the result, untouched. MSAA 4x costs about 2.6x a frame on
// llvmpipe; this pass costs one full-screen triangle.
#include <array>
#include <optional>
#include <vector>

#include "core/Result.h"
#include "render/RenderTarget.h"
#include "render/UiLayer.h"
#include "render/gl/Objects.h"
#include "render/gl/Program.h"

namespace la::render {

class FxaaPass {
public:
    static Result<FxaaPass> create();

    // The single-sampled target to draw the scene into, (re)made at `size` (the window's, or less).
    RenderTarget& sceneTarget(glm::ivec2 size);
    // The scene target's picture into `out` (bound afterwards), filtered; `filter` false copies it plainly.
    // A scene target smaller than `out` (drawn at reduced resolution while the camera moves) is scaled up,
    // each window pixel the nearest texel, unfiltered, drawn as a rectangle (two triangles) so that llvmpipe
    // can take its linear path into a window without depth (about a third less than the full-screen triangle).
    // `filtered` (pixels of `out`, top-left origin), when given at the same size: only those pixels are
    // filtered, the rest (where the scene drew nothing: the background's smooth gradient, which the filter
    // leaves as it is) copied plainly through llvmpipe's linear path.
    void resolve(RenderTarget& out, bool filter = true, std::optional<PixelRect> filtered = std::nullopt);
    // The upscale of a reduced frame (as resolve) with the UI layer's pixels of `rects` (disjoint, top-left
    // pixels, each taken from `rect` moved back by its entry of `shifts`) laid over in the same pass: one
    // full-screen pass instead of the upscale and then a blended pass over those rectangles (the cached UI
    // is a third to half of the screen). Matches resolve + UiLayer::composite to within one level of a
    // channel (the shader's rounding against the blender's). `out` stays bound. `kept` (disjoint): pixels
    // `out` shows already as this pass would write them, kept in a back buffer from the last frame
    // (core/KeptPixels.h): opaque layer pixels within `rects`, the background's upscale outside them. Left
    // as they are (all are written when the layer is not of `out`'s size).
    void upscaleUnder(RenderTarget& out, const UiLayer& layer, const std::vector<PixelRect>& rects,
                      const std::vector<glm::ivec2>& shifts, const std::vector<PixelRect>& kept = {});

private:
    // Two targets kept: the window's size and the reduced one of frames while the camera moves, so that
    // starting and stopping an orbit allocates nothing.
    struct Slot {
        gl::Framebuffer fbo;
        gl::Texture colour;
        gl::Renderbuffer depth;
        RenderTarget target;
        glm::ivec2 size{0};
        unsigned long long used = 0;  // when sceneTarget last returned it
    };
    gl::Program program_;
    gl::Program upscale_;  // the same pass without the filter (LA_UPSCALE)
    gl::Program under_;    // the upscale with the UI layer over it (LA_UPSCALE, LA_WITH_LAYER)
    gl::VertexArray emptyVao_;
    std::array<Slot, 2> slots_;
    Slot* current_ = &slots_[0];
    unsigned long long uses_ = 0;
};

}  // namespace la::render
