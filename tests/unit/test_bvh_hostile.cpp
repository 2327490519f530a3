// BVH on hostile coordinates: values near the float maximum, inf and NaN, spreads whose extent overflows
// and spreads too small to bin. The build must stay inside its bins (run under the asan preset), keep
// every finite triangle findable and leave the others out.
#include <cmath>
#include <limits>
#include <random>

#include <doctest/doctest.h>

#include "core/Bvh.h"

using namespace la;

namespace {

constexpr float kHuge = 3.0e38f;  // (a + b + c) / 3 of three such values overflows to inf
const float kInf = std::numeric_limits<float>::infinity();
const float kNan = std::numeric_limits<float>::quiet_NaN();

void addTriangle(std::vector<glm::vec3>& corners, glm::vec3 at, float size) {
    corners.push_back(at + glm::vec3(-size, -size, 0.0f));
    corners.push_back(at + glm::vec3(size, -size, 0.0f));
    corners.push_back(at + glm::vec3(0.0f, size, 0.0f));
}

// A grid of small triangles facing +Z in [-1, 1]^2 at z = 0, which rays straight down must find.
std::vector<glm::vec3> grid(int n) {
    std::vector<glm::vec3> corners;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const glm::vec3 at(-1.0f + 2.0f * (static_cast<float>(x) + 0.5f) / static_cast<float>(n),
                               -1.0f + 2.0f * (static_cast<float>(y) + 0.5f) / static_cast<float>(n), 0.0f);
            addTriangle(corners, at, 0.4f / static_cast<float>(n));
        }
    return corners;
}

// Every grid triangle's centre is hit by a ray down the Z axis, and it is that triangle.
void checkGridFound(const Bvh& bvh, int n) {
    int found = 0;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const auto tri = static_cast<std::uint32_t>(y * n + x);
            const glm::vec3 centre = (bvh.corner(tri, 0) + bvh.corner(tri, 1) + bvh.corner(tri, 2)) / 3.0f;
            const auto h = bvh.closest(Ray{centre + glm::vec3(0.0f, 0.0f, 5.0f), {0.0f, 0.0f, -1.0f}});
            if (h && h->triangle == tri && std::abs(h->t - 5.0f) < 1e-4f) ++found;
        }
    CHECK(found == n * n);
}

}  // namespace

TEST_CASE("bvh: coordinates near the float maximum build and leave the normal triangles findable") {
    const int n = 30;
    std::vector<glm::vec3> corners = grid(n);
    // Triangles whose corners all sit near +-3e38 on every axis: their centroid sum overflows, and the
    // spread of centres (from -3e38 to +3e38) overflows a float when subtracted.
    for (int i = 0; i < 40; ++i) {
        const float s = (i % 2) ? kHuge : -kHuge;
        const float t = (i % 3) ? kHuge : -kHuge;
        corners.push_back({s, t, s});
        corners.push_back({s, s, t});
        corners.push_back({t, s, s});
    }
    Bvh bvh(corners);
    CHECK(bvh.triangleCount() == static_cast<std::size_t>(n * n + 40));
    CHECK(bvh.nodeCount() > 1);
    CHECK(bvh.depth() <= 100);
    const Aabb b = bvh.bounds();
    REQUIRE(b.valid());
    CHECK(std::isfinite(b.min.x));
    CHECK(std::isfinite(b.max.z));
    CHECK(b.max.x >= kHuge);
    checkGridFound(bvh, n);
}

TEST_CASE("bvh: triangles with inf or NaN corners are left out, the rest still found") {
    const int n = 20;
    std::vector<glm::vec3> corners = grid(n);
    const float bad[] = {kInf, -kInf, kNan};
    for (int i = 0; i < 60; ++i) {
        glm::vec3 p(0.1f, 0.2f, 0.0f);
        p[i % 3] = bad[i % 3];
        corners.push_back(p);
        corners.push_back({0.5f, 0.5f, 0.0f});
        corners.push_back({-0.5f, 0.5f, 0.0f});
    }
    Bvh bvh(corners);
    const Aabb b = bvh.bounds();
    REQUIRE(b.valid());
    CHECK(b.max.x < 2.0f);  // no bad corner reached the bounds
    CHECK(b.min.y > -2.0f);
    checkGridFound(bvh, n);
    // A ray through where the bad triangles would be meets only grid triangles (or nothing).
    std::vector<BvhHit> all;
    bvh.all(Ray{{0.0f, 0.45f, 5.0f}, {0.0f, 0.0f, -1.0f}}, all);
    for (const BvhHit& h : all) CHECK(h.triangle < static_cast<std::uint32_t>(n * n));
}

