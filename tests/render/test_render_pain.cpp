// Referred-pain overlay end to end: where the violet appears, that time animates it, and --pick's zones.
#include <doctest/doctest.h>

#include "../support/Image.h"
#include "../support/LayoutReport.h"
#include "../support/RunViewer.h"
#include "../support/Shoot.h"

using namespace la::test;

namespace {

// Strongly violet pixels (the zones): blue well above red and green. Muscle is red-brown, bone ivory,
// the background a pale grey-blue; the renders compared differ only by the overlay.
bool painRed(const std::uint8_t* p) {
    return p[2] > 110 && p[2] > p[0] + 40 && p[2] > p[1] + 70;
}

// Violet pixels in the columns [x0, x1), leaving out the legend (its swatch is the zones' violet).
long redIn(const Image& img, int x0, int x1, const Placed& legend = {}) {
    long n = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = x0; x < x1; ++x) n += painRed(img.at(x, y)) && !legend.contains(x, y);
    return n;
}
}  // namespace

TEST_CASE("--pain quadratus_lumborum.L paints the patient's left low back, hip and buttock, not the right") {
    const auto dir = tempDir("render_pain");
    const std::string common = " --view posterior --size 800x600 --time 0.9 --screenshot ";
    const RunResult off = runViewer(common + shellQuoted(dir / "off.png"));
    const RunResult on =
        runViewer("--pain quadratus_lumborum.L --layout-report" + common + shellQuoted(dir / "on.png"));
    INFO(on.err);
    REQUIRE(off.exitCode == 0);
    REQUIRE(on.exitCode == 0);
    const Image a = readPng((dir / "off.png").string()), b = readPng((dir / "on.png").string());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    // Seen from behind, the patient's left is the left half of the picture.
    const long leftBefore = redIn(a, 0, 400), leftAfter = redIn(b, 0, 400);
    // A one-sided pattern: the patient's right (the right of the spine) stays clear.
    const Placed legend = findPlaced(layoutReport(on.out), "painlegend");
    CHECK(legend.w > 0);
    const long rightBefore = redIn(a, 405, 800, legend), rightAfter = redIn(b, 405, 800, legend);
    CHECK(leftAfter > leftBefore + 3000);
    CHECK(rightAfter <= rightBefore + 50);
    // The red spreads over the low back, the buttock and the hip: rows from the waist to below the
    // buttock and columns out to the flank.
    int minY = b.h, maxY = 0, minX = b.w;
    for (int y = 0; y < b.h; ++y)
        for (int x = 0; x < 400; ++x)
            if (painRed(b.at(x, y)) && !painRed(a.at(x, y))) {
                minY = std::min(minY, y);
                maxY = std::max(maxY, y);
                minX = std::min(minX, x);
            }
    CHECK(maxY - minY > 120);
    CHECK(minX < 330);
}

TEST_CASE("the pain link animation: two --time values give different pictures; a whole round the same picture") {
    const auto dir = tempDir("render_pain_time");
    // Quadratus lumborum, left: four trigger points take one second each, so the link comes round in 4 s.
    const std::string common = " --pain quadratus_lumborum.L --view posterior --size 480x360 --screenshot ";
    REQUIRE(runViewer("--time 0.5" + common + shellQuoted(dir / "a.png")).exitCode == 0);
    REQUIRE(runViewer("--time 1.5" + common + shellQuoted(dir / "b.png")).exitCode == 0);
    REQUIRE(runViewer("--time 4.5" + common + shellQuoted(dir / "c.png")).exitCode == 0);  // one round after a
    const Image a = readPng((dir / "a.png").string()), b = readPng((dir / "b.png").string()),
                c = readPng((dir / "c.png").string());
    CHECK(meanDifference(a, b) > 0.01);  // the glow moved from one trigger point and its zones to the next
    CHECK(meanDifference(a, c) < meanDifference(a, b) / 4);
}

TEST_CASE("--pick lists the zones at the body surface; bad --pain is an error") {
    const auto dir = tempDir("render_pain_pick");
    // Find the pixel of the left greater trochanter region from the left view: scan a row of picks.
    std::string picks;
    for (int x = 100; x < 700; x += 25) picks += " --pick " + std::to_string(x) + ",330";
    const RunResult r =
        runViewer("--view posterior --size 800x600" + picks + " --screenshot " + shellQuoted(dir / "p.png"));
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("pain=") != std::string::npos);
    CHECK(r.out.find("quadratus_lumborum.L:") != std::string::npos);
    CHECK(r.out.find("quadratus_lumborum.R:") != std::string::npos);
    const RunResult bad = runViewer("--pain quadratus_lumborumm --screenshot " + shellQuoted(dir / "b.png"));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("quadratus_lumborumm") != std::string::npos);
}

TEST_CASE("--chart: the body from behind and from the side with the pattern, and the legend beside them") {
    const auto dir = tempDir("render_pain_chart");
    const RunResult r =
        runViewer("--chart quadratus_lumborum.L --size 1200x600 --screenshot " + shellQuoted(dir / "chart.png"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Image img = readPng((dir / "chart.png").string());
    REQUIRE(img.ok());
    REQUIRE(img.w == 1200);
    // Columns: from behind (0-374), from the left (375-749), the legend (750-1199).
    CHECK(redIn(img, 0, 375) > 2000);
    CHECK(redIn(img, 375, 750) > 2000);
    // Each view fills its column, as a printed chart does: the body (whatever differs from the background
    // at the column's edge, the same on a row) spans most of the height below the caption. It spanned
    // 38 % when the views were framed by the body's bounding sphere.
    for (const int x0 : {0, 375}) {
        int top = img.h, bottom = -1;
        for (int y = 36; y < img.h; ++y) {
            const std::uint8_t* bg = img.at(x0 + 2, y);
            int differing = 0;
            for (int x = x0 + 4; x < x0 + 371; ++x) {
                const std::uint8_t* p = img.at(x, y);
                differing += std::abs(p[0] - bg[0]) + std::abs(p[1] - bg[1]) + std::abs(p[2] - bg[2]) > 40;
            }
            if (differing > 10) {
                top = std::min(top, y);
                bottom = y;
            }
        }
        INFO("column at " << x0 << ": body rows " << top << " to " << bottom);
        CHECK(bottom - top > img.h * 6 / 10);
    }
    // The legend column is white with dark text.
    long white = 0, dark = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = 750; x < 1200; ++x) {
            const std::uint8_t* p = img.at(x, y);
            white += p[0] > 240 && p[1] > 240 && p[2] > 240;
            dark += p[0] < 80 && p[1] < 80 && p[2] < 80;
        }
    CHECK(white > 450 * 600 / 2);
    CHECK(dark > 500);
    const RunResult bad = runViewer("--chart nosuch_muscle --screenshot " + shellQuoted(dir / "bad.png"));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("nosuch_muscle") != std::string::npos);
}
