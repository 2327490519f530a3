#include "sdf.h"

#include <algorithm>
#include <cmath>

namespace mg {

float smin(float a, float b, float k) {
    if (k <= 0.0f) return std::min(a, b);
    const float h = std::max(k - std::fabs(a - b), 0.0f) / k;
    return std::min(a, b) - h * h * k * 0.25f;
}

float smax(float a, float b, float k) {
    return -smin(-a, -b, k);
}

namespace {

class Sphere final : public Prim {
public:
    Sphere(vec3 c, float r) : c_(c), r_(r) {}
    float dist(const vec3& p) const override { return glm::length(p - c_) - r_; }
    Box box() const override {
        Box b;
        b.add(c_ - vec3(r_));
        b.add(c_ + vec3(r_));
        return b;
    }

private:
    vec3 c_;
    float r_;
};

class Ellipsoid final : public Prim {
public:
    Ellipsoid(vec3 c, vec3 r, const glm::mat3& axes) : c_(c), r_(r), axes_(axes) {}
    float dist(const vec3& p) const override {
        const vec3 q = glm::transpose(axes_) * (p - c_);
        const float k0 = glm::length(q / r_);
        const float k1 = glm::length(q / (r_ * r_));
        if (k1 < 1e-9f) return -std::min(r_.x, std::min(r_.y, r_.z));
        return k0 * (k0 - 1.0f) / k1;
    }
    Box box() const override {
        const float m = std::max(r_.x, std::max(r_.y, r_.z));
        Box b;
        b.add(c_ - vec3(m));
        b.add(c_ + vec3(m));
        return b;
    }

private:
    vec3 c_, r_;
    glm::mat3 axes_;
};

class EllCyl final : public Prim {
public:
    EllCyl(vec3 c, const glm::mat3& axes, float hw, float hh, float hd, float rnd, float waist)
        : c_(c),
          axes_(axes),
          a0_(hw - rnd),
          b0_(hd - rnd),
          hh_(hh - rnd),
          rnd_(rnd),
          waist_(waist),
          ext_(std::max(hw, std::max(hh, hd))) {}
    float dist(const vec3& p) const override {
        const vec3 q = glm::transpose(axes_) * (p - c_);
        // Waisted: the cross-section shrinks by `waist` (fraction) at mid-height, full size at the ends.
        const float t = std::clamp(q.y / std::max(hh_, 1e-6f), -1.0f, 1.0f);
        const float sc = 1.0f - waist_ * (1.0f - t * t);
        const float a_ = a0_ * sc, b_ = b0_ * sc;
        const glm::vec2 e(q.x / a_, q.z / b_), e2(q.x / (a_ * a_), q.z / (b_ * b_));
        const float k0 = glm::length(e), k1 = glm::length(e2);
        const float d2 = k1 < 1e-9f ? -std::min(a_, b_) : k0 * (k0 - 1.0f) / k1;
        const float du = std::fabs(q.y) - hh_;
        const glm::vec2 w(std::max(d2, 0.0f), std::max(du, 0.0f));
        return glm::length(w) + std::min(std::max(d2, du), 0.0f) - rnd_;
    }
    Box box() const override {
        Box b;
        b.add(c_ - vec3(ext_ * 1.8f));
        b.add(c_ + vec3(ext_ * 1.8f));
        return b;
    }

private:
    vec3 c_;
    glm::mat3 axes_;
    float a0_, b0_, hh_, rnd_, waist_, ext_;
};

class Cone final : public Prim {
public:
    Cone(vec3 a, vec3 b, float ra, float rb) : a_(a), b_(b), ra_(ra), rb_(rb) {
        ab_ = b - a;
        len2_ = std::max(glm::dot(ab_, ab_), 1e-12f);
        mid_ = (a + b) * 0.5f;
        rad_ = 0.5f * std::sqrt(len2_) + std::max(ra, rb);
    }
    float bound(const vec3& p) const override { return glm::length(p - mid_) - rad_; }
    float dist(const vec3& p) const override {
        const float t = std::clamp(glm::dot(p - a_, ab_) / len2_, 0.0f, 1.0f);
        return glm::length(p - (a_ + ab_ * t)) - (ra_ + (rb_ - ra_) * t);
    }
    Box box() const override {
        Box b;
        b.add(a_ - vec3(ra_));
        b.add(a_ + vec3(ra_));
        b.add(b_ - vec3(rb_));
        b.add(b_ + vec3(rb_));
        return b;
    }
    bool fibre(const vec3&, vec3& dir) const override {
        dir = ab_ / std::sqrt(len2_);
        return true;
    }

private:
    vec3 a_, b_, ab_, mid_;
    float ra_, rb_, len2_, rad_;
};

// Closest point on triangle abc to p, returned as barycentric weights (u for a, v for b, w for c).
vec3 closestBary(const vec3& p, const vec3& a, const vec3& b, const vec3& c) {
    const vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return {1, 0, 0};
    const vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return {0, 1, 0};
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
        const float t = d1 / (d1 - d3);
        return {1 - t, t, 0};
    }
    const vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return {0, 0, 1};
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
        const float t = d2 / (d2 - d6);
        return {1 - t, 0, t};
    }
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f) {
        const float t = (d4 - d3) / ((d4 - d3) + (d5 - d6));
        return {0, 1 - t, t};
    }
    const float denom = 1.0f / (va + vb + vc);
    const float v = vb * denom, w = vc * denom;
    return {1 - v - w, v, w};
}

