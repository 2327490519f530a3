// The kidneys (in front of the quadratus lumborum), the sciatic nerve (built with the gluteals, which are
// carved out of it) (out below the piriformis, down the back
// of the thigh) and the superior gluteal nerve and vessels (out above the piriformis, between the gluteus medius
// and minimus), left side. The right kidney lies lower than the left: it is built on the left at its own height
// ("kidney_right", meshed and mirrored by the generator).
#include <algorithm>
#include <cmath>

#include "anatomy.h"

namespace mg {

namespace {

// A bean: an ellipsoid (length along `up`, width across, thickness front-back), its medial border indented at
// the hilum (where the renal vessels and the ureter enter). The upper pole leans medially and backwards, the
// hilum faces forwards and medially.
std::unique_ptr<Shape> kidney(const Shapes& out, float dy) {
    const vec3 c(6.2f, 16.4f + dy, -6.6f);
    const float lean = 0.2f;   // coronal: upper pole towards the midline
    const float tilt = 0.25f;  // sagittal: upper pole backwards
    const float turn = 0.55f;  // about the vertical: the medial border (hilum) turned forwards
    const vec3 up = glm::normalize(vec3(-std::sin(lean), 1.0f, -std::sin(tilt)));
    vec3 across = glm::normalize(vec3(std::cos(turn), 0.0f, -std::sin(turn)));
    across = glm::normalize(across - up * glm::dot(across, up));
    const vec3 front = glm::cross(across, up);
    const glm::mat3 axes(across, up, front);
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(ellipsoid(c, vec3(2.8f, 5.4f, 1.7f), axes));
    // The hilum: a notch in the middle of the medial border.
    s->group(Op::Subtract, 0.6f);
    s->add(ellipsoid(c - across * 3.0f, vec3(1.1f, 1.5f, 0.9f), axes));
    for (const char* id : {"psoas_major", "quadratus_lumborum", "rib_11", "rib_12", "vertebra_T12", "vertebra_L1",
                           "vertebra_L2", "vertebra_L3", "hip_bone"})
        carve(*s, *out.at(id), 0.08f, 0.4f);
    finishLeft(*s);
    return s;
}

// The course of the superior gluteal nerve and vessels: out of the greater sciatic foramen above the
// piriformis, round the upper border of the notch, then forwards between the gluteus medius and minimus in two
// branches: the upper along the minimus' upper border towards the anterior crest, the lower across the
// minimus to the tensor fasciae latae. `lift` moves it off the minimus (the vessels lie beside the nerve).
struct Branches {
    std::vector<CP> trunk, upper, lower;
};

Branches gluteal(const Shape& gmin, float r, float lift, float dy) {
    auto on = [&](vec3 p) { return drape({&gmin}, p + vec3(0.0f, dy, 0.0f), p - vec3(4.0f, -5.0f, -4.0f), r + lift); };
    Branches b;
    const vec3 fork = on(vec3(8.6f, -1.2f, -9.2f));
    b.trunk = {{vec3(6.2f, -4.3f + dy, -10.9f - lift), r},
               {on(vec3(7.2f, -3.3f, -10.4f)), r},
               {on(vec3(7.9f, -2.2f, -9.9f)), r},
               {fork, r}};
    b.upper = {{fork, r},
               {on(vec3(10.0f, 0.6f, -8.2f)), r * 0.9f},
               {on(vec3(11.4f, 1.6f, -6.6f)), r * 0.8f},
               {on(vec3(12.4f, 1.4f, -4.8f)), r * 0.7f}};
    b.lower = {{fork, r},
               {on(vec3(10.4f, -2.2f, -7.8f)), r * 0.9f},
               {on(vec3(12.0f, -3.0f, -5.8f)), r * 0.8f},
               {on(vec3(13.0f, -3.4f, -3.8f)), r * 0.7f}};
    return b;
}

std::unique_ptr<Shape> glutealBundle(const Shape& gmin, const Shape& hip, float r, float lift, float dy) {
    const Branches b = gluteal(gmin, r, lift, dy);
    auto s = std::make_unique<Shape>();
    addTube(*s, b.trunk, 12, 0.0f);
    s->group(Op::Union, 0.15f);
    addTube(*s, b.upper, 14, 0.0f);
    s->group(Op::Union, 0.15f);
    addTube(*s, b.lower, 14, 0.0f);
    // Laid on the minimus (drape), so carved only out of the bone it leaves the pelvis by.
    carve(*s, hip, 0.04f, 0.15f);
    finishLeft(*s);
    return s;
}

}  // namespace

// The sciatic nerve: a broad flat cord formed on the front of the piriformis, leaving the pelvis through the
// greater sciatic foramen below it, curving down between the greater trochanter and the ischial tuberosity
// (nearer the tuberosity) over the gemelli, obturator internus and quadratus femoris, under the gluteus
// maximus, then straight down the back of the thigh (behind the femur, where the hamstrings would be).
std::unique_ptr<Shape> sciaticNerve(const Shapes& out) {
    std::vector<const Shape*> under;
    for (const char* id : {"hip_bone", "femur", "piriformis", "gemellus_superior", "obturator_internus",
                           "gemellus_inferior", "quadratus_femoris"})
        under.push_back(out.at(id).get());
    // Centre line (x, y, radius): from under the piriformis' lower border at the greater sciatic foramen, down
    // on the rotators, then behind the femur; each point laid on what lies in front of it.
    struct P {
        float x, y, r;
    };
    const std::vector<P> course = {{5.1f, -6.9f, 0.55f}, {5.9f, -8.0f, 0.6f},   {6.8f, -9.5f, 0.62f},
                                   {7.5f, -11.5f, 0.6f}, {8.1f, -14.0f, 0.56f}, {8.8f, -17.5f, 0.53f},
                                   {9.3f, -22.0f, 0.5f}, {9.6f, -27.0f, 0.5f},  {9.7f, -31.5f, 0.5f}};
    std::vector<CP> pts;
    for (const P& c : course) {
        vec3 p = drape(under, vec3(c.x, c.y, -10.0f), vec3(0.0f, 0.0f, -1.0f), c.r + 0.06f);
        // Behind the femur, where the hamstrings (not modelled) hold it, no deeper than 9.6 cm behind the ASIS.
        p.z = std::min(p.z, -9.6f);
        pts.push_back({p, c.r});
    }
    // Along the height the bed is uneven (the rotators are separate bellies): smooth the depth.
    for (int it = 0; it < 5; ++it) {
        std::vector<CP> q = pts;
        for (std::size_t i = 1; i + 1 < pts.size(); ++i)
            q[i].p.z = std::min(pts[i].p.z, 0.25f * pts[i - 1].p.z + 0.5f * pts[i].p.z + 0.25f * pts[i + 1].p.z);
        pts = q;
    }
    auto s = std::make_unique<Shape>();
    addTube(*s, pts, 40, 0.0f);
    for (const char* id : {"hip_bone", "femur", "piriformis"}) carve(*s, *out.at(id), 0.05f, 0.25f);
    finishLeft(*s);
    return s;
}

void buildOrgansNerves(Shapes& out) {
    auto left = kidney(out, 0.0f);
    auto right = kidney(out, -1.5f);  // the right kidney, about 1.5 cm lower (the liver lies above it)
    out["kidney"] = std::move(left);
    out["kidney_right"] = std::move(right);
}

void buildSuperiorGluteal(Shapes& out, const Shape& gmin) {
    // The nerve and, just below it and touching it, the artery with its veins (one cord).
    const Shape& hip = *out.at("hip_bone");
    out["superior_gluteal_nerve"] = glutealBundle(gmin, hip, 0.2f, 0.04f, 0.0f);
    out["superior_gluteal_vessels"] = glutealBundle(gmin, hip, 0.24f, 0.04f, -0.55f);
}

}  // namespace mg
