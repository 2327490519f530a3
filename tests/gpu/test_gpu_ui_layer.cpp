// render::UiLayer: the cached UI picture is laid over a frame only inside the rectangles asked for, as a
// premultiplied "over"; rectangles cleared in it lay nothing over.
#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "render/OffscreenTarget.h"
#include "render/UiLayer.h"

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
    REQUIRE_MESSAGE(out.ok(), out.error());
    auto layer = render::UiLayer::create();
    REQUIRE_MESSAGE(layer.ok(), layer.error());
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
