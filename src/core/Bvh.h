#pragma once
// A bounding volume hierarchy over triangles, for picking. Built from Morton codes of the triangle centres
// (a linear BVH: radix sort, then the binary radix tree of the codes, joined bottom up in one sweep), which
// is fast enough to build on load for models of millions of triangles; deterministic. Triangles with a
// non-finite corner are left out; coordinates up to the float maximum never overflow the build.
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/Aabb.h"

namespace la {

struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 dir{0.0f, 0.0f, -1.0f};  // need not be unit length; t is measured in multiples of it
};

struct BvhHit {
    std::uint32_t triangle = 0;  // index into the triangles given to build()
    float t = 0.0f;
    float u = 0.0f, v = 0.0f;  // barycentrics of corners 1 and 2
};

// Möller-Trumbore, both faces. Returns t > tMin and < tMax on a hit.
std::optional<BvhHit> intersectTriangle(const Ray& ray, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c,
                                        float tMin, float tMax);

class Bvh {
public:
    // Which triangles count; empty = all.
    using Accept = std::function<bool(std::uint32_t triangle)>;

    Bvh() = default;
    // Three corners per triangle (corners.size() / 3 triangles; a remainder is ignored).
    explicit Bvh(std::vector<glm::vec3> corners) { build(std::move(corners)); }
    void build(std::vector<glm::vec3> corners);
    // The same, given bounds that hold the triangles' centres (e.g. those of all corners, gathered with
    // them), which saves a pass over the corners; bounds that are too small or too large only make a
    // slower tree, never a wrong one (an invalid or non-finite box is ignored). From kParallelFrom
    // triangles on, the build runs on `threads` threads (at most 2; the second one inherits the caller's
    // scheduling priority); the tree is the same whatever their number.
    void build(std::vector<glm::vec3> corners, const Aabb& centreBounds, int threads = 2);

    std::size_t triangleCount() const { return corners_.size() / 3; }
    std::size_t nodeCount() const { return nodes_.size(); }
    int depth() const { return depth_; }
    Aabb bounds() const;
    // Corners of triangle i (original numbering).
    glm::vec3 corner(std::uint32_t tri, int k) const { return corners_[tri * 3u + static_cast<std::uint32_t>(k)]; }

    // Nearest accepted hit with t in (tMin, tMax).
    std::optional<BvhHit> closest(const Ray& ray, const Accept& accept = {}, float tMin = 0.0f,
                                  float tMax = std::numeric_limits<float>::infinity()) const;
    // Every accepted hit with t in (tMin, tMax), in no particular order.
    void all(const Ray& ray, std::vector<BvhHit>& out, const Accept& accept = {}, float tMin = 0.0f,
             float tMax = std::numeric_limits<float>::infinity()) const;

    static constexpr int kMaxDepth = 96;
    static constexpr std::size_t kParallelFrom =
        16384;  // deeper ranges become leaves; traversal's stack has room for it

private:
    struct Node {
        glm::vec3 min{0.0f};
        std::uint32_t leftOrFirst = 0;  // inner: index of the left child (right = left + 1); leaf: first in order_
        glm::vec3 max{0.0f};
        std::uint32_t count = 0;  // > 0: leaf with that many triangles
    };
    template <class Visit>
    void traverse(const Ray& ray, float tMin, float& tMax, Visit&& visit) const;

    std::vector<glm::vec3> corners_;
    std::vector<std::uint32_t> order_;  // triangle ids, leaves index ranges of it
    std::vector<Node> nodes_;
    int depth_ = 0;
};

}  // namespace la