class ThickTri final : public Prim {
public:
    ThickTri(vec3 a, vec3 b, vec3 c, float ra, float rb, float rc, vec3 fa, vec3 fb, vec3 fc)
        : a_(a), b_(b), c_(c), r_(ra, rb, rc), fa_(fa), fb_(fb), fc_(fc) {
        mid_ = (a + b + c) / 3.0f;
        rad_ = std::max(glm::length(a - mid_), std::max(glm::length(b - mid_), glm::length(c - mid_))) +
               std::max(ra, std::max(rb, rc));
    }
    float bound(const vec3& p) const override { return glm::length(p - mid_) - rad_; }
    float dist(const vec3& p) const override {
        const vec3 w = closestBary(p, a_, b_, c_);
        const vec3 q = a_ * w.x + b_ * w.y + c_ * w.z;
        return glm::length(p - q) - glm::dot(w, r_);
    }
    Box box() const override {
        const float m = std::max(r_.x, std::max(r_.y, r_.z));
        Box b;
        b.add(a_);
        b.add(b_);
        b.add(c_);
        b.expand(m);
        return b;
    }
    bool fibre(const vec3& p, vec3& dir) const override {
        const vec3 w = closestBary(p, a_, b_, c_);
        dir = fa_ * w.x + fb_ * w.y + fc_ * w.z;
        return glm::dot(dir, dir) > 1e-12f;
    }

private:
    vec3 a_, b_, c_, r_, fa_, fb_, fc_, mid_;
    float rad_;
};

class HalfSpace final : public Prim {
public:
    HalfSpace(vec3 n, float d) : n_(n), d_(d) {}
    float dist(const vec3& p) const override { return glm::dot(n_, p) - d_; }
    Box box() const override {
        Box b;
        b.lo = vec3(-kFar);
        b.hi = vec3(kFar);
        return b;
    }

private:
    vec3 n_;
    float d_;
};

class MirrorX final : public Prim {
public:
    explicit MirrorX(PrimPtr inner) : inner_(std::move(inner)) {}
    float dist(const vec3& p) const override { return inner_->dist(vec3(std::fabs(p.x), p.y, p.z)); }
    float bound(const vec3& p) const override { return inner_->bound(vec3(std::fabs(p.x), p.y, p.z)); }
    Box box() const override {
        Box b = inner_->box();
        Box m = b;
        m.lo.x = -b.hi.x;
        m.hi.x = -b.lo.x;
        b.add(m);
        return b;
    }
    bool fibre(const vec3& p, vec3& dir) const override {
        if (!inner_->fibre(vec3(std::fabs(p.x), p.y, p.z), dir)) return false;
        if (p.x < 0.0f) dir.x = -dir.x;
        return true;
    }

private:
    PrimPtr inner_;
};

