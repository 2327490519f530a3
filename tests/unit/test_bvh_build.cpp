// The BVH builder (Morton codes, radix sort, bottom-up joins) against brute force: on several kinds of
// mesh (a triangle soup with degenerate triangles, a closed sphere, many triangles sharing one centre, a
// flat sheet), with the bounds found by the build, given exactly, given too small and given too large,
// every ray must find the same nearest hit and the same set of hits as testing every triangle.
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <doctest/doctest.h>

#include "core/Bvh.h"

using namespace la;

namespace {

constexpr float kPi = 3.14159265f;

// Random small triangles in [-1, 1]^3; every fifth one degenerate: a repeated corner, three collinear
// corners, or all three corners the same point.
std::vector<glm::vec3> soupWithDegenerates(std::mt19937& rng, int count) {
    std::uniform_real_distribution<float> pos(-1.0f, 1.0f), small(-0.1f, 0.1f);
    std::vector<glm::vec3> c;
    for (int i = 0; i < count; ++i) {
        const glm::vec3 at(pos(rng), pos(rng), pos(rng));
        const glm::vec3 d1(small(rng), small(rng), small(rng)), d2(small(rng), small(rng), small(rng));
        switch (i % 5 == 4 ? (i / 5) % 3 : 3) {
            case 0:
                c.insert(c.end(), {at, at + d1, at + d1});
                break;
            case 1:
                c.insert(c.end(), {at, at + d1, at + 2.0f * d1});
                break;
            case 2:
                c.insert(c.end(), {at, at, at});
                break;
            default:
                c.insert(c.end(), {at, at + d1, at + d2});
                break;
        }
    }
    return c;
}

// A closed UV sphere of radius 0.8 (its pole triangles are degenerate slivers).
std::vector<glm::vec3> sphere(int rings, int segments) {
    const auto at = [&](int r, int s) {
        const float phi = kPi * static_cast<float>(r) / static_cast<float>(rings);
        const float theta = 2.0f * kPi * static_cast<float>(s) / static_cast<float>(segments);
        return 0.8f * glm::vec3(std::sin(phi) * std::cos(theta), std::cos(phi), std::sin(phi) * std::sin(theta));
    };
    std::vector<glm::vec3> c;
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s)
            c.insert(c.end(), {at(r, s), at(r + 1, s), at(r, s + 1), at(r, s + 1), at(r + 1, s), at(r + 1, s + 1)});
    return c;
}

// Fans of triangles around a few shared centres (equal Morton codes), and some ordinary ones.
std::vector<glm::vec3> sharedCentres(std::mt19937& rng) {
    std::uniform_real_distribution<float> pos(-1.0f, 1.0f), angle(0.0f, 2.0f * kPi);
    std::vector<glm::vec3> c;
    for (int centre = 0; centre < 4; ++centre) {
        const glm::vec3 at(pos(rng), pos(rng), 0.2f * pos(rng));
        for (int i = 0; i < 150; ++i) {
            const float a = angle(rng);
            const glm::vec3 u(std::cos(a), std::sin(a), 0.3f * pos(rng));
            const glm::vec3 v = glm::normalize(glm::cross(u, glm::vec3(pos(rng), pos(rng), 1.0f)));
            const float size = 0.05f + 0.2f * std::abs(pos(rng));
            c.insert(c.end(), {at + size * u, at - 0.5f * size * u + size * v, at - 0.5f * size * u - size * v});
        }
    }
    const auto rest = soupWithDegenerates(rng, 300);
    c.insert(c.end(), rest.begin(), rest.end());
    return c;
}

// A flat sheet at z = 0.1 (the bounds have no depth): a grid of triangle pairs.
std::vector<glm::vec3> sheet(int n) {
    std::vector<glm::vec3> c;
    const float step = 2.0f / static_cast<float>(n);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const glm::vec3 p(-1.0f + step * static_cast<float>(x), -1.0f + step * static_cast<float>(y), 0.1f);
            c.insert(c.end(), {p, p + glm::vec3(step, 0, 0), p + glm::vec3(0, step, 0), p + glm::vec3(step, 0, 0),
                               p + glm::vec3(step, step, 0), p + glm::vec3(0, step, 0)});
        }
    return c;
}

Aabb boundsOf(const std::vector<glm::vec3>& corners) {
    Aabb b;
    for (const auto& v : corners) b.add(v);
    return b;
}

