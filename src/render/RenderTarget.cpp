#include "render/RenderTarget.h"

#include "render/gl/State.h"

namespace la::render {

RenderTarget RenderTarget::window(glm::ivec2 size) {
    RenderTarget t;
    t.fbo_ = gl::Framebuffer::wrap(0);
    t.size_ = size;
    return t;
}

RenderTarget RenderTarget::borrowed(const gl::Framebuffer& framebuffer, glm::ivec2 size) {
    RenderTarget t;
    t.fbo_ = gl::Framebuffer::wrap(framebuffer.id());
    t.size_ = size;
    return t;
}

void RenderTarget::bind() const {
    fbo_.bind();
    gl::viewport(size_);
}

void RenderTarget::clear(const glm::vec4& colour) const {
    bind();
    gl::setScissor(std::nullopt);
    gl::setColorWrite(true);
    gl::setDepth(true, true);
    gl::clear(colour);
}

void RenderTarget::clearDepthStencil() const {
    bind();
    gl::setScissor(std::nullopt);
    gl::setDepth(true, true);
    gl::clearDepthStencil();
}

int RenderTarget::samples() const {
    if (samples_ < 0) samples_ = fbo_.samples();
    return samples_;
}

unsigned RenderTarget::depthFormat() const {
    if (depthFormat_ < 0) depthFormat_ = static_cast<int>(fbo_.depthFormat());
    return static_cast<unsigned>(depthFormat_);
}

}  // namespace la::render
