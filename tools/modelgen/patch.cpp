#include "patch.h"

#include <algorithm>
#include <cmath>

namespace mg {

namespace {

template <class T>
T cr(const T& p0, const T& p1, const T& p2, const T& p3, float t) {
    const float t2 = t * t, t3 = t2 * t;
    return (p1 * 2.0f + (p2 - p0) * t + (p0 * 2.0f - p1 * 5.0f + p2 * 4.0f - p3) * t2 +
            (p1 * 3.0f - p0 - p2 * 3.0f + p3) * t3) *
           0.5f;
}

template <class T>
T catmullT(const std::vector<T>& pts, float s) {
    const int n = static_cast<int>(pts.size());
    if (n == 1) return pts[0];
    const float x = std::clamp(s, 0.0f, 1.0f) * static_cast<float>(n - 1);
    const int i = std::min(static_cast<int>(std::floor(x)), n - 2);
    const float t = x - static_cast<float>(i);
    const T p1 = pts[i], p2 = pts[i + 1];
    const T p0 = i > 0 ? pts[i - 1] : p1 * 2.0f - p2;
    const T p3 = i + 2 < n ? pts[i + 2] : p2 * 2.0f - p1;
    return cr(p0, p1, p2, p3, t);
}

}  // namespace

vec3 catmull(const std::vector<vec3>& pts, float s) {
    return catmullT(pts, s);
}
float catmull(const std::vector<float>& v, float s) {
    return catmullT(v, s);
}
CP catmull(const std::vector<CP>& pts, float s) {
    std::vector<vec3> p;
    std::vector<float> r;
    for (const CP& c : pts) {
        p.push_back(c.p);
        r.push_back(c.r);
    }
    return {catmull(p, s), std::max(catmull(r, s), 0.02f)};
}

void addSheet(Shape& s, const std::vector<std::vector<CP>>& rows, int nu, int nv, float k, bool fibres, bool mirror) {
    // Interpolate each row across u, then every column along v.
    std::vector<std::vector<CP>> across(rows.size());
    for (std::size_t j = 0; j < rows.size(); ++j)
        for (int i = 0; i <= nu; ++i) across[j].push_back(catmull(rows[j], static_cast<float>(i) / nu));
    std::vector<CP> g(static_cast<std::size_t>(nu + 1) * (nv + 1));
    auto at = [&](int i, int j) -> CP& { return g[static_cast<std::size_t>(j) * (nu + 1) + i]; };
    for (int i = 0; i <= nu; ++i) {
        std::vector<CP> col;
        for (const auto& r : across) col.push_back(r[i]);
        for (int j = 0; j <= nv; ++j) at(i, j) = catmull(col, static_cast<float>(j) / nv);
    }
    std::vector<vec3> f(g.size(), vec3(0.0f));
    if (fibres)
        for (int j = 0; j <= nv; ++j)
            for (int i = 0; i <= nu; ++i) {
                const vec3 d = at(i, std::min(j + 1, nv)).p - at(i, std::max(j - 1, 0)).p;
                f[static_cast<std::size_t>(j) * (nu + 1) + i] = glm::normalize(d);
            }
    auto fi = [&](int i, int j) { return f[static_cast<std::size_t>(j) * (nu + 1) + i]; };
    s.group(Op::Union, k);
    for (int j = 0; j < nv; ++j)
        for (int i = 0; i < nu; ++i) {
            const CP &a = at(i, j), &b = at(i + 1, j), &c = at(i + 1, j + 1), &d = at(i, j + 1);
            PrimPtr t0 = thickTri(a.p, b.p, c.p, a.r, b.r, c.r, fi(i, j), fi(i + 1, j), fi(i + 1, j + 1));
            PrimPtr t1 = thickTri(a.p, c.p, d.p, a.r, c.r, d.r, fi(i, j), fi(i + 1, j + 1), fi(i, j + 1));
            s.add(mirror ? mirrorX(std::move(t0)) : std::move(t0));
            s.add(mirror ? mirrorX(std::move(t1)) : std::move(t1));
        }
}

void addTube(Shape& s, const std::vector<CP>& pts, int n, float k, Op op, bool mirror) {
    s.group(op, k);
    CP prev = catmull(pts, 0.0f);
    for (int i = 1; i <= n; ++i) {
        const CP c = catmull(pts, static_cast<float>(i) / n);
        PrimPtr p = cone(prev.p, c.p, prev.r, c.r);
        s.add(mirror ? mirrorX(std::move(p)) : std::move(p));
        prev = c;
    }
}

}  // namespace mg
