// Fitting the status bar's items and the sidebar's tabs into a width (core/BarFit.h, ui/StatusLine.h):
// items give way in a set order, and what is shown is never wider than the room.
#include <string>

#include <doctest/doctest.h>

#include "core/BarFit.h"
#include "ui/StatusLine.h"

using namespace la;

namespace {

// Text widths as DejaVu Sans draws them near enough: about 9 px a character at 17 px, twice at 2x.
struct Width {
    float perChar = 9.0f;
    float operator()(const std::string& t) const { return perChar * static_cast<float>(t.size()); }
};

// The window with the clinic's tour open (the status line the layout report showed cut at 2x).
ui::StatusInfo touring() {
    ui::StatusInfo s;
    s.modelName = "lower_body.glb";
    s.frame = "In the landmark frame (checked on the hip bones)";
    s.tourTitle = "Why does my lower back hurt?";
    s.tourStep = 7;
    s.tourSteps = 8;
    return s;
}

std::vector<std::string> shown(const ui::StatusInfo& info, const LineFit& fit) {
    const auto forms = ui::statusForms(info);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < forms.size(); ++i)
        if (fit.form[i] >= 0) out.push_back(forms[i][static_cast<std::size_t>(fit.form[i])]);
    return out;
}

}  // namespace

TEST_CASE("fitLine: everything in full when it fits; steps taken in order only while it is too wide") {
    const std::vector<LineItem> items = {{{100.0f}, false}, {{80.0f, 30.0f}, true}, {{50.0f}, true}};
    const std::vector<int> order = {2, 1, 1};
    LineFit f = fitLine(items, order, 10.0f, 250.0f);
    CHECK(f.form == std::vector<int>{0, 0, 0});
    CHECK(f.width == doctest::Approx(250.0f));
    CHECK(f.fits);
    f = fitLine(items, order, 10.0f, 249.0f);  // the first step: item 2 left out
    CHECK(f.form == std::vector<int>{0, 0, -1});
    CHECK(f.width == doctest::Approx(190.0f));
    f = fitLine(items, order, 10.0f, 150.0f);  // then item 1 shortened
    CHECK(f.form == std::vector<int>{0, 1, -1});
    CHECK(f.width == doctest::Approx(140.0f));
    f = fitLine(items, order, 10.0f, 120.0f);  // then left out
    CHECK(f.form == std::vector<int>{0, -1, -1});
    f = fitLine(items, order, 10.0f, 60.0f);  // item 0 may not go: the line stays too wide, and says so
    CHECK(f.form == std::vector<int>{0, -1, -1});
    CHECK_FALSE(f.fits);
}

TEST_CASE("status line: the tour step stays at 1024 px and at 1280 px with 2x text; nothing is wider than the bar") {
    const ui::StatusInfo info = touring();
    // The bar less its padding: 1024 px at 1x, and 1280 px, 1400 px and 3840 px with 2x text.
    const struct {
        float room, perChar;
    } cases[] = {{1004.0f, 9.0f}, {1240.0f, 18.0f}, {1358.0f, 18.0f}, {3798.0f, 18.0f}, {620.0f, 9.0f}};
    for (const auto& c : cases) {
        CAPTURE(c.room);
        CAPTURE(c.perChar);
        const LineFit fit = ui::fitStatusLine(info, Width{c.perChar}, c.room);
        CHECK(fit.fits);
        CHECK(fit.width <= c.room);
        CHECK(fit.form[ui::kStatusTour] >= 0);
    }
    // The old line at 1024 px: everything in full is wider than the bar (it was cut at the window's edge).
    std::vector<LineItem> measured;
    ui::fitStatusLine(info, Width{9.0f}, 1e9f, &measured);
    std::vector<int> full(measured.size(), 0);
    CHECK(lineWidth(measured, full, Width{9.0f}(ui::kStatusSeparator)) > 1004.0f);
}

