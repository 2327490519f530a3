// Skin: a smooth envelope of the lower torso from above the 12th rib to mid-thigh, at least ~1.5 cm
// outside every muscle and bone, closed by rounded cuts at the top and across both thighs.
#include <algorithm>
#include <cmath>
#include <utility>

#include "anatomy.h"

namespace mg {

namespace {

// The trunk: elliptic cross-sections (half-width, half-depth, centre z) interpolated smoothly with height,
// closed below at the perineum (the thighs continue it).
class Loft final : public Prim {
public:
    float dist(const vec3& p) const override {
        const float s = (std::clamp(p.y, kY0, kY1) - kY0) / (kY1 - kY0);
        const float a = catmull(hw_, s), b = catmull(hd_, s), zc = catmull(zc_, s);
        const glm::vec2 q(p.x, p.z - zc);
        const float k0 = glm::length(q / glm::vec2(a, b)), k1 = glm::length(q / glm::vec2(a * a, b * b));
        const float d2 = k1 < 1e-9f ? -std::min(a, b) : k0 * (k0 - 1.0f) / k1;
        // Rounded rims (radius kR) where the trunk ends.
        const float dy = std::max(kY0 - p.y, p.y - kY1);
        const glm::vec2 rim(d2 + kR, dy + kR);
        return glm::length(glm::max(rim, glm::vec2(0.0f))) + std::min(std::max(rim.x, rim.y), 0.0f) - kR;
    }
    Box box() const override {
        Box b;
        b.add(vec3(-18.0f, kY0, -18.0f));
        b.add(vec3(18.0f, kY1, 6.0f));
        return b;
    }

private:
    static constexpr float kY0 = -15.0f, kY1 = 30.0f;  // sections every 7.5 cm from kY0 to kY1
    static constexpr float kR = 3.5f;
    // y = -15 (crotch), -7.5 (trochanters: widest), 0 (ASIS), 7.5 (crest), 15 (waist: narrowest), 22.5, 30.
    // Shallow behind low down: the buttocks (below) and the erector spinae bulges make the back's relief.
    std::vector<float> hw_{14.0f, 16.9f, 15.6f, 13.6f, 12.6f, 13.2f, 13.8f};
    std::vector<float> hd_{8.0f, 9.2f, 9.6f, 9.4f, 9.2f, 9.5f, 9.8f};
    std::vector<float> zc_{-4.8f, -5.0f, -5.0f, -4.6f, -4.6f, -4.6f, -4.4f};
};

}  // namespace

void buildSkin(Shapes& out) {
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(std::make_unique<Loft>());
    // Buttocks: a soft rounded mass over each gluteus maximus (subcutaneous fat), meeting its twin at the
    // natal cleft.
    s->group(Op::Union, 2.5f);
    s->add(mirrorX(ellipsoid(vec3(7.4f, -9.0f, -10.6f), vec3(7.6f, 9.6f, 7.4f),
                             glm::mat3(glm::normalize(vec3(1.0f, 0.25f, 0.0f)),
                                       glm::normalize(vec3(-0.25f, 1.0f, 0.0f)), vec3(0, 0, 1)))));
    // Thighs, tapering to mid-thigh; joined to the buttocks with a tight blend (the gluteal folds).
    s->group(Op::Union, 1.2f);
    s->add(mirrorX(cone(vec3(9.6f, -10.0f, -5.2f), vec3(10.0f, -36.0f, -4.4f), 8.7f, 6.6f)));
    // Everything inside, grown by the soft tissue thickness.
    for (const char* id : {"gluteus_maximus", "gluteus_medius", "erector_spinae", "quadratus_lumborum", "hip_bone",
                           "femur", "rib_11", "rib_12", "psoas_major"}) {
        s->group(Op::Union, 0.6f);
        s->add(mirrorX(nested(out.at(id).get(), 1.2f)));
    }
    for (const char* id : {"sacrum", "coccyx", "vertebra_T12", "vertebra_L1", "vertebra_L2", "vertebra_L3",
                           "vertebra_L4", "vertebra_L5"}) {
        s->group(Op::Union, 0.6f);
        s->add(nested(out.at(id).get(), 1.2f));
    }
    // Natal cleft: a narrow midline groove between the buttocks, from below the sacrum to the perineum.
    s->group(Op::Subtract, 1.2f);
    {
        const vec3 f0(0.0f, -5.5f, -17.8f), f1(0.0f, -10.0f, -15.4f), f2(0.0f, -16.0f, -14.6f), f3(0.0f, -23.0f, -13.6f);
        const vec3 back(0.0f, 0.0f, -9.0f);
        for (const auto& [a, b] : {std::pair{f0, f1}, {f1, f2}, {f2, f3}}) {
            s->add(thickTri(a, b, b + back, 0.35f, 0.45f, 0.45f));
            s->add(thickTri(a, b + back, a + back, 0.35f, 0.45f, 0.35f));
        }
    }
    // Top (above the 11th rib) and thigh cuts (mid-thigh): flat, lightly rounded rims.
    s->group(Op::Intersect, 1.2f);
    s->add(halfSpace(vec3(0, 1, 0), 28.0f));
    s->group(Op::Intersect, 1.2f);
    s->add(halfSpace(vec3(0, -1, 0), 33.0f));
    s->finalize(3.0f);
    out["skin"] = std::move(s);
}

}  // namespace mg
