// Panel layout: a pure function, so every rule is checked on exact numbers.
#include <random>

#include <doctest/doctest.h>

#include "core/PanelLayout.h"

using namespace la;

namespace {

const glm::vec2 kView(1600.0f, 900.0f);
const PanelLayoutOptions kOpt;  // margin 12, gap 8

PanelRequest request(glm::vec2 anchor, glm::vec2 size = {280.0f, 120.0f}) {
    PanelRequest r;
    r.anchor = anchor;
    r.size = size;
    r.muscle = Rect{anchor - glm::vec2(40.0f), anchor + glm::vec2(40.0f)};
    return r;
}

bool insideScreen(const Rect& r, float margin) {
    return r.min.x >= margin - 1e-3f && r.min.y >= margin - 1e-3f && r.max.x <= kView.x - margin + 1e-3f &&
           r.max.y <= kView.y - margin + 1e-3f;
}

bool onBoundary(const Rect& r, glm::vec2 p) {
    bool inside = r.contains(p);
    bool onEdge = std::abs(p.x - r.min.x) < 1e-3f || std::abs(p.x - r.max.x) < 1e-3f ||
                  std::abs(p.y - r.min.y) < 1e-3f || std::abs(p.y - r.max.y) < 1e-3f;
    return inside && onEdge;
}

}  // namespace

TEST_CASE("panels: the column on the anchor's side, at the anchor's height") {
    auto out = layoutPanels(kView, {request({500.0f, 500.0f}), request({1100.0f, 200.0f})});
    REQUIRE(out.size() == 2);
    const Rect& left = out[0].rect;
    const Rect& right = out[1].rect;
    CHECK(left.min.x == doctest::Approx(12.0f));
    CHECK(left.center().y == doctest::Approx(500.0f));
    CHECK(right.max.x == doctest::Approx(kView.x - 12.0f));
    CHECK(right.center().y == doctest::Approx(200.0f));
    CHECK(out[0].side == PanelSide::Left);
    CHECK(out[1].side == PanelSide::Right);
    for (const auto& p : out) {
        CHECK(p.alpha == doctest::Approx(1.0f));
        CHECK_FALSE(p.docked);
        REQUIRE(p.hasLeader);
        CHECK(onBoundary(p.rect, p.leaderFrom));
    }
    CHECK(out[0].leaderTo == glm::vec2(500.0f, 500.0f));
    CHECK(out[0].leaderFrom.x == doctest::Approx(left.max.x));  // leaves from the edge facing the anchor
    CHECK(out[1].leaderFrom.x == doctest::Approx(right.min.x));
}

TEST_CASE("panels: stacked panels of one side do not overlap and stay near their anchors") {
    std::vector<PanelRequest> reqs;
    for (int i = 0; i < 4; ++i) reqs.push_back(request({500.0f + 10.0f * static_cast<float>(i), 450.0f}));
    auto out = layoutPanels(kView, reqs);
    for (std::size_t i = 0; i < out.size(); ++i) {
        CHECK(out[i].rect.max.x < kView.x * 0.5f);
        for (std::size_t j = i + 1; j < out.size(); ++j) CHECK_FALSE(out[i].rect.overlaps(out[j].rect));
    }
    // The stack is centred on the anchors' common height.
    float meanY = 0.0f;
    for (const auto& p : out) meanY += p.rect.center().y / static_cast<float>(out.size());
    CHECK(meanY == doctest::Approx(450.0f));
}

