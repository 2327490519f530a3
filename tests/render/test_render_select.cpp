// --select, --hide, --ghost and --pick on the bundled model, end to end.
#include <doctest/doctest.h>

#include "../support/Image.h"
#include "../support/RunViewer.h"
#include "../support/Shoot.h"

using namespace la::test;

namespace {

// Share of near-white panel pixels (the article panels are off-white; the background is blue-grey).
double panelPixels(const Image& img, int x0, int x1) {
    long n = 0, all = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = x0; x < x1; ++x, ++all) {
            const auto* p = img.at(x, y);
            if (p[0] > 240 && p[1] > 240 && p[2] > 236) ++n;
        }
    return static_cast<double>(n) / static_cast<double>(all);
}
}  // namespace

TEST_CASE("--select opens the structure's panel beside it, on the side nearer to it") {
    const auto dir = tempDir("render_select");
    const RunResult plain =
        runViewer("--view posterior --size 1280x720 --screenshot " + shellQuoted(dir / "plain.png"));
    REQUIRE(plain.exitCode == 0);
    const RunResult sel = runViewer("--view posterior --size 1280x720 --select quadratus_lumborum.L --screenshot " +
                                    shellQuoted(dir / "sel.png"));
    INFO(sel.err);
    REQUIRE(sel.exitCode == 0);
    const Image a = readPng((dir / "plain.png").string()), b = readPng((dir / "sel.png").string());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    // From behind, the patient's left is on the screen's left: the panel goes to the left column.
    CHECK(panelPixels(a, 0, 400) < 0.01);
    CHECK(panelPixels(b, 0, 400) > 0.15);
    CHECK(panelPixels(b, 880, 1280) < 0.01);

    const RunResult right = runViewer("--view posterior --size 1280x720 --select gluteus_medius.R --screenshot " +
                                      shellQuoted(dir / "right.png"));
    REQUIRE(right.exitCode == 0);
    const Image c = readPng((dir / "right.png").string());
    CHECK(panelPixels(c, 880, 1280) > 0.15);
    CHECK(panelPixels(c, 0, 400) < 0.01);
}

TEST_CASE("--pick reports the structure under a pixel, honouring --hide; unknown ids are errors") {
    const auto dir = tempDir("render_pick");
    const RunResult r = runViewer("--view posterior --size 800x600 --pick 400,300 --pick 2,2 --screenshot " +
                                  shellQuoted(dir / "p.png"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("pick 2,2: none\n") != std::string::npos);
    const auto line = r.out.substr(0, r.out.find('\n'));
    CHECK(line.rfind("pick 400,300: ", 0) == 0);
    CHECK(line != "pick 400,300: none");
    std::string first = line.substr(std::string("pick 400,300: ").size());
    first = first.substr(0, first.find(' '));  // the structure, without the " pain=..." zones
    // Hiding what was hit reveals something else (or nothing) at the same pixel.
    const RunResult h = runViewer("--view posterior --size 800x600 --pick 400,300 --hide " +
                                  first.substr(0, first.find('.')) + " --screenshot " + shellQuoted(dir / "h.png"));
    REQUIRE(h.exitCode == 0);
    CHECK(h.out.find("pick 400,300: " + first + " ") == std::string::npos);
    CHECK(h.out.find("pick 400,300: " + first + "\n") == std::string::npos);

    const RunResult bad = runViewer("--hide gluteus_maximum --screenshot " + shellQuoted(dir / "b.png"));
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.find("gluteus_maximum") != std::string::npos);
    const RunResult badPick = runViewer("--pick 10 --screenshot " + shellQuoted(dir / "b.png"));
    CHECK(badPick.exitCode == 2);
}
