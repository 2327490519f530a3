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
    Slot* slot = slots_[0].size == size ? &slots_[0] : &slots_[1];
    if (slot->size != size) {
        slot = slots_[0].used <= slots_[1].used ? &slots_[0] : &slots_[1];  // the least recently used goes
        slot->size = size;
        slot->colour = gl::Texture::colorTarget(size);
        slot->depth = gl::Renderbuffer::create(size, 0, GL_DEPTH24_STENCIL8);
        slot->fbo = gl::Framebuffer::create();
        slot->fbo.attach(GL_COLOR_ATTACHMENT0, slot->colour);
        slot->fbo.attach(GL_DEPTH_STENCIL_ATTACHMENT, slot->depth);
        slot->target = RenderTarget::borrowed(slot->fbo, size);
    }
    slot->used = ++uses_;
    current_ = slot;
    return slot->target;
}

void FxaaPass::resolve(RenderTarget& out, bool filter) {
    const Slot& in = *current_;
    if (!filter || in.size != out.size()) {
        // A copy, or a linear upscale of a frame drawn at reduced resolution: a blit costs a fraction of
        // the filter's full-screen pass on llvmpipe (one texel a pixel instead of five to nine).
        gl::Framebuffer::blitColor(in.fbo, in.size, out.framebuffer(), out.size());
        out.bind();
        return;
    }
    out.bind();
    gl::setDepth(false, false);
    gl::setBlend(gl::Blend::Off);
    gl::setStencil(gl::Stencil::Off);
    gl::setCull(gl::Cull::None);
    program_.use();
    program_.set("uScene", 0);
    program_.set("uTexel", 1.0f / glm::vec2(in.size));
    in.colour.bind(0);
    emptyVao_.drawTriangles(3);
    in.colour.unbind(0);
    gl::setDepth(true, true);
}

}  // namespace la::render
