#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "mesh.h"

namespace mg {

namespace {

struct Grid {
    vec3 origin{0.0f};
    float h = 1.0f;
    int nx = 0, ny = 0, nz = 0;
    std::vector<float> v;
    std::size_t id(int i, int j, int k) const { return (static_cast<std::size_t>(k) * ny + j) * nx + i; }
    vec3 at(int i, int j, int k) const {
        return origin + vec3(static_cast<float>(i), static_cast<float>(j), static_cast<float>(k)) * h;
    }
};

Grid sample(const Shape& s, float h) {
    Grid g;
    Box b = s.bounds();
    b.expand(3.0f * h + 0.3f);
    g.h = h;
    g.origin = b.lo;
    const vec3 ext = b.hi - b.lo;
    g.nx = static_cast<int>(std::ceil(ext.x / h)) + 1;
    g.ny = static_cast<int>(std::ceil(ext.y / h)) + 1;
    g.nz = static_cast<int>(std::ceil(ext.z / h)) + 1;
    g.v.assign(static_cast<std::size_t>(g.nx) * g.ny * g.nz, kFar);
    // Blocks of B cells: one evaluation at the centre decides whether the whole block is far from
    // the surface (the fields are close to 1-Lipschitz; 1.5 is the safety factor).
    const float halfDiagPerCell = h * 0.8660254f;
    int B = static_cast<int>(std::floor((s.band() - 2.0f * h) / (1.5f * halfDiagPerCell)));
    B = std::clamp(B, 1, 8);
    const float skip = 1.5f * halfDiagPerCell * static_cast<float>(B) + h;
    for (int k0 = 0; k0 < g.nz; k0 += B)
        for (int j0 = 0; j0 < g.ny; j0 += B)
            for (int i0 = 0; i0 < g.nx; i0 += B) {
                const int i1 = std::min(i0 + B, g.nx - 1), j1 = std::min(j0 + B, g.ny - 1),
                          k1 = std::min(k0 + B, g.nz - 1);
                const vec3 c = (g.at(i0, j0, k0) + g.at(i1, j1, k1)) * 0.5f;
                const float vc = s.eval(c);
                const bool far = std::fabs(vc) > skip;
                for (int k = k0; k <= k1; ++k)
                    for (int j = j0; j <= j1; ++j)
                        for (int i = i0; i <= i1; ++i) {
                            float& dst = g.v[g.id(i, j, k)];
                            if (far) {
                                if (dst >= kFar) dst = vc;  // do not overwrite exact values of a neighbour
                            } else {
                                dst = s.eval(g.at(i, j, k));
                            }
                        }
            }
    // The outer layer is outside, so the surface is closed.
    for (int k = 0; k < g.nz; ++k)
        for (int j = 0; j < g.ny; ++j)
            for (int i = 0; i < g.nx; ++i)
                if (i == 0 || j == 0 || k == 0 || i == g.nx - 1 || j == g.ny - 1 || k == g.nz - 1)
                    g.v[g.id(i, j, k)] = std::max(g.v[g.id(i, j, k)], h);
    return g;
}

constexpr std::array<std::array<int, 4>, 6> kTets{
    {{0, 1, 3, 7}, {0, 1, 5, 7}, {0, 2, 3, 7}, {0, 2, 6, 7}, {0, 4, 5, 7}, {0, 4, 6, 7}}};

}  // namespace

Mesh polygonise(const Shape& s, float h) {
    const Grid g = sample(s, h);
    Mesh m;
    std::unordered_map<std::uint64_t, std::uint32_t> edgeVertex;
    std::array<vec3, 8> cp;
    std::array<float, 8> cv;
    std::array<std::size_t, 8> cid;
    for (int k = 0; k + 1 < g.nz; ++k)
        for (int j = 0; j + 1 < g.ny; ++j)
            for (int i = 0; i + 1 < g.nx; ++i) {
                bool anyIn = false, anyOut = false;
                for (int c = 0; c < 8; ++c) {
                    const int di = c & 1, dj = (c >> 1) & 1, dk = (c >> 2) & 1;
                    cid[c] = g.id(i + di, j + dj, k + dk);
                    cv[c] = g.v[cid[c]];
                    cp[c] = g.at(i + di, j + dj, k + dk);
                    (cv[c] < 0.0f ? anyIn : anyOut) = true;
                }
                if (!anyIn || !anyOut) continue;
                // Vertex on the edge between corners a and b (a < b as offsets: b's bits contain a's).
                auto vert = [&](int a, int b) -> std::uint32_t {
                    if (a > b) std::swap(a, b);
                    const std::uint64_t key =
                        static_cast<std::uint64_t>(cid[a]) * 8u + static_cast<std::uint64_t>(a ^ b);
                    auto it = edgeVertex.find(key);
                    if (it != edgeVertex.end()) return it->second;
                    const float t = std::clamp(cv[a] / (cv[a] - cv[b]), 0.02f, 0.98f);
                    const std::uint32_t id = static_cast<std::uint32_t>(m.pos.size());
                    m.pos.push_back(cp[a] + (cp[b] - cp[a]) * t);
                    edgeVertex.emplace(key, id);
                    return id;
                };
                for (const auto& tet : kTets) {
                    std::array<int, 4> in{}, out{};
                    int nin = 0, nout = 0;
                    for (int c : tet) (cv[c] < 0.0f ? in[nin++] : out[nout++]) = c;
                    if (nin == 0 || nout == 0) continue;
                    vec3 ci(0.0f), co(0.0f);
                    for (int q = 0; q < nin; ++q) ci += cp[in[q]] / static_cast<float>(nin);
                    for (int q = 0; q < nout; ++q) co += cp[out[q]] / static_cast<float>(nout);
                    const vec3 ref = co - ci;
                    auto emit = [&](std::array<int, 2> e0, std::array<int, 2> e1, std::array<int, 2> e2) {
                        const vec3 m0 = (cp[e0[0]] + cp[e0[1]]) * 0.5f, m1 = (cp[e1[0]] + cp[e1[1]]) * 0.5f,
                                   m2 = (cp[e2[0]] + cp[e2[1]]) * 0.5f;
                        if (glm::dot(glm::cross(m1 - m0, m2 - m0), ref) < 0.0f) std::swap(e1, e2);
                        m.idx.push_back(vert(e0[0], e0[1]));
                        m.idx.push_back(vert(e1[0], e1[1]));
                        m.idx.push_back(vert(e2[0], e2[1]));
                    };
                    if (nin == 1) {
                        emit({in[0], out[0]}, {in[0], out[1]}, {in[0], out[2]});
                    } else if (nout == 1) {
                        emit({in[0], out[0]}, {in[1], out[0]}, {in[2], out[0]});
                    } else {
                        const int a = in[0], b = in[1], c = out[0], d = out[1];
                        emit({a, c}, {a, d}, {b, d});
                        emit({a, c}, {b, d}, {b, c});
                    }
                }
            }
    return m;
}

}  // namespace mg
