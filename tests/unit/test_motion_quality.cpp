// core::MotionQuality: reduced frames (the motion LOD at reduced resolution) only while the camera moves,
// the full model once it has rested, and when that full frame is due.
#include <doctest/doctest.h>

#include "core/MotionQuality.h"

using namespace la;

namespace {
CameraPose poseAt(float yaw) {
    CameraPose p;
    p.yawDeg = yaw;
    return p;
}
}  // namespace

TEST_CASE("motion quality: the first frame and a camera at rest are drawn in full") {
    MotionQuality q;
    const FrameQuality first = q.frame(0.0, poseAt(180.0f), false);
    CHECK_FALSE(first.reduced());
    CHECK(first.scale == 1.0f);
    CHECK_FALSE(q.frame(0.05, poseAt(180.0f), false).reduced());
    CHECK_FALSE(q.owesFullFrame());
    CHECK(q.fullFrameDueIn(0.05) < 0.0);
}

TEST_CASE("motion quality: an orbit is reduced, the frame after the rest is full") {
    MotionSettings s;
    s.restSeconds = 0.15f;
    s.movingScale = 0.5f;
    MotionQuality q(s);
    q.frame(0.0, poseAt(180.0f), false);
    const FrameQuality moving = q.frame(0.04, poseAt(182.0f), false);
    CHECK(moving.lod);
    CHECK(moving.scale == doctest::Approx(0.5f));
    CHECK(q.owesFullFrame());
    CHECK(q.fullFrameDueIn(0.04) == doctest::Approx(0.15));
    // Still within the rest time: the same pose is still drawn reduced, the full frame due later.
    CHECK(q.frame(0.10, poseAt(182.0f), false).lod);
    CHECK(q.fullFrameDueIn(0.10) == doctest::Approx(0.09));
    CHECK(q.fullFrameDueIn(0.30) == 0.0);  // overdue: now
    const FrameQuality rested = q.frame(0.20, poseAt(182.0f), false);
    CHECK_FALSE(rested.reduced());
    CHECK_FALSE(q.owesFullFrame());
    CHECK(q.fullFrameDueIn(0.20) < 0.0);
    // Any part of the pose counts: a zoom and a pan move the camera too.
    CameraPose zoomed = poseAt(182.0f);
    zoomed.distance = 0.9f;
    CHECK(q.frame(0.30, zoomed, false).lod);
    CameraPose panned = zoomed;
    panned.target.x = 0.01f;
    CHECK(q.frame(0.50, panned, false).lod);
}

TEST_CASE("motion quality: an animation that moves the view keeps frames reduced until it ends") {
    MotionQuality q;
    q.frame(0.0, poseAt(0.0f), false);
    // A fly-to whose pose did not change between two frames is still moving.
    CHECK(q.frame(0.5, poseAt(0.0f), true).lod);
    CHECK(q.frame(1.0, poseAt(0.0f), true).lod);
    CHECK(q.frame(1.1, poseAt(0.0f), false).lod);  // ended 0.1 s ago
    CHECK_FALSE(q.frame(1.2, poseAt(0.0f), false).reduced());
}

TEST_CASE("motion quality: off draws every frame in full; an iconified window owes nothing") {
    MotionSettings off;
    off.enabled = false;
    MotionQuality q(off);
    q.frame(0.0, poseAt(0.0f), false);
    CHECK_FALSE(q.frame(0.01, poseAt(10.0f), true).reduced());
    CHECK_FALSE(q.owesFullFrame());

    MotionQuality on;
    on.frame(0.0, poseAt(0.0f), false);
    on.frame(0.01, poseAt(10.0f), false);
    REQUIRE(on.owesFullFrame());
    on.forgetOwed();
    CHECK(on.fullFrameDueIn(0.02) < 0.0);
    CHECK_FALSE(on.frame(0.5, poseAt(10.0f), false).reduced());
}

TEST_CASE("motion quality: the reduced resolution follows what reduced frames take, a step at a time") {
    MotionSettings s;
    s.movingScale = 0.5f;
    s.minScale = 0.25f;
    s.scaleStep = 0.05f;
    s.targetSeconds = 0.033f;
    MotionQuality q(s);
    q.frame(0.0, poseAt(0.0f), false);
    CHECK(q.frame(0.1, poseAt(5.0f), false).scale == doctest::Approx(0.5f));
    // Slow frames: one step down each, never below the least.
    q.reducedFrameTook(0.2);
    CHECK(q.frame(0.2, poseAt(6.0f), false).scale == doctest::Approx(0.45f));
    for (int i = 0; i < 10; ++i) q.reducedFrameTook(0.2);
    CHECK(q.scale() == doctest::Approx(0.25f));
    // Near the target: it stays (no flicker between two sizes).
    q.reducedFrameTook(0.034);
    CHECK(q.scale() == doctest::Approx(0.25f));
    q.reducedFrameTook(0.030);
    CHECK(q.scale() == doctest::Approx(0.25f));
    // Fast frames: up again a step at a time, never above the most.
    q.reducedFrameTook(0.010);
    CHECK(q.scale() == doctest::Approx(0.30f));
    for (int i = 0; i < 10; ++i) q.reducedFrameTook(0.005);
    CHECK(q.scale() == doctest::Approx(0.5f));
    q.reducedFrameTook(0.0);  // no measurement: nothing changes
    CHECK(q.scale() == doctest::Approx(0.5f));
    // At rest the full resolution, whatever the moving scale.
    q.reducedFrameTook(0.2);
    CHECK(q.frame(5.0, poseAt(6.0f), false).scale == 1.0f);
}
