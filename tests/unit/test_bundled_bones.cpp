// The bundled model's bones and the landmarks a therapist palpates on them (issue 11 item 4), measured on the
// meshes of models/lower_body.glb: the lumbar spinous processes, the femoral neck and shaft.
#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/BundledModel.h"

using namespace la;
using namespace la::bundledmodel;

namespace {

const char* const kLumbar[] = {"L1", "L2", "L3", "L4", "L5"};

// Width in x of the bone at p (on the midline, p inside it): from p out to either side.
float widthX(const Surface& s, const glm::vec3& p) {
    return firstHit(s, p, glm::vec3(1, 0, 0)) + firstHit(s, p, glm::vec3(-1, 0, 0));
}

}  // namespace

TEST_CASE("bundled model: lumbar spinous processes are hatchet-shaped plates, thickened behind") {
    for (const char* lv : kLumbar) {
        const std::string level = lv;
        CAPTURE(level);
        const Surface& v = surface(std::string("vertebra_") + lv);
        const glm::vec3 tip = landmark((std::string(lv) + "_sp").c_str());
        // Long: at some height near the tip the bone runs solid on the midline from its posterior border at
        // least 2.2 cm forward (the plate springs straight back from the laminae, not a peg on their back).
        float longest = 0.0f, longestY = 0.0f;
        for (float dy = -0.008f; dy <= 0.016f; dy += 0.001f) {
            const glm::vec3 o(0.0f, tip.y + dy, tip.z - 0.05f);
            const float in = firstHit(v, o, glm::vec3(0, 0, 1));
            if (in < 0.0f) continue;
            const float out = firstHit(v, o + glm::vec3(0, 0, in + 1e-4f), glm::vec3(0, 0, 1));
            if (out > longest) longest = out, longestY = tip.y + dy;
        }
        INFO("longest solid run from the back " << longest * 100.0f << " cm at y " << longestY * 100.0f);
        CHECK(longest > 0.022f);
        // Tall: 4 mm in front of the tip, the posterior border is solid over at least 1.5 cm of height.
        float tall = 0.0f, middle = 0.0f;
        for (float dy = -0.02f; dy <= 0.02f; dy += 0.0005f)
            if (inside(v, glm::vec3(0.0f, tip.y + dy, tip.z + 0.004f))) tall += 0.0005f, middle += dy * 0.0005f;
        INFO("height of the posterior border " << tall * 100.0f << " cm");
        CHECK(tall > 0.015f);
        REQUIRE(tall > 0.0f);
        // Thin, thickened at its posterior border: at the border's mid-height, 9 mm in front of the tip the plate
        // is at most 7 mm across, and the border (4 mm in front of the tip) at least 1.5 mm wider than that.
        const float yc = tip.y + middle / tall;
        const glm::vec3 mid(0.0f, yc, tip.z + 0.009f), border(0.0f, yc, tip.z + 0.004f);
        REQUIRE(inside(v, mid));
        REQUIRE(inside(v, border));
        INFO("width in the middle " << widthX(v, mid) * 100.0f << " cm, at the border " << widthX(v, border) * 100.0f);
        CHECK(widthX(v, mid) < 0.007f);
        CHECK(widthX(v, border) > widthX(v, mid) + 0.0015f);
    }
}

TEST_CASE("bundled model: a gap between the lumbar spinous processes at every level, felt from behind") {
    // Along the midline from behind, the depth at which a finger meets bone: at each tip the bone is near, and
    // between two tips it falls away by at least 6 mm (the interspinous space) before the next one.
    std::vector<const Surface*> spine;
    for (const char* lv : kLumbar) spine.push_back(&surface(std::string("vertebra_") + lv));
    const auto depth = [&](float y) {
        float best = 1.0f;
        for (const Surface* s : spine) {
            const float t = firstHit(*s, glm::vec3(0.0f, y, -1.0f), glm::vec3(0, 0, 1));
            if (t > 0.0f) best = std::min(best, t);
        }
        return best - 1.0f;  // z of the first bone met (or 0 when none)
    };
    for (int i = 0; i + 1 < 5; ++i) {
        const glm::vec3 upper = landmark((std::string(kLumbar[i]) + "_sp").c_str());
        const glm::vec3 lower = landmark((std::string(kLumbar[i + 1]) + "_sp").c_str());
        const std::string level = kLumbar[i];
        CAPTURE(level);
        const float atUpper = depth(upper.y), atLower = depth(lower.y);
        CHECK(atUpper < upper.z + 0.003f);
        CHECK(atLower < lower.z + 0.003f);
        float deepest = -1.0f;
        for (float y = lower.y; y <= upper.y; y += 0.0005f) deepest = std::max(deepest, depth(y));
        INFO("between the tips the bone falls away to z " << deepest * 100.0f << " cm (tips at " << atUpper * 100.0f
                                                          << ", " << atLower * 100.0f << ")");
        CHECK(deepest > std::max(atUpper, atLower) + 0.006f);
    }
}

