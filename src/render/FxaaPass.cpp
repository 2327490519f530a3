#include "render/FxaaPass.h"

#include "render/Shaders.h"
#include "render/gl/State.h"

namespace la::render {

Result<FxaaPass> FxaaPass::create() {
    auto program = loadProgram("fxaa");
    if (!program) return Error{program.error()};
    auto upscale = loadProgram("fxaa", "#define LA_UPSCALE 1\n#define LA_QUAD 1");
    if (!upscale) return Error{upscale.error()};
    auto under = loadProgram("fxaa", "#define LA_UPSCALE 1\n#define LA_WITH_LAYER 1\n#define LA_QUAD 1");
    if (!under) return Error{under.error()};
    FxaaPass p;
    p.program_ = std::move(*program);
    p.upscale_ = std::move(*upscale);
    p.under_ = std::move(*under);
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

void FxaaPass::resolve(RenderTarget& out, bool filter, std::optional<PixelRect> filtered) {
    const Slot& in = *current_;
    const bool upscale = in.size != out.size();
    if (!filter && !upscale) {
        // A plain copy at the same size.
        gl::Framebuffer::blitColor(in.fbo, in.size, out.framebuffer(), out.size());
        out.bind();
        return;
    }
    // The filter, or the upscale of a frame drawn at reduced resolution: one full-screen triangle with the
    // nearest texel a pixel, which costs 0.6x a linear glBlitFramebuffer on llvmpipe (its blitter runs a
    // general shader with filtering). Bilinear taps instead look softer while the camera moves but made
    // whole orbit frames 1.15x slower in alternating runs.
    out.bind();
    gl::setDepth(false, false);
    gl::setBlend(gl::Blend::Off);
    gl::setStencil(gl::Stencil::Off);
    gl::setCull(gl::Cull::None);
    gl::Program& program = upscale ? upscale_ : program_;
    in.colour.bind(0);
    bool filterAny = true;
    if (!upscale && filtered) {
        // Outside the area the nearest texel is the pixel itself: a plain copy.
        in.colour.setLinearFilter(false);
        upscale_.use();
        upscale_.set("uScene", 0);
        for (const PixelRect& r : subtractRects({0, 0, out.size().x, out.size().y}, {*filtered})) {
            gl::setScissor(scissorBox(r, out.size()));
            emptyVao_.drawTriangles(6);
        }
        filterAny = filtered->z > 0 && filtered->w > 0;
        gl::setScissor(filterAny ? std::optional(scissorBox(*filtered, out.size())) : std::nullopt);
    }
    if (filterAny) {
        program.use();
        program.set("uScene", 0);
        if (!upscale) program.set("uTexel", 1.0f / glm::vec2(in.size));
        in.colour.setLinearFilter(!upscale);  // the filter's taps fall between texels
        emptyVao_.drawTriangles(upscale ? 6 : 3);
        gl::setScissor(std::nullopt);
    }
    in.colour.unbind(0);
    gl::setDepth(true, true);
}

void FxaaPass::upscaleUnder(RenderTarget& out, const UiLayer& layer, const std::vector<PixelRect>& rects,
                            const std::vector<glm::ivec2>& shifts, const std::vector<PixelRect>& kept) {
    const Slot& in = *current_;
    const bool withLayer = !rects.empty() && layer.size() == out.size();
    out.bind();
    gl::setDepth(false, false);
    gl::setBlend(gl::Blend::Off);
    gl::setStencil(gl::Stencil::Off);
    gl::setCull(gl::Cull::None);
    in.colour.bind(0);
    in.colour.setLinearFilter(false);
    // The pixels outside the rectangles: the plain upscale; each scissored draw covers only its box.
    upscale_.use();
    upscale_.set("uScene", 0);
    std::vector<PixelRect> covered;  // by the layer's pass or left alone
    if (withLayer) {
        covered = rects;
        covered.insert(covered.end(), kept.begin(), kept.end());
    }
    for (const PixelRect& r : subtractRects({0, 0, out.size().x, out.size().y}, covered)) {
        gl::setScissor(scissorBox(r, out.size()));
        emptyVao_.drawTriangles(6);
    }
    if (withLayer) {
        under_.use();
        under_.set("uScene", 0);
        under_.set("uLayer", 1);
        under_.set("uLayerTexel", 1.0f / glm::vec2(layer.size()));
        layer.texture().bind(1);
        for (std::size_t i = 0; i < rects.size(); ++i) {
            const glm::ivec2 shift = i < shifts.size() ? shifts[i] : glm::ivec2(0);
            under_.set("uShift", glm::ivec2(shift.x, -shift.y));  // GL rows run upwards
            std::vector<PixelRect> holes;
            for (const PixelRect& k : kept)
                if (overlaps(k, rects[i])) holes.push_back(k);
            for (const PixelRect& piece : subtractRects(rects[i], holes)) {
                gl::setScissor(scissorBox(piece, out.size()));
                emptyVao_.drawTriangles(6);
            }
        }
        layer.texture().unbind(1);
    }
    gl::setScissor(std::nullopt);
    in.colour.unbind(0);
    gl::setDepth(true, true);
}

}  // namespace la::render
