// The bundled model's bones and the landmarks a therapist palpates on them (issue 11 item 4), measured on the
// meshes of models/lower_body.glb: the lumbar spinous processes, the femoral neck and shaft, the pelvic brim,
// the gluteal lines, the PSIS and iliac tubercle, the sacral foramina and median crest.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>
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

namespace {

glm::vec3 cm(const std::array<float, 3>& p) {
    return glm::vec3(p[0], p[1], p[2]) * 0.01f;
}

// Points every 5 mm along the segments [first, last) of a polyline of landmarks.h, metres, with the segment's
// direction.
std::vector<std::pair<glm::vec3, glm::vec3>> along(const mg::landmarks::Polyline& l, int first, int last) {
    std::vector<std::pair<glm::vec3, glm::vec3>> out;
    for (int i = first; i < last && i + 1 < l.n; ++i) {
        const glm::vec3 a = cm(l.p[static_cast<std::size_t>(i)]), b = cm(l.p[static_cast<std::size_t>(i) + 1]);
        const float len = glm::length(b - a);
        for (float s = 0.0f; s < len; s += 0.005f) out.emplace_back(a + (b - a) * (s / len), (b - a) / len);
    }
    return out;
}

// Away from the pelvic cavity (its axis x = 0, z = -6 cm), horizontal.
glm::vec3 outOfPelvis(const glm::vec3& p) {
    return glm::normalize(glm::vec3(p.x, 0.0f, p.z + 0.06f));
}

// Outward from the outer surface of the ilium: away from a point inside the pelvis, flattened vertically.
glm::vec3 outOfIlium(const glm::vec3& p) {
    glm::vec3 d = p - glm::vec3(0.04f, -0.05f, -0.04f);
    d.y *= 0.35f;
    return glm::normalize(d);
}

// How far the surface met by a ray towards -dir stands proud at p of the surface met `side` to either side of it.
float ridgeHeight(const Surface& s, const glm::vec3& p, const glm::vec3& dir, const glm::vec3& side) {
    const glm::vec3 o = p + dir * 0.03f;
    const float t0 = firstHit(s, o, -dir), ta = firstHit(s, o + side, -dir), tb = firstHit(s, o - side, -dir);
    if (t0 < 0.0f || ta < 0.0f || tb < 0.0f) return -1.0f;
    return 0.5f * (ta + tb) - t0;
}

}  // namespace

TEST_CASE("bundled model: the pelvic brim is a ridge of the hip bone, not a free rod") {
    const Surface& hip = surface("hip_bone.L");
    const mg::landmarks::Polyline& brim = *mg::landmarks::findHipLine("pelvic_brim");
    int samples = 0, off = 0, gaps = 0, measured = 0;
    float proud = 0.0f;
    for (const auto& [b, dir] : along(brim, 0, brim.n - 1)) {
        ++samples;
        // On the bone...
        if (!inside(hip, b) && distanceTo(hip, b) > 0.003f) ++off;
        // ...and, along the arcuate line (to the iliopubic eminence), the bone is solid behind it: from the brim out
        // through the body of the ilium for a centimetre (a free rod has a gap between it and the ilium).
        if (b.z < -0.046f) {
            const glm::vec3 out = outOfPelvis(b);
            bool solid = true;
            for (float s = 0.002f; s <= 0.01f; s += 0.001f) solid = solid && inside(hip, b + out * s);
            if (!solid) ++gaps;
        }
        // It stands proud: from inside the pelvis it is met before the bone 8 mm above and below it (where both rays
        // meet the bone).
        const float h = ridgeHeight(hip, b, -outOfPelvis(b), glm::vec3(0.0f, 0.008f, 0.0f));
        if (h > -0.5f) proud += h, ++measured;
    }
    INFO(samples << " points along the brim: " << off << " off the bone, " << gaps << " with a gap behind them");
    CHECK(samples > 20);
    CHECK(off == 0);
    CHECK(gaps == 0);
    INFO("the brim stands " << proud / std::max(measured, 1) * 1000.0f << " mm proud on average (" << measured
                            << " points)");
    CHECK(measured > samples / 2);
    CHECK(proud / std::max(measured, 1) > 0.0015f);
}

