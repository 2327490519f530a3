// Skin: the surface of the torso from about the level of T4 to mid-thigh, shaped like a person (seen from
// the side: a gentle abdomen in front, the lumbar hollow above the buttocks behind, the buttocks bulging behind
// the gluteus maximus; from behind: the waist narrower than the hips, a natal cleft, the dimples over the PSIS,
// the thighs separating below the gluteal folds), at least ~1.2 cm outside every muscle and bone, closed by
// rounded cuts at the top and across both thighs.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "anatomy.h"

namespace mg {

namespace {

// An egg: an ellipsoid whose half-axes differ above / below and behind / in front of its centre, its vertical
// axis rolled (lateral part up) and tilted (top forwards). Distance approximated as for an ellipsoid.
class Egg final : public Prim {
public:
    Egg(vec3 c, float rx, float ryUp, float ryDown, float rzBack, float rzFront, float tilt, float roll)
        : c_(c), rx_(rx), ryUp_(ryUp), ryDown_(ryDown), rzBack_(rzBack), rzFront_(rzFront) {
        const vec3 Y(-std::sin(roll) * std::cos(tilt), std::cos(roll) * std::cos(tilt), std::sin(tilt));
        vec3 X(std::cos(roll), std::sin(roll), 0.0f);
        X = glm::normalize(X - Y * glm::dot(X, Y));
        ax_ = glm::mat3(X, Y, glm::cross(X, Y));
    }
    float dist(const vec3& p) const override {
        const vec3 q = glm::transpose(ax_) * (p - c_);
        const vec3 r(rx_, q.y >= 0.0f ? ryUp_ : ryDown_, q.z >= 0.0f ? rzFront_ : rzBack_);
        const float k0 = glm::length(q / r), k1 = glm::length(q / (r * r));
        if (k1 < 1e-9f) return -std::min(r.x, std::min(r.y, r.z));
        return k0 * (k0 - 1.0f) / k1;
    }
    Box box() const override {
        const float m = std::max(std::max(rx_, std::max(ryUp_, ryDown_)), std::max(rzBack_, rzFront_));
        Box b;
        b.add(c_ - vec3(m));
        b.add(c_ + vec3(m));
        return b;
    }

private:
    vec3 c_;
    float rx_, ryUp_, ryDown_, rzBack_, rzFront_;
    glm::mat3 ax_;
};

// The trunk, from the perineum to the model's top (about T4), clear of every muscle and bone. Front (midline z =
// cz + front): low over the pubis, a gentle abdomen fullest below the navel, flatter above, the chest in front of it
// again. Back: the lumbar hollow (shallowest at L1-L2, over the erector spinae) between the lower thoracic back above
// and the full lumbosacral region and the buttocks below. Half-width: widest at the hips, narrowest at the waist.
const std::vector<Section> kTrunk = {
    //  y      cx    cz     half-width (twice)  back   front  nBack nFront
    {-14.0f, 0.0f, -5.4f, 14.0f, 14.0f, 9.0f, 5.5f, 2.4f, 2.2f},
    {-8.0f, 0.0f, -5.0f, 17.2f, 17.2f, 11.0f, 6.8f, 3.0f, 2.6f},
    {-2.0f, 0.0f, -4.4f, 16.7f, 16.7f, 12.9f, 9.0f, 3.0f, 2.8f},
    {4.0f, 0.0f, -4.7f, 16.0f, 16.0f, 13.0f, 10.4f, 2.8f, 2.6f},
    {9.0f, 0.0f, -5.0f, 14.8f, 14.8f, 12.2f, 11.0f, 2.8f, 2.4f},
    {14.0f, 0.0f, -5.2f, 14.0f, 14.0f, 11.0f, 11.6f, 2.8f, 2.3f},
    {20.0f, 0.0f, -5.4f, 14.8f, 14.8f, 11.6f, 12.2f, 2.8f, 2.3f},
    {25.0f, 0.0f, -5.6f, 16.0f, 16.0f, 12.1f, 12.0f, 2.8f, 2.3f},
    {30.0f, 0.0f, -5.8f, 17.2f, 17.2f, 12.6f, 12.2f, 2.8f, 2.3f},
    {35.0f, 0.0f, -6.0f, 18.6f, 18.6f, 13.1f, 13.2f, 2.8f, 2.3f},
    {40.0f, 0.0f, -6.1f, 19.0f, 19.0f, 13.3f, 13.6f, 2.8f, 2.3f},
    {46.0f, 0.0f, -6.2f, 19.0f, 19.0f, 13.3f, 13.6f, 2.8f, 2.3f},
};

// The left thigh, from inside the hip to below the cut, its centre a little medial to the femur: widest at the
// top and tapering towards mid-thigh. Outer half: the lateral contour gently convex (vastus lateralis under
// the iliotibial tract), round in section. Inner half (adductors): a flatter face (a fuller superellipse,
// slightly narrower), its contour seen from behind nearly straight.
const std::vector<Section> kThigh = {
    //  y      cx    cz     medial lateral back front nBack nFront nMedial
    {-38.0f, 9.4f, -4.6f, 6.9f, 5.7f, 7.0f, 7.3f, 2.0f, 2.0f, 2.4f},
    {-32.0f, 9.3f, -4.7f, 7.1f, 6.4f, 7.4f, 7.4f, 2.0f, 2.0f, 2.4f},
    {-24.0f, 9.0f, -4.9f, 7.6f, 7.8f, 8.2f, 7.7f, 2.0f, 2.0f, 2.4f},
    {-16.0f, 8.8f, -5.1f, 8.2f, 8.8f, 9.0f, 7.8f, 2.0f, 2.0f, 2.4f},
    {-8.0f, 8.8f, -5.2f, 8.5f, 8.6f, 8.0f, 7.0f, 2.0f, 2.0f, 2.2f},
    {-2.0f, 8.5f, -5.2f, 6.5f, 6.5f, 5.5f, 5.5f, 2.0f, 2.0f, 2.0f},
};

}  // namespace

namespace {

// The skin without the dimples over the PSIS (they are placed on it).
std::unique_ptr<Shape> skinBody(const Shapes& out) {
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(loft(kTrunk, 3.5f));
    // Buttocks: a rounded mass over each gluteus maximus (subcutaneous fat), egg-shaped in profile (a long
    // upper slope from the lower back, a rounder lower curve overhanging the thigh: the gluteal fold); the two
    // meet at the midline in a crease (the natal cleft). Blended widely into the trunk above.
    s->group(Op::Union, 4.5f);
    s->add(mirrorX(std::make_unique<Egg>(vec3(6.6f, -10.4f, -12.4f), 7.6f, 12.0f, 9.8f, 8.2f, 6.0f, 0.25f, 0.2f)));
    // Thighs, blended into the hips and the groins, overhung by the buttocks at the gluteal folds, separate
    // below the perineum.
    s->group(Op::Union, 2.2f);
    s->add(mirrorX(loft(kThigh, 2.0f)));
    // Everything inside, grown by the soft tissue thickness.
    for (const char* id : {"gluteus_maximus", "gluteus_medius", "longissimus_thoracis", "iliocostalis_lumborum",
                           "multifidus", "tensor_fasciae_latae", "iliotibial_band", "quadratus_lumborum", "hip_bone",
                           "femur", "rib_11", "rib_12", "psoas_major", "serratus_posterior_inferior"}) {
        s->group(Op::Union, 0.6f);
        s->add(mirrorX(nested(out.at(id).get(), 1.2f)));
    }
    // The trunk wall's outer sheets, blended widely: the skin runs smoothly over their edges instead of folding.
    for (const char* id : {"latissimus_dorsi", "external_oblique"}) {
        s->group(Op::Union, 2.0f);
        s->add(mirrorX(nested(out.at(id).get(), 1.2f)));
    }
    for (const char* id : {"sacrum", "coccyx"}) {
        s->group(Op::Union, 0.6f);
        s->add(nested(out.at(id).get(), 1.2f));
    }
    for (const Shape* v : allVertebrae(out)) {
        s->group(Op::Union, 0.6f);
        s->add(nested(v, 1.2f));
    }
    // Natal cleft: a narrow midline groove between the buttocks, from below the sacrum to the perineum.
    s->group(Op::Subtract, 1.0f);
    {
        const vec3 f0(0.0f, -4.5f, -18.4f), f1(0.0f, -9.0f, -15.6f), f2(0.0f, -15.0f, -14.6f), f3(0.0f, -19.0f, -12.6f);
        const vec3 back(0.0f, 0.0f, -9.0f);
        for (const auto& [a, b] : {std::pair{f0, f1}, {f1, f2}, {f2, f3}}) {
            s->add(thickTri(a, b, b + back, 0.3f, 0.4f, 0.4f));
            s->add(thickTri(a, b + back, a + back, 0.3f, 0.4f, 0.3f));
        }
    }
    // Spinal furrow: a shallow midline groove between the paravertebral ridges of the erector spinae, deepest
    // over the lower lumbar spine, fading out above and into the flat sacral triangle below.
    s->group(Op::Subtract, 1.8f);
    {
        const std::vector<vec3> floor = {{0.0f, 24.0f, -18.2f}, {0.0f, 20.0f, -17.2f}, {0.0f, 15.0f, -16.2f},
                                         {0.0f, 10.0f, -16.0f}, {0.0f, 6.0f, -16.4f},  {0.0f, 2.0f, -17.2f},
                                         {0.0f, -1.0f, -18.2f}};
        // A midline blade of half-thickness r whose front edge runs along the floor of the furrow.
        constexpr float r = 0.9f;
        const vec3 back(0.0f, 0.0f, -9.0f), inset(0.0f, 0.0f, -r);
        for (std::size_t i = 0; i + 1 < floor.size(); ++i) {
            const vec3 a = floor[i] + inset, b = floor[i + 1] + inset;
            s->add(thickTri(a, b, b + back, r, r, r));
            s->add(thickTri(a, b + back, a + back, r, r, r));
        }
    }
    return s;
}

// Top (about T4) and thigh cuts (mid-thigh): flat, lightly rounded rims.
void cutTopAndThighs(Shape& s) {
    s.group(Op::Intersect, 1.2f);
    s.add(halfSpace(vec3(0, 1, 0), kModelTop + 1.0f));
    s.group(Op::Intersect, 1.2f);
    s.add(halfSpace(vec3(0, -1, 0), 33.0f));
}

}  // namespace

void buildSkin(Shapes& out) {
    // Where the skin lies behind the PSIS: found on the skin without the dimples, coming from behind.
    auto probe = skinBody(out);
    cutTopAndThighs(*probe);
    probe->finalize(3.0f);
    const vec3 psis = L("psis");
    float z = -30.0f;
    while (z < psis.z && probe->eval(vec3(psis.x, psis.y, z)) > 0.0f) z += 0.05f;
    auto s = skinBody(out);
    // The iliac crest's contour: a soft ridge in the skin along the crest, from behind the ASIS over the iliac
    // tubercle and the crest's highest point back towards the PSIS, fading at both ends, with the flank a little
    // hollow just above it (the shelf of the hip seen from behind and from the side). Each point of the ridge sits
    // on the skin found outward from the crest (horizontally, away from the trunk's axis).
    {
        const std::vector<vec3> crest = {L("asis") + vec3(0.6f, 0.9f, -1.2f),
                                         L("iliac_tubercle") + vec3(0.0f, 0.5f, 0.0f),
                                         vec3(12.3f, 5.0f, -5.8f),
                                         L("crest_top") + vec3(0.0f, 0.2f, 0.0f),
                                         vec3(7.3f, 5.2f, -11.0f),
                                         L("psis") + vec3(0.9f, 2.0f, 0.6f)};
        std::vector<CP> ridge, hollow;
        constexpr int n = 24;
        for (int i = 0; i <= n; ++i) {
            const float t = static_cast<float>(i) / n;
            const vec3 c = catmull(crest, t);
            const vec3 away = glm::normalize(vec3(c.x, 0.0f, c.z + 7.0f));
            const auto surfaceFrom = [&](const vec3& from) {
                float d = 0.0f;
                while (d < 12.0f && probe->eval(from + away * d) < 0.0f) d += 0.05f;
                return from + away * d;
            };
            const float w = std::sin(3.14159265f * std::clamp(0.1f + 0.8f * t, 0.0f, 1.0f));  // fades at both ends
            constexpr float r = 1.1f;
            // The ridge: a tube inside the skin, standing out of it by up to 3 mm; the hollow: one outside it,
            // pressing in by up to 1.2 mm, 2.4 cm higher.
            ridge.push_back({surfaceFrom(c) - away * (r - 0.3f * w), r});
            hollow.push_back({surfaceFrom(c + vec3(0.0f, 2.4f, 0.0f)) + away * (r - 0.12f * w), r});
        }
        addTube(*s, ridge, 48, 0.9f, Op::Union, true);
        addTube(*s, hollow, 48, 1.2f, Op::Subtract, true);
    }
    // Dimples over the PSIS (the lumbar dimples, the landmark therapists look for first): a shallow round
    // hollow a few millimetres deep, 2-3 cm across, each side.
    s->group(Op::Subtract, 1.2f);
    s->add(mirrorX(sphere(vec3(psis.x, psis.y, z - 1.3f), 1.7f)));
    cutTopAndThighs(*s);
    s->finalize(3.0f);
    out["skin"] = std::move(s);
}

}  // namespace mg
