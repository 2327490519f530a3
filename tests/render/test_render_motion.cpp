// The motion level of detail in the real window (Xvfb, xdotool): frames drawn while the mouse orbits the
// camera use the simplified meshes at reduced resolution; once the camera rests the window draws the full
// model at full size again, and a screenshot taken mid-drag is always the full model. Read from the
// viewer's --frame-log ("window|still MS MS_DRAWING TRIANGLES LOD WxH" per frame); no timing is checked.
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <doctest/doctest.h>

#include "../support/LiveViewer.h"

using namespace la::test;

namespace {
struct LoggedFrame {
    std::string kind;
    long long triangles = 0;
    int lod = 0;
    std::string size;
};

std::vector<LoggedFrame> readLog(const std::string& path) {
    std::vector<LoggedFrame> frames;
    std::istringstream in(slurp(path));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream l(line);
        LoggedFrame f;
        double ms = 0.0, drawMs = 0.0;
        if (l >> f.kind >> ms >> drawMs >> f.triangles >> f.lod >> f.size) frames.push_back(f);
    }
    return frames;
}
}  // namespace

TEST_CASE("motion LOD: reduced frames only while the camera moves; full at rest and in screenshots" *
          doctest::test_suite("live")) {
    REQUIRE_MESSAGE(!shell("command -v xdotool").empty(), "xdotool is needed (tools/setup.sh installs it)");
    const auto home = std::filesystem::temp_directory_path() / ("la_live_motion_" + std::to_string(getpid()));
    const std::string log = home.string() + "-frames.log";
    std::filesystem::remove(log);
    LiveViewer v(home, "--pain all --frame-log '" + log + "'");
    REQUIRE_MESSAGE(v.hasWindow(), v.output());
    REQUIRE(v.waitForTitle("lower_body"));
    REQUIRE(waitUntil([&] { return !readLog(log).empty(); }));
    const long long full = readLog(log).front().triangles;  // the first frame with the model: all of it
    REQUIRE(full > 100000);
    // The window's size as it draws it (the viewer fits it to the screen), and a point in the view.
    // The window's size (the viewer fits it to the screen), once a frame at rest has been drawn at it
    // (the fly-to after the load is drawn reduced).
    const std::string geometry = shell("xdotool getwindowgeometry " + std::to_string(v.windowId()));
    const std::size_t at = geometry.find("Geometry: ");
    REQUIRE(at != std::string::npos);
    int w = 0, h = 0;
    REQUIRE(std::sscanf(geometry.c_str() + at + 10, "%dx%d", &w, &h) == 2);
    const std::string fullSize = std::to_string(w) + "x" + std::to_string(h);
    REQUIRE(waitUntil([&] {
        const auto frames = readLog(log);
        return !frames.empty() && frames.back().size == fullSize;
    }));
    const int x0 = w * 6 / 10, y0 = h * 45 / 100;

    // Orbit until a frame drawn during the drag used the LOD (it is built in the background after loading).
    const std::string win = std::to_string(v.windowId());
    std::size_t dragStart = 0;
    bool reducedSeen = false;
    REQUIRE(waitUntil(
        [&] {
            dragStart = readLog(log).size();
            shell("xdotool mousemove --window " + win + " " + std::to_string(x0) + " " + std::to_string(y0) +
                  " mousedown 1");
            for (int i = 1; i <= 12; ++i)
                shell("xdotool mousemove --window " + win + " " + std::to_string(x0 + 15 * i) + " " +
                      std::to_string(y0) + " sleep 0.15");
            // A screenshot in the middle of the drag: the full model whatever the window draws.
            shell("xdotool key F12");
            for (int i = 1; i <= 6; ++i)
                shell("xdotool mousemove --window " + win + " " + std::to_string(x0 + 180 - 15 * i) + " " +
                      std::to_string(y0 + 20) + " sleep 0.15");
            shell("xdotool mouseup 1");
            const auto frames = readLog(log);
            for (std::size_t i = dragStart; i < frames.size(); ++i)
                reducedSeen |= frames[i].kind == "window" && frames[i].lod == 1;
            return reducedSeen;
        },
        180.0));
    // The last drag's F12: its screenshot is logged once the viewer has caught up with the events, which
    // on a loaded machine can be a second or more after the drag (a full frame drawn in a pause of the
    // drag would otherwise pass for the rest below); a lost key never logs it.
    REQUIRE(waitUntil(
        [&] {
            const auto frames = readLog(log);
            for (std::size_t i = dragStart; i < frames.size(); ++i)
                if (frames[i].kind == "still") return true;
            return false;
        },
        60.0));
    // The camera rests: the window's latest frame is the full model at the window's size.
    REQUIRE(waitUntil(
        [&] {
            const auto frames = readLog(log);
            return !frames.empty() && frames.back().kind == "window" && frames.back().lod == 0;
        },
        60.0));
    const auto frames = readLog(log);
    CHECK(frames.back().triangles == full);
    CHECK(frames.back().size == fullSize);
    bool stillSeen = false;
    for (std::size_t i = dragStart; i < frames.size(); ++i) {
        const LoggedFrame& f = frames[i];
        if (f.kind == "still") {
            stillSeen = true;
            CHECK(f.lod == 0);  // the F12 screenshot
            CHECK(f.triangles == full);
            CHECK(f.size == fullSize);
        }
        if (f.kind == "window" && f.lod == 1) {
            CHECK(f.triangles < full / 2);
            // Half the width and height at most, a quarter at least (the scale follows the frame time).
            int rw = 0, rh = 0;
            CHECK(std::sscanf(f.size.c_str(), "%dx%d", &rw, &rh) == 2);
            CHECK(rw <= (w + 1) / 2);
            CHECK(rw >= w / 4 - 1);
            CHECK(rh <= (h + 1) / 2);
            CHECK(rh >= h / 4 - 1);
            CHECK(std::abs(rw * h - rh * w) <= w + h);  // the window's shape
        }
    }
    CHECK(stillSeen);
    std::filesystem::remove(log);
}

