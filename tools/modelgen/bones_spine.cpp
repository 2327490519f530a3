// Vertebrae T12 and L1-L5: body, pedicles, laminae, articular processes, transverse and spinous processes.
#include <string>

#include "anatomy.h"

namespace mg {

namespace {

struct Level {
    const char* id;
    float hw, hh, hd;  // body half-width, half-height, half-depth
};

constexpr Level kLevels[] = {
    {"T12", 2.0f, 1.15f, 1.45f}, {"L1", 2.1f, 1.25f, 1.5f}, {"L2", 2.2f, 1.3f, 1.55f},
    {"L3", 2.3f, 1.3f, 1.6f},    {"L4", 2.4f, 1.3f, 1.65f}, {"L5", 2.35f, 1.25f, 1.7f},
};

// A flattened bar from a to b (left side, mirrored): half-extent ha -> hb along `up`, half-thickness ra -> rb
// across it, rounded ends and edges.
void bar(Shape& s, const vec3& a, const vec3& b, float ha, float hb, float ra, float rb, const vec3& up) {
    const vec3 a0 = a + up * (ha - ra), a1 = a - up * (ha - ra), b0 = b + up * (hb - rb), b1 = b - up * (hb - rb);
    s.add(mirrorX(thickTri(a0, a1, b1, ra, ra, rb)));
    s.add(mirrorX(thickTri(a0, b1, b0, ra, rb, rb)));
}

vec3 bodyCentre(int i) {
    if (i < 0) return L("T12_body") + (L("T12_body") - L("L1_body"));  // T11, extrapolated
    if (i > 5) return L("promontory") + vec3(0.0f, -0.7f, -1.6f);      // S1 body
    return L((std::string(kLevels[i].id) + "_body").c_str());
}

std::unique_ptr<Shape> vertebra(int i) {
    const Level& lv = kLevels[i];
    const std::string id = lv.id;
    const vec3 c = bodyCentre(i);
    const vec3 up = glm::normalize(bodyCentre(i - 1) - bodyCentre(i + 1));
    const vec3 X(1, 0, 0);
    const vec3 F = glm::normalize(glm::cross(X, up));
    auto P = [&](float x, float u, float f) { return c + X * x + up * u + F * f; };
    const float d = lv.hd;
    auto s = std::make_unique<Shape>();

    s->group(Op::Union, 0.0f);
    // Body: waisted (concave sides), end plates with a slightly raised rim.
    s->add(ellipticCylinder(c, glm::mat3(X, up, F), lv.hw, lv.hh, lv.hd, 0.3f, 0.1f));
    // Pedicles.
    s->group(Op::Union, 0.35f);
    s->add(mirrorX(cone(P(1.3f, 0.35f, -d + 0.5f), P(1.45f, 0.3f, -d - 1.3f), 0.55f, 0.5f)));
    // Laminae (plates sloping down and back to the midline).
    s->group(Op::Union, 0.35f);
    s->add(mirrorX(
        thickTri(P(1.45f, 0.9f, -d - 1.3f), P(1.45f, -0.9f, -d - 1.7f), P(0.0f, 0.6f, -d - 2.4f), 0.32f, 0.32f, 0.3f)));
    s->add(mirrorX(
        thickTri(P(1.45f, -0.9f, -d - 1.7f), P(0.0f, -1.3f, -d - 2.8f), P(0.0f, 0.6f, -d - 2.4f), 0.32f, 0.3f, 0.3f)));
    // Superior and inferior articular processes.
    s->group(Op::Union, 0.3f);
    s->add(mirrorX(cone(P(1.5f, 0.6f, -d - 1.4f), P(1.75f, 1.9f, -d - 1.85f), 0.5f, 0.45f)));
    s->group(Op::Union, 0.3f);
    s->add(mirrorX(cone(P(1.05f, -0.8f, -d - 2.3f), P(1.25f, -2.0f, -d - 2.45f), 0.45f, 0.4f)));
    // Transverse process: free from its root (landmarks.h) to its measured tip, a flattened bar (taller than
    // thick); L4 and L5 spring from a broad base on the pedicle and the side of the body.
    const landmarks::TransverseProcess& tp = *landmarks::findTransverseProcess(id);
    const vec3 root(tp.x, tp.y, tp.z);
    const vec3 tip = L((id + "_tp").c_str());
    const vec3 tipC = tip - glm::normalize(tip - root) * tp.rTip;
    s->group(Op::Union, 0.3f);
    bar(*s, root, tipC, tp.hRoot, tp.hTip, tp.rRoot, tp.rTip, vec3(0.0f, 1.0f, 0.0f));
    if (tp.hBase > 0.0f) {
        // The base: from the pedicle and the posterolateral side of the body (within its height) to the root.
        const float rBase = 0.5f * (tp.hBase + tp.rRoot);
        const vec3 pedicle = P(1.4f, -0.1f, -d - 0.6f), side = P(lv.hw - 0.4f, -0.1f, -0.45f * d);
        s->group(Op::Union, 0.35f);
        bar(*s, pedicle, root, tp.hBase, tp.hRoot, rBase, tp.rRoot, up);
        bar(*s, side, root, tp.hBase, tp.hRoot, rBase, tp.rRoot, up);
        s->add(mirrorX(thickTri(pedicle, side, root, rBase, rBase, tp.rRoot)));
    }
    // Spinous process: a tall, thin plate to its measured tip (thickened at the tip).
    const vec3 sp = L((id + "_sp").c_str());
    const float spH = id == "T12" ? 0.7f : 0.95f;
    const vec3 a = P(0.0f, 0.5f, -d - 2.4f), b = P(0.0f, -1.2f, -d - 2.7f);
    const vec3 ta = sp + vec3(0.0f, spH, 0.35f), tb = sp + vec3(0.0f, -spH, 0.3f);
    s->group(Op::Union, 0.35f);
    s->add(thickTri(a, b, tb, 0.3f, 0.3f, 0.42f));
    s->add(thickTri(a, tb, ta, 0.3f, 0.42f, 0.42f));
    // Vertebral canal.
    s->group(Op::Subtract, 0.25f);
    s->add(ellipticCylinder(P(0.0f, 0.0f, -d - 0.95f), glm::mat3(X, up, F), 1.1f, 3.0f, 0.85f, 0.3f));
    s->finalize();
    return s;
}

// Intervertebral disc below level i (L1-L2 ... L5-S1): fills the space between the two end plates, its
// annulus bulging a little beyond the rims.
std::unique_ptr<Shape> disc(int i, const Shape& above, const Shape& below) {
    const Level& a = kLevels[i];
    const Level& b = kLevels[std::min(i + 1, 5)];
    const vec3 ca = bodyCentre(i), cb = bodyCentre(i + 1);
    const vec3 up = glm::normalize(ca - cb);
    const vec3 X(1, 0, 0);
    const vec3 F = glm::normalize(glm::cross(X, up));
    const float hw = 0.5f * (a.hw + b.hw) + 0.06f, hd = 0.5f * (a.hd + b.hd) + 0.06f;
    // Between the end plates (the wedge of the lordosis is left to the carving), overlapping each body a little.
    const float gap = glm::length(ca - cb) - a.hh - (i + 1 > 5 ? 1.2f : b.hh);
    const vec3 mid = ca - up * (a.hh + 0.5f * gap);
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(ellipticCylinder(mid, glm::mat3(X, up, F), hw, 0.5f * gap + 0.35f, hd, 0.45f, -0.04f));
    carve(*s, above, 0.0f, 0.2f);
    carve(*s, below, 0.0f, 0.2f);
    s->finalize();
    return s;
}

}  // namespace

void buildSpine(Shapes& out) {
    for (int i = 0; i < 6; ++i) out[std::string("vertebra_") + kLevels[i].id] = vertebra(i);
}

void buildDiscs(Shapes& out) {
    const char* ids[] = {"disc_T12_L1", "disc_L1_L2", "disc_L2_L3", "disc_L3_L4", "disc_L4_L5", "disc_L5_S1"};
    for (int i = 0; i < 6; ++i) {
        const Shape& above = *out.at(std::string("vertebra_") + kLevels[i].id);
        const Shape& below = i < 5 ? *out.at(std::string("vertebra_") + kLevels[i + 1].id) : *out.at("sacrum");
        out[ids[i]] = disc(i, above, below);
    }
}

}  // namespace mg
