#pragma once
// Where a frame is drawn: the window's default framebuffer (borrowed) or an offscreen framebuffer that an
// OffscreenTarget owns. The renderer binds it itself; nothing draws into "whatever is bound".
#include <glm/glm.hpp>

#include "render/gl/Objects.h"

namespace la::render {

class RenderTarget {
public:
    RenderTarget() = default;
    // The window: framebuffer 0 of the current context, `size` = the framebuffer size in pixels.
    static RenderTarget window(glm::ivec2 size);
    // A framebuffer owned elsewhere (it must outlive this target).
    static RenderTarget borrowed(const gl::Framebuffer& framebuffer, glm::ivec2 size);

    // Binds it for drawing and reading, with the viewport over all of it.
    void bind() const;
    // Binds it and clears colour, depth and stencil.
    void clear(const glm::vec4& colour) const;
    // Binds it and clears depth and stencil only (for a pass that then writes every pixel's colour).
    void clearDepthStencil() const;

    glm::ivec2 size() const { return size_; }
    const gl::Framebuffer& framebuffer() const { return fbo_; }
    // Sample count (0 = single sample) and sized depth format (0 = none), asked of GL once.
    int samples() const;
    unsigned depthFormat() const;

private:
    gl::Framebuffer fbo_;
    glm::ivec2 size_{0};
    mutable int samples_ = -1;
    mutable int depthFormat_ = -1;
};

}  // namespace la::render
