// Handout export (--tour FILE --export-dir DIR): the real viewer under Xvfb writes one PNG per step,
// each with its caption bar; bad tours fail with one line naming the file and the line.
#include <algorithm>
#include <cstdlib>

#include <doctest/doctest.h>

#include "../support/Image.h"
#include "../support/LayoutReport.h"
#include "../support/RunViewer.h"
#include "../support/Scenes.h"
#include "../support/Shoot.h"
#include "io/TourLoader.h"

using namespace la::test;

namespace {

std::string stepFile(int i) {
    char name[32];
    std::snprintf(name, sizeof name, "step-%02d.png", i + 1);
    return name;
}

double luminance(const std::uint8_t* p) {
    return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

// The caption bar: a dark band across the whole width at the bottom (judged on its padding at both
// edges, which no text reaches), with light text pixels inside it.
struct CaptionFacts {
    int bandHeight = 0;   // rows from the bottom that are dark at both edges
    int lightPixels = 0;  // bright pixels inside the band
};

CaptionFacts captionFacts(const Image& img) {
    CaptionFacts f;
    auto darkEdges = [&](int y) {
        for (int x = 1; x < 9; ++x)
            if (luminance(img.at(x, y)) > 60.0 || luminance(img.at(img.w - 1 - x, y)) > 60.0) return false;
        return true;
    };
    for (int y = img.h - 1; y >= 0 && darkEdges(y); --y) ++f.bandHeight;
    for (int y = img.h - f.bandHeight; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x)
            if (luminance(img.at(x, y)) > 200.0) ++f.lightPixels;
    return f;
}

}  // namespace

TEST_CASE("handout export: every step of both bundled tours, distinct pictures, each with a caption bar") {
    const std::string root = LA_SOURCE_DIR;
    for (const std::string name : {"why_does_my_back_hurt", "ql_gmed_for_therapists"}) {
        CAPTURE(name);
        const std::string tourPath = root + "/content/tours/" + name + ".json";
        const auto tour = la::io::loadTour(tourPath);
        REQUIRE_MESSAGE(tour.ok(), (tour.ok() ? std::string() : tour.error()));
        const int steps = static_cast<int>(tour->steps.size());
        const auto dir = tempDir("render_tour_" + name) / "handout";  // created by the viewer
        std::filesystem::remove_all(dir);
        const RunResult r =
            runViewer("--tour " + shellQuoted(tourPath) + " --export-dir " + shellQuoted(dir) + " --size 640x360");
        INFO("stderr: " << r.err);
        REQUIRE(r.exitCode == 0);
        CHECK_FALSE(std::filesystem::exists(dir / stepFile(steps)));  // no extra pictures
        std::vector<Image> images;
        for (int i = 0; i < steps; ++i) {
            CAPTURE(i);
            Image img = readPng((dir / stepFile(i)).string());
            REQUIRE(img.ok());
            CHECK(img.w == 640);
            CHECK(img.h == 360);
            const CaptionFacts c = captionFacts(img);
            CHECK(c.bandHeight >= 20);               // at least one line of large text
            CHECK(c.bandHeight <= 120);              // a bar, not a black picture
            CHECK(c.lightPixels > 150);              // the caption's letters
            CHECK(foreground(img).fraction > 0.10);  // the model is there above the bar
            images.push_back(std::move(img));
        }
        // Steps that share camera and scene differ at least in their captions.
        double smallest = 1e9;
        for (std::size_t i = 0; i < images.size(); ++i)
            for (std::size_t j = i + 1; j < images.size(); ++j) {
                const double d = meanDifference(images[i], images[j]);
                smallest = std::min(smallest, d);
                CAPTURE(i);
                CAPTURE(j);
                CHECK(d > 1.0);
            }
        MESSAGE(name << ": smallest mean difference between two steps " << smallest);
    }
}

TEST_CASE("handout export: a malformed tour fails with one line naming the file and the line") {
    const auto dir = tempDir("render_tour_bad");
    const auto file = dir / "broken_tour.json";
    writeText(file,
              "{\n  \"title\": \"Broken\",\n  \"steps\": [\n    { \"caption\": \"x\",\n      \"camera\": posterior }\n "
              " ]\n}\n");
    const RunResult r = runViewer("--tour " + shellQuoted(file) + " --export-dir " + shellQuoted(dir / "out"));
    CHECK(r.exitCode != 0);
    INFO("stderr: " << r.err);
    CHECK(r.err.find("broken_tour.json:5") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "out" / "step-01.png"));
}

