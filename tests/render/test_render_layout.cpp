// The whole screen's layout as the viewer draws it: --layout-report lists every window ImGui drew in a
// still (and the caption bar); nothing may overlap or leave the screen, with the window's chrome, the
// sidebar, article panels, a tour article, the pain legend and the pain lookup open.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/LayoutReport.h"
#include "../support/RunViewer.h"
#include "../support/Shoot.h"

using namespace la::test;

namespace {

std::vector<Placed> report(const std::string& out) {
    return layoutReport(out);
}

bool has(const std::vector<Placed>& r, const std::string& name) {
    for (const auto& p : r)
        if (p.name.find(name) != std::string::npos) return true;
    return false;
}

// Non-transient windows (tooltips and popups float on purpose) must not overlap or leave the screen;
// the legend, the articles and the article panels keep off the middle of the body ("area body").
void checkNoOverlap(const std::vector<Placed>& all, float w, float h) {
    std::vector<Placed> r;
    Placed body;
    for (const auto& p : all) {
        if (p.kind == "item" || p.kind == "mark") continue;  // texts inside a window (checkItems), trigger marks
        (p.kind == "area" ? body : r.emplace_back()) = p;
    }
    for (const auto& p : r) {
        const bool keepsOff = p.name == "painlegend" || p.name.find("article_") == 0 ||
                              p.name.find("(left)") != std::string::npos || p.name.find("(right)") != std::string::npos;
        if (!keepsOff || body.w <= 0.0f) continue;
        CAPTURE(p.text());
        CAPTURE(body.text());
        CHECK_FALSE(p.overlaps(body));
    }
    for (const auto& p : r) {
        CAPTURE(p.text());
        CHECK(p.x >= 0.0f);
        CHECK(p.y >= 0.0f);
        CHECK(p.x + p.w <= w + 0.5f);
        CHECK(p.y + p.h <= h + 0.5f);
    }
    for (std::size_t i = 0; i < r.size(); ++i)
        for (std::size_t j = i + 1; j < r.size(); ++j) {
            if (r[i].kind == "tooltip" || r[j].kind == "tooltip" || r[i].kind == "popup" || r[j].kind == "popup")
                continue;
            CAPTURE(r[i].text());
            CAPTURE(r[j].text());
            CHECK_FALSE(r[i].overlaps(r[j]));
        }
}

// The texts inside the status bar and the sidebar's tab row: each within its window and the screen, none
// over another, and drawn whole (nothing cut with "..." at the bar's end).
void checkItems(const std::vector<Placed>& r, float w) {
    const Placed status = findPlaced(r, "status");
    const Placed sidebar = findPlaced(r, "sidebar");
    REQUIRE(status.w > 0.0f);
    REQUIRE(sidebar.w > 0.0f);
    std::vector<Placed> items;
    for (const auto& p : r)  // the status bar's items and the tabs (not the legend's state)
        if (p.kind == "item" && p.name.rfind("painlegend/", 0) != 0) items.push_back(p);
    CHECK_FALSE(has(items, "status/elided"));
    float lineHeight = 0.0f;
    for (const auto& p : items) {
        CAPTURE(p.text());
        const Placed& in = p.name.rfind("status/", 0) == 0 ? status : sidebar;
        CHECK(p.x >= in.x);
        CHECK(p.y >= in.y);
        CHECK(p.x + p.w <= in.x + in.w + 0.5f);
        CHECK(p.y + p.h <= in.y + in.h + 0.5f);
        CHECK(p.x + p.w <= w + 0.5f);
        if (p.name.rfind("status/", 0) == 0) lineHeight = std::max(lineHeight, p.h);
    }
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            CAPTURE(items[i].text());
            CAPTURE(items[j].text());
            CHECK_FALSE(items[i].overlaps(items[j]));
        }
    // The tabs' whole names at the text size of the status bar (a squeezed label was "Struc...").
    for (const char* tab : {"tab/Structures", "tab/Referred_pain", "tab/Tours"}) {
        CAPTURE(tab);
        REQUIRE(has(items, tab));
        CHECK(findPlaced(items, tab).h >= lineHeight - 0.5f);
    }
}

}  // namespace

