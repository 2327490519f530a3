// core::UiLayerCache: which UI windows a frame lays over from the cached layer, which it draws into the
// layer first, and which it draws live; the layer is never laid over where it holds stale pixels.
#include <doctest/doctest.h>

#include "core/UiLayerCache.h"

using namespace la;

namespace {
UiListInfo list(std::uint64_t id, std::uint64_t hash, PixelRect rect, bool overlay = false) {
    UiListInfo l;
    l.id = id;
    l.hash = hash;
    l.rect = rect;
    l.overlay = overlay;
    return l;
}
long long area(const std::vector<PixelRect>& rects) {
    long long a = 0;
    for (const PixelRect& r : rects) a += static_cast<long long>(r.z) * r.w;
    return a;
}
const glm::ivec2 kScreen(1920, 1080);
}  // namespace

TEST_CASE("ui layer: a window unchanged since the last frame is drawn into the layer once, then laid over") {
    UiLayerCache cache;
    const std::vector<UiListInfo> frame = {list(1, 7, {0, 0, 1920, 1080}, true), list(2, 10, {0, 24, 380, 1030}),
                                           list(3, 20, {0, 0, 1920, 24})};
    // Nothing to compare with yet: all live.
    UiLayerPlan p = cache.plan(frame, kScreen, true);
    CHECK(p.drawIntoLayer.empty());
    CHECK(p.composite.empty());
    CHECK(p.fromLayer == std::vector<bool>{false, false, false});
    // Unchanged: the windows go into the layer and come from it; the overlay stays live.
    p = cache.plan(frame, kScreen, true);
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{1, 2});
    CHECK(p.clear.size() == 2);
    CHECK(p.fromLayer == std::vector<bool>{false, true, true});
    CHECK(area(p.composite) == 380LL * 1030 + 1920LL * 24);
    // Still unchanged: laid over without drawing anything into the layer.
    p = cache.plan(frame, kScreen, true);
    CHECK(p.drawIntoLayer.empty());
    CHECK(p.clear.empty());
    CHECK(p.fromLayer == std::vector<bool>{false, true, true});
}

TEST_CASE("ui layer: a changed window is drawn live, and so is every window it overlaps") {
    UiLayerCache cache;
    std::vector<UiListInfo> frame = {list(2, 10, {0, 24, 380, 1030}), list(4, 30, {100, 200, 200, 40}),
                                     list(5, 40, {1500, 100, 400, 300})};
    cache.plan(frame, kScreen, true);
    cache.plan(frame, kScreen, true);
    frame[1].hash = 31;  // the tooltip over the sidebar changed
    UiLayerPlan p = cache.plan(frame, kScreen, true);
    CHECK(p.fromLayer == std::vector<bool>{false, false, true});
    CHECK(p.drawIntoLayer.empty());  // the panel was already in the layer
    CHECK(area(p.composite) == 400LL * 300);
    // A panel that moves every frame stays live; the rest comes from the layer.
    frame[2].rect.y += 5;
    p = cache.plan(frame, kScreen, true);
    CHECK(p.fromLayer == std::vector<bool>{true, true, false});
}

TEST_CASE("ui layer: pixels a window left behind are never laid over") {
    UiLayerCache cache;
    std::vector<UiListInfo> frame = {list(2, 10, {0, 0, 300, 300}), list(3, 20, {1000, 0, 300, 300})};
    cache.plan(frame, kScreen, true);
    cache.plan(frame, kScreen, true);  // both in the layer
    // Window 2 moves away and a new window appears where it was.
    frame[0].rect = {500, 500, 300, 300};
    frame.push_back(list(6, 50, {100, 100, 300, 300}));
    UiLayerPlan p = cache.plan(frame, kScreen, true);
    CHECK(p.fromLayer == std::vector<bool>{false, true, false});
    p = cache.plan(frame, kScreen, true);
    // Both are drawn into the layer anew, their pixels cleared first; window 3 is still held.
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{0, 2});
    CHECK(p.clear.size() == 2);
    CHECK(p.fromLayer == std::vector<bool>{true, true, true});
    // Window 2 comes back where it was: the new window's pixels are there in the layer, so it is drawn again.
    frame[0].rect = {0, 0, 300, 300};
    frame.pop_back();
    cache.plan(frame, kScreen, true);
    p = cache.plan(frame, kScreen, true);
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{0});
    CHECK(p.fromLayer == std::vector<bool>{true, true});
}

