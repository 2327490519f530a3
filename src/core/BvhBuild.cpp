// Bvh::build: a linear BVH from 30-bit Morton codes of the triangle centres, sorted by a radix sort and
// joined bottom up in one sweep. It reads the corners twice (codes, then boxes in code order) and never
// makes a pass it can fold into another. A large model is built on two threads: each makes the codes of
// half the triangles, scatters them by their top bits and sorts half the buckets; then the sorted range is
// cut where the tree's top nodes divide it, each thread joins the pieces of its half, and the few nodes
// above the pieces are made last. The cuts depend on the codes alone, so the tree is the same on one
// thread.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <exception>
#include <memory>
#include <system_error>
#include <thread>

#include "core/Bvh.h"
#include "core/HugePages.h"

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

// Runs a and b; b on a thread of its own when `parallel` (both on this one when none can be made).
// Rethrows what either threw, once both have ended.
template <class A, class B>
void both(bool parallel, const A& a, const B& b) {
    std::exception_ptr failedB;
    std::thread t;
    if (parallel) {
        try {
            t = std::thread([&] {
                try {
                    b();
                } catch (...) {
                    failedB = std::current_exception();
                }
            });
        } catch (const std::system_error&) {
        }
    }
    try {
        a();
    } catch (...) {
        if (t.joinable()) t.join();
        throw;
    }
    if (t.joinable())
        t.join();
    else
        b();
    if (failedB) std::rethrow_exception(failedB);
}

constexpr int kTopShift = 52;  // the top 10 of the code's 30 bits (bits 32..61 of a key)
using TopCounts = std::array<std::uint32_t, 1024>;

// Writes from `out` the keys (code << 32 | triangle) of the triangles lo..hi-1 whose corners are all
// finite (the others are never hit and never in a box), counting their top bits; returns how many. The
// centre is the middle of the triangle's box, halves added: (a + b + c) / 3 overflows to inf for
// coordinates near the float maximum. Every key is written and kept only if finite, without a branch.
std::size_t makeKeys(const std::vector<glm::vec3>& corners, std::size_t lo, std::size_t hi, const Quantizer& quantize,
                     std::uint64_t* out, TopCounts& top) {
    std::size_t w = 0;
    for (std::size_t i = lo; i < hi; ++i) {
        const glm::vec3 &a = corners[3 * i], &b = corners[3 * i + 1], &c = corners[3 * i + 2];
        const std::size_t ok = finite(a, b, c) ? 1 : 0;
        const glm::vec3 centre = 0.5f * glm::min(a, glm::min(b, c)) + 0.5f * glm::max(a, glm::max(b, c));
        const std::uint64_t key = static_cast<std::uint64_t>(quantize.morton(centre)) << 32 | i;
        out[w] = key;
        w += ok;
        top[(key >> kTopShift) & 1023u] += static_cast<std::uint32_t>(ok);
    }
    return w;
}

// Keys of one half of the triangles, before sorting.
struct KeyRun {
    const std::uint64_t* keys = nullptr;
    std::size_t count = 0;
    TopCounts top{};
};

