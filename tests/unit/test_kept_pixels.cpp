// core::OpaqueTiles and core::KeptPixels: which pixels of the cached UI layer are opaque (known tile by
// tile from what was read back), and which of them a window's kept back buffer shows already, so that a
// frame while the camera moves leaves them alone; anything drawn over them or redrawn in the layer, and
// any window that moved, is written again.
#include <cmath>
#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "core/KeptPixels.h"
#include "core/OpaqueTiles.h"

using namespace la;

namespace {
long long area(const std::vector<PixelRect>& rects) {
    long long a = 0;
    for (const PixelRect& r : rects) a += static_cast<long long>(r.z) * r.w;
    return a;
}
bool covers(const std::vector<PixelRect>& rects, int x, int y) {
    for (const PixelRect& r : rects)
        if (x >= r.x && x < r.x + r.z && y >= r.y && y < r.y + r.w) return true;
    return false;
}
// RGBA rows of `area` from the top: alpha 255 inside `opaque` (picture pixels), 128 elsewhere.
std::vector<std::uint8_t> picture(const PixelRect& area, const PixelRect& opaque) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(area.z) * static_cast<std::size_t>(area.w) * 4, 200);
    for (int y = 0; y < area.w; ++y)
        for (int x = 0; x < area.z; ++x) {
            const int px0 = area.x + x, py0 = area.y + y;
            const bool in =
                px0 >= opaque.x && px0 < opaque.x + opaque.z && py0 >= opaque.y && py0 < opaque.y + opaque.w;
            px[(static_cast<std::size_t>(y) * static_cast<std::size_t>(area.z) + static_cast<std::size_t>(x)) * 4 + 3] =
                in ? 255 : 128;
        }
    return px;
}
}  // namespace

TEST_CASE("opaque tiles: only whole tiles whose every pixel is opaque count, wherever they are shown") {
    constexpr int t = OpaqueTiles::kTile;
    OpaqueTiles tiles;
    tiles.reset({200, 100});
    const PixelRect all{0, 0, 200, 100};
    CHECK(tiles.tilesOf({5, 5, 10, 10}) == PixelRect(0, 0, t, t));
    CHECK(tiles.tilesOf({190, 90, 40, 40}) == PixelRect(11 * t, 5 * t, 200 - 11 * t, 100 - 5 * t));  // clipped
    CHECK(tiles.opaqueParts(all, {0, 0}).empty());                                                   // nothing read yet
    // A window, opaque from (20, 10) to (100, 60) (a rounded, translucent edge around it left out).
    const PixelRect window{20, 10, 80, 50};
    tiles.update(all, picture(all, window));
    const std::vector<PixelRect> parts = tiles.opaqueParts(all, {0, 0});
    // The tiles wholly inside: x 32-96, y 16-48.
    CHECK(area(parts) == 4LL * t * 2 * t);
    CHECK(covers(parts, 32, 16));
    CHECK(covers(parts, 95, 47));
    CHECK_FALSE(covers(parts, 31, 30));  // its tile reaches out of the window
    CHECK_FALSE(covers(parts, 60, 48));
    CHECK(parts.size() == 1);  // one run of tiles in both rows: one rectangle
    // Shown 7 right and 3 down: the same pixels, moved; clipped to what is asked for.
    const std::vector<PixelRect> moved = tiles.opaqueParts({0, 0, 60, 100}, {7, 3});
    CHECK(covers(moved, 39, 19));
    CHECK_FALSE(covers(moved, 38, 19));
    CHECK_FALSE(covers(moved, 60, 30));
    CHECK(area(moved) == (60LL - 39) * 2 * t);
    // A tile made translucent again is no longer opaque; a part of a tile read alone counts as not opaque.
    tiles.update({32, 16, t, t}, picture({32, 16, t, t}, PixelRect(0)));
    CHECK_FALSE(covers(tiles.opaqueParts(all, {0, 0}), 35, 20));
    CHECK(covers(tiles.opaqueParts(all, {0, 0}), 50, 20));
    tiles.update({48, 16, 8, 8}, picture({48, 16, 8, 8}, all));
    CHECK_FALSE(covers(tiles.opaqueParts(all, {0, 0}), 50, 20));
    tiles.forget(all);
    CHECK(tiles.opaqueParts(all, {0, 0}).empty());
    // Pixels too few for the area: nothing is learnt.
    tiles.update(all, std::vector<std::uint8_t>(16, 255));
    CHECK(tiles.opaqueParts(all, {0, 0}).empty());
}