class Nested final : public Prim {
public:
    Nested(const Shape* s, float offset) : s_(s), off_(offset) {}
    float dist(const vec3& p) const override {
        const float d = s_->eval(p);
        return d >= kFar * 0.5f ? kFar : d - off_;
    }
    float bound(const vec3& p) const override {
        const Box& b = s_->bounds();
        const vec3 q = glm::max(glm::max(b.lo - p, p - b.hi), vec3(0.0f));
        return glm::length(q) - off_ - 1.0f;
    }
    Box box() const override {
        Box b = s_->bounds();
        b.expand(std::max(off_, 0.0f));
        return b;
    }

private:
    const Shape* s_;
    float off_;
};

}  // namespace

PrimPtr sphere(vec3 c, float r) {
    return std::make_unique<Sphere>(c, r);
}
PrimPtr ellipsoid(vec3 c, vec3 radii, const glm::mat3& axes) {
    return std::make_unique<Ellipsoid>(c, radii, axes);
}
PrimPtr ellipticCylinder(vec3 c, const glm::mat3& axes, float hw, float hh, float hd, float round, float waist) {
    return std::make_unique<EllCyl>(c, axes, hw, hh, hd, round, waist);
}
PrimPtr cone(vec3 a, vec3 b, float ra, float rb) {
    return std::make_unique<Cone>(a, b, ra, rb);
}
PrimPtr thickTri(vec3 a, vec3 b, vec3 c, float ra, float rb, float rc, vec3 fa, vec3 fb, vec3 fc) {
    return std::make_unique<ThickTri>(a, b, c, ra, rb, rc, fa, fb, fc);
}
PrimPtr halfSpace(vec3 n, float d) {
    return std::make_unique<HalfSpace>(glm::normalize(n), d);
}
PrimPtr mirrorX(PrimPtr inner) {
    return std::make_unique<MirrorX>(std::move(inner));
}
PrimPtr nested(const Shape* s, float offset) {
    return std::make_unique<Nested>(s, offset);
}

void Shape::group(Op op, float k) {
    groups_.emplace_back();
    groups_.back().op = op;
    groups_.back().k = k;
}

void Shape::add(PrimPtr p) {
    if (groups_.empty()) group(Op::Union, 0.0f);
    groups_.back().boxes.push_back(p->box());
    groups_.back().prims.push_back(std::move(p));
}

std::size_t Shape::primCount() const {
    std::size_t n = 0;
    for (const auto& g : groups_) n += g.prims.size();
    return n;
}

void Shape::finalize(float band) {
    band_ = band;
    bounds_ = Box{};
    for (const auto& g : groups_)
        if (g.op == Op::Union)
            for (const auto& b : g.boxes)
                if (!b.infinite()) bounds_.add(b);
    Box grid = bounds_;
    grid.expand(band + 0.5f);
    origin_ = grid.lo;
    const vec3 ext = grid.hi - grid.lo;
    nx_ = std::max(1, static_cast<int>(std::ceil(ext.x / cell_)));
    ny_ = std::max(1, static_cast<int>(std::ceil(ext.y / cell_)));
    nz_ = std::max(1, static_cast<int>(std::ceil(ext.z / cell_)));
    const std::size_t ncell = static_cast<std::size_t>(nx_) * ny_ * nz_;
    std::vector<std::vector<Entry>> lists(ncell);
    for (std::uint32_t gi = 0; gi < groups_.size(); ++gi) {
        const Group& g = groups_[gi];
        for (std::uint32_t pi = 0; pi < g.prims.size(); ++pi) {
            Box b = g.boxes[pi];
            int i0 = 0, j0 = 0, k0 = 0, i1 = nx_ - 1, j1 = ny_ - 1, k1 = nz_ - 1;
            if (!b.infinite()) {
                b.expand(band + std::max(g.k, 0.0f));
                i0 = std::max(0, static_cast<int>(std::floor((b.lo.x - origin_.x) / cell_)));
                j0 = std::max(0, static_cast<int>(std::floor((b.lo.y - origin_.y) / cell_)));
                k0 = std::max(0, static_cast<int>(std::floor((b.lo.z - origin_.z) / cell_)));
                i1 = std::min(nx_ - 1, static_cast<int>(std::floor((b.hi.x - origin_.x) / cell_)));
                j1 = std::min(ny_ - 1, static_cast<int>(std::floor((b.hi.y - origin_.y) / cell_)));
                k1 = std::min(nz_ - 1, static_cast<int>(std::floor((b.hi.z - origin_.z) / cell_)));
            }
            for (int k = k0; k <= k1; ++k)
                for (int j = j0; j <= j1; ++j)
                    for (int i = i0; i <= i1; ++i)
                        lists[(static_cast<std::size_t>(k) * ny_ + j) * nx_ + i].push_back({gi, pi});
        }
    }
    start_.assign(ncell + 1, 0);
    entries_.clear();
    for (std::size_t c = 0; c < ncell; ++c) {
        start_[c] = static_cast<std::uint32_t>(entries_.size());
        entries_.insert(entries_.end(), lists[c].begin(), lists[c].end());
    }
    start_[ncell] = static_cast<std::uint32_t>(entries_.size());
}