TEST_CASE("ui layer: frames that draw directly keep count; another screen size empties the layer") {
    UiLayerCache cache;
    const std::vector<UiListInfo> frame = {list(2, 10, {0, 0, 300, 300})};
    cache.plan(frame, kScreen, true);
    cache.plan(frame, kScreen, true);
    UiLayerPlan p = cache.plan(frame, kScreen, false);  // at rest: all live, the layer kept
    CHECK(p.fromLayer == std::vector<bool>{false});
    CHECK(p.composite.empty());
    p = cache.plan(frame, kScreen, true);
    CHECK(p.drawIntoLayer.empty());
    CHECK(p.fromLayer == std::vector<bool>{true});
    p = cache.plan(frame, {1280, 720}, true);
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{0});
    cache.forget();
    p = cache.plan(frame, {1280, 720}, true);
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{0});
}

TEST_CASE("ui layer: the union of overlapping rectangles, each pixel once") {
    const std::vector<PixelRect> rects = {{0, 0, 100, 100}, {50, 50, 100, 100}, {20, 20, 10, 10}, {300, 0, 10, 0}};
    const std::vector<PixelRect> u = disjointUnion(rects);
    CHECK(area(u) == 100LL * 100 + 100LL * 100 - 50LL * 50);
    for (std::size_t i = 0; i < u.size(); ++i)
        for (std::size_t j = i + 1; j < u.size(); ++j) CHECK_FALSE(overlaps(u[i], u[j]));
    CHECK(disjointUnion({}).empty());
    // What is left of a rectangle outside some others (the screen outside the cached windows).
    const std::vector<PixelRect> rest = subtractRects({0, 0, 100, 100}, {{10, 10, 20, 20}, {50, -10, 60, 200}});
    CHECK(area(rest) == 100LL * 100 - 20LL * 20 - 50LL * 100);
    for (const PixelRect& r : rest) {
        CHECK_FALSE(overlaps(r, {10, 10, 20, 20}));
        CHECK(r.x + r.z <= 50);
    }
    CHECK(subtractRects({0, 0, 10, 10}, {{0, 0, 10, 10}}).empty());
}

TEST_CASE("ui layer: a window that only moved by whole pixels comes from the layer, shifted") {
    UiLayerCache cache;
    auto at = [](glm::ivec2 o) {
        UiListInfo l = list(7, 70, {o.x - 1, o.y - 7, 362, 234});  // a panel: its contents measured from o
        l.origin = o;
        return l;
    };
    std::vector<UiListInfo> frame = {list(2, 10, {0, 24, 380, 1030}), at({1550, 300})};
    cache.plan(frame, kScreen, true);
    UiLayerPlan p = cache.plan(frame, kScreen, true);  // both drawn into the layer
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{0, 1});
    // The panel follows its structure: 12 pixels down, 3 left. Nothing is drawn; it comes from where the
    // layer holds it, and the sidebar from its own place.
    frame[1] = at({1547, 312});
    p = cache.plan(frame, kScreen, true);
    CHECK(p.drawIntoLayer.empty());
    CHECK(p.fromLayer == std::vector<bool>{true, true});
    REQUIRE(p.compositeShift.size() == p.composite.size());
    long long moved = 0;
    for (std::size_t i = 0; i < p.composite.size(); ++i) {
        const bool panel = overlaps(p.composite[i], frame[1].rect);
        CHECK(p.compositeShift[i] == (panel ? glm::ivec2(-3, 12) : glm::ivec2(0)));
        if (panel) moved += static_cast<long long>(p.composite[i].z) * p.composite[i].w;
    }
    CHECK(moved == 362LL * 234);
    // Its contents changed as well as its place (another hash): drawn live, and the next frame into the layer.
    frame[1] = at({1540, 320});
    frame[1].hash = 71;
    p = cache.plan(frame, kScreen, true);
    CHECK(p.fromLayer == std::vector<bool>{true, false});
    p = cache.plan(frame, kScreen, true);
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{1});
    CHECK(p.compositeShift == std::vector<glm::ivec2>(p.composite.size(), glm::ivec2(0)));
}

TEST_CASE("ui layer: a moved window is not taken from pixels another window was drawn over") {
    UiLayerCache cache;
    UiListInfo panel = list(7, 70, {1000, 100, 300, 200});
    panel.origin = {1000, 100};
    std::vector<UiListInfo> frame = {panel};
    cache.plan(frame, kScreen, true);
    cache.plan(frame, kScreen, true);  // the panel in the layer at (1000, 100)
    // It moves down by 300; a tooltip appears where it was and stays.
    frame[0].rect.y += 300;
    frame[0].origin.y += 300;
    frame.push_back(list(8, 80, {1100, 150, 100, 40}));
    cache.plan(frame, kScreen, true);
    UiLayerPlan p = cache.plan(frame, kScreen, true);
    // The tooltip goes into the layer over the panel's old pixels: the panel is drawn anew where it is now.
    CHECK(p.drawIntoLayer == std::vector<std::size_t>{0, 1});
    CHECK(p.fromLayer == std::vector<bool>{true, true});
    CHECK(p.compositeShift == std::vector<glm::ivec2>(p.composite.size(), glm::ivec2(0)));
}
