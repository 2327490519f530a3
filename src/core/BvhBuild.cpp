// Bvh::build: a linear BVH from 30-bit Morton codes of the triangle centres, sorted by a radix sort and
// joined bottom up in one sweep. On the 2-core machine the build is bound by memory traffic, so it reads
// the corners twice (codes, then boxes in code order) and never makes a pass it can fold into another.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "core/Bvh.h"

namespace la {

namespace {

constexpr std::uint32_t kLeafSize = 8;

// Spreads the low 10 bits of v to every third bit.
std::uint32_t spreadBits(std::uint32_t v) {
    v = (v * 0x00010001u) & 0xFF0000FFu;
    v = (v * 0x00000101u) & 0x0F00F00Fu;
    v = (v * 0x00000011u) & 0xC30C30C3u;
    v = (v * 0x00000005u) & 0x49249249u;
    return v;
}

// Maps a coordinate to 0..1023 within [lo, hi] without overflow, NaN or out-of-range values: halves first
// (hi - lo of two finite floats can be inf), every comparison made before the cast.
struct Quantizer {
    glm::vec3 halfLo{0.0f}, scale{0.0f};
    Quantizer(const glm::vec3& lo, const glm::vec3& hi) {
        for (int k = 0; k < 3; ++k) {
            const float half = 0.5f * hi[k] - 0.5f * lo[k];
            const float s = half > 1e-30f ? 1023.0f / half : 0.0f;
            halfLo[k] = 0.5f * lo[k];
            scale[k] = std::isfinite(s) ? s : 0.0f;
        }
    }
    std::uint32_t operator()(float c, int k) const {
        const float rel = (0.5f * c - halfLo[k]) * scale[k];
        if (!(rel > 0.0f)) return 0;  // also NaN
        if (!(rel < 1023.0f)) return 1023;
        return static_cast<std::uint32_t>(rel);
    }
    std::uint32_t morton(const glm::vec3& c) const {
        return (spreadBits((*this)(c.x, 0)) << 2) | (spreadBits((*this)(c.y, 1)) << 1) | spreadBits((*this)(c.z, 2));
    }
};

// |x| as bits: at least 0x7f800000 exactly when x is inf or NaN.
std::uint32_t magnitude(float x) {
    return std::bit_cast<std::uint32_t>(x) & 0x7fffffffu;
}
bool finite(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const std::uint32_t m =
        std::max(std::max(std::max(magnitude(a.x), magnitude(a.y)), std::max(magnitude(a.z), magnitude(b.x))),
                 std::max(std::max(magnitude(b.y), magnitude(b.z)),
                          std::max(std::max(magnitude(c.x), magnitude(c.y)), magnitude(c.z))));
    return m < 0x7f800000u;
}

// The bounds of the finite corners (a corner of a triangle left out may widen them: harmless, they only
// scale the Morton grid).
Aabb finiteBounds(const std::vector<glm::vec3>& corners) {
    Aabb b;
    for (const glm::vec3& v : corners)
        if (magnitude(v.x) < 0x7f800000u && magnitude(v.y) < 0x7f800000u && magnitude(v.z) < 0x7f800000u) b.add(v);
    return b;
}

constexpr int kTopShift = 52;  // the top 10 of the code's 30 bits (bits 32..61 of a key)
using TopCounts = std::array<std::uint32_t, 1024>;

// Sorts (code << 32 | index) keys by their code, stably: a pass on the code's top 10 bits (counted while
// the keys were made) into 1024 buckets, then each bucket in cache: two passes of 10 bits, or std::sort of
// the whole key for a small one (the index in the low bits keeps it stable).
void sortByCode(std::vector<std::uint64_t>& keys, const TopCounts& top) {
    std::vector<std::uint64_t> tmp(keys.size());
    std::array<std::uint32_t, 1025> start{};
    for (std::size_t b = 0; b < 1024; ++b) start[b + 1] = start[b] + top[b];
    std::array<std::uint32_t, 1024> at{};
    std::copy(start.begin(), start.end() - 1, at.begin());
    for (const std::uint64_t k : keys) tmp[at[(k >> kTopShift) & 1023u]++] = k;
    std::array<std::array<std::uint32_t, 1024>, 2> count{};
    for (std::size_t b = 0; b < 1024; ++b) {
        std::uint64_t* src = tmp.data() + start[b];
        std::uint64_t* dst = keys.data() + start[b];
        const std::uint32_t len = start[b + 1] - start[b];
        if (len < 128) {
            std::copy(src, src + len, dst);
            std::sort(dst, dst + len);
            continue;
        }
        for (auto& c : count) c.fill(0);
        for (std::uint32_t i = 0; i < len; ++i) {
            ++count[0][(src[i] >> 32) & 1023u];
            ++count[1][(src[i] >> 42) & 1023u];
        }
        for (auto& c : count) {
            std::uint32_t sum = 0;
            for (auto& v : c) {
                const std::uint32_t x = v;
                v = sum;
                sum += x;
            }
        }
        for (std::uint32_t i = 0; i < len; ++i) dst[count[0][(src[i] >> 32) & 1023u]++] = src[i];
        for (std::uint32_t i = 0; i < len; ++i) src[count[1][(dst[i] >> 42) & 1023u]++] = dst[i];
        std::copy(src, src + len, dst);
    }
}

// A subtree of the bottom-up build waiting on the stack: its root node (not yet in nodes_), the range of
// sorted triangles it covers, the XOR of the keys across its right edge, and its height.
struct Subtree {
    glm::vec3 min;
    std::uint32_t first;
    glm::vec3 max;
    std::uint32_t count;
    std::uint64_t rightEdge;
    std::uint32_t inner;  // inner node: index of its left child in nodes_; leaf: kLeaf
    int height;
};
constexpr std::uint32_t kLeaf = ~0u;

}  // namespace

void Bvh::build(std::vector<glm::vec3> corners) {
    build(std::move(corners), Aabb{});
}

void Bvh::build(std::vector<glm::vec3> corners, const Aabb& centreBounds) {
    corners_ = std::move(corners);
    corners_.resize(corners_.size() / 3 * 3);
    nodes_.clear();
    order_.clear();
    depth_ = 0;
    const std::size_t n = corners_.size() / 3;
    if (n > std::numeric_limits<std::uint32_t>::max() / 4) {
        corners_.clear();  // ids and node indices are 32-bit: a billion triangles is no model to pick in
        return;
    }
    const bool given = centreBounds.valid() && magnitude(centreBounds.min.x) < 0x7f800000u &&
                       magnitude(centreBounds.min.y) < 0x7f800000u && magnitude(centreBounds.min.z) < 0x7f800000u &&
                       magnitude(centreBounds.max.x) < 0x7f800000u && magnitude(centreBounds.max.y) < 0x7f800000u &&
                       magnitude(centreBounds.max.z) < 0x7f800000u;
    const Aabb bounds = given ? centreBounds : finiteBounds(corners_);
    if (!bounds.valid()) return;
    // Keys (code << 32 | triangle) of the triangles whose corners are all finite; the others are never
    // hit and never in a box. The centre is the middle of the triangle's box, halves added: (a + b + c) / 3
    // overflows to inf for coordinates near the float maximum.
    const Quantizer quantize(bounds.min, bounds.max);
    std::vector<std::uint64_t> keys;
    keys.reserve(n);
    TopCounts top{};
    for (std::size_t i = 0; i < n; ++i) {
        const glm::vec3 &a = corners_[3 * i], &b = corners_[3 * i + 1], &c = corners_[3 * i + 2];
        if (!finite(a, b, c)) continue;
        const glm::vec3 centre = 0.5f * glm::min(a, glm::min(b, c)) + 0.5f * glm::max(a, glm::max(b, c));
        const std::uint64_t key = static_cast<std::uint64_t>(quantize.morton(centre)) << 32 | i;
        ++top[(key >> kTopShift) & 1023u];
        keys.push_back(key);
    }
    if (keys.empty()) return;
    sortByCode(keys, top);
    const std::size_t m = keys.size();
    order_.resize(m);

    // Bottom up, in one sweep over the sorted keys: they are distinct and increasing (equal codes stay in
    // triangle order), and the tree is the binary radix tree of their bits: two neighbouring subtrees join
    // where the highest bit in which their facing keys differ is lower than at either's other edge. So a
    // new subtree joins its left neighbour (the stack's top) while the XOR across that edge is smaller than
    // across its own right edge. A subtree of at most kLeafSize triangles is one leaf (as the top-down
    // split would make it); the height is at most 63 (62-bit keys). A node's box is the union of its
    // children's, made when they join; children are stored as pairs before their parent, the root first.
    nodes_.reserve(2 * m);     // a binary tree with leaves of one or more triangles has fewer than 2m nodes
    nodes_.push_back(Node{});  // the root, written last
    const auto node = [](const Subtree& s) {
        return s.inner == kLeaf ? Node{s.min, s.first, s.max, s.count} : Node{s.min, s.inner, s.max, 0};
    };
    // The right edges of the waiting subtrees have distinct highest bits, falling towards the top (two with
    // the same one would leave keys between them out of order), so at most 62 wait.
    std::array<Subtree, 64> stack;
    std::size_t height = 0;
    constexpr std::size_t kAhead = 16;  // corners further on are fetched while this triangle is boxed
    for (std::size_t j = 0; j < m; ++j) {
        const auto tri = static_cast<std::uint32_t>(keys[j]);
        order_[j] = tri;
        if (j + kAhead < m) __builtin_prefetch(&corners_[3 * static_cast<std::uint32_t>(keys[j + kAhead])]);
        const glm::vec3 &a = corners_[3u * tri], &b = corners_[3u * tri + 1], &c = corners_[3u * tri + 2];
        const std::uint64_t right = j + 1 < m ? keys[j] ^ keys[j + 1] : ~std::uint64_t{0};
        Subtree s{glm::min(a, glm::min(b, c)),
                  static_cast<std::uint32_t>(j),
                  glm::max(a, glm::max(b, c)),
                  1,
                  right,
                  kLeaf,
                  1};
        while (height > 0 && stack[height - 1].rightEdge < right) {
            const Subtree& l = stack[height - 1];
            const std::uint32_t count = l.count + s.count;
            if (count > kLeafSize) {
                const auto left = static_cast<std::uint32_t>(nodes_.size());
                nodes_.push_back(node(l));
                nodes_.push_back(node(s));
                s.inner = left;
                s.height = 1 + std::max(l.height, s.height);
            }
            s.min = glm::min(l.min, s.min);
            s.max = glm::max(l.max, s.max);
            s.first = l.first;
            s.count = count;
            --height;
        }
        stack[height++] = s;
    }
    // The last triangle's right edge is past the end, so everything has joined into one subtree.
    nodes_[0] = node(stack[0]);
    depth_ = stack[0].height;
}

}  // namespace la
