// Headless pictures need no display server: --screenshot and --export-dir with DISPLAY unset (the
// surfaceless EGL context), the same picture as with a display, UI included.
#include <cstdlib>

#include <doctest/doctest.h>

#include "../support/Image.h"
#include "../support/RunViewer.h"
#include "../support/Shoot.h"

using namespace la::test;

namespace {

// Runs the viewer with DISPLAY and WAYLAND_DISPLAY removed from its environment; its exit code.
int systemWithoutDisplay(const std::string& args, const std::filesystem::path& errFile) {
    const std::string cmd = std::string("env -u DISPLAY -u WAYLAND_DISPLAY '") + LA_VIEWER + "' " + args +
                            " >/dev/null 2>" + shellQuoted(errFile) + " </dev/null";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("headless: --screenshot works with DISPLAY unset and matches the picture made with a display") {
    const auto dir = tempDir("render_no_display");
    const auto png = dir / "no_display.png";
    const int code = systemWithoutDisplay(
        "--size 480x320 --select quadratus_lumborum.L --screenshot " + shellQuoted(png), dir / "err.txt");
    INFO("stderr: " << slurp(dir / "err.txt"));
    REQUIRE(code == 0);
    const Image img = readPng(png.string());
    REQUIRE(img.ok());
    CHECK(img.w == 480);
    const Coverage c = foreground(img);
    CHECK(c.fraction > 0.10);  // the body, not a blank frame
    CHECK(c.fraction < 0.95);
    // With a display (this test runs under Xvfb) the picture is the same, panel and all.
    const Image withDisplay = shoot("--size 480x320 --select quadratus_lumborum.L", dir / "display.png");
    CHECK(meanDifference(img, withDisplay) < 1.0);
}

TEST_CASE("headless: --export-dir writes every tour step with DISPLAY unset") {
    const auto dir = tempDir("render_no_display_export");
    const std::string tour = std::string(LA_SOURCE_DIR) + "/content/tours/why_does_my_back_hurt.json";
    REQUIRE(std::filesystem::exists(tour));
    const int code = systemWithoutDisplay(
        "--tour " + shellQuoted(tour) + " --export-dir " + shellQuoted(dir / "out") + " --size 320x200",
        dir / "err.txt");
    INFO("stderr: " << slurp(dir / "err.txt"));
    REQUIRE(code == 0);
    const Image first = readPng((dir / "out" / "step-01.png").string());
    REQUIRE(first.ok());
    CHECK(foreground(first).fraction > 0.05);
}
