// Postures: the body standing, prone or side-lying on a treatment table, and a camera whose presets and
// tour poses stay relative to the body in every posture.
#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "core/Camera.h"
#include "core/Posture.h"
#include "core/Tour.h"
#include "io/TourLoader.h"

using namespace la;

namespace {
// About the bundled model's size: 40 cm wide, 90 cm tall, 30 cm deep, its centre off the origin.
Aabb body() {
    Aabb b;
    b.add({-0.2f, -0.6f, -0.18f});
    b.add({0.2f, 0.3f, 0.12f});
    return b;
}
glm::vec3 dirOf(const glm::mat3& r, glm::vec3 v) {
    return r * v;
}
// Pixel of a body point (origin top left).
glm::vec2 pixelOf(const Camera& c, glm::vec3 p, glm::vec2 vp) {
    const glm::vec4 q = c.projection(vp.x / vp.y) * c.view() * glm::vec4(p, 1.0f);
    return {(q.x / q.w * 0.5f + 0.5f) * vp.x, (0.5f - q.y / q.w * 0.5f) * vp.y};
}
}  // namespace

TEST_CASE("posture: names, and each placement is a proper rotation that lays the body as named") {
    for (const Posture p : kAllPostures) {
        CHECK(parsePosture(postureName(p)) == p);
        const glm::mat3 r = postureRotation(p);
        CHECK(glm::determinant(r) == doctest::Approx(1.0f));
        const glm::mat3 rtr = glm::transpose(r) * r;
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) CHECK(rtr[i][j] == doctest::Approx(i == j ? 1.0f : 0.0f));
    }
    CHECK_FALSE(parsePosture("supine"));
    const glm::vec3 up(0, 1, 0);
    CHECK(glm::dot(dirOf(postureRotation(Posture::Standing), {0, 1, 0}), up) == doctest::Approx(1.0f));
    // Prone: face down, so the back (-Z) faces up; the head lies along the table (horizontal).
    CHECK(glm::dot(dirOf(postureRotation(Posture::Prone), {0, 0, -1}), up) == doctest::Approx(1.0f));
    CHECK(dirOf(postureRotation(Posture::Prone), {0, 1, 0}).y == doctest::Approx(0.0f));
    // Lying on the left side: the right side (-X) is up; on the right side: the left side (+X) is up.
    CHECK(glm::dot(dirOf(postureRotation(Posture::SideLyingLeft), {-1, 0, 0}), up) == doctest::Approx(1.0f));
    CHECK(glm::dot(dirOf(postureRotation(Posture::SideLyingRight), {1, 0, 0}), up) == doctest::Approx(1.0f));
}

TEST_CASE("posture: the table's top touches the lowest point of the lying body and lies under all of it") {
    const Aabb b = body();
    CHECK(treatmentTable(Posture::Standing, b).empty());
    for (const Posture p : {Posture::Prone, Posture::SideLyingLeft, Posture::SideLyingRight}) {
        const glm::mat4 m = postureMatrix(p, b);
        // The body turns about its centre.
        const glm::vec3 c = glm::vec3(m * glm::vec4(b.center(), 1.0f));
        CHECK(glm::length(c - b.center()) == doctest::Approx(0.0f).epsilon(1e-5));
        const Aabb lying = b.transformed(m);
        const auto table = treatmentTable(p, b);
        REQUIRE(table.size() == 5);  // top and four legs
        const Aabb& top = table[0];
        CHECK(top.max.y == doctest::Approx(lying.min.y));
        CHECK(top.min.x < lying.min.x);
        CHECK(top.max.x > lying.max.x);
        CHECK(top.min.z <= lying.min.z);
        CHECK(top.max.z >= lying.max.z);
        CHECK(top.size().z >= 0.6f);  // a table, not a plank
        for (std::size_t i = 1; i < table.size(); ++i) {
            CHECK(table[i].max.y == doctest::Approx(top.min.y));  // legs hold the top
            CHECK(table[i].min.y < top.min.y - 0.5f);             // and reach the floor
        }
    }
}

TEST_CASE("posture: blending two placements turns the body about its centre without moving it") {
    const Aabb b = body();
    const PostureAngles up = postureAngles(Posture::Standing), down = postureAngles(Posture::Prone);
    const glm::mat4 half = placementOf(blendAngles(up, down, 0.5f), b.center());
    CHECK(glm::length(glm::vec3(half * glm::vec4(b.center(), 1.0f)) - b.center()) < 1e-5f);
    // Half way the body is tipped 45 degrees towards the table's head end, turned 45 degrees about its own
    // long axis.
    const glm::vec3 head = glm::mat3(half) * glm::vec3(0, 1, 0);
    CHECK(head.x == doctest::Approx(std::sqrt(0.5f)).epsilon(1e-4));
    CHECK(head.y == doctest::Approx(std::sqrt(0.5f)).epsilon(1e-4));
    const glm::vec3 front = glm::mat3(half) * glm::vec3(0, 0, 1);
    CHECK(front.y < -0.4f);  // already turning face down
    // At the end it is the posture's placement; the roll goes the short way (right side -> left side
    // over the front or back, never 360 degrees).
    const glm::mat4 end = placementOf(blendAngles(up, down, 1.0f), b.center());
    const glm::mat4 want = postureMatrix(Posture::Prone, b);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) CHECK(end[i][j] == doctest::Approx(want[i][j]).epsilon(1e-5));
    const PostureAngles mid = blendAngles({90, 350}, {90, 10}, 0.5f);
    CHECK(std::fmod(mid.rollDeg + 360.0f, 360.0f) == doctest::Approx(0.0f).epsilon(1e-4));
}