TEST_CASE("panels: many random panels never overlap and stay on screen") {
    for (unsigned seed = 1; seed <= 40; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        std::uniform_real_distribution<float> ax(0.0f, kView.x), ay(0.0f, kView.y), w(180.0f, 320.0f), h(50.0f, 220.0f),
            ext(10.0f, 200.0f), chance(0.0f, 1.0f);
        std::vector<PanelRequest> reqs;
        for (int i = 0; i < 12; ++i) {
            PanelRequest r = request({ax(rng), ay(rng)}, {w(rng), h(rng)});
            r.muscle = Rect{r.anchor - glm::vec2(ext(rng), ext(rng)), r.anchor + glm::vec2(ext(rng), ext(rng))};
            if (chance(rng) < 0.15f) r.anchor.x = -300.0f;  // some anchors off screen
            if (chance(rng) < 0.1f) r.anchorOccluded = true;
            reqs.push_back(r);
        }
        auto out = layoutPanels(kView, reqs);
        REQUIRE(out.size() == reqs.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            CHECK(insideScreen(out[i].rect, kOpt.margin));
            CHECK(out[i].rect.size().x == doctest::Approx(reqs[i].size.x));
            CHECK(out[i].alpha > 0.0f);
            CHECK(out[i].alpha <= 1.0f);
            for (std::size_t j = i + 1; j < out.size(); ++j) CHECK_FALSE(out[i].rect.overlaps(out[j].rect));
        }
        auto again = layoutPanels(kView, reqs);  // deterministic
        for (std::size_t i = 0; i < out.size(); ++i) {
            CHECK(again[i].rect.min == out[i].rect.min);
            CHECK(again[i].rect.max == out[i].rect.max);
        }
    }
}

TEST_CASE("panels: a panel does not cover its own structure when it can avoid it") {
    // The structure spans the whole left column around the anchor's height.
    PanelRequest r = request({300.0f, 450.0f});
    r.muscle = Rect{{0.0f, 300.0f}, {600.0f, 620.0f}};
    auto out = layoutPanels(kView, {r});
    const Rect& rect = out[0].rect;
    CHECK_FALSE(rect.overlaps(r.muscle));
    CHECK(rect.min.x == doctest::Approx(12.0f));  // still the left column, above or below the structure
    CHECK((rect.max.y <= 300.0f || rect.min.y >= 620.0f));

    // When the structure fills the screen there is no way around it: placed anyway, on screen.
    r.muscle = Rect{{0.0f, 0.0f}, kView};
    out = layoutPanels(kView, {r});
    CHECK(insideScreen(out[0].rect, kOpt.margin));
    CHECK(out[0].rect.center().y == doctest::Approx(450.0f));
}

TEST_CASE("panels: anchors off screen or behind the camera dock to the nearest edge and fade") {
    PanelRequest leftOff = request({-200.0f, 400.0f});
    PanelRequest farOff = request({-2000.0f, 400.0f});
    PanelRequest below = request({800.0f, 1300.0f});
    PanelRequest behind = request({1400.0f, 300.0f});
    behind.anchorInFront = false;
    auto out = layoutPanels(kView, {leftOff, farOff, below, behind});

    CHECK(out[0].docked);
    CHECK(out[0].side == PanelSide::Left);
    CHECK(out[0].rect.min.x == doctest::Approx(12.0f));
    CHECK(out[0].alpha < 1.0f);
    CHECK(out[0].alpha > 0.0f);
    CHECK_FALSE(out[0].hasLeader);
    CHECK(out[1].alpha < out[0].alpha);  // farther away, fainter

    CHECK(out[2].docked);
    CHECK(out[2].side == PanelSide::Bottom);
    CHECK(out[2].rect.max.y == doctest::Approx(kView.y - 12.0f));
    CHECK(out[2].rect.center().x == doctest::Approx(800.0f));

    CHECK(out[3].docked);
    CHECK(out[3].alpha == doctest::Approx(kOpt.minAlpha));
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t j = i + 1; j < out.size(); ++j) CHECK_FALSE(out[i].rect.overlaps(out[j].rect));
}

TEST_CASE("panels: a hidden anchor keeps its place but fades") {
    PanelRequest r = request({400.0f, 400.0f});
    r.anchorOccluded = true;
    auto out = layoutPanels(kView, {r});
    CHECK_FALSE(out[0].docked);
    CHECK(out[0].hasLeader);
    CHECK(out[0].alpha < 1.0f);
    CHECK(out[0].alpha == doctest::Approx(kOpt.occludedAlpha));
}

