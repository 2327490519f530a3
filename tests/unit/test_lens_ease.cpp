// core/LensEase: the camera's lens eases from one framing to the next when the layout changes it.
#include <algorithm>

#include <doctest/doctest.h>

#include "core/LensEase.h"

namespace {
la::Lens lens(float x, float y, float scale) {
    la::Lens l;
    l.shift = {x, y};
    l.scale = scale;
    return l;
}
}  // namespace

TEST_CASE("LensEase: the first framing at once, a changed one eased over its time, then still") {
    la::LensEase ease(0.3f);
    const la::Lens open = lens(0.25f, 0.0f, 1.0f), caption = lens(0.25f, 0.2f, 0.7f);
    la::Lens l = ease.update(open, 5.0f);
    CHECK(l.shift.x == doctest::Approx(0.25f));
    CHECK_FALSE(ease.animating());
    // The caption bar appears, long after the last frame: the ease starts where the lens was.
    l = ease.update(caption, 10.0f);
    CHECK(ease.animating());
    CHECK(l.scale == doctest::Approx(1.0f));
    CHECK(l.shift.y == doctest::Approx(0.0f));
    // Half way: between the two, and moving the same way in both of its parts.
    l = ease.update(caption, 0.15f);
    CHECK(l.scale < 0.95f);
    CHECK(l.scale > 0.75f);
    CHECK(l.shift.y > 0.05f);
    CHECK(l.shift.y < 0.15f);
    CHECK(l.shift.x == doctest::Approx(0.25f));
    l = ease.update(caption, 0.2f);
    CHECK_FALSE(ease.animating());
    CHECK(l.scale == doctest::Approx(0.7f));
    CHECK(l.shift.y == doctest::Approx(0.2f));
    // Unchanged: it stays.
    l = ease.update(caption, 1.0f);
    CHECK(l.scale == doctest::Approx(0.7f));
    CHECK_FALSE(ease.animating());
}

TEST_CASE("LensEase: a change in the middle of an ease starts from what is shown, without a jump or a stop") {
    la::LensEase ease(0.3f);
    ease.update(lens(0.0f, 0.0f, 1.0f), 0.0f);
    ease.update(lens(0.3f, 0.0f, 1.0f), 0.0f);  // the sidebar opens
    const la::Lens before = ease.update(lens(0.3f, 0.0f, 1.0f), 0.13f);
    const la::Lens mid = ease.update(lens(0.3f, 0.0f, 1.0f), 0.02f);
    REQUIRE(mid.shift.x > before.shift.x);  // moving right, at speed
    REQUIRE(mid.shift.x < 0.25f);
    // ...and closes again before the ease ends: the next frame shows the same lens...
    const la::Lens back = ease.update(lens(0.0f, 0.0f, 1.0f), 0.05f);
    CHECK(back.shift.x == doctest::Approx(mid.shift.x));
    CHECK(ease.animating());
    // ...then it keeps going right for a moment, slowing down (it does not stop dead), and turns back.
    const la::Lens carried = ease.update(lens(0.0f, 0.0f, 1.0f), 0.02f);
    CHECK(carried.shift.x > mid.shift.x);
    CHECK(carried.shift.x - mid.shift.x < mid.shift.x - before.shift.x);
    float x = carried.shift.x, highest = x;
    for (int i = 0; i < 6; ++i) {
        x = ease.update(lens(0.0f, 0.0f, 1.0f), 0.02f).shift.x;
        highest = std::max(highest, x);
    }
    CHECK(highest < 0.3f);  // not past where the sidebar would have put it
    CHECK(x < carried.shift.x);
    CHECK(x > 0.0f);
    // It ends where the layout wants it, at rest.
    const la::Lens end = ease.update(lens(0.0f, 0.0f, 1.0f), 0.5f);
    CHECK(end.shift.x == doctest::Approx(0.0f));
    CHECK_FALSE(ease.animating());
    CHECK(ease.update(lens(0.0f, 0.0f, 1.0f), 0.02f).shift.x == doctest::Approx(0.0f));
}

TEST_CASE("LensEase: a new framing after an ease has ended starts at rest") {
    la::LensEase ease(0.3f);
    ease.update(lens(0.0f, 0.0f, 1.0f), 0.0f);
    ease.update(lens(0.3f, 0.0f, 1.0f), 0.0f);
    ease.update(lens(0.3f, 0.0f, 1.0f), 1.0f);
    REQUIRE_FALSE(ease.animating());
    ease.update(lens(0.0f, 0.0f, 1.0f), 0.0f);
    // Smoothstep from rest: a tenth of the way in, under 3 % of the distance is covered.
    const la::Lens l = ease.update(lens(0.0f, 0.0f, 1.0f), 0.03f);
    CHECK(l.shift.x > 0.3f - 0.3f * 0.03f);
    CHECK(l.shift.x < 0.3f);
}

TEST_CASE("LensEase: snap shows a framing at once and ends an ease") {
    la::LensEase ease(0.3f);
    ease.update(lens(0.0f, 0.0f, 1.0f), 0.0f);
    ease.update(lens(0.2f, 0.0f, 1.0f), 0.0f);
    REQUIRE(ease.animating());
    ease.snap(lens(0.1f, 0.1f, 0.8f));
    CHECK_FALSE(ease.animating());
    const la::Lens l = ease.update(lens(0.1f, 0.1f, 0.8f), 0.01f);
    CHECK(l.shift.x == doctest::Approx(0.1f));
    CHECK(l.scale == doctest::Approx(0.8f));
}
