#include "render/gl/Present.h"

#include <cstdlib>
#include <cstring>

#include <epoxy/gl.h>
#include <epoxy/glx.h>

namespace la::gl {

CopyPresent CopyPresent::forCurrentWindow() {
    CopyPresent p;
    const char* choice = std::getenv("LA_PRESENT");
    if (choice && std::strcmp(choice, "swap") == 0) return p;
    if (!glXGetCurrentContext()) return p;  // not GLX (no current context, or EGL)
    Display* display = glXGetCurrentDisplay();
    const GLXDrawable drawable = glXGetCurrentDrawable();
    if (!display || !drawable) return p;
    if (!epoxy_has_glx_extension(display, DefaultScreen(display), "GLX_MESA_copy_sub_buffer")) return p;
    const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    if (!renderer || (!std::strstr(renderer, "llvmpipe") && !std::strstr(renderer, "softpipe"))) return p;
    p.display_ = display;
    p.drawable_ = drawable;
    return p;
}

void CopyPresent::present(glm::ivec2 size) const {
    if (!display_ || size.x <= 0 || size.y <= 0) return;
    glXCopySubBufferMESA(static_cast<Display*>(display_), static_cast<GLXDrawable>(drawable_), 0, 0, size.x, size.y);
}

}  // namespace la::gl
