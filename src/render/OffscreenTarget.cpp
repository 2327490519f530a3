#include "render/OffscreenTarget.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "render/Shaders.h"
#include "render/gl/State.h"

namespace la::render {

Result<OffscreenTarget> OffscreenTarget::create(int width, int height, int samples, bool depth) {
    const gl::Limits limits = gl::limits();
    if (width <= 0 || height <= 0 || width > limits.maxRenderbufferSize || height > limits.maxRenderbufferSize)
        return Error{"--size " + std::to_string(width) + "x" + std::to_string(height) +
                     ": outside what the GPU supports (1.." + std::to_string(limits.maxRenderbufferSize) + ")"};
    samples = std::clamp(samples, 0, std::min(limits.maxSamples, limits.maxColorTextureSamples));
    const glm::ivec2 size(width, height);
    OffscreenTarget t;
    t.width_ = width;
    t.height_ = height;
    t.samples_ = samples > 1 ? samples : 0;
    t.msColor_ = gl::Texture::renderTarget(size, t.samples_, GL_RGBA8, GL_RGBA);
    t.msFbo_ = gl::Framebuffer::create();
    t.msFbo_.attach(GL_COLOR_ATTACHMENT0, t.msColor_);
    if (depth) {
        t.msDepth_ = gl::Renderbuffer::create(size, t.samples_, GL_DEPTH24_STENCIL8);
        t.msFbo_.attach(GL_DEPTH_STENCIL_ATTACHMENT, t.msDepth_);
    }
    if (!t.msFbo_.complete()) return Error{"offscreen framebuffer is incomplete"};
    if (t.samples_ > 0) {
        t.resolveColor_ = gl::Renderbuffer::create(size, 0, GL_RGBA8);
        t.resolveFbo_ = gl::Framebuffer::create();
        t.resolveFbo_.attach(GL_COLOR_ATTACHMENT0, t.resolveColor_);
        if (!t.resolveFbo_.complete()) return Error{"offscreen resolve framebuffer is incomplete"};
        auto resolve = loadProgram("resolve", "#define LA_SAMPLES " + std::to_string(t.samples_) + "\n");
        if (!resolve) return Error{resolve.error()};
        t.resolve_ = std::move(*resolve);
        t.emptyVao_ = gl::VertexArray::create();
    }
    t.target_ = RenderTarget::borrowed(t.msFbo_, size);
    return t;
}

std::vector<std::uint8_t> OffscreenTarget::readPixels() {
    const glm::ivec2 size(width_, height_);
    const auto w = static_cast<std::size_t>(width_), h = static_cast<std::size_t>(height_);
    if (samples_ > 0) {
        // The resolve shader writes the rows top first and alpha opaque: read as it is.
        RenderTarget::borrowed(resolveFbo_, size).bind();
        gl::setDepth(false, false);
        gl::setBlend(gl::Blend::Off);
        gl::setStencil(gl::Stencil::Off);
        gl::setCull(gl::Cull::None);
        gl::setScissor(std::nullopt);
        gl::setColorWrite(true);
        resolve_.use();
        resolve_.set("uScene", 0);
        resolve_.set("uHeight", height_);
        msColor_.bind(0);
        emptyVao_.drawTriangles(3);
        msColor_.unbind(0);
        gl::setDepth(true, true);
        return resolveFbo_.readRgba(size);
    }
    std::vector<std::uint8_t> px = msFbo_.readRgba(size);
    // GL's rows run bottom to top; images run top to bottom: the rows swapped in place (a second picture
    // would be 3.5 MiB more fresh memory at 1280x720). Alpha is forced opaque.
    const std::size_t row = w * 4;
    std::vector<std::uint8_t> spare(row);
    for (std::size_t y = 0; y < h / 2; ++y) {
        std::uint8_t* const top = px.data() + y * row;
        std::uint8_t* const bottom = px.data() + (h - 1 - y) * row;
        std::memcpy(spare.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, spare.data(), row);
    }
    for (std::size_t i = 3; i < px.size(); i += 4) px[i] = 255;
    return px;
}

}  // namespace la::render
