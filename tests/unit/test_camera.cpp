// Camera maths: presets, framing, zoom towards the cursor, pan, fly-to.
#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "core/Camera.h"
#include "core/Pick.h"

using namespace la;

namespace {
glm::vec2 project(const Camera& c, glm::vec3 p, glm::vec2 viewport) {
    const glm::vec4 clip = c.projection(viewport.x / viewport.y) * c.view() * glm::vec4(p, 1.0f);
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    return {(ndc.x * 0.5f + 0.5f) * viewport.x, (0.5f - ndc.y * 0.5f) * viewport.y};
}
Aabb box(glm::vec3 lo, glm::vec3 hi) {
    Aabb b;
    b.add(lo);
    b.add(hi);
    return b;
}
}  // namespace

TEST_CASE("presets look from the documented sides") {
    Camera c;
    const Aabb b = box({-0.2f, -0.3f, -0.2f}, {0.2f, 0.3f, 0.1f});
    struct Expect {
        ViewPreset p;
        glm::vec3 dir;  // unit direction from target to eye, roughly
    };
    for (const auto& e : {Expect{ViewPreset::Posterior, {0, 0, -1}}, Expect{ViewPreset::Anterior, {0, 0, 1}},
                          Expect{ViewPreset::Left, {1, 0, 0}}, Expect{ViewPreset::Right, {-1, 0, 0}},
                          Expect{ViewPreset::Superior, {0, 1, 0}}}) {
        CAPTURE(viewPresetName(e.p));
        c.pose = c.presetPose(e.p, b, 16.0f / 9.0f);
        const glm::vec3 d = glm::normalize(c.position() - c.pose.target);
        CHECK(glm::dot(d, e.dir) > 0.98f);
        CHECK(c.pose.target == b.center());
    }
    c.pose = c.presetPose(ViewPreset::Oblique, b, 1.0f);
    const glm::vec3 d = glm::normalize(c.position() - c.pose.target);
    CHECK(d.x > 0.3f);   // from the body's left...
    CHECK(d.z < -0.3f);  // ...and behind
    CHECK(d.y > 0.2f);   // and above
}

TEST_CASE("preset names round-trip; unknown names are rejected") {
    for (const char* n : {"posterior", "anterior", "left", "right", "superior", "oblique"}) {
        auto p = parseViewPreset(n);
        REQUIRE(p);
        CHECK(viewPresetName(*p) == n);
    }
    CHECK_FALSE(parseViewPreset("Posterior "));
    CHECK_FALSE(parseViewPreset("back"));
}

TEST_CASE("framing keeps every corner of the bounds on screen, for wide and tall viewports") {
    const Aabb b = box({-0.3f, -0.5f, -0.2f}, {0.4f, 0.45f, 0.25f});
    for (glm::vec2 vp : {glm::vec2(1280, 720), glm::vec2(500, 1000)}) {
        Camera c;
        c.pose.yawDeg = 35.0f;
        c.pose.pitchDeg = 20.0f;
        c.frame(b, vp.x / vp.y);
        float maxX = 0, maxY = 0;
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                                   (i & 4) ? b.max.z : b.min.z);
            const glm::vec2 s = project(c, corner, vp);
            CHECK(s.x >= 0.0f);
            CHECK(s.x <= vp.x);
            CHECK(s.y >= 0.0f);
            CHECK(s.y <= vp.y);
            maxX = std::max(maxX, std::abs(s.x - vp.x / 2) / (vp.x / 2));
            maxY = std::max(maxY, std::abs(s.y - vp.y / 2) / (vp.y / 2));
        }
        // ...and is not needlessly far away: the box fills a good part of the limiting direction.
        CHECK(std::max(maxX, maxY) > 0.5f);
        const glm::vec2 centre = project(c, b.center(), vp);
        CHECK(centre.x == doctest::Approx(vp.x / 2).epsilon(0.001));
        CHECK(centre.y == doctest::Approx(vp.y / 2).epsilon(0.001));
    }
}

