#include "render/gl/State.h"

#include <epoxy/gl.h>

namespace la::gl {

namespace {
void enable(GLenum cap, bool on) {
    if (on)
        glEnable(cap);
    else
        glDisable(cap);
}
int integer(GLenum name) {
    GLint v = 0;
    glGetIntegerv(name, &v);
    return v;
}
}  // namespace

Limits limits() {
    return {integer(GL_MAX_RENDERBUFFER_SIZE), integer(GL_MAX_SAMPLES), integer(GL_MAX_COLOR_TEXTURE_SAMPLES)};
}

void viewport(glm::ivec2 size) {
    glViewport(0, 0, size.x, size.y);
}

void clear(const glm::vec4& colour) {
    glClearColor(colour.x, colour.y, colour.z, colour.w);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

void clearDepth() {
    glClear(GL_DEPTH_BUFFER_BIT);
}

void clearDepthStencil() {
    glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

void clearStencil() {
    glClear(GL_STENCIL_BUFFER_BIT);
}

void setBlend(Blend mode) {
    enable(GL_BLEND, mode != Blend::Off);
    glBlendEquation(GL_FUNC_ADD);
    switch (mode) {
        case Blend::Off:
            break;
        case Blend::Over:
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            break;
        case Blend::OverKeepAlpha:
            glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
            break;
        case Blend::OitAccumulate:
            glBlendFuncSeparate(GL_ONE, GL_ONE, GL_ZERO, GL_ONE_MINUS_SRC_ALPHA);
            break;
        case Blend::OitComposite:
            glBlendFuncSeparate(GL_ONE_MINUS_SRC_ALPHA, GL_SRC_ALPHA, GL_ZERO, GL_ONE);
            break;
        case Blend::Premultiplied:
            glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            break;
    }
}

void setDepth(bool test, bool write) {
    enable(GL_DEPTH_TEST, test);
    glDepthFunc(GL_LEQUAL);
    glDepthMask(write ? GL_TRUE : GL_FALSE);
}

void setColorWrite(bool on) {
    const GLboolean b = on ? GL_TRUE : GL_FALSE;
    glColorMask(b, b, b, b);
}

void setCull(Cull mode) {
    enable(GL_CULL_FACE, mode != Cull::None);
    if (mode == Cull::Back) glCullFace(GL_BACK);
}

void setFrontFaceClockwise(bool clockwise) {
    glFrontFace(clockwise ? GL_CW : GL_CCW);
}

void setScissor(std::optional<glm::ivec4> area) {
    enable(GL_SCISSOR_TEST, area.has_value());
    if (area) glScissor(area->x, area->y, area->z, area->w);
}

void setStencil(Stencil mode) {
    enable(GL_STENCIL_TEST, mode != Stencil::Off);
    if (mode == Stencil::WriteOne) {
        glStencilFunc(GL_ALWAYS, 1, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    } else if (mode == Stencil::OutsideOfOne) {
        glStencilFunc(GL_NOTEQUAL, 1, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    }
}

void setMultisample(bool on) {
    enable(GL_MULTISAMPLE, on);
}

void setPointSize(float pixels) {
    glPointSize(pixels);
}

void finish() {
    glFinish();
}

void flush() {
    glFlush();
}

}  // namespace la::gl
