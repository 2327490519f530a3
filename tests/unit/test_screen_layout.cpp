// The screen layout: one pure function places every window; checked at the sizes and scales a clinic
// meets, with 0-6 article panels, the sidebar open and closed, and presenter mode.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "core/ScreenLayout.h"

using namespace la;

namespace {

struct Screen {
    glm::vec2 size;
    float scale;
};
const Screen kScreens[] = {
    {{1280, 720}, 1.0f}, {{1366, 768}, 1.0f}, {{1920, 1080}, 1.0f}, {{3840, 2160}, 2.0f}, {{1280, 720}, 1.5f}};

// A body in the middle of the view (beside the open sidebar: the camera's lens shift centres it there),
// as the posterior view shows it: about 28 % of the screen's width.
Rect bodyRect(glm::vec2 fb, float viewLeft = 0.0f) {
    const float cx = (viewLeft + fb.x) * 0.5f;
    return Rect{{cx - fb.x * 0.14f, fb.y * 0.1f}, {cx + fb.x * 0.14f, fb.y * 0.95f}};
}

// Panels as the app asks for them: anchors on the body, both sides, summary size with a compact form.
std::vector<PanelRequest> panelRequests(int count, const Rect& body, float scale) {
    std::vector<PanelRequest> out;
    for (int i = 0; i < count; ++i) {
        PanelRequest r;
        const bool left = i % 2 == 0;
        r.anchor = {left ? body.min.x + body.size().x * 0.3f : body.max.x - body.size().x * 0.3f,
                    body.min.y + body.size().y * (0.3f + 0.08f * static_cast<float>(i))};
        r.muscle = Rect{r.anchor - glm::vec2(40.0f * scale), r.anchor + glm::vec2(40.0f * scale)};
        r.size = glm::vec2(360.0f, 230.0f) * scale;
        r.compactSize = glm::vec2(360.0f, 120.0f) * scale;
        r.foldedSize = glm::vec2(360.0f, 44.0f) * scale;
        out.push_back(r);
    }
    return out;
}

ScreenLayoutInput input(const Screen& s, int panels, bool sidebarOpen, bool presenter) {
    ScreenLayoutInput in;
    in.framebuffer = s.size;
    in.scale = s.scale;
    in.presenter = presenter;
    in.sidebarOpen = sidebarOpen;
    in.captionHeight = 70.0f * s.scale;
    in.toast = glm::vec2(420.0f, 34.0f) * s.scale;
    in.legend = glm::vec2(330.0f, 120.0f) * s.scale;
    in.lookupAt = s.size * glm::vec2(0.5f, 0.55f);
    in.lookup = glm::vec2(330.0f, 130.0f) * s.scale;  // measured for the body's middle: its text wraps
    in.articles = {glm::vec2(400.0f, 260.0f) * s.scale};
    // Where the view starts: the sidebar's width when it is open.
    const ScreenLayout bare = layoutScreen(in);
    in.body = bodyRect(s.size, bare.view.min.x);
    in.panels = panelRequests(panels, in.body, s.scale);
    return in;
}

bool onScreen(const Rect& r, glm::vec2 fb) {
    return r.min.x >= -0.01f && r.min.y >= -0.01f && r.max.x <= fb.x + 0.01f && r.max.y <= fb.y + 0.01f;
}

std::string describe(const NamedRect& n) {
    return n.name + " [" + std::to_string(n.rect.min.x) + "," + std::to_string(n.rect.min.y) + " - " +
           std::to_string(n.rect.max.x) + "," + std::to_string(n.rect.max.y) + "]";
}

}  // namespace