TEST_CASE("handout export: an unknown structure id fails naming the file, the line and the id") {
    const auto dir = tempDir("render_tour_unknown");
    const auto file = dir / "unknown_id.json";
    writeText(
        file,
        "{\n  \"title\": \"Unknown\",\n  \"steps\": [\n    {\n      \"caption\": \"x\", \"camera\": \"posterior\",\n"
        "      \"hide\": [\"skin\", \"spleen\"]\n    }\n  ]\n}\n");
    const RunResult r = runViewer("--tour " + shellQuoted(file) + " --export-dir " + shellQuoted(dir / "out"));
    CHECK(r.exitCode != 0);
    INFO("stderr: " << r.err);
    CHECK(r.err.find("unknown_id.json:6") != std::string::npos);
    CHECK(r.err.find("spleen") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("--export-dir needs --tour; a missing tour file is named") {
    const auto dir = tempDir("render_tour_options");
    RunResult r = runViewer("--export-dir " + shellQuoted(dir / "out"));
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("--tour") != std::string::npos);
    r = runViewer("--tour " + shellQuoted(dir / "no_such_tour.json") + " --export-dir " + shellQuoted(dir / "out"));
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("no_such_tour.json") != std::string::npos);
}

TEST_CASE("presenter look in a screenshot: larger caption text than the handout of the same step") {
    const std::string tourPath = std::string(LA_SOURCE_DIR) + "/content/tours/why_does_my_back_hurt.json";
    const auto dir = tempDir("render_tour_presenter");
    RunResult r = runViewer("--tour " + shellQuoted(tourPath) + " --step 3 --presenter --size 1280x720 --screenshot " +
                            shellQuoted(dir / "presenter.png"));
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    r = runViewer("--tour " + shellQuoted(tourPath) + " --step 3 --size 1280x720 --screenshot " +
                  shellQuoted(dir / "plain.png"));
    REQUIRE(r.exitCode == 0);
    const Image presenter = readPng((dir / "presenter.png").string());
    const Image plain = readPng((dir / "plain.png").string());
    REQUIRE(presenter.ok());
    REQUIRE(plain.ok());
    CHECK(captionFacts(presenter).bandHeight > captionFacts(plain).bandHeight);
    CHECK(captionFacts(presenter).lightPixels > captionFacts(plain).lightPixels);
}

namespace {
// Pixels of the theme's button face (Read more, Pin, Close: ImGuiCol_Button, a cool light grey that neither
// the panel's warm white, its text nor the separator has) inside one window's rectangle.
int buttonPixels(const Image& img, const Placed& in) {
    int n = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x) {
            if (!in.contains(x, y)) continue;
            const auto* p = img.at(x, y);
            n += std::abs(p[0] - 232) <= 2 && std::abs(p[1] - 235) <= 2 && std::abs(p[2] - 237) <= 2;
        }
    return n;
}
}  // namespace

TEST_CASE("handout export: article panels without their buttons (Read more, Pin, Close); the window's still has them") {
    const std::string tourPath = std::string(LA_SOURCE_DIR) + "/content/tours/why_does_my_back_hurt.json";
    const auto dir = tempDir("render_tour_buttons");
    RunResult r =
        runViewer("--tour " + shellQuoted(tourPath) + " --export-dir " + shellQuoted(dir / "out") + " --size 1280x720");
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    r = runViewer("--tour " + shellQuoted(tourPath) + " --step 3 --size 1280x720 --layout-report --screenshot " +
                  shellQuoted(dir / "window.png"));
    REQUIRE(r.exitCode == 0);
    // The QL panel's rectangle in the window's still; the handout places it the same way (same layout).
    const Placed panel = findPlaced(layoutReport(r.out), "Quadratus_lumborum");
    REQUIRE(panel.w > 0);
    const Image handout = readPng((dir / "out" / stepFile(2)).string());  // step 3: the QL panel
    const Image window = readPng((dir / "window.png").string());
    REQUIRE(handout.ok());
    REQUIRE(window.ok());
    INFO("button pixels: window " << buttonPixels(window, panel) << ", handout " << buttonPixels(handout, panel));
    CHECK(buttonPixels(window, panel) > 500);
    CHECK(buttonPixels(handout, panel) < 50);
}
