// Skin: a smooth envelope of the lower torso from above the 12th rib to mid-thigh, at least ~1.5 cm
// outside every muscle and bone, closed by rounded cuts at the top and across both thighs.
#include <algorithm>
#include <cmath>

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
    std::vector<float> hw_{12.5f, 16.6f, 15.8f, 13.6f, 13.5f, 14.0f, 14.2f};
    std::vector<float> hd_{8.5f, 10.3f, 10.0f, 9.6f, 9.6f, 10.0f, 10.2f};
    std::vector<float> zc_{-6.5f, -6.0f, -5.5f, -5.2f, -5.2f, -5.2f, -5.0f};
};

}  // namespace

void buildSkin(Shapes& out) {
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(std::make_unique<Loft>());
    // Thighs.
    s->group(Op::Union, 6.0f);
    s->add(mirrorX(cone(vec3(9.0f, -6.0f, -5.0f), vec3(10.2f, -36.0f, -4.6f), 8.8f, 7.2f)));
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
    // Top (above the 11th rib) and thigh cuts (mid-thigh), rounded.
    s->group(Op::Intersect, 2.0f);
    s->add(halfSpace(vec3(0, 1, 0), 28.0f));
    s->group(Op::Intersect, 2.0f);
    s->add(halfSpace(vec3(0, -1, 0), 33.0f));
    s->finalize(3.0f);
    out["skin"] = std::move(s);
}

}  // namespace mg
