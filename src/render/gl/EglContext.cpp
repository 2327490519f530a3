#include "render/gl/EglContext.h"

#include <cstdio>
#include <string>

#include <epoxy/egl.h>

namespace la::gl {

namespace {

std::string eglErrorText() {
    char buf[32];
    std::snprintf(buf, sizeof buf, "EGL error 0x%04x", static_cast<unsigned>(eglGetError()));
    return buf;
}

}  // namespace

Result<std::unique_ptr<EglContext>> EglContext::createSurfaceless() {
    if (!epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless"))
        return Error{"EGL: no surfaceless platform (EGL_MESA_platform_surfaceless)"};
    EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) return Error{"EGL: no surfaceless display (" + eglErrorText() + ")"};
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) return Error{"EGL: cannot initialise (" + eglErrorText() + ")"};
    std::unique_ptr<EglContext> ctx(new EglContext());
    ctx->display_ = display;  // from here on the destructor terminates the display
    if (!epoxy_has_egl_extension(display, "EGL_KHR_surfaceless_context"))
        return Error{"EGL: contexts without a surface are not supported (EGL_KHR_surfaceless_context)"};
    if (!eglBindAPI(EGL_OPENGL_API)) return Error{"EGL: desktop OpenGL is not available (" + eglErrorText() + ")"};
    const EGLint configAttribs[] = {
        EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE};
    EGLConfig config = nullptr;
    EGLint count = 0;
    const bool noConfig = epoxy_has_egl_extension(display, "EGL_KHR_no_config_context");
    if (!noConfig && (!eglChooseConfig(display, configAttribs, &config, 1, &count) || count < 1))
        return Error{"EGL: no OpenGL configuration (" + eglErrorText() + ")"};
    const EGLint contextAttribs[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext context =
        eglCreateContext(display, noConfig ? EGL_NO_CONFIG_KHR : config, EGL_NO_CONTEXT, contextAttribs);
    if (context == EGL_NO_CONTEXT)
        return Error{"EGL: cannot create an OpenGL 3.3 core context (" + eglErrorText() + ")"};
    ctx->context_ = context;
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context))
        return Error{"EGL: cannot make the context current (" + eglErrorText() + ")"};
    return ctx;
}

EglContext::~EglContext() {
    if (!display_) return;
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context_) eglDestroyContext(display_, context_);
    eglTerminate(display_);
}

}  // namespace la::gl