TEST_CASE("a tight fit puts the box's corners just inside the fill fraction, closer than the sphere") {
    const Aabb b = box({-0.18f, -0.55f, -0.15f}, {0.18f, 0.1f, 0.1f});  // a tall body
    for (glm::vec2 vp : {glm::vec2(400, 720), glm::vec2(1280, 720)}) {
        for (const ViewPreset preset : {ViewPreset::Posterior, ViewPreset::Left, ViewPreset::Oblique}) {
            Camera c;
            const float aspect = vp.x / vp.y;
            const CameraPose sphere = c.presetPose(preset, b, aspect);
            c.pose = c.fitPose(sphere, b, aspect, 0.9f);
            if (aspect < 1.0f) CHECK(c.pose.distance < 0.8f * sphere.distance);  // a narrow view: much closer
            CHECK(c.pose.yawDeg == doctest::Approx(sphere.yawDeg));
            float most = 0.0f;
            for (int i = 0; i < 8; ++i) {
                const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                                       (i & 4) ? b.max.z : b.min.z);
                const glm::vec2 s = project(c, corner, vp);
                const float off =
                    std::max(std::abs(s.x - vp.x / 2) / (vp.x / 2), std::abs(s.y - vp.y / 2) / (vp.y / 2));
                CHECK(off <= 0.9f + 1e-3f);
                most = std::max(most, off);
            }
            CHECK(most == doctest::Approx(0.9f).epsilon(0.005));  // one corner touches the limit
        }
    }
}

TEST_CASE("a lens shift moves the image centre and picking, pan and zoom follow it") {
    const glm::vec2 vp(1280, 720);
    Camera c;
    c.frame(box({-1, -1, -1}, {1, 1, 1}), vp.x / vp.y);
    const glm::vec2 centred = project(c, c.pose.target, vp);
    CHECK(centred.x == doctest::Approx(640.0f));
    // The sidebar takes 320 of 1280 pixels: the view's centre is at 800, a shift of 0.25 in NDC.
    c.lensShift = {0.25f, 0.0f};
    const glm::vec2 shifted = project(c, c.pose.target, vp);
    CHECK(shifted.x == doctest::Approx(800.0f));
    CHECK(shifted.y == doctest::Approx(centred.y));
    // A ray through that pixel passes through the target.
    const Ray r = rayFromPixel(c.view(), c.projection(vp.x / vp.y), shifted, vp);
    const glm::vec3 toTarget = c.pose.target - r.origin;
    CHECK(glm::length(glm::cross(glm::normalize(toTarget), glm::normalize(r.dir))) < 1e-4f);
}

TEST_CASE("a lens scale shrinks the image about the shifted centre, as above the tour's caption bar") {
    const glm::vec2 vp(1280, 720);
    Camera c;
    c.frame(box({-1, -1, -1}, {1, 1, 1}), vp.x / vp.y);
    const glm::vec3 corner(1.0f, 1.0f, 0.0f);
    const glm::vec2 centre0 = project(c, c.pose.target, vp), corner0 = project(c, corner, vp);
    // A caption bar 180 pixels high over the bottom of the view: the body framed for 720 pixels fits in
    // the 540 above it, centred at y = 270.
    c.lensScale = 540.0f / 720.0f;
    c.lensShift = {0.0f, 1.0f - 2.0f * 270.0f / 720.0f};
    const glm::vec2 centre1 = project(c, c.pose.target, vp), corner1 = project(c, corner, vp);
    CHECK(centre1.x == doctest::Approx(centre0.x));
    CHECK(centre1.y == doctest::Approx(270.0f));
    CHECK(glm::length(corner1 - centre1) == doctest::Approx(0.75f * glm::length(corner0 - centre0)));
    // Picking follows: the ray through the corner's new pixel passes through the corner.
    const Ray r = rayFromPixel(c.view(), c.projection(vp.x / vp.y), corner1, vp);
    const glm::vec3 toCorner = corner - r.origin;
    CHECK(glm::length(glm::cross(glm::normalize(toCorner), glm::normalize(r.dir))) < 1e-4f);
    // Pan still moves a point on the target's plane with the mouse.
    c.pan({40, -25}, vp);
    const glm::vec2 after = project(c, corner, vp);
    CHECK(after.x - corner1.x == doctest::Approx(40.0f).epsilon(0.01));
    CHECK(after.y - corner1.y == doctest::Approx(-25.0f).epsilon(0.01));
}

