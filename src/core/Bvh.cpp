#include "core/Bvh.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace la {

namespace {

// Entry distance of the ray into a box, or +inf when it misses within (tMin, tMax).
float slab(const glm::vec3& bmin, const glm::vec3& bmax, const glm::vec3& origin, const glm::vec3& inv, float tMin,
           float tMax) {
    glm::vec3 t0 = (bmin - origin) * inv;
    glm::vec3 t1 = (bmax - origin) * inv;
    glm::vec3 lo = glm::min(t0, t1), hi = glm::max(t0, t1);
    float enter = std::max(std::max(lo.x, lo.y), std::max(lo.z, tMin));
    float exit = std::min(std::min(hi.x, hi.y), std::min(hi.z, tMax));
    return enter <= exit ? enter : std::numeric_limits<float>::infinity();
}

}  // namespace

std::optional<BvhHit> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                                        float tMin, float tMax) {
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(ray.dir, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-20f) return std::nullopt;  // parallel or degenerate
    const float invDet = 1.0f / det;
    const glm::vec3 s = ray.origin - a;
    const float u = glm::dot(s, p) * invDet;
    if (u < 0.0f || u > 1.0f) return std::nullopt;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(ray.dir, q) * invDet;
    if (v < 0.0f || u + v > 1.0f) return std::nullopt;
    const float t = glm::dot(e2, q) * invDet;
    if (!(t > tMin && t < tMax)) return std::nullopt;
    return BvhHit{0, t, u, v};
}

Aabb Bvh::bounds() const {
    Aabb b;
    if (!nodes_.empty() && !order_.empty()) {
        b.add(nodes_[0].min);
        b.add(nodes_[0].max);
    }
    return b;
}

template <class Visit>
void Bvh::traverse(const Ray& ray, float tMin, float& tMax, Visit&& visit) const {
    if (nodes_.empty() || order_.empty()) return;
    glm::vec3 inv;
    for (int k = 0; k < 3; ++k) inv[k] = ray.dir[k] != 0.0f ? 1.0f / ray.dir[k] : std::copysign(1e30f, ray.dir[k]);
    // One per level (pop one, push two), each with where the ray enters its box: a box entered beyond a
    // nearer hit found since it was pushed is skipped when it comes off the stack.
    std::array<std::uint32_t, kMaxDepth + 8> stack{};
    std::array<float, kMaxDepth + 8> entry{};
    std::size_t top = 0;
    const float t0 = slab(nodes_[0].min, nodes_[0].max, ray.origin, inv, tMin, tMax);
    if (t0 == std::numeric_limits<float>::infinity()) return;
    stack[top] = 0;
    entry[top++] = t0;
    while (top > 0) {
        --top;
        if (entry[top] > tMax) continue;
        const Node& node = nodes_[stack[top]];
        if (node.count > 0) {
            for (std::uint32_t i = node.leftOrFirst; i < node.leftOrFirst + node.count; ++i) {
                const std::uint32_t t = order_[i];
                if (auto h = intersectTriangle(ray, corners_[3u * t], corners_[3u * t + 1], corners_[3u * t + 2], tMin,
                                               tMax)) {
                    h->triangle = t;
                    visit(*h, tMax);
                }
            }
            continue;
        }
        const std::uint32_t l = node.leftOrFirst, r = l + 1;
        float tl = slab(nodes_[l].min, nodes_[l].max, ray.origin, inv, tMin, tMax);
        float tr = slab(nodes_[r].min, nodes_[r].max, ray.origin, inv, tMin, tMax);
        const float inf = std::numeric_limits<float>::infinity();
        // Push the farther child first so the nearer one is visited first.
        const auto push = [&](std::uint32_t child, float t) {
            if (t == inf) return;
            stack[top] = child;
            entry[top++] = t;
        };
        if (tl <= tr) {
            push(r, tr);
            push(l, tl);
        } else {
            push(l, tl);
            push(r, tr);
        }
    }
}

std::optional<BvhHit> Bvh::closest(const Ray& ray, const Accept& accept, float tMin, float tMax) const {
    std::optional<BvhHit> best;
    traverse(ray, tMin, tMax, [&](const BvhHit& h, float& limit) {
        if (accept && !accept(h.triangle)) return;
        best = h;
        limit = h.t;
    });
    return best;
}

void Bvh::all(const Ray& ray, std::vector<BvhHit>& out, const Accept& accept, float tMin, float tMax) const {
    traverse(ray, tMin, tMax, [&](const BvhHit& h, float&) {
        if (!accept || accept(h.triangle)) out.push_back(h);
    });
}

}  // namespace la