TEST_CASE("layout report: the status bar's items and the sidebar's tabs fit, whole, in narrow windows and at 2x") {
    const auto dir = tempDir("render_layout_items");
    struct Case {
        int w, h;
        const char* extra;
    };
    const Case cases[] = {
        {1024, 768, ""}, {1280, 720, " --ui-scale 2"}, {1400, 900, " --ui-scale 2"}, {3840, 2160, " --ui-scale 2"}};
    for (const Case& c : cases) {
        CAPTURE(c.w);
        CAPTURE(c.extra);
        const RunResult run = runViewer("--size " + std::to_string(c.w) + "x" + std::to_string(c.h) + c.extra +
                                        " --sidebar structures --tour '" + std::string(LA_SOURCE_DIR) +
                                        "/content/tours/why_does_my_back_hurt.json' --step 7 --pain all --explain" +
                                        " --layout-report --screenshot '" + (dir / "items.png").string() + "'");
        REQUIRE(run.exitCode == 0);
        const auto r = report(run.out);
        CAPTURE(run.out);
        CHECK(has(r, "status/tour"));  // the tour's step stays (shortened when the bar is narrow)
        checkItems(r, static_cast<float>(c.w));
    }
}

TEST_CASE("layout report: the pain legend is whole, in a small room at 2x with smaller text, never cut") {
    const auto dir = tempDir("render_layout_legend");
    const std::string tour = " --tour '" + std::string(LA_SOURCE_DIR) + "/content/tours/why_does_my_back_hurt.json'";
    struct Case {
        const char* args;
        bool smaller;  // the room is too small for every form at the UI's text size
    };
    const Case cases[] = {{"--size 1280x720 --sidebar structures --pain all --explain", false},
                          {"--size 1400x900 --ui-scale 2 --sidebar structures --pain all --explain", true},
                          {"--size 1024x768 --ui-scale 2 --pain all --explain", false}};
    for (const Case& c : cases) {
        CAPTURE(c.args);
        const RunResult run = runViewer(std::string(c.args) + (c.smaller ? tour : std::string()) +
                                        " --layout-report --screenshot '" + (dir / "legend.png").string() + "'");
        REQUIRE(run.exitCode == 0);
        const auto r = report(run.out);
        CAPTURE(run.out);
        CHECK(has(r, "painlegend"));
        CHECK_FALSE(has(r, "painlegend/scrolls"));
        CHECK(has(r, "painlegend/smaller") == c.smaller);
    }
}

TEST_CASE("layout report: every trigger point's number is clear of the other X's and numbers, at 1x and 2x") {
    const auto dir = tempDir("render_layout_marks");
    for (const char* extra : {"", " --ui-scale 2"}) {
        CAPTURE(extra);
        const RunResult run = runViewer(std::string("--size 1920x1080") + extra +
                                        " --pain all --explain --sidebar pain --layout-report --screenshot '" +
                                        (dir / "marks.png").string() + "'");
        REQUIRE(run.exitCode == 0);
        std::vector<Placed> xs, numbers;
        for (const auto& p : report(run.out))
            if (p.kind == "mark") (p.name.rfind("x/", 0) == 0 ? xs : numbers).push_back(p);
        // Both sides' trigger points of both muscles are shown from behind (gluteus medius 1-3, QL 4-7).
        CHECK(numbers.size() >= 8);
        CHECK(numbers.size() == xs.size());
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            CAPTURE(numbers[i].text());
            for (const auto& x : xs) {
                CAPTURE(x.text());
                CHECK_FALSE(numbers[i].overlaps(x));
            }
            for (std::size_t j = 0; j < i; ++j) {
                CAPTURE(numbers[j].text());
                CHECK_FALSE(numbers[i].overlaps(numbers[j]));
            }
        }
    }
}