// Rays from all sides towards points of [-1.2, 1.2]^3, some exactly along an axis.
std::vector<Ray> rays(std::mt19937& rng, int count) {
    std::uniform_real_distribution<float> pos(-1.2f, 1.2f), dirn(-1.0f, 1.0f);
    std::vector<Ray> out;
    for (int i = 0; i < count; ++i) {
        const glm::vec3 target(pos(rng), pos(rng), pos(rng));
        glm::vec3 d(dirn(rng), dirn(rng), dirn(rng));
        if (i % 7 == 0) d = glm::vec3(0.0f, 0.0f, i % 2 ? 1.0f : -1.0f);
        if (glm::length(d) < 1e-3f) d = glm::vec3(1.0f, 0.0f, 0.0f);
        out.push_back(Ray{target - 4.0f * glm::normalize(d), glm::normalize(d)});
    }
    return out;
}

// Brute force and the BVH agree on every ray; returns how many rays hit something.
int checkAgainstBruteForce(const Bvh& bvh, const std::vector<glm::vec3>& corners, const std::vector<Ray>& rs) {
    const auto n = static_cast<std::uint32_t>(corners.size() / 3);
    REQUIRE(bvh.triangleCount() == n);
    int hitRays = 0, mismatches = 0;
    for (const Ray& ray : rs) {
        float bestT = std::numeric_limits<float>::infinity();
        std::vector<std::uint32_t> every;
        for (std::uint32_t t = 0; t < n; ++t) {
            const auto h = intersectTriangle(ray, corners[3 * t], corners[3 * t + 1], corners[3 * t + 2], 0.0f,
                                             std::numeric_limits<float>::infinity());
            if (!h) continue;
            every.push_back(t);
            bestT = std::min(bestT, h->t);
        }
        const auto h = bvh.closest(ray);
        std::vector<BvhHit> all;
        bvh.all(ray, all);
        std::vector<std::uint32_t> found;
        for (const auto& a : all) found.push_back(a.triangle);
        std::sort(found.begin(), found.end());
        if (found != every) ++mismatches;
        if (every.empty()) {
            if (h) ++mismatches;
            continue;
        }
        ++hitRays;
        if (!h || h->t != bestT) {
            ++mismatches;
            continue;
        }
        // The triangle it names is hit at that distance (several may share the nearest distance).
        const auto again =
            intersectTriangle(ray, corners[3 * h->triangle], corners[3 * h->triangle + 1], corners[3 * h->triangle + 2],
                              0.0f, std::numeric_limits<float>::infinity());
        if (!again || again->t != bestT) ++mismatches;
    }
    CHECK(mismatches == 0);
    return hitRays;
}

void checkEveryBounds(const std::vector<glm::vec3>& corners, std::mt19937& rng) {
    const std::vector<Ray> rs = rays(rng, 300);
    const Aabb exact = boundsOf(corners);
    Aabb tooSmall;  // a tenth of the size around the centre: most codes clamp to the edges
    tooSmall.add(exact.center() - 0.05f * exact.size());
    tooSmall.add(exact.center() + 0.05f * exact.size());
    Aabb tooLarge;
    tooLarge.add(exact.min - 50.0f * exact.size());
    tooLarge.add(exact.max + 50.0f * exact.size());
    Aabb notFinite;
    notFinite.add(glm::vec3(-std::numeric_limits<float>::infinity()));
    notFinite.add(glm::vec3(1.0f));
    for (const Aabb& given : {Aabb{}, exact, tooSmall, tooLarge, notFinite}) {
        Bvh bvh;
        bvh.build(corners, given);
        CHECK(bvh.depth() <= Bvh::kMaxDepth);
        CHECK(checkAgainstBruteForce(bvh, corners, rs) > 20);  // the rays met real geometry
    }
}

}  // namespace

TEST_CASE("bvh build: a soup with degenerate triangles agrees with brute force, whatever bounds it is given") {
    std::mt19937 rng(11);
    checkEveryBounds(soupWithDegenerates(rng, 2500), rng);
}

TEST_CASE("bvh build: a closed sphere agrees with brute force, whatever bounds it is given") {
    std::mt19937 rng(12);
    checkEveryBounds(sphere(24, 40), rng);
}

TEST_CASE("bvh build: fans around shared centres (equal codes) agree with brute force") {
    std::mt19937 rng(13);
    checkEveryBounds(sharedCentres(rng), rng);
}

TEST_CASE("bvh build: a flat sheet (bounds without depth) agrees with brute force") {
    std::mt19937 rng(14);
    checkEveryBounds(sheet(30), rng);
}

