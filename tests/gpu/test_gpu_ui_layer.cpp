// render::UiLayer: the cached UI picture is laid over a frame only inside the rectangles asked for, as a
// premultiplied "over"; rectangles cleared in it lay nothing over.
#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "core/OpaqueTiles.h"
#include "render/FxaaPass.h"
#include "render/OffscreenTarget.h"
#include "render/UiLayer.h"
#include "render/gl/State.h"

using namespace la;

namespace {
// The pixel at (x, y) from the top left, RGB.
glm::ivec3 pixel(const std::vector<std::uint8_t>& px, int width, int x, int y) {
    const std::size_t i =
        (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    return {px[i], px[i + 1], px[i + 2]};
}
bool near(glm::ivec3 a, glm::ivec3 b) {
    return glm::all(glm::lessThanEqual(glm::abs(a - b), glm::ivec3(2)));
}
}  // namespace

TEST_CASE("gpu: the UI layer is laid over inside its rectangles only, premultiplied") {
    constexpr int w = 64, h = 32;
    auto out = render::OffscreenTarget::create(w, h, 0);
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? std::string() : out.error()));
    auto layer = render::UiLayer::create();
    REQUIRE_MESSAGE(layer.ok(), (layer.ok() ? std::string() : layer.error()));
    // The layer: half-covering red everywhere (premultiplied), then its left quarter cleared.
    layer->begin({w, h}, {}).clear(glm::vec4(0.5f, 0.0f, 0.0f, 0.5f));
    layer->begin({w, h}, {{0, 0, 16, h}});
    out->target().clear(glm::vec4(0.0f, 0.0f, 1.0f, 1.0f));
    // Laid over the frame's top half from x 8 to 40 (top-left pixel rectangles).
    layer->composite(out->target(), {{8, 0, 32, h / 2}});
    const std::vector<std::uint8_t> px = out->readPixels();
    const glm::ivec3 blue(0, 0, 255), mixed(128, 0, 128);
    CHECK(near(pixel(px, w, 4, 4), blue));     // outside the rectangle
    CHECK(near(pixel(px, w, 12, 4), blue));    // inside, but cleared in the layer
    CHECK(near(pixel(px, w, 20, 4), mixed));   // inside: red half over blue
    CHECK(near(pixel(px, w, 39, 15), mixed));  // its last pixel
    CHECK(near(pixel(px, w, 40, 4), blue));    // right of it
    CHECK(near(pixel(px, w, 20, 16), blue));   // below it
    // A layer of another size than the frame lays nothing over.
    out->target().clear(glm::vec4(0.0f, 0.0f, 1.0f, 1.0f));
    layer->begin({w / 2, h}, {}).clear(glm::vec4(0.5f, 0.0f, 0.0f, 0.5f));
    layer->composite(out->target(), {{0, 0, w, h}});
    CHECK(near(pixel(out->readPixels(), w, 20, 4), blue));
}

TEST_CASE("gpu: a shifted rectangle of the UI layer comes from its place before the shift") {
    constexpr int w = 64, h = 32;
    auto out = render::OffscreenTarget::create(w, h, 0);
    REQUIRE_MESSAGE(out.ok(), (out.ok() ? std::string() : out.error()));
    auto layer = render::UiLayer::create();
    REQUIRE_MESSAGE(layer.ok(), (layer.ok() ? std::string() : layer.error()));
    // The layer: opaque red in its top-left 8x8 pixels, transparent elsewhere.
    layer->begin({w, h}, {{0, 0, w, h}});
    render::RenderTarget& l = layer->begin({w, h}, {});
    l.bind();
    gl::setScissor(glm::ivec4(0, h - 8, 8, 8));  // GL's bottom-left origin: the top-left 8x8
    gl::Framebuffer::clearColor(0, glm::vec4(1.0f, 0.0f, 0.0f, 1.0f));
    gl::setScissor(std::nullopt);
    out->target().clear(glm::vec4(0.0f, 0.0f, 1.0f, 1.0f));
    // The square moved 20 right and 10 down (a panel following its structure).
    layer->composite(out->target(), {{20, 10, 8, 8}}, {glm::ivec2(20, 10)});
    const std::vector<std::uint8_t> px = out->readPixels();
    const glm::ivec3 blue(0, 0, 255), red(255, 0, 0);
    CHECK(pixel(px, w, 20, 10) == red);  // its first pixel
    CHECK(pixel(px, w, 27, 17) == red);  // its last
    CHECK(pixel(px, w, 28, 10) == blue);
    CHECK(pixel(px, w, 20, 18) == blue);
    CHECK(pixel(px, w, 2, 2) == blue);  // nothing where the layer holds it
}

