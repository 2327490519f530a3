// --position: the body lying on a treatment table, seen relative to the body; picking still works.
#include <doctest/doctest.h>

#include "../support/Image.h"
#include "../support/RunViewer.h"
#include "../support/Shoot.h"

using namespace la::test;

namespace {
// Share of pixels in a column band that have the table top's dark blue-grey (the background is light).
double tablePixels(const Image& img, int x0, int x1) {
    long n = 0, all = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = x0; x < x1; ++x, ++all) {
            const auto* p = img.at(x, y);
            if (p[0] < 150 && p[2] < 175 && p[2] > p[0]) ++n;
        }
    return static_cast<double>(n) / static_cast<double>(all);
}
}  // namespace

TEST_CASE("--position prone lays the body face down on a table; the posterior view looks from above and picks") {
    const auto dir = tempDir("render_posture");
    const RunResult standing =
        runViewer("--view posterior --size 640x480 --pick 320,240 --screenshot " + shellQuoted(dir / "standing.png"));
    REQUIRE(standing.exitCode == 0);
    const RunResult prone = runViewer("--position prone --view posterior --size 640x480 --pick 320,240 --screenshot " +
                                      shellQuoted(dir / "prone.png"));
    INFO(prone.err);
    REQUIRE(prone.exitCode == 0);
    const Image a = readPng((dir / "standing.png").string()), b = readPng((dir / "prone.png").string());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    // Standing there is no table; lying, the table top shows beside the body seen from above (the body
    // spans about 36-65 % of the width, the table 24-75 %).
    CHECK(tablePixels(a, 175, 205) < 0.02);
    CHECK(tablePixels(b, 175, 205) > 0.6);
    // The view is relative to the body: the same structure is in the middle of both pictures.
    const auto first = [](const std::string& out) {
        const auto line = out.substr(0, out.find('\n'));
        const auto name = line.substr(std::string("pick 320,240: ").size());
        return name.substr(0, name.find(' '));
    };
    CHECK(first(prone.out) != "none");
    CHECK(first(prone.out) == first(standing.out));

    const RunResult side = runViewer("--position side_lying_right --view oblique --size 640x480 --screenshot " +
                                     shellQuoted(dir / "side.png"));
    REQUIRE(side.exitCode == 0);
    CHECK(tablePixels(readPng((dir / "side.png").string()), 0, 640) > 0.1);

    const RunResult bad = runViewer("--position supine --size 64x64 --screenshot " + shellQuoted(dir / "bad.png"));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("--position: 'supine' is not one of standing, prone") != std::string::npos);
}
