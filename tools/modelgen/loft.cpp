#include "loft.h"

#include <algorithm>
#include <cmath>

#include "patch.h"

namespace mg {

namespace {

class Loft final : public Prim {
public:
    Loft(const std::vector<Section>& s, float rim, bool fibres) : rim_(rim), fibres_(fibres) {
        for (const Section& c : s) {
            y_.push_back(c.y);
            cx_.push_back(c.cx);
            cz_.push_back(c.cz);
            med_.push_back(c.medial);
            lat_.push_back(c.lateral);
            back_.push_back(c.back);
            front_.push_back(c.front);
            nb_.push_back(c.nBack);
            nf_.push_back(c.nFront);
            nm_.push_back(c.nMedial);
            // Medial is towards x = 0; a section on the midline is symmetric (lateral on both sides).
            const float toLo = c.cx > 0.0f ? c.medial : c.lateral, toHi = c.cx < 0.0f ? c.medial : c.lateral;
            box_.add(vec3(c.cx - toLo, c.y, c.cz - c.back));
            box_.add(vec3(c.cx + toHi, c.y, c.cz + c.front));
        }
        box_.expand(1.0f);
    }

    float dist(const vec3& p) const override {
        const float y0 = y_.front(), y1 = y_.back();
        const float s = param(std::clamp(p.y, y0, y1));
        const float xc = catmull(cx_, s), zc = catmull(cz_, s);
        const float aLat = catmull(lat_, s), aMed = catmull(med_, s);
        const float bBack = catmull(back_, s), bFront = catmull(front_, s);
        // Quadrants: towards / away from the midline, behind / in front of the centre, each with its own
        // half-axes and exponent. Across their borders the outline and the gauge g are continuous with a
        // continuous gradient, and the outline is convex.
        const bool medial = (p.x - xc) * xc < 0.0f, front = p.z >= zc;
        const float a = medial ? aMed : aLat, b = front ? bFront : bBack;
        const float nMedial = catmull(nm_, s);
        const float n = medial && nMedial > 0.0f ? nMedial : front ? catmull(nf_, s) : catmull(nb_, s);
        const float u = std::fabs(p.x - xc) / a, v = std::fabs(p.z - zc) / b;
        const float g = n == 2.0f ? std::sqrt(u * u + v * v) : std::pow(std::pow(u, n) + std::pow(v, n), 1.0f / n);
        float d2;
        if (g > 1.0f) {
            // Outside: g is convex, so its tangent plane bounds it from below and the outline is at least
            // (g - 1) / |grad g| away (for an ellipse the usual k0 (k0 - 1) / k1 estimate).
            const float gu = std::pow(u / g, n - 1.0f) / a, gv = std::pow(v / g, n - 1.0f) / b;
            d2 = (g - 1.0f) / std::sqrt(gu * gu + gv * gv);
        } else {
            // Inside: the section contains the disc of radius min(half-axes) around the centre, so the
            // outline is at least (1 - g) * min(half-axes) away (g has Lipschitz constant 1 / that radius).
            d2 = (g - 1.0f) * std::min(std::min(aLat, aMed), std::min(bBack, bFront));
        }
        const float dy = std::max(y0 - p.y, p.y - y1);
        const glm::vec2 e(d2 + rim_, dy + rim_);
        return glm::length(glm::max(e, glm::vec2(0.0f))) + std::min(std::max(e.x, e.y), 0.0f) - rim_;
    }

    Box box() const override { return box_; }

    bool fibre(const vec3& p, vec3& dir) const override {
        if (!fibres_) return false;
        const float y = std::clamp(p.y, y_.front() + 0.5f, y_.back() - 0.5f);
        const float a = param(y - 0.5f), b = param(y + 0.5f);
        dir = glm::normalize(vec3(catmull(cx_, b) - catmull(cx_, a), 1.0f, catmull(cz_, b) - catmull(cz_, a)));
        return true;
    }

private:
    // Catmull-Rom parameter of height y (piecewise linear between the sections).
    float param(float y) const {
        const int n = static_cast<int>(y_.size());
        int i = 0;
        while (i + 2 < n && y > y_[i + 1]) ++i;
        const float t = std::clamp((y - y_[i]) / (y_[i + 1] - y_[i]), 0.0f, 1.0f);
        return (static_cast<float>(i) + t) / static_cast<float>(n - 1);
    }

    std::vector<float> y_, cx_, cz_, med_, lat_, back_, front_, nb_, nf_, nm_;
    float rim_;
    bool fibres_;
    Box box_;
};

}  // namespace

PrimPtr loft(const std::vector<Section>& sections, float rim, bool fibres) {
    return std::make_unique<Loft>(sections, rim, fibres);
}

}  // namespace mg