TEST_CASE("camera: presets look at the body from the same side in every posture, the head up on the screen") {
    const Aabb b = body();
    const glm::vec2 vp(1200, 800);
    for (const Posture p : kAllPostures) {
        CAPTURE(postureName(p));
        Camera cam;
        cam.placeBody(p, b, 0.0f);
        cam.flyTo(cam.presetPose(ViewPreset::Posterior, b, vp.x / vp.y), 0.0f);
        // From behind, the camera looks along the body's +Z (towards the front) ...
        CHECK(glm::dot(cam.forward(), glm::vec3(0, 0, 1)) > 0.95f);
        // ... the body's centre is in the middle of the picture ...
        const glm::vec2 c = pixelOf(cam, b.center(), vp);
        CHECK(c.x == doctest::Approx(vp.x / 2).epsilon(0.01));
        CHECK(c.y == doctest::Approx(vp.y / 2).epsilon(0.01));
        // ... not mirrored: seen from behind, the body's left is a quarter turn anticlockwise from its head
        // on the screen (standing: head up, left on the left) ...
        const glm::vec2 head = pixelOf(cam, b.center() + glm::vec3(0, 0.1f, 0), vp) - c;
        const glm::vec2 left = pixelOf(cam, b.center() + glm::vec3(0.1f, 0, 0), vp) - c;
        const glm::vec2 headUp(head.x, -head.y), leftUp(left.x, -left.y);  // y up
        CHECK(glm::dot(glm::normalize(glm::vec2(-headUp.y, headUp.x)), glm::normalize(leftUp)) > 0.95f);
        // ... the head up on the screen standing and face down (a chart's view), along the table on a side.
        if (p == Posture::Standing || p == Posture::Prone) CHECK(head.y < -20.0f);
        if (p == Posture::SideLyingLeft || p == Posture::SideLyingRight) CHECK(std::abs(head.x) > 20.0f);
        // Lying prone the camera is above the body.
        if (p == Posture::Prone) CHECK(cam.pose.pitchDeg > 85.0f);
        if (p != Posture::Prone) CHECK(std::abs(cam.pose.pitchDeg) < 10.0f);
    }
}

TEST_CASE("camera: a body-relative pose survives the round trip through the room in each posture") {
    const Aabb b = body();
    for (const Posture p : kAllPostures) {
        CAPTURE(postureName(p));
        Camera cam;
        cam.placeBody(p, b, 0.0f);
        const CameraPose rel{{0.05f, -0.1f, 0.0f}, 135.0f, 25.0f, 2.0f};
        cam.flyTo(cam.roomPose(rel), 0.0f);
        const CameraPose back = cam.bodyRelativePose();
        CHECK(back.yawDeg == doctest::Approx(rel.yawDeg).epsilon(1e-3));
        CHECK(back.pitchDeg == doctest::Approx(rel.pitchDeg).epsilon(1e-3));
        CHECK(back.distance == doctest::Approx(rel.distance));
        CHECK(glm::length(back.target - rel.target) < 1e-4f);
        // The eye in the body's frame is where the body-relative pose puts it.
        const float yaw = glm::radians(rel.yawDeg), pitch = glm::radians(rel.pitchDeg);
        const glm::vec3 eye = rel.target + rel.distance * glm::vec3(std::cos(pitch) * std::sin(yaw), std::sin(pitch),
                                                                    std::cos(pitch) * std::cos(yaw));
        CHECK(glm::length(cam.position() - eye) < 1e-3f);
    }
}

TEST_CASE("camera: a change of posture turns the body smoothly and ends where it was asked to") {
    const Aabb b = body();
    Camera cam;
    cam.placeBody(Posture::SideLyingRight, b, 0.8f);
    CHECK(cam.animating());
    cam.update(0.4f);
    const glm::vec3 headMid = glm::mat3(cam.bodyToRoom()) * glm::vec3(0, 1, 0);
    CHECK(headMid.y > 0.1f);
    CHECK(headMid.y < 0.9f);
    cam.update(1.0f);
    CHECK_FALSE(cam.animating());
    const glm::vec3 leftSide = glm::mat3(cam.bodyToRoom()) * glm::vec3(1, 0, 0);
    CHECK(leftSide.y == doctest::Approx(1.0f));
}

TEST_CASE("tours: a step's position is read, written back and refused when unknown") {
    const std::string text = R"({"title": "T", "steps": [
        {"caption": "a", "camera": "posterior"},
        {"caption": "b", "camera": "oblique_right", "position": "side_lying_right"},
        {"caption": "c", "camera": "posterior", "position": "prone"}]})";
    const auto tour = io::parseTour(text, "t.json");
    REQUIRE(tour);
    CHECK(tour->steps[0].posture == Posture::Standing);
    CHECK(tour->steps[1].posture == Posture::SideLyingRight);
    CHECK(std::get<ViewPreset>(tour->steps[1].camera) == ViewPreset::ObliqueRight);
    CHECK(tour->steps[2].posture == Posture::Prone);
    const auto again = io::parseTour(io::tourToJson(*tour), "again.json");
    REQUIRE(again);
    CHECK(*again == *tour);

    const auto bad = io::parseTour(R"({"title": "T", "steps": [
        {"caption": "a", "camera": "posterior", "position": "supine"}]})",
                                   "bad.json");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("bad.json:2") != std::string::npos);
    CHECK(bad.error().find("'position' must be") != std::string::npos);
}