TEST_CASE("screen layout: nothing overlaps and nothing leaves the screen, at every size, scale and panel count") {
    for (const Screen& s : kScreens)
        for (int panels = 0; panels <= 6; ++panels)
            for (bool sidebarOpen : {true, false})
                for (bool presenter : {false, true}) {
                    CAPTURE(s.size.x);
                    CAPTURE(s.scale);
                    CAPTURE(panels);
                    CAPTURE(sidebarOpen);
                    CAPTURE(presenter);
                    const ScreenLayout L = layoutScreen(input(s, panels, sidebarOpen, presenter));
                    const auto rects = placedRects(L);
                    for (const NamedRect& a : rects) {
                        CAPTURE(describe(a));
                        CHECK(onScreen(a.rect, s.size));
                    }
                    for (std::size_t i = 0; i < rects.size(); ++i)
                        for (std::size_t j = i + 1; j < rects.size(); ++j) {
                            CAPTURE(describe(rects[i]));
                            CAPTURE(describe(rects[j]));
                            CHECK_FALSE(rects[i].rect.overlaps(rects[j].rect));
                        }
                    // Every window of this scene finds a place (the panels at least as their title).
                    CHECK(L.toast.valid());
                    CHECK(L.legend.valid());
                    CHECK(L.lookup.valid());
                    CHECK(L.caption.valid());
                    CHECK(L.articles.front().valid());
                    // At the sizes of the issue every panel is shown (at least as its title); on the
                    // cramped 1280x720 at 1.5 (853x480 at scale 1) with all of this open, at least the first.
                    int shown = 0;
                    for (int i = 0; i < panels; ++i) shown += L.panelShown[static_cast<std::size_t>(i)] ? 1 : 0;
                    CHECK(shown >= (s.scale == 1.5f ? std::min(panels, 1) : panels));
                    CHECK(L.menuBar.valid() == !presenter);
                    CHECK(L.sidebar.valid() == !presenter);
                    // The body stays visible: the legend, the article and the panels (none is pinned
                    // here) keep off the middle of it.
                    const Rect body = input(s, panels, sidebarOpen, presenter).body;
                    REQUIRE(L.bodyFree.valid());
                    CAPTURE(describe({"body kept free", L.bodyFree}));
                    for (const NamedRect& a : rects) {
                        if (a.name == "lookup" || a.name == "toast" || a.name == "caption") continue;
                        CAPTURE(describe(a));
                        CHECK_FALSE(a.rect.overlaps(L.bodyFree));
                    }
                    // ... and that middle is no token strip: at scale 1 and 2 the whole width of the body
                    // above the caption bar, on the cramped 1.5 at least its middle half.
                    const float share = s.scale == 1.5f ? 0.5f : 1.0f;
                    CHECK(L.bodyFree.size().x >= share * body.size().x - 0.5f);
                    CHECK(L.bodyFree.center().x == doctest::Approx(body.center().x));
                    CHECK(L.bodyFree.min.y == doctest::Approx(body.min.y));
                    CHECK(L.bodyFree.max.y == doctest::Approx(std::min(body.max.y, L.content.max.y)));
                    // Panels stay on their anchor's side of the body.
                    for (int i = 0; i < panels; ++i) {
                        const auto k = static_cast<std::size_t>(i);
                        if (!L.panelShown[k]) continue;
                        CAPTURE(i);
                        if (i % 2 == 0)
                            CHECK(L.panels[k].rect.max.x <= L.bodyFree.min.x + 0.01f);
                        else
                            CHECK(L.panels[k].rect.min.x >= L.bodyFree.max.x - 0.01f);
                    }
                }
}

TEST_CASE("screen layout: sizes follow the content scale") {
    const ScreenLayout one = layoutScreen(input({{1920, 1080}, 1.0f}, 2, true, false));
    const ScreenLayout two = layoutScreen(input({{3840, 2160}, 2.0f}, 2, true, false));
    CHECK(two.metrics.font == doctest::Approx(2.0f * one.metrics.font));
    CHECK(two.menuBar.size().y == doctest::Approx(2.0f * one.menuBar.size().y));
    CHECK(two.sidebarWidth == doctest::Approx(2.0f * one.sidebarWidth));
    // The same picture, twice the pixels: every window is where it was, at twice the coordinates.
    const auto a = placedRects(one), b = placedRects(two);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CAPTURE(a[i].name);
        CHECK(b[i].rect.min.x == doctest::Approx(2.0f * a[i].rect.min.x).epsilon(0.01));
        CHECK(b[i].rect.max.y == doctest::Approx(2.0f * a[i].rect.max.y).epsilon(0.01));
    }
}

TEST_CASE("screen layout: bars, sidebar and caption bar") {
    const Screen s{{1280, 720}, 1.0f};
    const ScreenLayout open = layoutScreen(input(s, 0, true, false));
    const float fh = open.metrics.frameHeight;
    CHECK(open.menuBar.min == glm::vec2(0.0f));
    CHECK(open.menuBar.max == glm::vec2(1280.0f, fh));
    CHECK(open.statusBar.min.y == doctest::Approx(720.0f - fh));
    // The open sidebar runs from the menu bar to the status bar; the view and its caption bar start beside it.
    CHECK(open.sidebar.min == glm::vec2(0.0f, fh));
    CHECK(open.sidebar.max.y == doctest::Approx(720.0f - fh));
    CHECK(open.sidebar.size().x <= 0.34f * 1280.0f + 0.5f);
    CHECK(open.sidebar.size().x >= 18.0f * open.metrics.font);
    CHECK(open.view.min.x == doctest::Approx(open.sidebar.max.x));
    CHECK(open.caption.min.x == doctest::Approx(open.sidebar.max.x));
    CHECK(open.caption.max.y == doctest::Approx(open.statusBar.min.y));
    // Closed: a small button at the top left; the view and caption bar take the whole width.
    const ScreenLayout closed = layoutScreen(input(s, 0, false, false));
    CHECK(closed.sidebar.size().x < 3.0f * fh);
    CHECK(closed.view.min.x == 0.0f);
    CHECK(closed.caption.min.x == 0.0f);
    // Presenter: no chrome; the caption bar sits on the bottom edge.
    const ScreenLayout pres = layoutScreen(input(s, 0, true, true));
    CHECK_FALSE(pres.menuBar.valid());
    CHECK_FALSE(pres.statusBar.valid());
    CHECK(pres.view.min == glm::vec2(0.0f));
    CHECK(pres.caption.max == glm::vec2(1280.0f, 720.0f));
}