TEST_CASE("gpu: the upscale with the UI layer under it matches the upscale and then the composite") {
    constexpr int w = 64, h = 32;
    auto fxaa = render::FxaaPass::create();
    REQUIRE_MESSAGE(fxaa.ok(), (fxaa.ok() ? std::string() : fxaa.error()));
    auto layer = render::UiLayer::create();
    REQUIRE_MESSAGE(layer.ok(), (layer.ok() ? std::string() : layer.error()));
    // The reduced scene: a quarter of the size, four colours in bands.
    const glm::vec4 bands[4] = {
        {0.9f, 0.2f, 0.1f, 1}, {0.1f, 0.7f, 0.3f, 1}, {0.2f, 0.3f, 0.95f, 1}, {0.6f, 0.6f, 0.6f, 1}};
    auto drawScene = [&] {
        render::RenderTarget& scene = fxaa->sceneTarget({w / 4, h / 4});
        scene.clear(bands[3]);
        for (int b = 0; b < 3; ++b) {
            gl::setScissor(glm::ivec4(b * 4, 0, 4, h / 4));
            gl::Framebuffer::clearColor(0, bands[b]);
        }
        gl::setScissor(std::nullopt);
    };
    // The layer: translucent and opaque windows (premultiplied), the second one moved since.
    layer->begin({w, h}, {{0, 0, w, h}});
    layer->begin({w, h}, {}).bind();
    gl::setScissor(glm::ivec4(2, 2, 20, 12));
    gl::Framebuffer::clearColor(0, glm::vec4(0.35f, 0.1f, 0.2f, 0.6f));
    gl::setScissor(glm::ivec4(40, 16, 16, 12));
    gl::Framebuffer::clearColor(0, glm::vec4(0.95f, 0.95f, 0.9f, 1.0f));
    gl::setScissor(std::nullopt);
    const std::vector<PixelRect> rects = {{2, 18, 20, 12}, {30, 2, 16, 12}};
    const std::vector<glm::ivec2> shifts = {glm::ivec2(0), glm::ivec2(-10, -2)};
    auto a = render::OffscreenTarget::create(w, h, 0), b = render::OffscreenTarget::create(w, h, 0);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    drawScene();
    fxaa->resolve(a->target(), false);  // the upscale
    layer->composite(a->target(), rects, shifts);
    drawScene();
    fxaa->upscaleUnder(b->target(), *layer, rects, shifts);
    const std::vector<std::uint8_t> pa = a->readPixels(), pb = b->readPixels();
    int worst = 0;
    for (std::size_t i = 0; i < pa.size(); i += 4)
        for (std::size_t k = 0; k < 3; ++k) worst = std::max(worst, std::abs(int(pa[i + k]) - int(pb[i + k])));
    CHECK(worst <= 1);
    // The layer's windows are there in both (the opaque one where it moved to, not where it was drawn).
    CHECK(pixel(pb, w, 35, 5) == glm::ivec3(242, 242, 230));
    CHECK(pixel(pb, w, 45, 13) == glm::ivec3(242, 242, 230));  // its last pixel
    CHECK(pixel(pb, w, 50, 8) != glm::ivec3(242, 242, 230));   // where the layer holds it
    CHECK(pixel(pb, w, 45, 20) != glm::ivec3(242, 242, 230));
    CHECK(pixel(pb, w, 60, 20) == pixel(pb, w, 60, 2));  // outside every rectangle: the scene's band
    // The translucent window over the scene's first band: a mix, neither the band nor the window alone.
    const glm::ivec3 mixed = pixel(pb, w, 5, 25);
    CHECK(mixed != pixel(pb, w, 1, 25));
    CHECK(mixed.x > 100);
}