// Sorts buckets bFrom..bTo-1 (scattered into `tmp` by their top bits, bucket b from start[b]) into
// `keys`, stably: two passes of 10 bits each in cache, or std::sort of the whole key for a small bucket
// (the index in the low bits keeps it stable).
void sortBuckets(std::uint64_t* tmp, std::uint64_t* keys, const std::array<std::uint32_t, 1025>& start,
                 std::size_t bFrom, std::size_t bTo) {
    std::array<std::array<std::uint32_t, 1024>, 2> count{};
    for (std::size_t b = bFrom; b < bTo; ++b) {
        std::uint64_t* src = tmp + start[b];
        std::uint64_t* dst = keys + start[b];
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

// Sorts the keys of both runs by their code into `keys` (room for both; the runs may lie in it): one
// pass on the code's top 10 bits (counted while the keys were made) into 1024 buckets, each run into its
// own part of every bucket (the first run's triangles come first), then each bucket in cache; the runs
// and the two halves of the buckets on a thread each when `parallel`.
void sortByCode(const std::array<KeyRun, 2>& runs, std::uint64_t* keys, bool parallel) {
    const std::size_t m = runs[0].count + runs[1].count;
    const auto tmp = std::make_unique_for_overwrite<std::uint64_t[]>(m);
    adviseHugePages(tmp.get(), m * sizeof(std::uint64_t));
    std::array<std::uint32_t, 1025> start{};
    for (std::size_t b = 0; b < 1024; ++b) start[b + 1] = start[b] + runs[0].top[b] + runs[1].top[b];
    const auto scatter = [&](int r) {
        std::array<std::uint32_t, 1024> at{};
        for (std::size_t b = 0; b < 1024; ++b) at[b] = start[b] + (r == 1 ? runs[0].top[b] : 0);
        const KeyRun& run = runs[static_cast<std::size_t>(r)];
        for (std::size_t i = 0; i < run.count; ++i) tmp[at[(run.keys[i] >> kTopShift) & 1023u]++] = run.keys[i];
    };
    both(
        parallel, [&] { scatter(0); }, [&] { scatter(1); });
    const std::size_t half =
        static_cast<std::size_t>(std::lower_bound(start.begin(), start.end(), m / 2) - start.begin());
    const std::size_t cut = std::min<std::size_t>(half, 1024);
    both(
        parallel, [&] { sortBuckets(tmp.get(), keys, start, 0, cut); },
        [&] { sortBuckets(tmp.get(), keys, start, cut, 1024); });
}

// A subtree of the bottom-up build waiting on the stack: its root node (not yet in the node list), the
// range of sorted triangles it covers, the XOR of the keys across its right edge, and its height.
struct Subtree {
    glm::vec3 min;
    std::uint32_t first;
    glm::vec3 max;
    std::uint32_t count;
    std::uint64_t rightEdge;
    std::uint32_t inner;  // inner node: index of its left child in the node list; leaf: kLeaf
    int height;
};
constexpr std::uint32_t kLeaf = ~0u;

template <class Node>
Node nodeOf(const Subtree& s) {
    return s.inner == kLeaf ? Node{s.min, s.first, s.max, s.count} : Node{s.min, s.inner, s.max, 0};
}

// Joins the sorted keys lo..hi-1, a whole subtree of the radix tree, bottom up in one sweep; appends the
// nodes below its root to `out` (children in pairs, indices into `out`), writes the triangles' order and
// returns the root.
//
// The keys are distinct and increasing (equal codes stay in triangle order), and the tree is the binary
// radix tree of their bits: two neighbouring subtrees join where the highest bit in which their facing
// keys differ is lower than at either's other edge. So a new subtree joins its left neighbour (the stack's
// top) while the XOR across that edge is smaller than across its own right edge. A subtree of at most
// kLeafSize triangles is one leaf (as the top-down split would make it); the height is at most 63 (62-bit
// keys). A node's box is the union of its children's, made when they join. A range that is a whole
// subtree joins into one here as it would within all the keys (its edges' XORs exceed every one inside).
template <class Node>
Subtree sweep(const std::uint64_t* keys, std::size_t lo, std::size_t hi, const std::vector<glm::vec3>& corners,
              std::uint32_t* order, std::vector<Node>& out) {
    // The right edges of the waiting subtrees have distinct highest bits, falling towards the top (two with
    // the same one would leave keys between them out of order), so at most 62 wait.
    std::array<Subtree, 64> stack;
    std::size_t height = 0;
    constexpr std::size_t kAhead = 16;  // corners further on are fetched while this triangle is boxed
    for (std::size_t j = lo; j < hi; ++j) {
        const auto tri = static_cast<std::uint32_t>(keys[j]);
        order[j] = tri;
        if (j + kAhead < hi) __builtin_prefetch(&corners[3 * static_cast<std::uint32_t>(keys[j + kAhead])]);
        const glm::vec3 &a = corners[3u * tri], &b = corners[3u * tri + 1], &c = corners[3u * tri + 2];
        const std::uint64_t right = j + 1 < hi ? keys[j] ^ keys[j + 1] : ~std::uint64_t{0};
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
                const auto left = static_cast<std::uint32_t>(out.size());
                out.push_back(nodeOf<Node>(l));
                out.push_back(nodeOf<Node>(s));
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
    return stack[0];
}

// The nodes of the radix tree above the pieces the sorted range is cut into for two threads: a node of
// more than an eighth of the keys is cut in two where its bit changes (as the sweep would join it).
struct TopNode {
    std::size_t lo, hi;
    int left = -1, right = -1;  // children in the list; -1: a piece
    int piece = -1;
};

int cutIntoPieces(const std::uint64_t* keys, std::size_t lo, std::size_t hi, std::size_t limit,
                  std::vector<TopNode>& top, std::vector<std::size_t>& pieceStarts) {
    const int at = static_cast<int>(top.size());
    top.push_back(TopNode{lo, hi});
    if (hi - lo <= limit) {
        top[static_cast<std::size_t>(at)].piece = static_cast<int>(pieceStarts.size());
        pieceStarts.push_back(lo);
        return at;
    }
    const int bit = 63 - std::countl_zero(keys[lo] ^ keys[hi - 1]);  // the keys are distinct
    const auto mid = static_cast<std::size_t>(
        std::partition_point(keys + lo, keys + hi, [bit](std::uint64_t k) { return ((k >> bit) & 1u) == 0; }) - keys);
    const int left = cutIntoPieces(keys, lo, mid, limit, top, pieceStarts);
    const int right = cutIntoPieces(keys, mid, hi, limit, top, pieceStarts);
    top[static_cast<std::size_t>(at)].left = left;
    top[static_cast<std::size_t>(at)].right = right;
    return at;
}

}  // namespace

void Bvh::build(std::vector<glm::vec3> corners) {
    build(std::move(corners), Aabb{});
}

void Bvh::build(std::vector<glm::vec3> corners, const Aabb& centreBounds, int threads) {
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
    const bool large = n >= kParallelFrom;
    const bool parallel = large && threads > 1;

    // Codes of each half of the triangles, written where that half starts, then sorted into `keys`.
    const Quantizer quantize(bounds.min, bounds.max);
    const auto keys = std::make_unique_for_overwrite<std::uint64_t[]>(n);
    adviseHugePages(keys.get(), n * sizeof(std::uint64_t));
    std::array<KeyRun, 2> runs;
    const std::size_t half = n / 2;
    runs[0].keys = keys.get();
    runs[1].keys = keys.get() + half;
    both(
        parallel, [&] { runs[0].count = makeKeys(corners_, 0, half, quantize, keys.get(), runs[0].top); },
        [&] { runs[1].count = makeKeys(corners_, half, n, quantize, keys.get() + half, runs[1].top); });
    const std::size_t m = runs[0].count + runs[1].count;
    if (m == 0) return;
    sortByCode(runs, keys.get(), parallel);
    order_.reserve(m);
    adviseHugePages(order_.data(), m * sizeof(std::uint32_t));
    order_.resize(m);

    // A large range is cut into pieces (whole subtrees); the first half of them are joined into nodes_ on
    // this thread, the rest into a list of their own, appended afterwards. nodes_ starts with the root and
    // the pairs of the nodes above the pieces; below them children are stored as pairs before their parent.
    std::vector<TopNode> top;
    std::vector<std::size_t> pieceStarts;
    cutIntoPieces(keys.get(), 0, m, large ? std::max<std::size_t>(m / 8, kLeafSize) : m, top, pieceStarts);
    const std::size_t pieces = pieceStarts.size();
    pieceStarts.push_back(m);
    std::size_t firstOfSecond = pieces;  // the piece where the second thread's half starts
    for (std::size_t p = 1; p < pieces; ++p)
        if (pieceStarts[p] >= m / 2) {
            firstOfSecond = pieceStarts[p] - m / 2 < m / 2 - pieceStarts[p - 1] ? p : p - 1;
            break;
        }
    firstOfSecond = std::max<std::size_t>(firstOfSecond, 1);
    nodes_.reserve(2 * m);  // a binary tree with leaves of one or more triangles has fewer than 2m nodes
    adviseHugePages(nodes_.data(), nodes_.capacity() * sizeof(Node));
    nodes_.resize(2 * pieces - 1);  // the root and the pairs above the pieces, written last
    std::vector<Subtree> roots(pieces);
    std::vector<Node> second;
    both(
        parallel,
        [&] {
            for (std::size_t p = 0; p < firstOfSecond; ++p)
                roots[p] = sweep(keys.get(), pieceStarts[p], pieceStarts[p + 1], corners_, order_.data(), nodes_);
        },
        [&] {
            if (firstOfSecond < pieces) second.reserve(2 * (m - pieceStarts[firstOfSecond]));
            adviseHugePages(second.data(), second.capacity() * sizeof(Node));
            for (std::size_t p = firstOfSecond; p < pieces; ++p)
                roots[p] = sweep(keys.get(), pieceStarts[p], pieceStarts[p + 1], corners_, order_.data(), second);
        });
    const auto offset = static_cast<std::uint32_t>(nodes_.size());
    for (Node nd : second) {
        if (nd.count == 0) nd.leftOrFirst += offset;
        nodes_.push_back(nd);
    }
    for (std::size_t p = firstOfSecond; p < pieces; ++p)
        if (roots[p].inner != kLeaf) roots[p].inner += offset;

    // The nodes above the pieces, from the root down: each one's children into the next free pair.
    std::uint32_t nextPair = 1;
    const auto place = [&](const auto& self, int t) -> Subtree {
        const TopNode& tn = top[static_cast<std::size_t>(t)];
        if (tn.piece >= 0) return roots[static_cast<std::size_t>(tn.piece)];
        const std::uint32_t pair = nextPair;
        nextPair += 2;
        const Subtree l = self(self, tn.left), r = self(self, tn.right);
        nodes_[pair] = nodeOf<Node>(l);
        nodes_[pair + 1] = nodeOf<Node>(r);
        return Subtree{glm::min(l.min, r.min),          l.first, glm::max(l.max, r.max), l.count + r.count, 0, pair,
                       1 + std::max(l.height, r.height)};
    };
    const Subtree root = place(place, 0);
    nodes_[0] = nodeOf<Node>(root);
    depth_ = root.height;
}

}  // namespace la