TEST_CASE("panels: a pinned panel stays where pinned and others keep clear of it") {
    PanelRequest pinned = request({1200.0f, 700.0f});
    pinned.pinned = glm::vec2(12.0f, 390.0f);  // exactly where the next panel would like to go
    PanelRequest other = request({300.0f, 450.0f});
    auto out = layoutPanels(kView, {pinned, other});
    CHECK(out[0].rect.min == glm::vec2(12.0f, 390.0f));
    CHECK(out[0].rect.size() == glm::vec2(280.0f, 120.0f));
    CHECK(out[0].hasLeader);  // its anchor is still on screen
    CHECK_FALSE(out[1].rect.overlaps(out[0].rect));
    CHECK(out[1].rect.max.x < kView.x * 0.5f);

    // Pinned beyond the screen edge: pulled back fully on screen.
    pinned.pinned = glm::vec2(1500.0f, -50.0f);
    out = layoutPanels(kView, {pinned});
    CHECK(out[0].rect.max.x == doctest::Approx(kView.x));
    CHECK(out[0].rect.min.y == doctest::Approx(0.0f));
}

TEST_CASE("panels: oversize panels and tiny viewports stay on screen") {
    auto out = layoutPanels(kView, {request({300.0f, 300.0f}, {5000.0f, 5000.0f})});
    CHECK(insideScreen(out[0].rect, kOpt.margin));
    out = layoutPanels({0.0f, 0.0f}, {request({0.0f, 0.0f})});
    REQUIRE(out.size() == 1);
    CHECK(out[0].rect.size().x <= 0.0f);
    CHECK(layoutPanels(kView, {}).empty());
}

TEST_CASE("panels: reserved areas (other windows, the caption bar) stay clear") {
    PanelLayoutOptions opt;
    const Rect structures{{0.0f, 20.0f}, {360.0f, 560.0f}};  // a tool window in the left column
    const Rect caption{{0.0f, 800.0f}, {1600.0f, 900.0f}};   // the caption bar along the bottom
    opt.reserved = {structures, caption};
    // Anchors on the left, at the tool window's height and low down near the caption bar.
    const std::vector<PanelRequest> reqs = {request({600.0f, 300.0f}), request({560.0f, 780.0f}),
                                            request({500.0f, 500.0f})};
    const auto out = layoutPanels(kView, reqs, opt);
    REQUIRE(out.size() == 3);
    for (std::size_t i = 0; i < out.size(); ++i) {
        CAPTURE(i);
        CHECK_FALSE(out[i].rect.overlaps(structures));
        CHECK_FALSE(out[i].rect.overlaps(caption));
        CHECK(insideScreen(out[i].rect, opt.margin));
        for (std::size_t j = i + 1; j < out.size(); ++j) CHECK_FALSE(out[i].rect.overlaps(out[j].rect));
    }
    // Without the reservations the first panel would sit in the left column, over the tool window.
    const auto free = layoutPanels(kView, reqs, PanelLayoutOptions{});
    CHECK(free[0].rect.overlaps(structures));
}

TEST_CASE("panels: a panel takes its compact size when only that fits clear of the model") {
    PanelLayoutOptions opt;
    opt.avoid = Rect{{440.0f, 60.0f}, {1190.0f, 860.0f}};  // the model: room for one 400-px column, on the left
    // Two tall panels for anchors on the left: the column holds one full panel and one compact one.
    PanelRequest a = request({600.0f, 250.0f}, {400.0f, 500.0f});
    PanelRequest b = request({620.0f, 650.0f}, {400.0f, 500.0f});
    b.compactSize = glm::vec2(400.0f, 200.0f);
    const auto out = layoutPanels(kView, {a, b}, opt);
    REQUIRE(out.size() == 2);
    CHECK_FALSE(out[0].compact);
    CHECK(out[1].compact);
    CHECK(out[1].rect.size().y == doctest::Approx(200.0f));
    CHECK_FALSE(out[0].rect.overlaps(out[1].rect));
    CHECK_FALSE(out[1].rect.overlaps(opt.avoid));
    CHECK(insideScreen(out[1].rect, opt.margin));
    // Without a compact form the second panel has to cover the model (or the other panel).
    b.compactSize.reset();
    const auto full = layoutPanels(kView, {a, b}, opt);
    CHECK_FALSE(full[1].compact);
    CHECK((full[1].rect.overlaps(opt.avoid) || full[1].rect.overlaps(full[0].rect)));
    // With room to spare the full size is kept.
    b.compactSize = glm::vec2(400.0f, 200.0f);
    const auto alone = layoutPanels(kView, {b}, opt);
    CHECK_FALSE(alone[0].compact);
    CHECK(alone[0].rect.size().y == doctest::Approx(500.0f));
}