TEST_CASE("bvh: only non-finite triangles give an empty tree") {
    std::vector<glm::vec3> corners;
    for (int i = 0; i < 50; ++i) {
        corners.push_back({kNan, 0.0f, 0.0f});
        corners.push_back({0.0f, kInf, 0.0f});
        corners.push_back({0.0f, 0.0f, -kInf});
    }
    Bvh bvh(corners);
    CHECK_FALSE(bvh.bounds().valid());
    CHECK_FALSE(bvh.closest(Ray{{0.0f, 0.0f, 5.0f}, {0.0f, 0.0f, -1.0f}}));
}

TEST_CASE("bvh: centres too close together to bin (denormal spread) and many identical centres") {
    std::vector<glm::vec3> corners;
    // 200 triangles whose centres differ by denormal amounts: the bin scale would overflow.
    for (int i = 0; i < 200; ++i) {
        const float d = static_cast<float>(i) * 1e-44f;
        corners.push_back({-1.0f + d, -1.0f, 0.0f});
        corners.push_back({1.0f + d, -1.0f, 0.0f});
        corners.push_back({d, 1.0f, 0.0f});
    }
    Bvh bvh(corners);
    CHECK(bvh.depth() <= 100);
    std::vector<BvhHit> all;
    bvh.all(Ray{{0.0f, 0.0f, 5.0f}, {0.0f, 0.0f, -1.0f}}, all);
    CHECK(all.size() == 200);
}

TEST_CASE("bvh: random mix of sane, huge and non-finite triangles agrees with brute force") {
    std::mt19937 rng(99);
    std::uniform_real_distribution<float> pos(-1.0f, 1.0f), small(-0.1f, 0.1f), pick(0.0f, 1.0f);
    std::vector<glm::vec3> corners;
    for (int i = 0; i < 4000; ++i) {
        const float kind = pick(rng);
        glm::vec3 c(pos(rng), pos(rng), pos(rng));
        if (kind < 0.05f) c *= kHuge;                                              // far away, finite
        if (kind >= 0.05f && kind < 0.07f) c.x = kNan;                             // dropped
        if (kind >= 0.07f && kind < 0.09f) c.y = pick(rng) < 0.5f ? kInf : -kInf;  // dropped
        for (int k = 0; k < 3; ++k) corners.push_back(c + glm::vec3(small(rng), small(rng), small(rng)));
    }
    Bvh bvh(corners);
    int hitsSeen = 0;
    for (int r = 0; r < 300; ++r) {
        const Ray ray{{pos(rng) * 1.5f, pos(rng) * 1.5f, 3.0f}, {pos(rng) * 0.3f, pos(rng) * 0.3f, -1.0f}};
        float bestT = kInf;
        std::uint32_t bestTri = 0;
        for (std::uint32_t t = 0; t < 4000; ++t) {
            const glm::vec3 &a = corners[3 * t], &b = corners[3 * t + 1], &c = corners[3 * t + 2];
            const bool finite = std::isfinite(a.x + a.y + a.z + b.x + b.y + b.z + c.x + c.y + c.z);
            if (!finite || std::abs(a.x) > 1e30f || std::abs(a.y) > 1e30f || std::abs(a.z) > 1e30f) continue;
            if (auto h = intersectTriangle(ray, a, b, c, 0.0f, bestT)) bestT = h->t, bestTri = t;
        }
        const auto h = bvh.closest(ray);
        if (bestT == kInf) continue;
        ++hitsSeen;
        REQUIRE(h);
        CHECK(h->triangle == bestTri);
        CHECK(h->t == doctest::Approx(bestT));
    }
    CHECK(hitsSeen > 50);
}
