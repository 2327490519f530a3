// Trigger-point numbers (core/MarkLabels.h): beside their X, never on another X or number when there is
// room around it.
#include <doctest/doctest.h>

#include "core/MarkLabels.h"

using namespace la;

namespace {

constexpr float kRadius = 7.0f, kGap = 2.0f;
const glm::vec2 kText(9.0f, 15.0f);  // one digit at 17 px

Rect markBox(glm::vec2 c) {
    return {c - glm::vec2(kRadius), c + glm::vec2(kRadius)};
}
Rect labelBox(glm::vec2 topLeft) {
    return Rect::fromPosSize(topLeft, kText);
}

}  // namespace

TEST_CASE("a lone trigger point has its number at the upper right, just clear of the X") {
    const glm::vec2 at(100.0f, 100.0f);
    const auto places = placeMarkLabels({{at, kText}}, kRadius, kGap);
    REQUIRE(places.size() == 1);
    const Rect box = labelBox(places[0]);
    CHECK(box.min.x == doctest::Approx(at.x + kRadius + kGap));
    CHECK(box.max.y == doctest::Approx(at.y - kRadius - kGap));
    CHECK_FALSE(box.overlaps(markBox(at)));
}

TEST_CASE("close trigger points: no number lies on another X or number") {
    // Quadratus lumborum's points as a back view at 1x shows them: two almost on each other, a third beside.
    const std::vector<glm::vec2> marks = {{380.0f, 220.0f}, {383.0f, 228.0f}, {392.0f, 236.0f}, {520.0f, 220.0f}};
    std::vector<MarkLabel> labels;
    for (const glm::vec2 m : marks) labels.push_back({m, kText});
    const auto places = placeMarkLabels(labels, kRadius, kGap);
    REQUIRE(places.size() == marks.size());
    for (std::size_t i = 0; i < places.size(); ++i) {
        const Rect box = labelBox(places[i]);
        for (std::size_t j = 0; j < marks.size(); ++j) CHECK_FALSE(box.overlaps(markBox(marks[j])));
        for (std::size_t j = 0; j < i; ++j) CHECK_FALSE(box.overlaps(labelBox(places[j])));
        // Still beside its own X: its nearest edge within the gap plus a label's size.
        const glm::vec2 c = box.center();
        CHECK(std::abs(c.x - marks[i].x) <= kRadius + kGap + kText.x);
        CHECK(std::abs(c.y - marks[i].y) <= kRadius + kGap + kText.y);
    }
    // Numbering all at the upper right (the old drawing) would have put the second on the first's number.
    const Rect firstUpperRight =
        labelBox(glm::vec2(marks[0].x + kRadius + kGap, marks[0].y - kRadius - kGap - kText.y));
    const Rect secondUpperRight =
        labelBox(glm::vec2(marks[1].x + kRadius + kGap, marks[1].y - kRadius - kGap - kText.y));
    CHECK(firstUpperRight.overlaps(secondUpperRight));
}

TEST_CASE("numbers keep off the rings on the skin, and a crowd gets the places that cover least") {
    const glm::vec2 at(200.0f, 200.0f);
    const Rect ring = Rect::fromPosSize(glm::vec2(at.x + kRadius + kGap, at.y - kRadius - kGap - kText.y), kText);
    const auto places = placeMarkLabels({{at, kText}}, kRadius, kGap, {ring});
    REQUIRE(places.size() == 1);
    CHECK_FALSE(labelBox(places[0]).overlaps(ring));
    CHECK(places[0].x == doctest::Approx(at.x + kRadius + kGap));  // the next place: to the right

    // Nine marks on one pixel: every label still gets a place, the same ones on every call.
    std::vector<MarkLabel> crowd(9, MarkLabel{at, kText});
    const auto a = placeMarkLabels(crowd, kRadius, kGap), b = placeMarkLabels(crowd, kRadius, kGap);
    REQUIRE(a.size() == 9);
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);
    for (std::size_t i = 1; i < 8; ++i) CHECK_FALSE(labelBox(a[i]).overlaps(labelBox(a[0])));
}

TEST_CASE("a leader line across the upper right sends the number to the next free place") {
    const glm::vec2 at(300.0f, 300.0f);
    std::vector<Rect> line;
    addLineObstacles(line, glm::vec2(250.0f, 285.0f), glm::vec2(400.0f, 285.0f));  // through the upper right
    REQUIRE(line.size() == 26);                                                    // every 6 px, both ends
    CHECK(line.front().center() == glm::vec2(250.0f, 285.0f));
    CHECK(line.back().center() == glm::vec2(400.0f, 285.0f));
    const auto places = placeMarkLabels({{at, kText}}, kRadius, kGap, line);
    REQUIRE(places.size() == 1);
    for (const Rect& r : line) CHECK_FALSE(labelBox(places[0]).overlaps(r));
    CHECK(places[0].x == doctest::Approx(at.x + kRadius + kGap));  // to the right, level with the X
    CHECK(labelBox(places[0]).center().y == doctest::Approx(at.y));
}

TEST_CASE("trigger marks grow with the UI's scale only as far as the body on screen allows") {
    // 1x: always 1, however small or large the body.
    CHECK(triggerMarkScale(1.0f, 200.0f) == doctest::Approx(1.0f));
    CHECK(triggerMarkScale(1.0f, 1500.0f) == doctest::Approx(1.0f));
    // 2x over a 4K screen's body (about 1300 pixels high): the full 2x.
    CHECK(triggerMarkScale(2.0f, 1300.0f) == doctest::Approx(2.0f));
    // 2x in a 1400x900 window, the body about 450 pixels high: little more than 1x.
    CHECK(triggerMarkScale(2.0f, 450.0f) == doctest::Approx(1.125f));
    CHECK(triggerMarkScale(2.0f, 300.0f) == doctest::Approx(1.0f));
    // In between it follows the body's height.
    CHECK(triggerMarkScale(3.0f, 1000.0f) == doctest::Approx(2.5f));
    // Below 1 the UI's scale counts as 1.
    CHECK(triggerMarkScale(0.5f, 800.0f) == doctest::Approx(1.0f));
}