TEST_CASE("screen layout: the pain lookup opens beside the click, not over it; windows already open stay put") {
    // (520, 60) is at the tour article at the top left, (1200, 300) on the right panel: the lookup opens
    // beside them, and they stay.
    const ScreenLayout without = layoutScreen(input({{1280, 720}, 1.0f}, 2, true, false));
    for (const glm::vec2 click : {glm::vec2(700, 400), glm::vec2(1200, 300), glm::vec2(520, 60)}) {
        CAPTURE(click.x);
        CAPTURE(click.y);
        ScreenLayoutInput in = input({{1280, 720}, 1.0f}, 2, true, false);
        in.lookupAt = click;
        const ScreenLayout L = layoutScreen(in);
        REQUIRE(L.lookup.valid());
        const glm::vec2 nearest = glm::clamp(click, L.lookup.min, L.lookup.max);
        // Right beside it, or, where other windows are at the click, beside them.
        bool crowded = false;
        for (const NamedRect& r : placedRects(without))
            crowded |= glm::length(glm::clamp(click, r.rect.min, r.rect.max) - click) < 60.0f;
        CHECK(glm::length(nearest - click) < (crowded ? 0.2f * 1280.0f : 60.0f));
        CHECK_FALSE(L.lookup.contains(click));
        CHECK(L.lookup.size().x == doctest::Approx(330.0f));
        CHECK(L.articles.front().min == without.articles.front().min);
        for (std::size_t i = 0; i < 2; ++i) CHECK(L.panels[i].rect.min == without.panels[i].rect.min);
    }
}

TEST_CASE("screen layout: with room, panels sit beside the body at full size") {
    const ScreenLayout L = layoutScreen(input({{1920, 1080}, 1.0f}, 2, true, false));
    const Rect body = bodyRect({1920, 1080}, L.view.min.x);
    for (std::size_t i = 0; i < 2; ++i) {
        CAPTURE(i);
        CHECK_FALSE(L.panelFolded[i]);
        CHECK_FALSE(L.panels[i].compact);
        CHECK_FALSE(L.panels[i].rect.overlaps(body));
        CHECK(L.panels[i].hasLeader);
        CHECK(L.panels[i].rect.min.x >= L.sidebar.max.x);
    }
    CHECK(L.panels[0].rect.max.x <= body.min.x);  // the left muscle's panel on the left
    CHECK(L.panels[1].rect.min.x >= body.max.x);
}

TEST_CASE("screen layout: a full screen folds panels to their title before it drops any") {
    // Twelve panels on a small screen with a large font: some fold, the last may be left out, none overlap.
    ScreenLayoutInput in = input({{1280, 720}, 1.0f}, 12, true, false);
    const ScreenLayout L = layoutScreen(in);
    int folded = 0, shown = 0;
    for (std::size_t i = 0; i < 12; ++i) {
        folded += L.panelFolded[i] ? 1 : 0;
        shown += L.panelShown[i] ? 1 : 0;
        if (L.panelShown[i] && L.panelFolded[i]) CHECK(L.panels[i].rect.size().y <= 44.0f + 0.01f);
    }
    CHECK(folded > 0);
    CHECK(shown >= 6);
    CHECK(L.panelShown[0]);  // earlier panels keep their place
    const auto rects = placedRects(L);
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j) CHECK_FALSE(rects[i].rect.overlaps(rects[j].rect));
}

TEST_CASE("screen layout: the dialog is centred and fits the screen") {
    ScreenLayoutInput in = input({{1280, 720}, 1.0f}, 0, true, false);
    in.dialog = {620.0f, 900.0f};
    const ScreenLayout L = layoutScreen(in);
    CHECK(L.dialog.center().x == doctest::Approx(640.0f));
    CHECK(L.dialog.min.y >= L.metrics.margin - 0.01f);
    CHECK(L.dialog.max.y <= 720.0f - L.metrics.margin + 0.01f);
    CHECK(L.dialog.size().x == doctest::Approx(620.0f));
}

