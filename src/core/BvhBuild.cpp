// Bvh::build: a linear BVH from 30-bit Morton codes of the triangle centres.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "core/Bvh.h"

namespace la {

namespace {

constexpr std::uint32_t kLeafSize = 4;

bool finite(const glm::vec3& v) {
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

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

// Stable LSD radix sort of (code << 32 | index) keys by their upper 30 bits, three passes of 10 bits; the
// three histograms are counted in one read of the keys.
void sortByCode(std::vector<std::uint64_t>& keys) {
    std::vector<std::uint64_t> tmp(keys.size());
    std::array<std::array<std::uint32_t, 1024>, 3> count{};
    for (std::uint64_t k : keys) {
        ++count[0][(k >> 32) & 1023u];
        ++count[1][(k >> 42) & 1023u];
        ++count[2][(k >> 52) & 1023u];
    }
    for (int pass = 0; pass < 3; ++pass) {
        auto& c = count[static_cast<std::size_t>(pass)];
        std::uint32_t sum = 0;
        for (auto& v : c) {
            const std::uint32_t n = v;
            v = sum;
            sum += n;
        }
        const int shift = 32 + 10 * pass;
        for (std::uint64_t k : keys) tmp[c[(k >> shift) & 1023u]++] = k;
        keys.swap(tmp);
    }
}

// The box of triangle i's corners; its centre as the middle of that box, halves added: (a + b + c) / 3
// overflows to inf for coordinates near the float maximum.
struct TriBox {
    glm::vec3 lo, hi;
    glm::vec3 centre() const { return 0.5f * lo + 0.5f * hi; }
};
TriBox triBox(const std::vector<glm::vec3>& corners, std::size_t i) {
    const glm::vec3 &a = corners[3 * i], &b = corners[3 * i + 1], &c = corners[3 * i + 2];
    return {glm::min(a, glm::min(b, c)), glm::max(a, glm::max(b, c))};
}

struct Range {
    std::uint32_t node, first, count;
    int depth;
};

}  // namespace

void Bvh::build(std::vector<glm::vec3> corners) {
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
    // The bounds of the finite triangles' centres; triangles with a non-finite corner are never hit and
    // never in a box.
    std::vector<std::uint64_t> keys;
    keys.reserve(n);
    Aabb centres;
    for (std::size_t i = 0; i < n; ++i) {
        if (!finite(corners_[3 * i]) || !finite(corners_[3 * i + 1]) || !finite(corners_[3 * i + 2])) continue;
        centres.add(triBox(corners_, i).centre());
        keys.push_back(i);
    }
    if (keys.empty()) return;
    const Quantizer quantize(centres.min, centres.max);
    for (std::uint64_t& k : keys)
        k |= static_cast<std::uint64_t>(quantize.morton(triBox(corners_, static_cast<std::size_t>(k)).centre())) << 32;
    sortByCode(keys);
    const std::size_t m = keys.size();
    order_.resize(m);
    std::vector<std::uint32_t> codes(m);
    for (std::size_t j = 0; j < m; ++j) {
        order_[j] = static_cast<std::uint32_t>(keys[j]);
        codes[j] = static_cast<std::uint32_t>(keys[j] >> 32);
    }
    keys = {};

    // Top down: a range splits where the highest bit in which its first and last codes differ turns to 1;
    // a range of equal codes splits in the middle. Children always follow their parent in nodes_.
    nodes_.reserve(2 * m);  // a binary tree with leaves of one or more triangles has fewer than 2m nodes
    nodes_.push_back(Node{});
    std::vector<Range> stack{{0, 0, static_cast<std::uint32_t>(m), 1}};
    while (!stack.empty()) {
        const Range r = stack.back();
        stack.pop_back();
        depth_ = std::max(depth_, r.depth);
        nodes_[r.node].leftOrFirst = r.first;
        nodes_[r.node].count = r.count;
        if (r.count <= kLeafSize || r.depth >= kMaxDepth) continue;
        const std::uint32_t last = r.first + r.count - 1;
        std::uint32_t split = r.count / 2;  // left count
        if (const std::uint32_t diff = codes[r.first] ^ codes[last]; diff != 0) {
            const std::uint32_t bit = 1u << (31 - std::countl_zero(diff));
            // Codes are sorted, so within the range that bit is 0 up to some index and 1 after it.
            const auto* begin = codes.data() + r.first;
            const auto* mid = std::partition_point(begin, begin + r.count, [&](std::uint32_t c) { return !(c & bit); });
            split = static_cast<std::uint32_t>(mid - begin);
        }
        const auto left = static_cast<std::uint32_t>(nodes_.size());
        nodes_[r.node].leftOrFirst = left;
        nodes_[r.node].count = 0;
        nodes_.push_back(Node{});
        nodes_.push_back(Node{});
        stack.push_back({left + 1, r.first + split, r.count - split, r.depth + 1});
        stack.push_back({left, r.first, split, r.depth + 1});
    }

    // Bottom up: children have larger indices than their parent, so one backward sweep sets every box.
    for (std::size_t k = nodes_.size(); k-- > 0;) {
        Node& node = nodes_[k];
        Aabb box;
        if (node.count > 0) {
            for (std::uint32_t j = node.leftOrFirst; j < node.leftOrFirst + node.count; ++j) {
                const TriBox t = triBox(corners_, order_[j]);
                box.add(t.lo);
                box.add(t.hi);
            }
        } else {
            const Node &l = nodes_[node.leftOrFirst], &rr = nodes_[node.leftOrFirst + 1];
            box.add(glm::min(l.min, rr.min));
            box.add(glm::max(l.max, rr.max));
        }
        node.min = box.min;
        node.max = box.max;
    }
}

}  // namespace la