// On llvmpipe the window shows its frames by copying the back buffer (render/gl/Present.h), which keeps
// it, and frames while the camera moves leave the UI pixels that did not change alone. A window resized
// in the middle of a drag must swap once so that the next frames' buffers take the new size (a copy of
// the new size from the old buffer is an X error that ends the viewer): it goes on drawing, at the new size.
TEST_CASE("motion: a window resized during a drag goes on drawing, reduced and at rest, at its new size" *
          doctest::test_suite("live")) {
    REQUIRE_MESSAGE(!shell("command -v xdotool").empty(), "xdotool is needed (tools/setup.sh installs it)");
    const auto home = std::filesystem::temp_directory_path() / ("la_live_resize_" + std::to_string(getpid()));
    const std::string log = home.string() + "-frames.log";
    std::filesystem::remove(log);
    // The window starts small (its saved size), so that it grows past the buffers of its first frames.
    LiveViewer v(home, "--pain all --explain --frame-log '" + log + "'",
                 R"({"window": {"x": 0, "y": 0, "w": 900, "h": 640, "maximized": false}})");
    REQUIRE_MESSAGE(v.hasWindow(), v.output());
    REQUIRE(v.waitForTitle("lower_body"));
    const std::string win = std::to_string(v.windowId());
    REQUIRE(waitUntil([&] {
        const auto frames = readLog(log);
        return !frames.empty() && frames.back().size == "900x640" && frames.back().lod == 0;
    }));
    auto drag = [&](int x0, int y0, bool resize) {
        const std::size_t start = readLog(log).size();
        shell("xdotool mousemove --window " + win + " " + std::to_string(x0) + " " + std::to_string(y0) +
              " mousedown 1");
        for (int i = 1; i <= 16; ++i) {
            shell("xdotool mousemove --window " + win + " " + std::to_string(x0 + 12 * i) + " " +
                  std::to_string(y0 + (i % 2) * 6) + " sleep 0.15");
            if (resize && i == 8) shell("xdotool windowsize " + win + " 1600 960");
        }
        shell("xdotool mouseup 1");
        return start;
    };
    // Orbit until a drag drew reduced frames (the LOD is built in the background after loading), the
    // window made larger half way through.
    std::size_t start = 0;
    REQUIRE(waitUntil(
        [&] {
            shell("xdotool windowsize " + win + " 900 640");
            start = drag(500, 300, true);
            const auto frames = readLog(log);
            bool reducedAfter = false;
            for (std::size_t i = start; i < frames.size(); ++i) reducedAfter |= frames[i].lod == 1;
            return reducedAfter;
        },
        180.0));
    REQUIRE(v.running());
    // Another drag at the new size, then the camera rests: the latest frame is full, at the new size.
    drag(500, 300, false);
    REQUIRE(waitUntil(
        [&] {
            const auto frames = readLog(log);
            return !frames.empty() && frames.back().kind == "window" && frames.back().lod == 0 &&
                   frames.back().size == "1600x960";
        },
        60.0));
    CHECK(v.running());
    bool reducedAtNewSize = false;
    const auto frames = readLog(log);
    for (std::size_t i = start; i < frames.size(); ++i) {
        int rw = 0, rh = 0;
        if (frames[i].lod == 1 && std::sscanf(frames[i].size.c_str(), "%dx%d", &rw, &rh) == 2)
            reducedAtNewSize |= rw <= 800 && rw >= 1600 / 4 - 1 && std::abs(rw * 960 - rh * 1600) <= 1600 + 960;
    }
    CHECK(reducedAtNewSize);
    // Keys reach the window right after the drags (ImGui may still count an item as active): Ctrl+Q quits.
    v.key("ctrl+q");
    CHECK(v.waitForExit());
    std::filesystem::remove(log);
    if (!getenv("LA_KEEP_LIVE")) std::filesystem::remove_all(home);
}
