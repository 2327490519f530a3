#include "render/FxaaPass.h"

#include "render/Shaders.h"
#include "render/gl/State.h"

namespace la::render {

Result<FxaaPass> FxaaPass::create() {
    auto program = loadProgram("fxaa");
    if (!program) return Error{program.error()};
    FxaaPass p;
    p.program_ = std::move(*program);
    p.emptyVao_ = gl::VertexArray::create();
    return p;
}

RenderTarget& FxaaPass::sceneTarget(glm::ivec2 size) {
    size = glm::max(size, glm::ivec2(1));
    if (size != size_) {
        size_ = size;
        colour_ = gl::Texture::colorTarget(size);
        depth_ = gl::Renderbuffer::create(size, 0, GL_DEPTH24_STENCIL8);
        fbo_ = gl::Framebuffer::create();
        fbo_.attach(GL_COLOR_ATTACHMENT0, colour_);
        fbo_.attach(GL_DEPTH_STENCIL_ATTACHMENT, depth_);
        target_ = RenderTarget::borrowed(fbo_, size);
    }
    return target_;
}

void FxaaPass::resolve(RenderTarget& out, bool filter) {
    out.bind();
    gl::setDepth(false, false);
    gl::setBlend(gl::Blend::Off);
    gl::setStencil(gl::Stencil::Off);
    gl::setCull(gl::Cull::None);
    program_.use();
    program_.set("uScene", 0);
    program_.set("uTexel", filter ? 1.0f / glm::vec2(size_) : glm::vec2(0.0f));
    colour_.bind(0);
    emptyVao_.drawTriangles(3);
    colour_.unbind(0);
    gl::setDepth(true, true);
}

}  // namespace la::render