TEST_CASE("zoom towards the cursor keeps the point under the cursor") {
    for (const glm::vec3 lens :
         {glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.3f, 0.0f, 1.0f), glm::vec3(0.3f, 0.2f, 0.7f)}) {
        CAPTURE(lens.x);
        CAPTURE(lens.z);
        const glm::vec2 vp(1280, 720);
        Camera c;
        c.lensShift = glm::vec2(lens);
        c.lensScale = lens.z;
        c.frame(box({-1, -1, -1}, {1, 1, 1}), vp.x / vp.y);
        c.pose.yawDeg = 200.0f;
        c.pose.pitchDeg = 15.0f;
        const glm::vec2 cursor(900, 200);
        // The world point under the cursor on the plane through the target.
        const glm::mat4 inv = glm::inverse(c.projection(vp.x / vp.y) * c.view());
        const glm::vec2 ndc(2 * cursor.x / vp.x - 1, 1 - 2 * cursor.y / vp.y);
        const glm::vec4 a = inv * glm::vec4(ndc, -1, 1), bb = inv * glm::vec4(ndc, 1, 1);
        const glm::vec3 o = glm::vec3(a) / a.w, dir = glm::normalize(glm::vec3(bb) / bb.w - o);
        const float t = glm::dot(c.pose.target - o, c.forward()) / glm::dot(dir, c.forward());
        const glm::vec3 p = o + dir * t;
        const float before = c.pose.distance;
        for (float f : {0.7f, 0.5f, 1.6f}) {
            c.zoomToCursor(f, cursor, vp);
            const glm::vec2 s = project(c, p, vp);
            CHECK(s.x == doctest::Approx(cursor.x).epsilon(0.002));
            CHECK(s.y == doctest::Approx(cursor.y).epsilon(0.002));
        }
        CHECK(c.pose.distance == doctest::Approx(before * 0.7f * 0.5f * 1.6f));
    }
}

TEST_CASE("pan moves the scene with the mouse; orbit clamps the pitch") {
    const glm::vec2 vp(800, 600);
    Camera c;
    c.frame(box({-1, -1, -1}, {1, 1, 1}), vp.x / vp.y);
    const glm::vec3 p(0.0f);
    const glm::vec2 before = project(c, p, vp);
    c.pan({40, -25}, vp);
    const glm::vec2 after = project(c, p, vp);
    CHECK(after.x - before.x == doctest::Approx(40.0f).epsilon(0.01));
    CHECK(after.y - before.y == doctest::Approx(-25.0f).epsilon(0.01));
    c.orbit(30.0f, 200.0f);
    CHECK(c.pose.pitchDeg == doctest::Approx(89.0f));
    c.orbit(-400.0f, 0.0f);
    CHECK(c.pose.yawDeg >= 0.0f);
    CHECK(c.pose.yawDeg < 360.0f);
}

TEST_CASE("fly-to eases between poses and takes the short way round") {
    Camera c;
    c.pose.yawDeg = 350.0f;
    CameraPose to = c.pose;
    to.yawDeg = 10.0f;
    to.distance = 4.0f;
    c.flyTo(to, 1.0f);
    CHECK(c.animating());
    c.update(0.5f);
    // Halfway in time is halfway in an ease-in-out; 350 -> 10 passes through 0, not 180.
    CHECK((c.pose.yawDeg > 355.0f || c.pose.yawDeg < 5.0f));
    c.update(0.1f);
    const float slowStart = easeInOut(0.05f);
    CHECK(slowStart < 0.05f);
    CHECK(easeInOut(0.5f) == doctest::Approx(0.5f));
    c.update(1.0f);
    CHECK_FALSE(c.animating());
    CHECK(c.pose.yawDeg == doctest::Approx(10.0f));
    CHECK(c.pose.distance == doctest::Approx(4.0f));
}
