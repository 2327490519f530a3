#pragma once
// The bundled model models/lower_body.glb for the tests that measure it: its structures as world-space triangle
// surfaces (metres), the landmark table of the generator, and distance / ray / inside queries on the meshes.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../../tools/modelgen/landmarks.h"
#include "io/ModelLoader.h"

namespace la::bundledmodel {

inline const std::string kModelPath = std::string(LA_SOURCE_DIR) + "/models/lower_body.glb";

inline const Model& bundled() {
    static const Model model = [] {
        auto r = io::loadModel(kModelPath);
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));  // error() holds only on failure
        return std::move(r.value());
    }();
    return model;
}

// One structure in world space (metres).
struct Surface {
    std::vector<glm::vec3> pos;
    std::vector<std::uint32_t> idx;
    glm::vec3 lo{std::numeric_limits<float>::max()}, hi{-std::numeric_limits<float>::max()};
};

inline const Surface& surface(const std::string& name) {
    static std::map<std::string, Surface> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    const Model& m = bundled();
    const int n = m.findNode(name);
    REQUIRE_MESSAGE(n >= 0, "missing node " << name);
    const Node& node = m.nodes[static_cast<std::size_t>(n)];
    REQUIRE(node.mesh >= 0);
    Surface s;
    for (const Primitive& p : m.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
        const auto base = static_cast<std::uint32_t>(s.pos.size());
        for (const glm::vec3& v : p.positions) {
            const glm::vec3 w = glm::vec3(node.world * glm::vec4(v, 1.0f));
            s.pos.push_back(w);
            s.lo = glm::min(s.lo, w);
            s.hi = glm::max(s.hi, w);
        }
        for (std::uint32_t i : p.indices) s.idx.push_back(base + i);
    }
    return cache.emplace(name, std::move(s)).first->second;
}

inline glm::vec3 landmark(const char* name) {
    const auto* l = mg::landmarks::find(name);
    REQUIRE_MESSAGE(l != nullptr, name);
    return glm::vec3(l->x, l->y, l->z) * 0.01f;  // cm -> m
}

inline glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float den = 1.0f / (va + vb + vc);
    return a + ab * (vb * den) + ac * (vc * den);
}

// Distance from p to the surface of s.
inline float distanceTo(const Surface& s, const glm::vec3& p) {
    float best = std::numeric_limits<float>::max();
    for (std::size_t t = 0; t < s.idx.size(); t += 3) {
        const glm::vec3 &a = s.pos[s.idx[t]], &b = s.pos[s.idx[t + 1]], &c = s.pos[s.idx[t + 2]];
        // Cheap reject by the triangle's bounding sphere.
        const glm::vec3 m = (a + b + c) / 3.0f;
        const float r = std::max(glm::length(a - m), std::max(glm::length(b - m), glm::length(c - m)));
        if (glm::length(p - m) - r > best) continue;
        best = std::min(best, glm::length(p - closestOnTriangle(p, a, b, c)));
    }
    return best;
}

// Smallest distance between the vertices of a (optionally filtered) and the surface of b.
template <class Filter>
inline float gap(const Surface& a, const Surface& b, Filter keep) {
    float best = std::numeric_limits<float>::max();
    for (const glm::vec3& p : a.pos)
        if (keep(p)) best = std::min(best, distanceTo(b, p));
    return best;
}

// Ray o + t d against every triangle: all hit distances, sorted.
inline std::vector<float> hits(const Surface& s, const glm::vec3& o, const glm::vec3& d) {
    std::vector<float> ts;
    for (std::size_t t = 0; t < s.idx.size(); t += 3) {
        const glm::vec3 &a = s.pos[s.idx[t]], &b = s.pos[s.idx[t + 1]], &c = s.pos[s.idx[t + 2]];
        const glm::vec3 e1 = b - a, e2 = c - a, q = glm::cross(d, e2);
        const float det = glm::dot(e1, q);
        if (std::fabs(det) < 1e-14f) continue;
        const float inv = 1.0f / det;
        const glm::vec3 sv = o - a;
        const float u = glm::dot(sv, q) * inv;
        if (u < 0 || u > 1) continue;
        const glm::vec3 r = glm::cross(sv, e1);
        const float v = glm::dot(d, r) * inv;
        if (v < 0 || u + v > 1) continue;
        const float tt = glm::dot(e2, r) * inv;
        if (tt > 0) ts.push_back(tt);
    }
    std::sort(ts.begin(), ts.end());
    return ts;
}

inline float firstHit(const Surface& s, const glm::vec3& o, const glm::vec3& d) {
    const auto ts = hits(s, o, d);
    return ts.empty() ? -1.0f : ts.front();
}

inline bool inside(const Surface& s, const glm::vec3& p) {
    if (glm::any(glm::lessThan(p, s.lo)) || glm::any(glm::greaterThan(p, s.hi))) return false;
    return hits(s, p, glm::normalize(glm::vec3(1.0f, 0.0123f, 0.0071f))).size() % 2 == 1;
}

}  // namespace la::bundledmodel