TEST_CASE("bundled model: the gluteal lines are low ridges on the outer surface of the ilium") {
    const Surface& hip = surface("hip_bone.L");
    for (const char* name : {"posterior_gluteal_line", "anterior_gluteal_line", "inferior_gluteal_line"}) {
        const std::string line = name;
        CAPTURE(line);
        const mg::landmarks::Polyline& l = *mg::landmarks::findHipLine(name);
        int samples = 0, raised = 0;
        float sum = 0.0f;
        for (const auto& [p, dir] : along(l, 0, l.n - 1)) {
            const glm::vec3 out = outOfIlium(p);
            const glm::vec3 side = glm::normalize(glm::cross(out, dir)) * 0.008f;
            const float h = ridgeHeight(hip, p, out, side);
            if (h < -0.5f) continue;  // a ray off the bone (at the crest or the notch)
            ++samples;
            sum += h;
            if (h > 0.0004f) ++raised;
        }
        INFO(samples << " points, " << raised << " raised; mean height " << sum / std::max(samples, 1) * 1000.0f
                     << " mm above the surface 8 mm to either side");
        CHECK(samples > 8);
        CHECK(raised >= samples * 3 / 4);
        CHECK(sum / std::max(samples, 1) > 0.001f);
    }
}

TEST_CASE("bundled model: a distinct PSIS from behind, a distinct iliac tubercle on the crest") {
    const Surface& hip = surface("hip_bone.L");
    // PSIS: from behind, the bone at the landmark is nearer than 12 mm around it (above, below, lateral).
    const glm::vec3 psis = landmark("psis");
    const auto back = [&](float x, float y) { return firstHit(hip, glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1)); };
    const float t0 = back(psis.x, psis.y);
    REQUIRE(t0 > 0.0f);
    float around = 0.0f;
    int n = 0;
    for (const glm::vec2 d : {glm::vec2(0.012f, 0.0f), glm::vec2(0.0f, 0.012f), glm::vec2(0.0f, -0.012f),
                              glm::vec2(0.009f, 0.009f), glm::vec2(0.009f, -0.009f)}) {
        const float t = back(psis.x + d.x, psis.y + d.y);
        if (t > 0.0f) around += t, ++n;
    }
    REQUIRE(n >= 3);
    INFO("PSIS " << (around / n - t0) * 1000.0f << " mm proud of the bone 12 mm around it");
    CHECK(around / n - t0 > 0.003f);
    // Iliac tubercle: the crest's outline seen from above (the bone's greatest x at each z, over the crest's
    // height) has a bump at the tubercle, standing out of the outline 1 cm in front of and behind it.
    const glm::vec3 tub = landmark("iliac_tubercle");
    const auto widest = [&](float z) {
        float best = -1.0f;
        for (float y = tub.y - 0.02f; y <= tub.y + 0.03f; y += 0.001f) {
            const float t = firstHit(hip, glm::vec3(1.0f, y, z), glm::vec3(-1, 0, 0));
            if (t > 0.0f) best = std::max(best, 1.0f - t);
        }
        return best;
    };
    const float at = widest(tub.z), front = widest(tub.z + 0.01f), behind = widest(tub.z - 0.01f);
    INFO("tubercle at x " << at * 100.0f << " cm, 1 cm in front " << front * 100.0f << ", behind " << behind * 100.0f);
    CHECK(at - 0.5f * (front + behind) > 0.0025f);
}

TEST_CASE("bundled model: the posterior sacral foramina are pits, the median sacral crest a ridge") {
    const Surface& sacrum = surface("sacrum");
    const auto back = [&](float x, float y) { return firstHit(sacrum, glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1)); };
    for (const auto& f : mg::landmarks::kSacralForamina)
        for (const float side : {1.0f, -1.0f}) {
            const float x = side * f[0] * 0.01f, y = f[1] * 0.01f;
            CAPTURE(x);
            CAPTURE(y);
            const float t0 = back(x, y);
            float around = 0.0f;
            int n = 0;
            for (const glm::vec2 d : {glm::vec2(0.009f, 0.0f), glm::vec2(-0.009f, 0.0f), glm::vec2(0.0f, 0.009f),
                                      glm::vec2(0.0f, -0.009f)}) {
                const float t = back(x + d.x, y + d.y);
                if (t > 0.0f) around += t, ++n;
            }
            REQUIRE(n >= 3);
            INFO("foramen " << (t0 < 0.0f ? 1000.0f : (t0 - around / n) * 1000.0f) << " mm deep (1000: a hole)");
            CHECK((t0 < 0.0f || t0 - around / n > 0.005f));
        }
    // The median crest: along the midline from S1 to S4 the bone stands out of the dorsal surface 11 mm to either
    // side, with its tubercles (the fused spinous processes): at least three bumps along it.
    int bumps = 0;
    float prev2 = -1.0f, prev = -1.0f;
    for (float y = 0.005f; y >= -0.06f; y -= 0.001f) {
        const float t = back(0.0f, y);
        const float ridge = 0.5f * (back(0.011f, y) + back(-0.011f, y)) - t;
        CAPTURE(y);
        CAPTURE(ridge);
        CHECK(ridge > 0.003f);
        if (prev2 > 0.0f && prev < prev2 - 1e-5f && prev < t - 1e-5f) ++bumps;  // a local nearest point
        prev2 = prev;
        prev = t;
    }
    CHECK(bumps >= 3);
}