TEST_CASE("bvh build: one triangle, two triangles and a count that is not a multiple of three") {
    std::mt19937 rng(15);
    const std::vector<Ray> rs = rays(rng, 200);
    std::vector<glm::vec3> one{{-1, -1, 0}, {1, -1, 0}, {0, 1, 0}};
    Bvh a(one);
    CHECK(a.nodeCount() == 1);
    CHECK(a.depth() == 1);
    CHECK(checkAgainstBruteForce(a, one, rs) > 0);
    std::vector<glm::vec3> two = one;
    two.insert(two.end(), {{-1, -1, 0.5f}, {1, -1, 0.5f}, {0, 1, 0.5f}});
    Bvh b(two);
    CHECK(checkAgainstBruteForce(b, two, rs) > 0);
    two.push_back({5, 5, 5});  // a remainder that is no triangle is ignored
    Bvh c(two);
    CHECK(c.triangleCount() == 2);
}

TEST_CASE("bvh build: the same corners give the same tree, with or without the bounds") {
    std::mt19937 rng(16);
    const auto corners = soupWithDegenerates(rng, 3000);
    Bvh a(corners), b;
    b.build(corners, boundsOf(corners));
    CHECK(a.nodeCount() == b.nodeCount());
    CHECK(a.depth() == b.depth());
    CHECK(a.nodeCount() > 3000 / 8);  // leaves of at most 8 triangles
    for (const Ray& r : rays(rng, 100)) {
        const auto ha = a.closest(r), hb = b.closest(r);
        REQUIRE(ha.has_value() == hb.has_value());
        if (ha) CHECK(ha->triangle == hb->triangle);
    }
}

namespace {

// Builds on two threads and on one (a model large enough to be cut into pieces for two threads): the
// same tree, the same nearest triangle on every ray, and both agree with brute force.
void checkThreadsAgree(const std::vector<glm::vec3>& corners, std::mt19937& rng) {
    REQUIRE(corners.size() / 3 >= Bvh::kParallelFrom);
    Bvh two, one;
    two.build(corners, boundsOf(corners), 2);
    one.build(corners, boundsOf(corners), 1);
    CHECK(two.nodeCount() == one.nodeCount());
    CHECK(two.depth() == one.depth());
    CHECK(two.nodeCount() > corners.size() / 3 / 8);
    const std::vector<Ray> rs = rays(rng, 150);
    for (const Ray& r : rs) {
        const auto h2 = two.closest(r), h1 = one.closest(r);
        REQUIRE(h2.has_value() == h1.has_value());
        if (h2) CHECK(h2->triangle == h1->triangle);
    }
    CHECK(checkAgainstBruteForce(two, corners, rs) > 20);
}

}  // namespace

TEST_CASE("bvh build: a large soup and sphere built on two threads agree with one thread and brute force") {
    std::mt19937 rng(17);
    checkThreadsAgree(soupWithDegenerates(rng, 20000), rng);
    checkThreadsAgree(sphere(96, 100), rng);  // 19,200 triangles
}

TEST_CASE("bvh build: a large fan of equal codes, and a second half without finite triangles, on two threads") {
    std::mt19937 rng(18);
    // 17,000 triangles around one centre: every code equal, so the pieces are cut on the triangle ids.
    std::uniform_real_distribution<float> pos(-1.0f, 1.0f);
    std::vector<glm::vec3> fan;
    for (int i = 0; i < 17000; ++i) {  // corners p, -p and q with |q| <= |p| on each axis: box centre 0
        const glm::vec3 p(pos(rng), pos(rng), pos(rng));
        const glm::vec3 q = 0.9f * p * glm::vec3(i % 2 ? 1.0f : -1.0f, i % 3 ? 1.0f : -1.0f, i % 5 ? -1.0f : 1.0f);
        fan.insert(fan.end(), {p, -p, q});
    }
    checkThreadsAgree(fan, rng);
    // The first 9,000 triangles of the soup kept, the second half of the list all NaN: the second thread
    // makes no keys; the tree holds the first ones only.
    std::vector<glm::vec3> soup = soupWithDegenerates(rng, 9000);
    std::vector<glm::vec3> kept = soup;
    soup.resize(3 * 18000, glm::vec3(std::numeric_limits<float>::quiet_NaN()));
    Bvh two;
    two.build(soup, boundsOf(kept), 2);
    CHECK(two.triangleCount() == 18000);
    const std::vector<Ray> rs = rays(rng, 150);
    int hits = 0;
    for (const Ray& r : rs) {
        const auto h = two.closest(r);
        float best = std::numeric_limits<float>::infinity();
        for (std::uint32_t t = 0; t < 9000; ++t)
            if (const auto b = intersectTriangle(r, kept[3 * t], kept[3 * t + 1], kept[3 * t + 2], 0.0f, best))
                best = b->t;
        REQUIRE(h.has_value() == std::isfinite(best));
        if (!h) continue;
        ++hits;
        CHECK(h->triangle < 9000);
        CHECK(h->t == best);
    }
    CHECK(hits > 20);
}