TEST_CASE("status line: the order in which items give way") {
    ui::StatusInfo info = touring();
    const Width w;
    std::vector<LineItem> m;
    ui::fitStatusLine(info, w, 1e9f, &m);
    const float sep = w(ui::kStatusSeparator);
    auto widthOf = [&](const std::vector<int>& form) { return lineWidth(m, form, sep); };
    // Full, then without the hint, without the frame, with the tour's step only, without the file name,
    // without "Nothing selected", without the tour.
    const std::vector<std::vector<int>> steps = {{-1, 0, 0, 0, 0, 0},    {-1, 0, 0, 0, 0, -1},
                                                 {-1, 0, -1, 0, 0, -1},  {-1, 0, -1, 0, 1, -1},
                                                 {-1, -1, -1, 0, 1, -1}, {-1, -1, -1, -1, 1, -1}};
    for (std::size_t k = 0; k < steps.size(); ++k) {
        CAPTURE(k);
        const LineFit fit = ui::fitStatusLine(info, w, widthOf(steps[k]));
        CHECK(fit.form == steps[k]);
    }
    CHECK(shown(info, ui::fitStatusLine(info, w, widthOf(steps[3]))) ==
          std::vector<std::string>{"lower_body.glb", "Nothing selected", "Step 7 of 8"});
    // A selected name stays when everything else has gone; too narrow even for it, the line says so (the
    // bar then ends it in "...").
    info.selection = "Quadratus lumborum (left)";
    const LineFit narrow = ui::fitStatusLine(info, w, 100.0f);
    CHECK(shown(info, narrow) == std::vector<std::string>{"Quadratus lumborum (left)"});
    CHECK_FALSE(narrow.fits);
    // Work in progress stays too.
    info.loading = "Loading big.glb";
    CHECK(shown(info, ui::fitStatusLine(info, w, 100.0f)) ==
          std::vector<std::string>{"Loading big.glb...", "Quadratus lumborum (left)"});
}

TEST_CASE("tab rows: one row when the whole names fit, else more rows filled edge to edge; never wider than the room") {
    const std::vector<float> tabs = {186.0f, 232.0f, 114.0f};  // Structures, Referred pain, Tours at 2x
    const float fold = 50.0f, spacing = 8.0f;
    TabRows one = layoutTabRows(tabs, fold, 700.0f, spacing);
    CHECK(one.rows == 1);
    CHECK(one.row == std::vector<int>{0, 0, 0});
    CHECK(one.width == std::vector<float>(tabs));
    CHECK(one.x[1] == doctest::Approx(194.0f));
    CHECK(one.trailingX == doctest::Approx(650.0f));
    // The sidebar at 2x in a 1400x900 window (444 px inside): the old tab bar squeezed these to "Struc..."
    // and "Refe...".
    for (const float room : {444.0f, 316.0f, 240.0f}) {
        CAPTURE(room);
        const TabRows t = layoutTabRows(tabs, fold, room, spacing);
        CHECK(t.rows > 1);
        for (std::size_t i = 0; i < tabs.size(); ++i) {
            CAPTURE(i);
            const float rowEnd = t.row[i] == 0 ? room - fold - spacing : room;
            CHECK(t.width[i] >= std::min(tabs[i], rowEnd) - 1e-3f);  // the whole name, unless a row is narrower
            CHECK(t.x[i] >= 0.0f);
            CHECK(t.x[i] + t.width[i] <= rowEnd + 1e-3f);
            if (i > 0 && t.row[i] == t.row[i - 1]) CHECK(t.x[i] >= t.x[i - 1] + t.width[i - 1] + spacing - 1e-3f);
            if (i > 0) CHECK(t.row[i] >= t.row[i - 1]);  // in their order
        }
        CHECK(t.trailingX == doctest::Approx(room - fold));
    }
    const TabRows two = layoutTabRows(tabs, fold, 444.0f, spacing);
    CHECK(two.row == std::vector<int>{0, 1, 1});
    CHECK(two.width[0] == doctest::Approx(444.0f - fold - spacing));  // the first row up to the fold button
    CHECK(two.x[2] + two.width[2] == doctest::Approx(444.0f));        // the second filled to the edge
    // Narrower than a name: the tab takes the row (its text is drawn smaller), nothing runs past it.
    const TabRows tiny = layoutTabRows(tabs, fold, 150.0f, spacing);
    CHECK(tiny.rows == 3);
    CHECK(tiny.width[1] == doctest::Approx(150.0f));
}
