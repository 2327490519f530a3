#include "reference.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "fitted_types.h"

namespace mg {

namespace {

using namespace fitted;

const FitMuscle& table(const char* id) {
    const FitMuscle* m = findMuscle(id);
    if (!m) {
        std::fprintf(stderr, "modelgen: no fitted sections for %s\n", id);
        std::abort();
    }
    return *m;
}

// Catmull-Rom through four values, clamped to the range of the middle two.
float clampedCatmull(float p0, float p1, float p2, float p3, float t) {
    const float t2 = t * t, t3 = t2 * t;
    const float v = 0.5f * (2.0f * p1 + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                            (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
    return std::clamp(v, std::min(p1, p2), std::max(p1, p2));
}

constexpr int kParams = 9;  // cx cz th ap am bp bm n k
using Params = std::array<float, kParams>;

class FittedBody final : public Prim {
public:
    FittedBody(const FitMuscle& m, const RefOptions& o) : opt_(o) {
        ylo_ = std::max(m.ylo - o.reach, o.ylo);
        yhi_ = std::min(m.yhi + o.reach, o.yhi);
        for (std::size_t i = 0; i < m.count; ++i) {
            const FitLevel& l = m.levels[i];
            y_.push_back(l.y);
            const float minDepth = o.minDepth * fade(l.y);
            const float bp = std::max(l.bp + o.grow, minDepth), bm = std::max(l.bm + o.grow, minDepth);
            const float th = l.th * 0.017453293f;
            // The +u side faces laterally (+x) when u has a positive x component.
            const bool plusLateral = std::cos(th) >= 0.0f;
            const float lateral = o.growLateral + o.growLateralLow * fade(l.y);
            const float ap = l.ap + o.grow + (plusLateral ? lateral : 0.0f);
            const float am = l.am + o.grow + (plusLateral ? 0.0f : lateral);
            levels_.push_back({l.cx, l.cz, th, ap, am, bp, bm, l.n, l.k});
            const float a = std::max(ap, am), b = std::max(bp, bm);
            const float r = a + b + std::fabs(l.k) * a * a;
            box_.add(vec3(l.cx - r, std::max(ylo_, std::min(l.y, yhi_)), l.cz - r));
            box_.add(vec3(l.cx + r, std::max(ylo_, std::min(l.y, yhi_)), l.cz + r));
        }
        box_.add(vec3(box_.lo.x, ylo_, box_.lo.z));
        box_.add(vec3(box_.hi.x, yhi_, box_.hi.z));
        box_.expand(0.6f);
        const Box asFitted = box_;
        box_.lo += o.shift;
        box_.hi += o.shift;
        box_.add(asFitted.lo);
        box_.add(asFitted.hi);
    }

    float dist(const vec3& pin) const override {
        const vec3 p = pin - opt_.shift * fade(pin.y);
        float scale = 1.0f;
        const Params q = at(p.y, scale);
        const float c = std::cos(q[2]), s = std::sin(q[2]);
        const float dx = p.x - q[0], dz = p.z - q[1];
        const float u = dx * c + dz * s, v = -dx * s + dz * c;
        const float w = v - q[8] * u * u;
        const float a = (u >= 0.0f ? q[3] : q[4]) * scale, b = (w >= 0.0f ? q[5] : q[6]) * scale;
        const float n = q[7];
        const float U = std::fabs(u) / a, W = std::fabs(w) / b;
        const float g = std::pow(std::pow(U, n) + std::pow(W, n), 1.0f / n);
        float d2;
        if (g > 1.0e-4f) {
            // Gradient of the gauge in the section plane (the rotation keeps lengths).
            const float gU = std::pow(U / g, n - 1.0f) / a, gW = std::pow(W / g, n - 1.0f) / b;
            const float su = u >= 0.0f ? 1.0f : -1.0f, sw = w >= 0.0f ? 1.0f : -1.0f;
            const float du = gU * su - gW * sw * 2.0f * q[8] * u, dv = gW * sw;
            const float grad = std::sqrt(du * du + dv * dv);
            d2 = (g - 1.0f) / std::max(grad, 1.0e-4f);
            if (g < 1.0f) {
                d2 = std::max(d2, (g - 1.0f) * std::min(a, b));
            } else {
                // Far from a bent section the gradient grows and the estimate collapses: the outline lies within
                // |u| <= a and within the circle through its farthest point, so the distance to either is a
                // lower bound too.
                const float reach = std::sqrt(a * a + (b + std::fabs(q[8]) * a * a) * (b + std::fabs(q[8]) * a * a));
                d2 = std::max(d2, std::max(std::fabs(u) - a, std::sqrt(dx * dx + dz * dz) - reach));
            }
        } else {
            d2 = -std::min(a, b);
        }
        const float dy = std::max(ylo_ - p.y, p.y - yhi_);
        const float r = opt_.rim;
        const glm::vec2 e(d2 + r, dy + r);
        const float d = glm::length(glm::max(e, glm::vec2(0.0f))) + std::min(std::max(e.x, e.y), 0.0f) - r;
        return 0.6f * d;  // the section tilts in height: stay below the true distance
    }

    Box box() const override { return box_; }

    bool fibre(const vec3& pin, vec3& dir) const override {
        if (!opt_.fibres) return false;
        const vec3 p = pin - opt_.shift * fade(pin.y);
        if (glm::dot(opt_.fibre, opt_.fibre) > 0.0f) {
            dir = glm::normalize(opt_.fibre);
            return true;
        }
        if (y_.size() < 2) {
            dir = vec3(0, 1, 0);
            return true;
        }
        const float y0 = std::clamp(p.y - 1.0f, y_.front(), y_.back() - 0.5f);
        const float y1 = std::clamp(p.y + 1.0f, y0 + 0.5f, y_.back());
        float s0 = 1.0f, s1 = 1.0f;
        const Params a = at(y0, s0), b = at(y1, s1);
        dir = glm::normalize(vec3(b[0] - a[0], y1 - y0, b[1] - a[1]));
        return true;
    }

private:
    // 1 below fadeLo, 0 above fadeHi, smooth between: how much of the shift and minDepth apply at height y.
    float fade(float y) const {
        const float t = std::clamp((y - opt_.fadeLo) / (opt_.fadeHi - opt_.fadeLo), 0.0f, 1.0f);
        return 1.0f - t * t * (3.0f - 2.0f * t);
    }
    // The parameters at height y; beyond the end levels the end level, its size tapering (scale) towards the
    // end of the fitted range.
    Params at(float y, float& scale) const {
        const int n = static_cast<int>(y_.size());
        scale = 1.0f;
        if (n == 1 || y <= y_.front()) {
            if (y < y_.front() && y_.front() > ylo_) scale = taper((y_.front() - y) / (y_.front() - ylo_));
            return levels_.front();
        }
        if (y >= y_.back()) {
            if (y_.back() < yhi_) scale = taper((y - y_.back()) / (yhi_ - y_.back()));
            return levels_.back();
        }
        int i = static_cast<int>(std::upper_bound(y_.begin(), y_.end(), y) - y_.begin()) - 1;
        i = std::clamp(i, 0, n - 2);
        const float t = (y - y_[i]) / (y_[i + 1] - y_[i]);
        Params out{};
        for (int k = 0; k < kParams; ++k) {
            const float p1 = levels_[i][k], p2 = levels_[i + 1][k];
            const float p0 = i > 0 ? levels_[i - 1][k] : p1, p3 = i + 2 < n ? levels_[i + 2][k] : p2;
            out[k] = clampedCatmull(p0, p1, p2, p3, t);
        }
        return out;
    }
    // From 1 at the end level to 0.45 at the end of the range, rounded like a tendon's end.
    static float taper(float t) {
        t = std::clamp(t, 0.0f, 1.0f);
        return 1.0f - 0.55f * t * t;
    }

    RefOptions opt_;
    std::vector<float> y_;
    std::vector<Params> levels_;
    float ylo_ = 0.0f, yhi_ = 0.0f;
    Box box_;
};

}  // namespace

PrimPtr referenceBody(const char* id, const RefOptions& o) {
    return std::make_unique<FittedBody>(table(id), o);
}

float referenceLow(const char* id) {
    return table(id).ylo;
}

float referenceHigh(const char* id) {
    return table(id).yhi;
}

bool hasReference(const char* id) {
    return findMuscle(id) != nullptr;
}

}  // namespace mg
