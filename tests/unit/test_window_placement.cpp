// Where the window opens (core/WindowPlacement): the saved or default size and position fitted to the work
// area of the monitor that holds the window's centre, before the window exists.
#include <doctest/doctest.h>

#include "core/WindowPlacement.h"

using namespace la;

namespace {
const std::vector<ScreenRect> kSmallScreen{{0, 0, 1280, 720}};
// A 1920x1080 primary monitor (its work area under a 40-pixel panel) and a 1280x1024 one to its right.
const std::vector<ScreenRect> kTwoMonitors{{0, 40, 1920, 1040}, {1920, 0, 1280, 1024}};
}  // namespace

TEST_CASE("window placement: the default 1400x900 window shrinks to a 1280x720 screen, unplaced") {
    const Placement p = fitToWorkArea({1400, 900, std::nullopt, std::nullopt}, kSmallScreen, 0);
    CHECK(p.w == 1280);
    CHECK(p.h == 720);
    CHECK_FALSE(p.x.has_value());
    CHECK_FALSE(p.y.has_value());
}

TEST_CASE("window placement: a window that fits keeps its size and place") {
    const Placement p = fitToWorkArea({1000, 700, 100, 140}, kTwoMonitors, 0);
    CHECK(p.w == 1000);
    CHECK(p.h == 700);
    CHECK(*p.x == 100);
    CHECK(*p.y == 140);
}

TEST_CASE("window placement: a window saved on the second monitor is fitted to that one, not the primary") {
    const Placement p = fitToWorkArea({1600, 1200, 2000, 10}, kTwoMonitors, 0);
    CHECK(p.w == 1280);
    CHECK(p.h == 1024);
    CHECK(*p.x == 1920);
    CHECK(*p.y == 0);
}

TEST_CASE("window placement: a window off every monitor comes back onto the primary's work area") {
    const Placement p = fitToWorkArea({800, 600, -5000, 3000}, kTwoMonitors, 0);
    CHECK(p.w == 800);
    CHECK(p.h == 600);
    CHECK(*p.x == 0);
    CHECK(*p.y == 40 + 1040 - 600);  // moved up onto the work area, under the panel's edge
    const Placement q = fitToWorkArea({800, 600, 1900, 500}, kTwoMonitors, 1);  // centre on the second one
    CHECK(*q.x == 1920);
}

TEST_CASE("window placement: no monitors or a broken work area leave the window as it is; sizes stay positive") {
    const Placement none = fitToWorkArea({1400, 900, 10, 20}, {}, 0);
    CHECK(none.w == 1400);
    CHECK(*none.x == 10);
    const Placement broken = fitToWorkArea({1400, 900, std::nullopt, std::nullopt}, {{0, 0, 0, 0}}, 0);
    CHECK(broken.w == 1400);
    const Placement tiny = fitToWorkArea({0, -5, std::nullopt, std::nullopt}, kSmallScreen, 7);  // primary out of range
    CHECK(tiny.w == 1);
    CHECK(tiny.h == 1);
}
