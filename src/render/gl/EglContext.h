#pragma once
// An OpenGL 3.3 core context without any window or display server: EGL on Mesa's surfaceless platform
// (EGL_MESA_platform_surfaceless), for --screenshot and --export-dir. Rendering goes to framebuffer
// objects; nothing is ever presented. Move-only; the destructor releases and destroys the context.
#include <memory>

#include "core/Result.h"

namespace la::gl {

class EglContext {
public:
    // Creates the context and makes it current on this thread. Error: one line saying what EGL lacked.
    static Result<std::unique_ptr<EglContext>> createSurfaceless();
    ~EglContext();
    EglContext(const EglContext&) = delete;
    EglContext& operator=(const EglContext&) = delete;

private:
    EglContext() = default;
    void* display_ = nullptr;  // EGLDisplay
    void* context_ = nullptr;  // EGLContext
};

}  // namespace la::gl
