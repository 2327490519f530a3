// core::painFrameKey: frames of the pain animation that look the same share a key (the window skips
// them); a visible step of the glow or a fade, another linked trigger point or another palette does not.
#include <doctest/doctest.h>

#include "core/AnimationKey.h"

using namespace la;

TEST_CASE("pain frame key: equal within a step, different across one") {
    PainView a;
    a.active = true;
    a.triggerWeight = {1.0f, 0.5f};
    a.linkTrigger = 1;
    a.linkGlow = 0.50f;
    PainView b = a;
    b.linkGlow = 0.52f;  // less than half a twelfth brighter: the same picture
    CHECK(painFrameKey(a) == painFrameKey(b));
    b.linkGlow = 0.60f;
    CHECK(painFrameKey(a) != painFrameKey(b));
    b = a;
    b.triggerWeight[1] = 0.6f;  // a fade moved on
    CHECK(painFrameKey(a) != painFrameKey(b));
    b = a;
    b.linkTrigger = 0;
    CHECK(painFrameKey(a) != painFrameKey(b));
    b = a;
    b.palette = 1;
    CHECK(painFrameKey(a) != painFrameKey(b));
    b = a;
    b.active = false;
    CHECK(painFrameKey(a) != painFrameKey(b));
}

TEST_CASE("pain frame key: no glow, no link; the hold of a pulse is one key") {
    PainView a;
    a.active = true;
    a.triggerWeight = {1.0f};
    a.linkTrigger = 0;
    a.linkGlow = 0.0f;
    PainView b = a;
    b.linkTrigger = 3;  // the turn passed to another trigger point, not yet glowing
    CHECK(painFrameKey(a) == painFrameKey(b));
    a.linkGlow = b.linkGlow = 1.0f;  // both at full brightness, held
    b.linkTrigger = 0;
    CHECK(painFrameKey(a) == painFrameKey(b));
    CHECK(painFrameKey(a, 4).glow == 4);
}

TEST_CASE("animation budget: frames wait until their processor time is a quarter of a core, at most 10 Hz") {
    AnimationBudget b(0.25, 0.1);
    b.drawn(10.0, 0.005);  // a GPU: 5 ms a frame, the cap applies
    CHECK(b.nextAt() == doctest::Approx(10.1));
    b.drawn(20.0, 0.150);  // llvmpipe at 1080p: 150 ms of CPU, the next frame 0.6 s later
    CHECK(b.nextAt() == doctest::Approx(20.6));
    AnimationBudget half(0.5, 0.1);
    half.drawn(0.0, 0.2);
    CHECK(half.nextAt() == doctest::Approx(0.4));
    b.drawn(30.0, -1.0);  // a clock that went backwards costs nothing
    CHECK(b.nextAt() == doctest::Approx(30.1));
}