const Shape::Entry* Shape::cellEntries(const vec3& p, std::size_t& count) const {
    const vec3 q = (p - origin_) / cell_;
    const int i = static_cast<int>(std::floor(q.x)), j = static_cast<int>(std::floor(q.y)),
              k = static_cast<int>(std::floor(q.z));
    if (i < 0 || j < 0 || k < 0 || i >= nx_ || j >= ny_ || k >= nz_) {
        count = 0;
        return nullptr;
    }
    const std::size_t c = (static_cast<std::size_t>(k) * ny_ + j) * nx_ + i;
    count = start_[c + 1] - start_[c];
    return entries_.data() + start_[c];
}

float Shape::eval(const vec3& p) const {
    std::size_t n = 0;
    const Entry* e = cellEntries(p, n);
    float v = kFar;
    std::size_t i = 0;
    while (i < n) {
        const std::uint32_t gi = e[i].group;
        const Group& g = groups_[gi];
        float m = kFar;
        if (g.op != Op::Union && v > 1.5f) {  // outside stays outside: skip to the next group
            while (i < n && e[i].group == gi) ++i;
            continue;
        }
        for (; i < n && e[i].group == gi; ++i) {
            const Prim& pr = *g.prims[e[i].prim];
            if (pr.bound(p) < m) m = std::min(m, pr.dist(p));
        }
        switch (g.op) {
            case Op::Union:
                v = smin(v, m, g.k);
                break;
            case Op::Subtract:
                v = smax(v, -m, g.k);
                break;
            case Op::Intersect:
                v = smax(v, m, g.k);
                break;
        }
    }
    return std::min(v, kFar);
}

vec3 Shape::gradient(const vec3& p, float h) const {
    const vec3 dx(h, 0, 0), dy(0, h, 0), dz(0, 0, h);
    return vec3(eval(p + dx) - eval(p - dx), eval(p + dy) - eval(p - dy), eval(p + dz) - eval(p - dz)) / (2.0f * h);
}

bool Shape::fibre(const vec3& p, vec3& dir) const {
    std::size_t n = 0;
    const Entry* e = cellEntries(p, n);
    // Blend the directions of the nearest fibre-carrying primitives (all run origin -> insertion).
    float best = kFar;
    for (std::size_t i = 0; i < n; ++i) {
        const Group& g = groups_[e[i].group];
        if (g.op != Op::Union) continue;
        const Prim& pr = *g.prims[e[i].prim];
        vec3 d;
        if (!pr.fibre(p, d)) continue;
        best = std::min(best, pr.dist(p));
    }
    if (best >= kFar * 0.5f) return false;
    vec3 sum(0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        const Group& g = groups_[e[i].group];
        if (g.op != Op::Union) continue;
        const Prim& pr = *g.prims[e[i].prim];
        vec3 d;
        if (!pr.fibre(p, d)) continue;
        const float dd = pr.dist(p) - best;
        if (dd > 1.0f) continue;
        d = glm::normalize(d);
        const float w = 1.0f / (0.05f + dd * dd * 25.0f);
        sum += d * w;
    }
    if (glm::dot(sum, sum) < 1e-12f) return false;
    dir = glm::normalize(sum);
    return true;
}

}  // namespace mg