TEST_CASE("layout report: the window's screen with everything open has no overlaps, at three sizes") {
    const auto dir = tempDir("render_layout");
    struct Case {
        int w, h;
        const char* extra;
    };
    // 1280x720 and 1920x1080 at scale 1, 3840x2160 at --ui-scale 2 (a hi-DPI screen).
    const Case cases[] = {{1280, 720, ""}, {1920, 1080, ""}, {3840, 2160, " --ui-scale 2"}};
    std::string click;
    int clickX = 0, clickY = 0;
    for (const Case& c : cases) {
        CAPTURE(c.w);
        const std::string common = "--size " + std::to_string(c.w) + "x" + std::to_string(c.h) + c.extra +
                                   " --sidebar pain --tour '" + std::string(LA_SOURCE_DIR) +
                                   "/content/tours/why_does_my_back_hurt.json' --step 7 --pain quadratus_lumborum" +
                                   " --explain --screenshot '" + (dir / "all.png").string() + "'";
        // A spot where the shown pattern's pain is felt: a click there opens the lookup beside it. At
        // 3840x2160 with --ui-scale 2 the picture is the 1920x1080 one doubled, so is the spot.
        if (c.w == 3840) {
            click = std::to_string(2 * clickX) + "," + std::to_string(2 * clickY);
        } else {
            std::string picks;
            // A grid over the view beside the sidebar (wherever the step's camera and posture put the body).
            for (int i = 0; i < 12; ++i)
                for (int j = 0; j < 8; ++j)
                    picks += " --pick " + std::to_string(c.w * (32 + 5 * i) / 100) + "," +
                             std::to_string(c.h * (30 + 7 * j) / 100);
            const RunResult scan = runViewer(common + picks);
            REQUIRE(scan.exitCode == 0);
            click.clear();
            std::istringstream lines(scan.out);
            for (std::string line; std::getline(lines, line) && click.empty();)
                if (line.rfind("pick ", 0) == 0 && line.find("pain=") != std::string::npos) {
                    click = line.substr(5, line.find(':') - 5);
                    std::sscanf(click.c_str(), "%d,%d", &clickX, &clickY);
                }
            REQUIRE_FALSE(click.empty());
        }
        const std::string args = common + " --click " + click + " --layout-report";
        const RunResult run = runViewer(args);
        REQUIRE(run.exitCode == 0);
        const auto r = report(run.out);
        CAPTURE(run.out);
        // Everything asked for is there: chrome, sidebar, caption bar, the step's article, panels, legend.
        CHECK(has(r, "MainMenuBar"));
        CHECK(has(r, "status"));
        CHECK(has(r, "sidebar"));
        CHECK(has(r, "caption"));
        CHECK(has(r, "article_"));
        CHECK(has(r, "painlegend"));
        CHECK(has(r, "painlookup"));
        int panels = 0;
        for (const auto& p : r)
            panels += p.name.find("(left)") != std::string::npos || p.name.find("(right)") != std::string::npos ? 1 : 0;
        CHECK(panels >= 2);
        CHECK(findPlaced(r, "body").w > 0.1f * static_cast<float>(c.w));  // the body's middle is reported
        checkNoOverlap(r, static_cast<float>(c.w), static_cast<float>(c.h));
    }
}

TEST_CASE("layout report: presenter mode and a closed sidebar") {
    const auto dir = tempDir("render_layout_presenter");
    for (const char* mode : {"--presenter", "--sidebar closed"}) {
        CAPTURE(mode);
        const RunResult run =
            runViewer(std::string("--size 1366x768 ") + mode + " --tour '" + std::string(LA_SOURCE_DIR) +
                      "/content/tours/why_does_my_back_hurt.json' --step 3 --explain --layout-report "
                      "--screenshot '" +
                      (dir / "p.png").string() + "'");
        REQUIRE(run.exitCode == 0);
        const auto r = report(run.out);
        CAPTURE(run.out);
        CHECK(has(r, "caption"));
        CHECK(has(r, "sidebar") == (std::string(mode) != "--presenter"));
        checkNoOverlap(r, 1366.0f, 768.0f);
    }
}

TEST_CASE("layout report needs a screenshot; --sidebar and --click are checked") {
    CHECK(runViewer("--layout-report").exitCode == 2);
    CHECK(runViewer("--sidebar nowhere --screenshot x.png").exitCode == 2);
    CHECK(runViewer("--click 10 --screenshot x.png").exitCode == 2);
}
