#include "render/OffscreenTarget.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace la::render {

Result<OffscreenTarget> OffscreenTarget::create(int width, int height, int samples) {
    GLint maxSize = 0, maxSamples = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    if (width <= 0 || height <= 0 || width > maxSize || height > maxSize)
        return Error{"--size " + std::to_string(width) + "x" + std::to_string(height) +
                     ": outside what the GPU supports (1.." + std::to_string(maxSize) + ")"};
    samples = std::min(samples, static_cast<int>(maxSamples));
    OffscreenTarget t;
    t.width_ = width;
    t.height_ = height;
    t.msColor_ = gl::makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, t.msColor_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    t.msDepth_ = gl::makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, t.msDepth_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, width, height);
    t.msFbo_ = gl::makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, t.msFbo_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.msColor_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.msDepth_.id());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        return Error{"offscreen framebuffer is incomplete"};
    t.resolveColor_ = gl::makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, t.resolveColor_.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    t.resolveFbo_ = gl::makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, t.resolveFbo_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.resolveColor_.id());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        return Error{"offscreen resolve framebuffer is incomplete"};
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return t;
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, msFbo_.id());
}

std::vector<std::uint8_t> OffscreenTarget::readPixels() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_.id());
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
    const auto w = static_cast<std::size_t>(width_), h = static_cast<std::size_t>(height_);
    std::vector<std::uint8_t> px(w * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // GL's rows run bottom to top; images run top to bottom. Alpha is forced opaque.
    std::vector<std::uint8_t> out(px.size());
    for (std::size_t y = 0; y < h; ++y) std::memcpy(&out[y * w * 4], &px[(h - 1 - y) * w * 4], w * 4);
    for (std::size_t i = 3; i < out.size(); i += 4) out[i] = 255;
    return out;
}

}  // namespace la::render
