// core/LensEase: the camera's lens eases from one framing to the next when the layout changes it.
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

TEST_CASE("LensEase: a change in the middle of an ease starts from what is shown, without a jump") {
    la::LensEase ease(0.3f);
    ease.update(lens(0.0f, 0.0f, 1.0f), 0.0f);
    ease.update(lens(0.3f, 0.0f, 1.0f), 0.0f);  // the sidebar opens
    const la::Lens mid = ease.update(lens(0.3f, 0.0f, 1.0f), 0.15f);
    REQUIRE(mid.shift.x > 0.05f);
    REQUIRE(mid.shift.x < 0.25f);
    // ...and closes again before the ease ends: the next frame shows the same lens, then it goes back.
    const la::Lens back = ease.update(lens(0.0f, 0.0f, 1.0f), 0.05f);
    CHECK(back.shift.x == doctest::Approx(mid.shift.x));
    CHECK(ease.animating());
    const la::Lens later = ease.update(lens(0.0f, 0.0f, 1.0f), 0.1f);
    CHECK(later.shift.x < mid.shift.x);
    CHECK(later.shift.x > 0.0f);
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