TEST_CASE("screen layout: at 1600x1000 with the legend and four panels, each panel stays on its side of the body") {
    // The legend takes the bottom of the right column; the right gluteus medius panel folds there rather
    // than cross to the left with a long leader line.
    ScreenLayoutInput in = input({{1600, 1000}, 1.0f}, 4, false, false);
    in.lookupAt.reset();
    in.articles.clear();
    in.legend = {362.0f, 406.0f};
    const ScreenLayout L = layoutScreen(in);
    REQUIRE(L.legend.valid());
    CHECK(L.legend.min.x >= L.bodyFree.max.x);  // beside the body, not over it
    CHECK(L.legend.max.y == doctest::Approx(L.content.max.y - L.metrics.margin));
    for (std::size_t i = 0; i < 4; ++i) {
        CAPTURE(i);
        REQUIRE(L.panelShown[i]);
        if (i % 2 == 0)
            CHECK(L.panels[i].rect.max.x <= L.bodyFree.min.x);
        else
            CHECK(L.panels[i].rect.min.x >= L.bodyFree.max.x);
        CHECK(L.panels[i].hasLeader);
        // No leader line across the view: it stays on the anchor's half.
        CHECK(std::abs(L.panels[i].leaderFrom.x - L.panels[i].leaderTo.x) < 0.5f * L.content.size().x);
    }
}

TEST_CASE("screen layout: in a small picture the legend sits beside the body, in a column as tall as the view") {
    // A 480x400 still (no chrome), the body in the middle as a side view shows it: 130 pixels wide.
    ScreenLayoutInput in;
    in.framebuffer = {480.0f, 400.0f};
    in.menuBar = in.statusBar = in.sidebar = false;
    in.body = Rect{{178.0f, 59.0f}, {303.0f, 352.0f}};
    in.legend = {400.0f, 500.0f};  // what a long legend would like
    const ScreenLayout L = layoutScreen(in);
    CHECK(L.bodyFree.min.x == doctest::Approx(178.0f));
    CHECK(L.bodyFree.max.x == doctest::Approx(303.0f));
    // The room the UI measures the legend for: the column beside the body, the view's height.
    CHECK(L.legendRoom.x <= 480.0f - 303.0f - 2.0f * L.metrics.margin + 0.01f);
    CHECK(L.legendRoom.y == doctest::Approx(400.0f - 2.0f * L.metrics.margin));
    REQUIRE(L.legend.valid());
    CHECK_FALSE(L.legend.overlaps(L.bodyFree));
    CHECK(L.legend.min.x >= 303.0f);
    CHECK(L.legend.max.x <= 480.0f - L.metrics.margin + 0.01f);
    // With a panel on the right, the legend goes to the left column.
    PanelRequest p;
    p.anchor = {280.0f, 150.0f};
    in.panels = {p};
    const ScreenLayout withPanel = layoutScreen(in);
    REQUIRE(withPanel.legend.valid());
    CHECK(withPanel.legend.max.x <= 178.0f);
}

TEST_CASE("screen layout: a full column folds its panels; none goes below or above the body to find room") {
    // A body in the upper half of the view (room below it), three panels on its right and a tall legend:
    // the right column is full, and the panels fold there instead of taking the free space under the body.
    ScreenLayoutInput in;
    in.framebuffer = {1600.0f, 1000.0f};
    in.menuBar = in.statusBar = in.sidebar = false;
    in.body = Rect{{620.0f, 60.0f}, {980.0f, 520.0f}};
    in.legend = {330.0f, 480.0f};
    in.panels = panelRequests(6, in.body, 1.0f);
    for (PanelRequest& r : in.panels) {  // narrow enough to fit under the body beside the legend
        r.size = {300.0f, 345.0f};
        r.compactSize = glm::vec2(300.0f, 180.0f);
        r.foldedSize = glm::vec2(300.0f, 44.0f);
    }
    const ScreenLayout L = layoutScreen(in);
    REQUIRE(L.legend.valid());
    int folded = 0;
    for (std::size_t i = 0; i < 6; ++i) {
        CAPTURE(i);
        REQUIRE(L.panelShown[i]);
        folded += L.panelFolded[i] ? 1 : 0;
        if (i % 2 == 0)
            CHECK(L.panels[i].rect.max.x <= L.bodyFree.min.x);
        else
            CHECK(L.panels[i].rect.min.x >= L.bodyFree.max.x);
    }
    CHECK(folded > 0);
}