TEST_CASE("bundled model: a lumbar lordosis, L3's body 1-1.5 cm in front of the line from L1's body to L5's") {
    // From the side, each body's front (the vertebra's most anterior point); the lordosis as the distance of L3's
    // in front of the chord from L1's to L5's, across the chord (the old model's was 0.6 cm).
    // (height y, depth z) of the front.
    const auto front = [](const char* level) {
        const Surface& s = surface(std::string("vertebra_") + level);
        glm::vec3 f = s.pos.front();
        for (const glm::vec3& p : s.pos)
            if (p.z > f.z) f = p;
        return glm::vec2(f.y, f.z);
    };
    const glm::vec2 l1 = front("L1"), l3 = front("L3"), l5 = front("L5");
    const glm::vec2 down = glm::normalize(l5 - l1);
    const glm::vec2 ahead(down.y, -down.x);  // across the chord, towards +z (the chord runs down, -y)
    REQUIRE(ahead.y > 0.0f);
    const float d = glm::dot(l3 - l1, ahead);
    INFO("L3's body " << d * 100.0f << " cm in front of the L1-L5 chord");
    CHECK(d > 0.010f);
    CHECK(d < 0.015f);
    // The apex is in the lower lumbar spine: L3's or L4's front the most anterior, ahead of L2's and L5's.
    const float apex = std::max(front("L3").y, front("L4").y);
    CHECK(apex > front("L2").y);
    CHECK(apex > l5.y);
}

TEST_CASE(
    "bundled model: the bodies' fronts curve smoothly from L2 up to T5, the 11th and 12th ribs on their pedicles") {
    // From the side the fronts of the vertebral bodies (each vertebra's most anterior point) run back level by level
    // from the lordosis into the kyphosis without a step: no two neighbours more than 1.2 cm apart, T12's front where
    // the measured T12 has it (z -5.1 cm, reference_shapes.json), in line with L1's (the old T12 stood 1.8 cm behind
    // L1's front).
    const char* const levels[] = {"L2", "L1", "T12", "T11", "T10", "T9", "T8", "T7", "T6", "T5"};
    float prev = 0.0f;
    for (const char* lv : levels) {
        const std::string level = lv;
        CAPTURE(level);
        const float front = surface("vertebra_" + level).hi.z;
        INFO("front at z " << front * 100.0f << " cm");
        if (level == "T12") CHECK(std::fabs(front + 0.051f) < 0.003f);
        if (level != "L2") {
            CHECK(front < prev + 0.002f);  // never ahead of the one below
            CHECK(prev - front < 0.012f);
        }
        prev = front;
    }
    // The heads of the 11th and 12th ribs articulate with their vertebrae (chiefly with the pedicles at these two
    // levels): the head (the rib within 1.5 cm of its most medial point) comes within 1 mm of its vertebra (the old
    // 11th rib's head stayed 3.5 mm off).
    for (const auto& [rib, vertebra] : {std::pair{"rib_11.L", "vertebra_T11"}, std::pair{"rib_12.L", "vertebra_T12"}}) {
        const std::string r = rib;
        CAPTURE(r);
        const Surface& s = surface(rib);
        glm::vec3 head = s.pos.front();
        for (const glm::vec3& p : s.pos)
            if (p.x < head.x) head = p;
        INFO("head at " << head.x * 100.0f << ", " << head.y * 100.0f << ", " << head.z * 100.0f << " cm");
        const float g = gap(s, surface(vertebra), [&](const glm::vec3& p) { return glm::length(p - head) < 0.015f; });
        INFO("gap " << g * 1000.0f << " mm");
        CHECK(g < 0.001f);
    }
}
