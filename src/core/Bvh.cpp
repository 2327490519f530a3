#include "core/Bvh.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace la {

namespace {

constexpr int kBins = 16;
constexpr std::uint32_t kMaxLeaf = 8;
constexpr int kMaxDepth = 100;  // traversal stack below has room for this

float area(const Aabb& b) {
    if (!b.valid()) return 0.0f;
    glm::vec3 d = b.max - b.min;
    return 2.0f * (d.x * d.y + d.y * d.z + d.z * d.x);
}

bool finite(const glm::vec3& v) {
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

struct BuildItem {
    std::uint32_t node, first, count;
    int depth;
};

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

void Bvh::build(std::vector<glm::vec3> corners) {
    corners_ = std::move(corners);
    corners_.resize(corners_.size() / 3 * 3);
    nodes_.clear();
    order_.clear();
    depth_ = 0;
    const std::size_t n = corners_.size() / 3;
    std::vector<Aabb> boxes(n);
    std::vector<glm::vec3> centroids(n);
    order_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3 &a = corners_[3 * i], &b = corners_[3 * i + 1], &c = corners_[3 * i + 2];
        if (!finite(a) || !finite(b) || !finite(c)) continue;  // never hit, never in a box
        boxes[i].add(a);
        boxes[i].add(b);
        boxes[i].add(c);
        centroids[i] = (a + b + c) / 3.0f;
        order_.push_back(static_cast<std::uint32_t>(i));
    }
    nodes_.reserve(2 * order_.size() + 1);
    nodes_.push_back(Node{});
    std::vector<BuildItem> stack{{0, 0, static_cast<std::uint32_t>(order_.size()), 1}};
    while (!stack.empty()) {
        BuildItem item = stack.back();
        stack.pop_back();
        depth_ = std::max(depth_, item.depth);
        Aabb box, cbox;
        for (std::uint32_t i = item.first; i < item.first + item.count; ++i) {
            box.add(boxes[order_[i]]);
            cbox.add(centroids[order_[i]]);
        }
        Node& node = nodes_[item.node];
        node.min = box.valid() ? box.min : glm::vec3(0.0f);
        node.max = box.valid() ? box.max : glm::vec3(0.0f);
        node.leftOrFirst = item.first;
        node.count = item.count;
        if (item.count <= 2 || item.depth >= kMaxDepth) continue;

        // Binned SAH over the three axes, binned in one pass over the triangles.
        int bestAxis = -1, bestSplit = 0;
        float bestCost = std::numeric_limits<float>::max();
        const glm::vec3 extent = cbox.max - cbox.min;
        glm::vec3 scale(0.0f);
        for (int axis = 0; axis < 3; ++axis) scale[axis] = extent[axis] > 1e-12f ? kBins / extent[axis] : 0.0f;
        std::array<std::array<Aabb, kBins>, 3> binBox{};
        std::array<std::array<std::uint32_t, kBins>, 3> binCount{};
        for (std::uint32_t i = item.first; i < item.first + item.count; ++i) {
            const std::uint32_t t = order_[i];
            const glm::vec3 rel = (centroids[t] - cbox.min) * scale;
            for (std::size_t axis = 0; axis < 3; ++axis) {
                const auto bin =
                    static_cast<std::size_t>(std::min(kBins - 1, static_cast<int>(rel[static_cast<int>(axis)])));
                binBox[axis][bin].add(boxes[t]);
                ++binCount[axis][bin];
            }
        }
        for (int axis = 0; axis < 3; ++axis) {
            if (scale[axis] == 0.0f) continue;
            const auto& bb = binBox[static_cast<std::size_t>(axis)];
            const auto& bc = binCount[static_cast<std::size_t>(axis)];
            std::array<float, kBins> rightCost{};
            Aabb acc;
            std::uint32_t cnt = 0;
            for (std::size_t b = kBins - 1; b > 0; --b) {
                acc.add(bb[b]);
                cnt += bc[b];
                rightCost[b] = static_cast<float>(cnt) * area(acc);
            }
            acc = Aabb{};
            cnt = 0;
            for (std::size_t b = 0; b + 1 < kBins; ++b) {
                acc.add(bb[b]);
                cnt += bc[b];
                float cost = static_cast<float>(cnt) * area(acc) + rightCost[b + 1];
                if (cnt > 0 && cnt < item.count && cost < bestCost) {
                    bestCost = cost;
                    bestAxis = axis;
                    bestSplit = static_cast<int>(b);
                }
            }
        }
        const float parentArea = area(box);
        const float leafCost = static_cast<float>(item.count);
        const float splitCost = 1.0f + (parentArea > 0.0f ? bestCost / parentArea : leafCost);
        if (item.count <= kMaxLeaf && (bestAxis < 0 || splitCost >= leafCost)) continue;

        auto* begin = order_.data() + item.first;
        auto* end = begin + item.count;
        std::uint32_t leftCount = 0;
        if (bestAxis >= 0) {
            const float s = scale[bestAxis];
            const float cmin = cbox.min[bestAxis];
            auto* mid = std::partition(begin, end, [&](std::uint32_t t) {
                return std::min(kBins - 1, static_cast<int>((centroids[t][bestAxis] - cmin) * s)) <= bestSplit;
            });
            leftCount = static_cast<std::uint32_t>(mid - begin);
        }
        if (leftCount == 0 || leftCount == item.count) {
            // No useful SAH split (e.g. identical centroids): median along the widest axis.
            int axis = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
            leftCount = item.count / 2;
            std::nth_element(begin, begin + leftCount, end, [&](std::uint32_t a, std::uint32_t b) {
                return centroids[a][axis] < centroids[b][axis] || (centroids[a][axis] == centroids[b][axis] && a < b);
            });
        }
        const auto left = static_cast<std::uint32_t>(nodes_.size());
        nodes_[item.node].leftOrFirst = left;
        nodes_[item.node].count = 0;
        nodes_.push_back(Node{});
        nodes_.push_back(Node{});
        stack.push_back({left + 1, item.first + leftCount, item.count - leftCount, item.depth + 1});
        stack.push_back({left, item.first, leftCount, item.depth + 1});
    }
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
    std::array<std::uint32_t, kMaxDepth * 2 + 8> stack{};
    std::size_t top = 0;
    if (slab(nodes_[0].min, nodes_[0].max, ray.origin, inv, tMin, tMax) == std::numeric_limits<float>::infinity())
        return;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
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
        if (tl <= tr) {
            if (tr != inf) stack[top++] = r;
            if (tl != inf) stack[top++] = l;
        } else {
            if (tl != inf) stack[top++] = l;
            if (tr != inf) stack[top++] = r;
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
