#include "render/OitPass.h"

#include <algorithm>
#include <cstdio>

#include "render/Shaders.h"

namespace la::render {

namespace {

// The sized format of the framebuffer's depth buffer (0 if it has none): a blit copies depth only between
// identical formats.
GLenum depthFormatOf(GLuint fbo) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
    auto param = [](GLenum attachment, GLenum pname) {
        GLint type = GL_NONE, value = 0;
        glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE,
                                              &type);
        if (type == GL_NONE) return 0;
        glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, pname, &value);
        return value;
    };
    const GLenum depth = fbo ? GL_DEPTH_ATTACHMENT : GL_DEPTH;
    const GLenum stencil = fbo ? GL_STENCIL_ATTACHMENT : GL_STENCIL;
    const int bits = param(depth, GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE);
    const bool isFloat = param(depth, GL_FRAMEBUFFER_ATTACHMENT_COMPONENT_TYPE) == GL_FLOAT;
    const bool withStencil = param(stencil, GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE) > 0;
    if (bits == 0) return 0;
    if (isFloat) return withStencil ? GL_DEPTH32F_STENCIL8 : GL_DEPTH_COMPONENT32F;
    if (bits == 16) return GL_DEPTH_COMPONENT16;
    if (bits == 32) return GL_DEPTH_COMPONENT32;
    return withStencil ? GL_DEPTH24_STENCIL8 : GL_DEPTH_COMPONENT24;
}

gl::Texture makeTarget(glm::ivec2 size, int samples, GLenum internalFormat, GLenum format) {
    gl::Texture tex = gl::makeTexture();
    if (samples > 0) {
        glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, tex.id());
        glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples, internalFormat, size.x, size.y, GL_TRUE);
        glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
    } else {
        glBindTexture(GL_TEXTURE_2D, tex.id());
        glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, size.x, size.y, 0, format, GL_HALF_FLOAT, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    return tex;
}

}  // namespace

Result<OitTargets> OitTargets::create(glm::ivec2 size, int samples, GLenum depthFormat) {
    OitTargets t;
    t.accum_ = makeTarget(size, samples, GL_RGBA16F, GL_RGBA);
    t.weight_ = makeTarget(size, samples, GL_R16F, GL_RED);
    t.depth_ = gl::makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, t.depth_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, depthFormat, size.x, size.y);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    t.fbo_ = gl::makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, t.fbo_.id());
    const GLenum target = samples > 0 ? GL_TEXTURE_2D_MULTISAMPLE : GL_TEXTURE_2D;
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, target, t.accum_.id(), 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, target, t.weight_.id(), 0);
    const bool stencil = depthFormat == GL_DEPTH24_STENCIL8 || depthFormat == GL_DEPTH32F_STENCIL8;
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, stencil ? GL_DEPTH_STENCIL_ATTACHMENT : GL_DEPTH_ATTACHMENT,
                              GL_RENDERBUFFER, t.depth_.id());
    const GLenum buffers[2] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, buffers);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%04x", status);
        return Error{"transparency: the order-independent transparency framebuffer is incomplete (status " +
                     std::string(hex) + ")"};
    }
    GLint actual = 0;
    glGetIntegerv(GL_SAMPLES, &actual);
    t.samples_ = actual;
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
    p.vao_ = gl::makeVertexArray();
    return p;
}

