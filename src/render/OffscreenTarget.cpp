#include "render/OffscreenTarget.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "render/gl/State.h"

namespace la::render {

Result<OffscreenTarget> OffscreenTarget::create(int width, int height, int samples) {
    const gl::Limits limits = gl::limits();
    if (width <= 0 || height <= 0 || width > limits.maxRenderbufferSize || height > limits.maxRenderbufferSize)
        return Error{"--size " + std::to_string(width) + "x" + std::to_string(height) +
                     ": outside what the GPU supports (1.." + std::to_string(limits.maxRenderbufferSize) + ")"};
    samples = std::min(samples, limits.maxSamples);
    const glm::ivec2 size(width, height);
    OffscreenTarget t;
    t.width_ = width;
    t.height_ = height;
    t.msColor_ = gl::Renderbuffer::create(size, samples, GL_RGBA8);
    t.msDepth_ = gl::Renderbuffer::create(size, samples, GL_DEPTH24_STENCIL8);
    t.msFbo_ = gl::Framebuffer::create();
    t.msFbo_.attach(GL_COLOR_ATTACHMENT0, t.msColor_);
    t.msFbo_.attach(GL_DEPTH_STENCIL_ATTACHMENT, t.msDepth_);
    if (!t.msFbo_.complete()) return Error{"offscreen framebuffer is incomplete"};
    t.resolveColor_ = gl::Renderbuffer::create(size, 0, GL_RGBA8);
    t.resolveFbo_ = gl::Framebuffer::create();
    t.resolveFbo_.attach(GL_COLOR_ATTACHMENT0, t.resolveColor_);
    if (!t.resolveFbo_.complete()) return Error{"offscreen resolve framebuffer is incomplete"};
    t.target_ = RenderTarget::borrowed(t.msFbo_, size);
    return t;
}

std::vector<std::uint8_t> OffscreenTarget::readPixels() const {
    const glm::ivec2 size(width_, height_);
    gl::Framebuffer::blitColor(msFbo_, resolveFbo_, size);
    const std::vector<std::uint8_t> px = resolveFbo_.readRgba(size);
    // GL's rows run bottom to top; images run top to bottom. Alpha is forced opaque.
    const auto w = static_cast<std::size_t>(width_), h = static_cast<std::size_t>(height_);
    std::vector<std::uint8_t> out(px.size());
    for (std::size_t y = 0; y < h; ++y) std::memcpy(&out[y * w * 4], &px[(h - 1 - y) * w * 4], w * 4);
    for (std::size_t i = 3; i < out.size(); i += 4) out[i] = 255;
    return out;
}

}  // namespace la::render