TEST_CASE("gpu: the UI layer knows its opaque tiles from what was drawn into it") {
    constexpr int w = 64, h = 64, t = OpaqueTiles::kTile;
    auto layer = render::UiLayer::create();
    REQUIRE_MESSAGE(layer.ok(), (layer.ok() ? std::string() : layer.error()));
    // A translucent layer with an opaque window over its top-left 48x32 pixels.
    layer->begin({w, h}, {{0, 0, w, h}}).clear(glm::vec4(0.2f, 0.2f, 0.2f, 0.5f));
    gl::setScissor(glm::ivec4(0, h - 32, 48, 32));  // GL's bottom-left origin
    gl::Framebuffer::clearColor(0, glm::vec4(0.9f, 0.9f, 0.9f, 1.0f));
    gl::setScissor(std::nullopt);
    const std::vector<PixelRect> changed = layer->finish({{0, 0, 48, 32}}, true);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0] == PixelRect(0, 0, w, h));  // the first begin cleared all of it
    const PixelRect all{0, 0, w, h};
    std::vector<PixelRect> parts = layer->opaqueParts(all, {0, 0});
    long long a = 0;
    for (const PixelRect& r : parts) a += static_cast<long long>(r.z) * r.w;
    CHECK(a == 48LL * 32);
    // Shown 16 right: found there.
    parts = layer->opaqueParts(all, {t, 0});
    REQUIRE(parts.size() == 1);
    CHECK(parts[0] == PixelRect(t, 0, 48, 32));
    // Drawn again without reading back: those tiles are no longer known to be opaque.
    layer->begin({w, h}, {{0, 0, t, t}});
    CHECK(layer->finish({}, false) == std::vector<PixelRect>{{0, 0, t, t}});
    parts = layer->opaqueParts({0, 0, t, t}, {0, 0});
    CHECK(parts.empty());
    CHECK_FALSE(layer->opaqueParts({t, 0, t, t}, {0, 0}).empty());
}

TEST_CASE("gpu: the upscale under the UI layer leaves the pixels the target shows already alone") {
    constexpr int w = 64, h = 32;
    auto fxaa = render::FxaaPass::create();
    REQUIRE_MESSAGE(fxaa.ok(), (fxaa.ok() ? std::string() : fxaa.error()));
    auto layer = render::UiLayer::create();
    REQUIRE_MESSAGE(layer.ok(), (layer.ok() ? std::string() : layer.error()));
    render::RenderTarget& scene = fxaa->sceneTarget({w / 4, h / 4});
    scene.clear(glm::vec4(0.0f, 0.0f, 1.0f, 1.0f));
    layer->begin({w, h}, {{0, 0, w, h}}).clear(glm::vec4(1.0f, 0.0f, 0.0f, 1.0f));  // opaque red
    auto out = render::OffscreenTarget::create(w, h, 0);
    REQUIRE(out.ok());
    out->target().clear(glm::vec4(0.0f, 1.0f, 0.0f, 1.0f));  // what the last frame left: green
    // The layer over the left half; its top-left 16x16 pixels are there already.
    fxaa->upscaleUnder(out->target(), *layer, {{0, 0, 32, h}}, {glm::ivec2(0)}, {{0, 0, 16, 16}});
    const std::vector<std::uint8_t> px = out->readPixels();
    CHECK(pixel(px, w, 2, 2) == glm::ivec3(0, 255, 0));    // left alone
    CHECK(pixel(px, w, 15, 15) == glm::ivec3(0, 255, 0));  // its last pixel
    CHECK(pixel(px, w, 16, 2) == glm::ivec3(255, 0, 0));   // the layer
    CHECK(pixel(px, w, 2, 20) == glm::ivec3(255, 0, 0));
    CHECK(pixel(px, w, 40, 10) == glm::ivec3(0, 0, 255));  // the scene
}
