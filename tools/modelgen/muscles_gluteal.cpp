// Gluteus minimus, medius and maximus (left): thick fans draped over the ilium and each other,
// converging on the greater trochanter (minimus, medius) and the iliotibial tract / gluteal tuberosity (maximus).
#include <algorithm>
#include <cmath>

#include "anatomy.h"

namespace mg {

vec3 drape(const std::vector<const Shape*>& under, const vec3& p, const vec3& dirIn, float offset) {
    const vec3 dir = glm::normalize(dirIn);
    vec3 q = p + dir * 8.0f;
    float t = 0.0f;
    while (t < 16.0f) {
        float d = kFar;
        for (const Shape* s : under) d = std::min(d, s->eval(q));
        if (d < 0.02f) return q + dir * offset;
        const float step = std::clamp(d * 0.8f, 0.02f, 0.5f);
        q -= dir * step;
        t += step;
    }
    return p;
}

namespace {

// Outward from the hip: away from a point inside the pelvis, flattened vertically.
vec3 outFromHip(const vec3& p, const vec3& centre = vec3(4.0f, -5.0f, -4.0f)) {
    vec3 d = p - centre;
    d.y *= 0.35f;
    return glm::normalize(d);
}

using Rows = std::vector<std::vector<CP>>;

// A fan: origin row (v = 0), insertion row (v = 1), `mid` intermediate rows interpolated between them and
// draped over `under`; thickness per row and column profile.
Rows fan(const std::vector<vec3>& origin, const std::vector<vec3>& insertion, int mid,
         const std::vector<const Shape*>& under, const std::vector<float>& rowR, const std::vector<float>& colR,
         const vec3& centre, float liftExtra) {
    const int n = static_cast<int>(origin.size());
    Rows rows;
    const int nrows = mid + 2;
    for (int j = 0; j < nrows; ++j) {
        const float v = static_cast<float>(j) / (nrows - 1);
        std::vector<CP> row;
        for (int i = 0; i < n; ++i) {
            const float u = n > 1 ? static_cast<float>(i) / (n - 1) : 0.0f;
            const float insU = u * static_cast<float>(insertion.size() - 1);
            const int i0 = std::min(static_cast<int>(insU), static_cast<int>(insertion.size()) - 2);
            const vec3 ins = glm::mix(insertion[i0], insertion[i0 + 1], insU - static_cast<float>(i0));
            const vec3 p = glm::mix(origin[i], ins, v);
            const float r = catmull(rowR, v) * catmull(colR, u);
            const float lift = r + liftExtra * std::sin(3.14159265f * v);
            row.push_back({drape(under, p, outFromHip(p, centre), lift), r});
        }
        rows.push_back(row);
    }
    return rows;
}

void finish(Shape& s) {
    // Left side only: never cross the midline.
    s.group(Op::Intersect, 0.0f);
    s.add(halfSpace(vec3(-1, 0, 0), -0.15f));
    s.finalize(2.0f);
}

}  // namespace

void buildGluteals(Shapes& out) {
    const Shape& hip = *out.at("hip_bone");
    const Shape& femur = *out.at("femur");
    const Shape& sacrum = *out.at("sacrum");
    const Shape& coccyx = *out.at("coccyx");

    // Gluteus minimus: ilium between the anterior and inferior gluteal lines -> front of the greater trochanter.
    auto gmin = std::make_unique<Shape>();
    {
        const std::vector<vec3> origin = {{12.7f, -1.6f, -1.4f}, {12.6f, -0.6f, -4.0f}, {11.4f, -0.7f, -6.8f}, {9.4f, -2.4f, -9.0f}};
        const std::vector<vec3> ins = {{13.6f, -8.1f, -4.3f}, {13.9f, -8.0f, -5.4f}, {13.6f, -7.9f, -6.4f}};
        Rows rows = fan(origin, ins, 2, {&hip, &femur}, {0.45f, 0.8f, 0.75f, 0.35f}, {0.6f, 1.0f, 1.0f, 0.6f},
                        vec3(4.0f, -5.0f, -4.0f), 0.0f);
        // Origin and insertion rows sit on the bone (the half inside is carved away).
        for (CP& c : rows.front()) c.p = drape({&hip}, c.p, outFromHip(c.p), 0.1f);
        for (CP& c : rows.back()) c.p = drape({&femur}, c.p, vec3(0.6f, 0.5f, 0.6f), 0.1f);
        addSheet(*gmin, rows, 16, 20, 0.6f, true);
        carve(*gmin, hip, 0.03f, 0.25f);
        carve(*gmin, femur, 0.03f, 0.25f);
        finish(*gmin);
    }
    // Gluteus medius: outer ilium below the crest, between the anterior and posterior gluteal lines ->
    // lateral and superoposterior facet of the greater trochanter.
    auto gmed = std::make_unique<Shape>();
    {
        const std::vector<vec3> origin = {{13.2f, 0.2f, -1.6f}, {13.7f, 1.2f, -4.2f}, {12.6f, 3.1f, -6.8f},
                                          {10.3f, 4.0f, -9.4f}, {7.8f, 2.4f, -11.6f}};
        const std::vector<vec3> ins = {{14.6f, -8.6f, -5.2f}, {14.7f, -8.9f, -6.4f}, {14.3f, -8.6f, -7.6f}};
        Rows rows = fan(origin, ins, 2, {&hip, gmin.get(), &femur}, {0.6f, 1.25f, 1.15f, 0.45f},
                        {0.55f, 1.0f, 1.0f, 0.9f, 0.55f}, vec3(4.0f, -5.0f, -4.0f), 0.0f);
        for (CP& c : rows.front()) c.p = drape({&hip}, c.p, outFromHip(c.p), 0.15f);
        for (CP& c : rows.back()) c.p = drape({&femur}, c.p, vec3(1.0f, 0.4f, -0.2f), 0.15f);
        addSheet(*gmed, rows, 18, 22, 0.6f, true);
        carve(*gmed, hip, 0.05f, 0.25f);
        carve(*gmed, femur, 0.05f, 0.25f);
        carve(*gmed, *gmin, 0.08f, 0.3f);
        finish(*gmed);
    }
    // Gluteus maximus: posterior ilium, sacrum, coccyx -> iliotibial tract and gluteal tuberosity.
    auto gmax = std::make_unique<Shape>();
    {
        const std::vector<vec3> origin = {{6.2f, 3.4f, -14.0f}, {4.3f, -0.4f, -14.8f}, {3.2f, -4.0f, -14.6f},
                                          {2.0f, -7.6f, -13.8f}, {2.2f, -10.6f, -12.4f}};
        const std::vector<vec3> ins = {{14.4f, -8.4f, -8.6f}, {14.6f, -12.5f, -8.0f}, {13.9f, -16.5f, -7.7f},
                                       {12.9f, -20.0f, -7.5f}, {12.1f, -22.4f, -7.4f}};
        Rows rows = fan(origin, ins, 2, {&hip, gmed.get(), gmin.get(), &femur, &sacrum, &coccyx},
                        {0.75f, 1.7f, 1.6f, 0.55f}, {0.6f, 1.0f, 1.1f, 1.0f, 0.7f}, vec3(6.0f, -7.0f, -3.0f), 0.4f);
        for (CP& c : rows.front()) c.p = drape({&hip, &sacrum, &coccyx}, c.p, vec3(0.3f, 0.0f, -1.0f), 0.2f);
        for (CP& c : rows.back()) c.p = drape({&femur, gmed.get()}, c.p, vec3(0.8f, 0.0f, -0.6f), c.r + 0.1f);
        // The buttock: the middle of the muscle bulges backwards.
        for (std::size_t j = 1; j + 1 < rows.size(); ++j)
            for (std::size_t i = 1; i + 1 < rows[j].size(); ++i) rows[j][i].p.z -= 1.2f;
        addSheet(*gmax, rows, 20, 22, 0.7f, true);
        carve(*gmax, hip, 0.05f, 0.3f);
        carve(*gmax, femur, 0.05f, 0.3f);
        carve(*gmax, sacrum, 0.05f, 0.3f);
        carve(*gmax, coccyx, 0.05f, 0.3f);
        carve(*gmax, *gmed, 0.08f, 0.4f);
        carve(*gmax, *gmin, 0.08f, 0.4f);
        finish(*gmax);
    }
    out["gluteus_minimus"] = std::move(gmin);
    out["gluteus_medius"] = std::move(gmed);
    out["gluteus_maximus"] = std::move(gmax);
}

}  // namespace mg
