#include "render/OitPass.h"

#include <algorithm>
#include <cstdio>

#include "render/Shaders.h"
#include "render/gl/State.h"

namespace la::render {

Result<OitTargets> OitTargets::create(glm::ivec2 size, int samples, GLenum depthFormat) {
    OitTargets t;
    t.accum_ = gl::Texture::renderTarget(size, samples, GL_RGBA16F, GL_RGBA);
    t.weight_ = gl::Texture::renderTarget(size, samples, GL_R16F, GL_RED);
    t.fbo_ = gl::Framebuffer::create();
    t.fbo_.attach(GL_COLOR_ATTACHMENT0, t.accum_);
    t.fbo_.attach(GL_COLOR_ATTACHMENT1, t.weight_);
    if (depthFormat != 0) {
        t.depth_ = gl::Renderbuffer::create(size, samples, depthFormat);
        const bool stencil = depthFormat == GL_DEPTH24_STENCIL8 || depthFormat == GL_DEPTH32F_STENCIL8;
        t.fbo_.attach(stencil ? GL_DEPTH_STENCIL_ATTACHMENT : GL_DEPTH_ATTACHMENT, t.depth_);
    }
    t.fbo_.drawBuffers(2);
    const GLenum status = t.fbo_.status();
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%04x", status);
        return Error{"transparency: the order-independent transparency framebuffer is incomplete (status " +
                     std::string(hex) + ")"};
    }
    t.samples_ = t.fbo_.samples();
    return t;
}

Result<OitPass> OitPass::create() {
    auto plain = loadProgram("oit_composite");
    if (!plain) return Error{plain.error()};
    auto ms = loadProgram("oit_composite", "#define LA_OIT_MSAA 1");
    if (!ms) return Error{ms.error()};
    OitPass p;
    p.composite_ = std::move(*plain);
    p.compositeMs_ = std::move(*ms);
    p.vao_ = gl::VertexArray::create();
    return p;
}

bool OitPass::begin(const RenderTarget& scene, glm::ivec4 area, const std::function<void()>& drawOpaqueDepth) {
    const glm::ivec2 size = scene.size();
    const int sceneSamples = scene.samples();
    // Keyed by what the targets depend on, not by the framebuffer: the window and a screenshot's
    // OffscreenTarget of the same size share them (F12 would otherwise reallocate twice per picture).
    const auto sceneDepth = static_cast<GLenum>(scene.depthFormat());
    const gl::Limits limits = gl::limits();
    const int samples = std::min({sceneSamples, limits.maxColorTextureSamples, limits.maxSamples});
    // Our own framebuffers lend their depth; the targets have a depth of their own only for the window's.
    const bool share = !scene.framebuffer().isDefault() && sceneDepth != 0 && samples == sceneSamples && !shareFailed_;
    if (!targets_ || keySize_ != size || keySamples_ != sceneSamples || keyDepth_ != sceneDepth ||
        shareDepth_ != share) {
        targets_ = OitTargets{};  // free the old targets before making new ones
        auto t = OitTargets::create(size, samples, share ? 0 : sceneDepth ? sceneDepth : GL_DEPTH_COMPONENT24);
        if (!t) {
            if (!reported_) std::fprintf(stderr, "%s\n", t.error().c_str());
            reported_ = true;
            keySamples_ = -1;
            scene.bind();
            return false;
        }
        targets_ = std::move(*t);
        keyDepth_ = sceneDepth;
        keySize_ = size;
        keySamples_ = sceneSamples;
        shareDepth_ = share;
        checkNextShare_ = share;
        canCopyDepth_ = !share && sceneDepth != 0 && targets_.samples() == sceneSamples;
        checkNextCopy_ = canCopyDepth_;
    }
    if (shareDepth_) {
        // Attached again every time: the scene's target may have been remade since (another size).
        bool ok = targets_.framebuffer().shareDepthOf(scene.framebuffer());
        if (ok && checkNextShare_) ok = targets_.framebuffer().complete();
        checkNextShare_ = false;
        if (!ok) {  // not shareable after all: targets with a depth of their own, copied
            keySamples_ = -1;
            shareDepth_ = false;
            shareFailed_ = true;
            scene.bind();
            return begin(scene, area, drawOpaqueDepth);
        }
    }

    // The depth copy, the translucent draws and the composite touch only the area of the translucent
    // draws (the scissor also bounds the blit).
    gl::setScissor(area);
    bool copied = shareDepth_;
    if (!shareDepth_ && canCopyDepth_) {
        const bool ok = gl::Framebuffer::blitDepth(scene.framebuffer(), targets_.framebuffer(), area, checkNextCopy_);
        if (checkNextCopy_) canCopyDepth_ = ok;
        checkNextCopy_ = false;
        copied = canCopyDepth_;
    }
    targets_.framebuffer().bind();
    gl::setColorWrite(true);
    gl::setDepth(true, true);
    if (!copied) {
        gl::clearDepth();
        gl::setBlend(gl::Blend::Off);
        gl::setColorWrite(false);
        drawOpaqueDepth();
        gl::setColorWrite(true);
    }
    // Cleared whole, not scissored: on llvmpipe a scissored clear of these multisampled float targets
    // left the box's edge row holding an earlier frame's sums, which the composite then laid down as a
    // faint one-pixel seam (tour exports, where the box moves between frames). A whole clear costs no
    // more there.
    gl::setScissor(std::nullopt);
    gl::Framebuffer::clearColor(0, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    gl::Framebuffer::clearColor(1, glm::vec4(0.0f));
    gl::setScissor(area);
    gl::setDepth(true, false);
    gl::setBlend(gl::Blend::OitAccumulate);
    return true;
}

void OitPass::composite(const RenderTarget& scene) {
    scene.framebuffer().bind();
    gl::setDepth(false, false);
    gl::setCull(gl::Cull::None);
    // colour = average x (1 - revealage) + opaque x revealage; the scene's alpha is kept.
    gl::setBlend(gl::Blend::OitComposite);
    const bool ms = targets_.samples() > 0;
    gl::Program& program = ms ? compositeMs_ : composite_;
    program.use();
    program.set("uAccum", 0);
    program.set("uWeight", 1);
    if (ms) program.set("uSamples", targets_.samples());
    targets_.weight().bind(1);
    targets_.accum().bind(0);
    vao_.drawTriangles(3);
    targets_.accum().unbind(0);
    targets_.weight().unbind(1);
    gl::Texture::unbind2D(0);  // leaves unit 0 active, as the draws expect
    gl::setBlend(gl::Blend::Off);
    gl::setScissor(std::nullopt);
    gl::setDepth(true, true);
}

}  // namespace la::render
