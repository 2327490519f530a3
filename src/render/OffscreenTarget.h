#pragma once
// A multisampled framebuffer of a fixed size, resolved and read back as RGBA rows (top row first).
#include <cstdint>
#include <vector>

#include "core/Result.h"
#include "render/RenderTarget.h"
#include "render/gl/Objects.h"

namespace la::render {

class OffscreenTarget {
public:
    static Result<OffscreenTarget> create(int width, int height, int samples = 4);
    // What the renderer and the UI draw into (the multisampled framebuffer).
    RenderTarget& target() { return target_; }
    // Resolves the samples and returns width*height*4 bytes, top row first.
    std::vector<std::uint8_t> readPixels() const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    int width_ = 0, height_ = 0;
    gl::Framebuffer msFbo_, resolveFbo_;
    gl::Renderbuffer msColor_, msDepth_, resolveColor_;
    RenderTarget target_;
};

}  // namespace la::render
