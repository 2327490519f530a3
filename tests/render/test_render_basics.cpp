// Runs the real viewer headlessly (under Xvfb, Mesa llvmpipe) and checks facts about its PNGs.
#include <algorithm>
#include <sys/stat.h>

#include <doctest/doctest.h>

#include "../support/Image.h"
#include "../support/RunViewer.h"
#include "../support/Scenes.h"
#include "../support/Shoot.h"

using namespace la::test;

TEST_CASE("bundled model: posterior view is not blank, centred, background in the corners") {
    const auto dir = tempDir("render_bundled");
    const Image img = shoot("--view posterior --size 640x400", dir / "posterior.png");
    CHECK(img.w == 640);
    CHECK(img.h == 400);
    const Coverage c = foreground(img);
    CHECK(c.fraction > 0.10);
    CHECK(c.fraction < 0.95);
    CHECK(c.cx == doctest::Approx(0.5).epsilon(0.08));
    CHECK(c.cy == doctest::Approx(0.5).epsilon(0.12));
    // Corners show the background gradient: light, bluish grey, top lighter than bottom.
    const auto* tl = img.at(2, 2);
    const auto* bl = img.at(2, img.h - 3);
    const auto* tr = img.at(img.w - 3, 2);
    CHECK(tl[0] > 180);
    CHECK(tl[2] >= tl[0]);
    CHECK(colourDistance(tl, tr) < 12);
    CHECK(tl[0] + tl[1] + tl[2] > bl[0] + bl[1] + bl[2]);
}

TEST_CASE("bundled model: posterior and anterior views differ") {
    const auto dir = tempDir("render_views");
    const Image back = shoot("--view posterior --size 480x360", dir / "back.png");
    const Image front = shoot("--view anterior --size 480x360", dir / "front.png");
    CHECK(meanDifference(back, front) > 3.0);
    const Image back2 = shoot("--view posterior --size 480x360", dir / "back2.png");
    CHECK(meanDifference(back, back2) < 0.5);  // the same view renders the same picture
}

TEST_CASE("a textured model shows its texture") {
    const auto dir = tempDir("render_textured");
    const auto model = writeTexturedCube(dir);
    const Image img = shoot(shellQuoted(model) + " --view oblique --size 400x400", dir / "cube.png");
    const Coverage c = foreground(img);
    CHECK(c.fraction > 0.08);
    CHECK(c.cx == doctest::Approx(0.5).epsilon(0.1));
    // Both checker colours appear: saturated red squares and near-white squares.
    int red = 0, white = 0;
    for (int y = c.minY; y <= c.maxY; ++y)
        for (int x = c.minX; x <= c.maxX; ++x) {
            const auto* p = img.at(x, y);
            if (p[0] > 120 && p[1] < p[0] / 2 && p[2] < p[0] / 2) ++red;
            if (p[0] > 150 && p[1] > 150 && p[2] > 150 && std::abs(p[0] - p[1]) < 25) ++white;
        }
    CHECK(red > 500);
    CHECK(white > 500);
}

TEST_CASE("a deep node hierarchy renders with every world transform applied") {
    const auto dir = tempDir("render_deep");
    const auto model = writeDeepHierarchy(dir, 36);
    const Image img = shoot(shellQuoted(model) + " --view anterior --size 400x400", dir / "deep.png");
    const Coverage c = foreground(img);
    CHECK(c.fraction > 0.02);
    // 36 steps of 10 degrees close a ring: framed, it fills the middle and its centre is empty.
    CHECK(c.cx == doctest::Approx(0.5).epsilon(0.1));
    CHECK(c.cy == doctest::Approx(0.5).epsilon(0.1));
    CHECK(c.maxX - c.minX > 200);
    CHECK(c.maxY - c.minY > 200);
    const auto* centre = img.at(img.w / 2, img.h / 2);
    const auto* edge = img.at(0, img.h / 2);
    CHECK(colourDistance(centre, edge) < 40);
}

TEST_CASE("bad input: one line naming the file, non-zero exit, no crash") {
    const auto dir = tempDir("render_bad");
    SUBCASE("missing model file") {
        const RunResult r = runViewer(shellQuoted(dir / "nope.glb") + " --screenshot " + shellQuoted(dir / "x.png"));
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("nope.glb") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
    }
    SUBCASE("malformed glTF") {
        writeText(dir / "broken.gltf", "{ \"asset\": {\"version\": \"2.0\"}, \"nodes\": [ {");
        const RunResult r = runViewer(shellQuoted(dir / "broken.gltf") + " --screenshot " + shellQuoted(dir / "x.png"));
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("broken.gltf") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    SUBCASE("unknown view") {
        const RunResult r = runViewer("--view sideways --screenshot " + shellQuoted(dir / "x.png"));
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("sideways") != std::string::npos);
    }
    SUBCASE("bad size") {
        const RunResult r = runViewer("--size 12by8 --screenshot " + shellQuoted(dir / "x.png"));
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("12by8") != std::string::npos);
    }
    SUBCASE("unwritable screenshot path") {
        const RunResult r = runViewer("--screenshot " + shellQuoted(dir / "no_such_dir" / "x.png"));
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("no_such_dir") != std::string::npos);
    }
    SUBCASE("--help documents every option") {
        const RunResult r = runViewer("--help");
        CHECK(r.exitCode == 0);
        for (const char* opt : {"--screenshot", "--size", "--view", "MODEL"})
            CHECK(r.out.find(opt) != std::string::npos);
    }
}

TEST_CASE("hostile command lines and inputs (issue 18): one line each, nothing hangs") {
    const auto dir = tempDir("render_hostile");
    const auto oneLine = [](const RunResult& r) { return std::count(r.err.begin(), r.err.end(), '\n') == 1; };
    SUBCASE("an empty --screenshot does not open the window") {
        const RunResult r = runViewer("--screenshot ''");
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("--screenshot") != std::string::npos);
        CHECK(oneLine(r));
    }
    SUBCASE("an empty model argument") {
        const RunResult r = runViewer("'' --screenshot " + shellQuoted(dir / "x.png"));
        CHECK(r.exitCode == 2);
        CHECK(oneLine(r));
    }
    SUBCASE("--time nan is refused") {
        const RunResult r = runViewer("--time nan --screenshot " + shellQuoted(dir / "x.png"));
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("--time") != std::string::npos);
        CHECK(oneLine(r));
    }
    SUBCASE("a --screenshot path longer than PATH_MAX") {
        const RunResult r = runViewer("--screenshot " + shellQuoted(dir / (std::string(5000, 'a') + ".png")));
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("longer than the system allows") != std::string::npos);
        CHECK(oneLine(r));
    }
    SUBCASE("/dev/zero and a FIFO as tour or model") {
        REQUIRE(::mkfifo((dir / "pipe.json").c_str(), 0600) == 0);
        for (const std::string& input : {std::string("/dev/zero"), (dir / "pipe.json").string()}) {
            CAPTURE(input);
            const RunResult tour =
                runViewer("--tour " + shellQuoted(input) + " --screenshot " + shellQuoted(dir / "x.png"));
            CHECK(tour.exitCode != 0);
            CHECK(tour.err.find(input) != std::string::npos);
            CHECK(oneLine(tour));
            const RunResult model = runViewer(shellQuoted(input) + " --screenshot " + shellQuoted(dir / "x.png"));
            CHECK(model.exitCode == 1);
            CHECK(model.err.find("not a regular file") != std::string::npos);
            CHECK(oneLine(model));
        }
    }
}