TEST_CASE("kept pixels: what the last frame showed with the same shift, less what was drawn over it") {
    KeptPixels kept;
    const std::vector<PixelRect> sidebar = {{0, 24, 380, 1000}}, panel = {{1500, 100, 400, 300}};
    // Nothing is known before a frame was shown.
    CHECK(kept.shown(sidebar, {{0, 0}}).empty());
    // A frame showed the sidebar and a panel; a leader line was drawn over the panel's left edge.
    kept.frameDone({sidebar[0], panel[0]}, {{0, 0}, {0, 0}}, {{1490, 200, 20, 4}});
    CHECK(area(kept.shown(sidebar, {{0, 0}})) == 380LL * 1000);
    const std::vector<PixelRect> p = kept.shown(panel, {{0, 0}});
    CHECK(area(p) == 400LL * 300 - 10LL * 4);
    CHECK_FALSE(covers(p, 1505, 201));
    CHECK(covers(p, 1515, 201));
    // The panel shown from another place in the layer (it moved): none of it is there already.
    CHECK(kept.shown({{1505, 100, 400, 300}}, {{5, 0}}).empty());
    // Only what is asked for: a part of the sidebar.
    CHECK(area(kept.shown({{0, 500, 100, 100}}, {{0, 0}})) == 100LL * 100);
    // The layer was drawn again where the panel comes from: that is stale, the sidebar is not.
    kept.layerRedrawn({{1600, 150, 50, 50}});
    CHECK_FALSE(covers(kept.shown(panel, {{0, 0}}), 1620, 170));
    CHECK(covers(kept.shown(panel, {{0, 0}}), 1520, 170));
    CHECK(area(kept.shown(sidebar, {{0, 0}})) == 380LL * 1000);
    // A frame that showed only the sidebar wrote the panel's pixels with something else.
    kept.frameDone(sidebar, {{0, 0}}, {});
    CHECK(kept.shown(panel, {{0, 0}}).empty());
    CHECK_FALSE(kept.empty());
    kept.forget();
    CHECK(kept.empty());
    CHECK(kept.shown(sidebar, {{0, 0}}).empty());
}

TEST_CASE("kept pixels: a window shown shifted stays kept while its shift stays the same") {
    KeptPixels kept;
    const PixelRect at{300, 200, 100, 80};
    kept.frameDone({at}, {{12, -4}}, {});
    CHECK(area(kept.shown({at}, {{12, -4}})) == 100LL * 80);
    CHECK(kept.shown({at}, {{12, -5}}).empty());
    // Layer pixels redrawn are found where the shift put them on the screen.
    kept.layerRedrawn({{288, 204, 10, 10}});  // the window's top-left pixels in the layer
    CHECK_FALSE(covers(kept.shown({at}, {{12, -4}}), 305, 205));
    CHECK(covers(kept.shown({at}, {{12, -4}}), 315, 205));
}

TEST_CASE("kept pixels: a scene box scaled up to the window covers every window pixel its texels fill") {
    // A 480x270 scene upscaled 4x to 1920x1080: texels x 10-19, rows 5-9 from the bottom.
    const PixelRect r = upscaledBox({10, 5, 10, 5}, {480, 270}, {1920, 1080});
    CHECK(r == PixelRect(39, 1080 - 41, 42, 22));
    // Every window pixel whose nearest texel is in the box is inside (centres sampled as the upscale does).
    for (int y = 0; y < 1080; y += 3)
        for (int x = 0; x < 400; x += 3) {
            const int tx = static_cast<int>((x + 0.5f) * 480.0f / 1920.0f);
            const int ty = static_cast<int>((1080 - 1 - y + 0.5f) * 270.0f / 1080.0f);
            if (tx >= 10 && tx < 20 && ty >= 5 && ty < 10) {
                CAPTURE(x);
                CAPTURE(y);
                CHECK(covers({r}, x, y));
            }
        }
    // Clipped to the window, and empty for an empty box.
    CHECK(upscaledBox({0, 0, 480, 270}, {480, 270}, {1920, 1080}) == PixelRect(0, 0, 1920, 1080));
    CHECK(upscaledBox({0, 0, 0, 5}, {480, 270}, {1920, 1080}) == PixelRect(0));
    // An uneven scale (a 0.35 scene of 1366x768).
    const PixelRect u = upscaledBox({100, 50, 30, 20}, {478, 269}, {1366, 768});
    CHECK(u.x <= static_cast<int>(100 * 1366 / 478.0));
    CHECK(u.x + u.z >= static_cast<int>(std::ceil(130 * 1366 / 478.0)));
}