namespace {

// Centroid (x, z) of the cross-section of s at height y, from rays along +x every 0.5 mm of z.
glm::vec2 sectionCentroid(const Surface& s, float y) {
    double area = 0.0, mx = 0.0, mz = 0.0;
    for (float z = s.lo.z; z <= s.hi.z; z += 0.0005f) {
        const std::vector<float> t = hits(s, glm::vec3(s.lo.x - 0.01f, y, z), glm::vec3(1, 0, 0));
        for (std::size_t i = 0; i + 1 < t.size(); i += 2) {
            const double a = s.lo.x - 0.01 + t[i], b = s.lo.x - 0.01 + t[i + 1], w = b - a;
            area += w;
            mx += w * 0.5 * (a + b);
            mz += w * z;
        }
    }
    REQUIRE(area > 0.0);
    return {static_cast<float>(mx / area), static_cast<float>(mz / area)};
}

float degrees(float rad) {
    return rad * 57.2957795f;
}

}  // namespace

TEST_CASE("bundled model: femoral neck-shaft angle about 125 degrees with anteversion; the shafts converge") {
    const Surface& femur = surface("femur.L");
    // The shaft's axis through its cross-sections' centroids 17 and 27 cm below the ASIS (the two femurs are
    // mirror images, so a shaft leaning in towards the knee means the two converge).
    const glm::vec2 c17 = sectionCentroid(femur, -0.17f), c27 = sectionCentroid(femur, -0.27f);
    const glm::vec3 up = glm::normalize(glm::vec3(c17.x - c27.x, 0.10f, c17.y - c27.y));
    const float lean = degrees(std::atan2(up.x, up.y));
    INFO("shaft leans " << lean << " degrees from vertical in the frontal plane, top lateral");
    CHECK(lean > 5.5f);
    CHECK(lean < 10.0f);
    // The neck's axis: from the head centre, the mean of the directions along which the femur stays solid past
    // 2.7 cm (the head's radius is 2.2 cm: only the neck carries the bone further, next to the head, before it
    // widens into the trochanters), directions spread evenly.
    const glm::vec3 head = landmark("femoral_head");
    REQUIRE(inside(femur, head));
    glm::vec3 sum(0.0f);
    int n = 0;
    const int count = 3000;
    for (int i = 0; i < count; ++i) {
        const float yy = 1.0f - 2.0f * (static_cast<float>(i) + 0.5f) / count, r = std::sqrt(1.0f - yy * yy);
        const float phi = 2.39996323f * static_cast<float>(i);
        const glm::vec3 d(r * std::cos(phi), yy, r * std::sin(phi));
        if (firstHit(femur, head, d) > 0.027f) sum += d, ++n;
    }
    REQUIRE(n > 20);
    const glm::vec3 neck = -glm::normalize(sum);  // from the neck's base towards the head
    // Neck-shaft angle in the frontal plane: between the neck (towards the head) and the shaft (downwards).
    const glm::vec2 nf = glm::normalize(glm::vec2(neck.x, neck.y)), sf = -glm::normalize(glm::vec2(up.x, up.y));
    const float nsa = degrees(std::acos(glm::dot(nf, sf)));
    // Anteversion: the neck runs forward from its base to the head, against the frontal plane.
    const float anteversion = degrees(std::atan2(neck.z, -neck.x));
    MESSAGE("shaft lean " << lean << ", neck-shaft angle " << nsa << ", anteversion " << anteversion << " degrees ("
                          << n << " rays)");
    CHECK(nsa > 124.5f);
    CHECK(nsa < 127.5f);
    CHECK(anteversion > 9.0f);
    CHECK(anteversion < 16.0f);
}
