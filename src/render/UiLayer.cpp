#include "render/UiLayer.h"

#include <algorithm>
#include <cstdint>

#include "render/Shaders.h"
#include "render/gl/State.h"

namespace la::render {

glm::ivec4 scissorBox(const PixelRect& r, glm::ivec2 size) {
    return {r.x, size.y - (r.y + r.w), r.z, r.w};
}

Result<UiLayer> UiLayer::create() {
    auto program = loadProgram("fxaa", "#define LA_LAYER 1");
    if (!program) return Error{program.error()};
    UiLayer l;
    l.program_ = std::move(*program);
    l.emptyVao_ = gl::VertexArray::create();
    return l;
}

RenderTarget& UiLayer::begin(glm::ivec2 size, const std::vector<PixelRect>& rects) {
    size = glm::max(size, glm::ivec2(1));
    if (size != size_) {
        size_ = size;
        colour_ = gl::Texture::colorTarget(size);
        colour_.setLinearFilter(false);
        fbo_ = gl::Framebuffer::create();
        fbo_.attach(GL_COLOR_ATTACHMENT0, colour_);
        target_ = RenderTarget::borrowed(fbo_, size);
        target_.clear(glm::vec4(0.0f));
        opaque_.reset(size);
        cleared_.assign(1, PixelRect(0, 0, size.x, size.y));
    }
    cleared_.insert(cleared_.end(), rects.begin(), rects.end());
    target_.bind();
    for (const PixelRect& r : rects) {
        gl::setScissor(scissorBox(r, size_));
        gl::Framebuffer::clearColor(0, glm::vec4(0.0f));
    }
    gl::setScissor(std::nullopt);
    return target_;
}

std::vector<PixelRect> UiLayer::finish(const std::vector<PixelRect>& drawn, bool learnOpacity) {
    std::vector<PixelRect> changed = cleared_;
    cleared_.clear();
    changed.insert(changed.end(), drawn.begin(), drawn.end());
    changed = disjointUnion(changed);
    for (const PixelRect& r : changed) {
        const PixelRect tiles = opaque_.tilesOf(r);
        if (!learnOpacity || tiles.z <= 0 || tiles.w <= 0) {
            opaque_.forget(r);
            continue;
        }
        // GL's rows run upwards: turned to rows from the top.
        const std::vector<std::uint8_t> up = fbo_.readRgba(scissorBox(tiles, size_));
        std::vector<std::uint8_t> rows(up.size());
        const std::size_t stride = static_cast<std::size_t>(tiles.z) * 4;
        for (int y = 0; y < tiles.w; ++y)
            std::copy_n(up.begin() + static_cast<std::ptrdiff_t>(stride * static_cast<std::size_t>(tiles.w - 1 - y)),
                        stride, rows.begin() + static_cast<std::ptrdiff_t>(stride * static_cast<std::size_t>(y)));
        opaque_.update(tiles, rows);
    }
    return changed;
}

void UiLayer::composite(RenderTarget& out, const std::vector<PixelRect>& rects, const std::vector<glm::ivec2>& shifts) {
    out.bind();
    if (rects.empty() || size_ != out.size()) return;
    gl::setDepth(false, false);
    gl::setStencil(gl::Stencil::Off);
    gl::setCull(gl::Cull::None);
    gl::setBlend(gl::Blend::Premultiplied);
    program_.use();
    program_.set("uScene", 0);
    colour_.bind(0);
    glm::ivec2 current(-1 << 30);
    for (std::size_t i = 0; i < rects.size(); ++i) {
        const glm::ivec2 shift = i < shifts.size() ? shifts[i] : glm::ivec2(0);
        if (shift != current) program_.set("uShift", glm::ivec2(shift.x, -shift.y));  // GL rows run upwards
        current = shift;
        gl::setScissor(scissorBox(rects[i], size_));
        emptyVao_.drawTriangles(3);
    }
    gl::setScissor(std::nullopt);
    colour_.unbind(0);
    gl::setBlend(gl::Blend::Off);
    gl::setDepth(true, true);
}

}  // namespace la::render
