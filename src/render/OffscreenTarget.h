#pragma once
// A multisampled framebuffer of a fixed size, resolved and read back as RGBA rows (top row first).
#include <cstdint>
#include <vector>

#include "core/Result.h"
#include "render/RenderTarget.h"
#include "render/gl/Objects.h"
#include "render/gl/Program.h"

namespace la::render {

class OffscreenTarget {
public:
    // `depth` false: colour only, for a target that only gets full-screen passes and the UI (the scene
    // drawn elsewhere and filtered into it), 4 bytes a pixel less to clear.
    static Result<OffscreenTarget> create(int width, int height, int samples = 4, bool depth = true);
    // What the renderer and the UI draw into (the multisampled framebuffer).
    RenderTarget& target() { return target_; }
    // Resolves the samples and returns width*height*4 bytes, top row first, alpha 255.
    std::vector<std::uint8_t> readPixels();
    int width() const { return width_; }
    int height() const { return height_; }

private:
    int width_ = 0, height_ = 0;
    int samples_ = 0;  // 0: single-sampled (the GL has no multisampling)
    gl::Framebuffer msFbo_, resolveFbo_;
    gl::Texture msColor_;  // multisampled: read by the resolve shader (shaders/resolve.frag)
    gl::Renderbuffer msDepth_, resolveColor_;
    gl::Program resolve_;  // samples_ > 0
    gl::VertexArray emptyVao_;
    RenderTarget target_;
};

}  // namespace la::render
