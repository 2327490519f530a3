#include "core/SurfaceSnap.h"

#include <limits>

namespace la {

namespace {

// Closest point on triangle abc to p (Ericson, Real-Time Collision Detection, 5.1.5).
glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

}  // namespace

SnapResult snapIntoStructure(const Model& model, const std::vector<int>& nodes, glm::vec3 p, float inset) {
    SnapResult out{p, false, 0.0f};
    float best = std::numeric_limits<float>::max();
    glm::vec3 bestPoint(0.0f), bestNormal(0.0f);
    for (int ni : nodes) {
        if (ni < 0 || static_cast<std::size_t>(ni) >= model.nodes.size()) continue;
        const Node& n = model.nodes[static_cast<std::size_t>(ni)];
        if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= model.meshes.size()) continue;
        const bool mirrored = glm::determinant(glm::mat3(n.world)) < 0.0f;
        for (const auto& prim : model.meshes[static_cast<std::size_t>(n.mesh)].primitives) {
            std::vector<glm::vec3> w(prim.positions.size());
            for (std::size_t i = 0; i < w.size(); ++i) w[i] = glm::vec3(n.world * glm::vec4(prim.positions[i], 1.0f));
            for (std::size_t t = 0; t + 2 < prim.indices.size(); t += 3) {
                const glm::vec3 &a = w[prim.indices[t]], &b = w[prim.indices[t + 1]], &c = w[prim.indices[t + 2]];
                const glm::vec3 q = closestOnTriangle(p, a, b, c);
                const float d = glm::dot(p - q, p - q);
                glm::vec3 nrm = glm::cross(b - a, c - a);
                if (glm::dot(nrm, nrm) <= 0.0f) continue;
                if (d < best) {
                    best = d;
                    bestPoint = q;
                    bestNormal = glm::normalize(mirrored ? -nrm : nrm);
                }
            }
        }
    }
    if (best == std::numeric_limits<float>::max()) return out;
    // Outside when the point lies on the outer side of the nearest triangle (ties at edges are rare at
    // the distances trigger points are off by, and either answer moves the point onto the muscle).
    if (glm::dot(p - bestPoint, bestNormal) <= 0.0f) return out;
    out.point = bestPoint - bestNormal * inset;
    out.moved = true;
    out.distance = glm::length(out.point - p);
    return out;
}

}  // namespace la