bool OitPass::begin(glm::ivec2 size, glm::ivec4 area, const std::function<void()>& drawOpaqueDepth) {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &sceneFbo_);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &sceneReadFbo_);
    const auto sceneFbo = static_cast<GLuint>(sceneFbo_);
    GLint sceneSamples = 0;
    glGetIntegerv(GL_SAMPLES, &sceneSamples);
    // Keyed by what the targets depend on, not by the framebuffer: the window and a screenshot's
    // OffscreenTarget of the same size share them (F12 would otherwise reallocate twice per picture).
    const GLenum sceneDepth = depthFormatOf(sceneFbo);
    if (!targets_.fbo() || keySize_ != size || keySamples_ != sceneSamples || keyDepth_ != sceneDepth) {
        GLint maxColour = 0, maxDepth = 0;
        glGetIntegerv(GL_MAX_COLOR_TEXTURE_SAMPLES, &maxColour);
        glGetIntegerv(GL_MAX_SAMPLES, &maxDepth);
        const int samples =
            std::min({static_cast<int>(sceneSamples), static_cast<int>(maxColour), static_cast<int>(maxDepth)});
        targets_ = OitTargets{};  // free the old targets before making new ones
        auto t = OitTargets::create(size, samples, sceneDepth ? sceneDepth : GL_DEPTH_COMPONENT24);
        if (!t) {
            if (!reported_) std::fprintf(stderr, "%s\n", t.error().c_str());
            reported_ = true;
            keySamples_ = -1;
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(sceneFbo_));
            glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(sceneReadFbo_));
            return false;
        }
        targets_ = std::move(*t);
        keyDepth_ = sceneDepth;
        keySize_ = size;
        keySamples_ = sceneSamples;
        canCopyDepth_ = sceneDepth != 0 && targets_.samples() == sceneSamples;
        checkNextCopy_ = canCopyDepth_;
    }

    // The depth copy, the translucent draws and the composite touch only the area of the translucent
    // draws (the scissor also bounds the blit).
    glEnable(GL_SCISSOR_TEST);
    glScissor(area.x, area.y, area.z, area.w);
    bool copied = false;
    if (canCopyDepth_) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, sceneFbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, targets_.fbo());
        if (checkNextCopy_)
            while (glGetError() != GL_NO_ERROR) {
            }
        const int x1 = area.x + area.z, y1 = area.y + area.w;
        glBlitFramebuffer(area.x, area.y, x1, y1, area.x, area.y, x1, y1, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
        if (checkNextCopy_) canCopyDepth_ = glGetError() == GL_NO_ERROR;
        checkNextCopy_ = false;
        copied = canCopyDepth_;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, targets_.fbo());
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glDepthMask(GL_TRUE);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    if (!copied) {
        glClear(GL_DEPTH_BUFFER_BIT);
        glDisable(GL_BLEND);
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        drawOpaqueDepth();
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    }
    // Cleared whole, not scissored: on llvmpipe a scissored clear of these multisampled float targets
    // left the box's edge row holding an earlier frame's sums, which the composite then laid down as a
    // faint one-pixel seam (tour exports, where the box moves between frames). A whole clear costs no
    // more there.
    const GLfloat accumClear[4] = {0.0f, 0.0f, 0.0f, 1.0f}, weightClear[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    glDisable(GL_SCISSOR_TEST);
    glClearBufferfv(GL_COLOR, 0, accumClear);
    glClearBufferfv(GL_COLOR, 1, weightClear);
    glEnable(GL_SCISSOR_TEST);
    glDepthMask(GL_FALSE);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_ONE, GL_ONE, GL_ZERO, GL_ONE_MINUS_SRC_ALPHA);
    return true;
}

void OitPass::composite() {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(sceneFbo_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(sceneReadFbo_));
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    // colour = average x (1 - revealage) + opaque x revealage; the scene's alpha is kept.
    glBlendFuncSeparate(GL_ONE_MINUS_SRC_ALPHA, GL_SRC_ALPHA, GL_ZERO, GL_ONE);
    const bool ms = targets_.samples() > 0;
    gl::Program& program = ms ? compositeMs_ : composite_;
    program.use();
    program.set("uAccum", 0);
    program.set("uWeight", 1);
    if (ms) program.set("uSamples", targets_.samples());
    const GLenum target = targets_.textureTarget();
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(target, targets_.weight());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(target, targets_.accum());
    glBindVertexArray(vao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindTexture(target, 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(target, 0);
    glActiveTexture(GL_TEXTURE0);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDepthMask(GL_TRUE);
    glEnable(GL_DEPTH_TEST);
}

}  // namespace la::render