TEST_CASE("panels: a column that has room for its panels keeps them all, shifted up together, on their side") {
    // Explain mode from the oblique view (figures from the viewer): both left-side muscles' panels fit
    // one above the other in the left column only if the upper one moves up from its anchor's height.
    const glm::vec2 view(1280.0f, 696.0f);
    std::vector<PanelRequest> reqs{
        request({615.0f, 285.0f}, {360.0f, 306.0f}), request({685.0f, 234.0f}, {360.0f, 306.0f}),
        request({537.0f, 364.0f}, {360.0f, 260.0f}), request({695.0f, 330.0f}, {360.0f, 260.0f})};
    PanelLayoutOptions opt;
    opt.gap = 10.0f;
    const auto out = layoutPanels(view, reqs, opt);
    REQUIRE(out.size() == 4);
    for (std::size_t i = 0; i < out.size(); ++i) {
        CAPTURE(i);
        CHECK(out[i].side == (reqs[i].anchor.x < view.x / 2 ? PanelSide::Left : PanelSide::Right));
        const bool panelLeft = out[i].rect.center().x < view.x / 2, anchorLeft = reqs[i].anchor.x < view.x / 2;
        CHECK(panelLeft == anchorLeft);  // no leader line across the screen
        CHECK_FALSE(out[i].compact);
        CHECK(out[i].rect.size().y == doctest::Approx(reqs[i].size.y));
        CHECK(out[i].rect.min.y >= 12.0f - 1e-3f);
        CHECK(out[i].rect.max.y <= view.y - 12.0f + 1e-3f);
        for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(out[i].rect.overlaps(out[j].rect));
    }
    // In each column the upper anchor's panel is the upper panel.
    CHECK(out[0].rect.min.y < out[2].rect.min.y);
    CHECK(out[1].rect.min.y < out[3].rect.min.y);
}

TEST_CASE("panels: a column's stack moves up above a reserved area in it (the pain legend) when there is room") {
    // A 2x UI scale in a 1400x900 window (figures from the viewer, in the view above the caption bar): two
    // folded titles on the right, anchored at the legend's height; above the legend there is room for both.
    const glm::vec2 view(930.0f, 600.0f);
    PanelLayoutOptions opt;
    const Rect legend{{620.0f, 320.0f}, {918.0f, 588.0f}};
    opt.reserved = {legend};
    opt.split = 465.0f;
    opt.splitHalfWidth = 120.0f;
    const std::vector<PanelRequest> reqs = {request({560.0f, 300.0f}, {280.0f, 140.0f}),
                                            request({600.0f, 330.0f}, {280.0f, 140.0f})};
    const auto out = layoutPanels(view, reqs, opt);
    REQUIRE(out.size() == 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        CAPTURE(i);
        CHECK(out[i].side == PanelSide::Right);
        CHECK(out[i].rect.min.x >= opt.split);
        CHECK_FALSE(out[i].rect.overlaps(legend));
        CHECK(out[i].rect.min.y >= opt.margin - 1e-3f);
    }
    CHECK_FALSE(out[0].rect.overlaps(out[1].rect));
    CHECK(out[0].rect.min.y < out[1].rect.min.y);  // still in the order of their anchors
}
