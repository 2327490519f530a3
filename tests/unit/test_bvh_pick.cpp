// BVH and picking: known geometry, visibility modes, and the BVH against brute force.
#include <cmath>
#include <random>

#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "core/Bvh.h"
#include "core/Model.h"
#include "core/Pick.h"

using namespace la;

namespace {

// Axis-aligned cube of edge 2*half around the origin of its mesh space, 12 triangles.
Primitive cube(float half) {
    Primitive p;
    for (int i = 0; i < 8; ++i)
        p.positions.push_back({(i & 1) ? half : -half, (i & 2) ? half : -half, (i & 4) ? half : -half});
    p.normals.assign(8, glm::vec3(0.0f, 1.0f, 0.0f));
    const std::uint32_t faces[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4},
                                       {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
    for (const auto& f : faces) {
        for (std::uint32_t k : {f[0], f[1], f[2], f[0], f[2], f[3]}) p.indices.push_back(k);
    }
    for (const auto& v : p.positions) p.bounds.add(v);
    return p;
}

// Node 0 "front": unit cube centred at z = +1; node 1 "back": unit cube centred at z = -1.
// Node 2 is an empty group. Camera rays come from +Z.
Model twoCubes() {
    Model m;
    Mesh mesh;
    mesh.name = "cube";
    mesh.primitives.push_back(cube(0.5f));
    m.meshes.push_back(mesh);
    Node group;
    group.name = "group";
    Node front, back;
    front.name = "front";
    front.mesh = 0;
    front.local = glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, 1.0f});
    back.name = "back";
    back.mesh = 0;
    back.local = glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, -1.0f});
    front.parent = back.parent = 2;
    m.nodes = {front, back, group};
    m.nodes[2].children = {0, 1};
    m.roots = {2};
    m.updateWorldTransforms();
    return m;
}

// Off the cube faces' diagonals, so no ray runs along a triangle edge.
const Ray kDown{{0.1f, 0.23f, 10.0f}, {0.0f, 0.0f, -1.0f}};

}  // namespace

TEST_CASE("pick: nearest visible surface, with point, normal and triangle") {
    Model m = twoCubes();
    PickScene scene(m);
    CHECK(scene.triangleCount() == 24);
    auto h = pick(scene, kDown);
    REQUIRE(h);
    CHECK(h->node.index() == 0u);
    CHECK(h->t == doctest::Approx(8.5f));
    CHECK(h->point.z == doctest::Approx(1.5f));
    CHECK(h->normal.z == doctest::Approx(1.0f));
    // The reported triangle of node 0 really lies on the face that was hit (z = +0.5 in mesh space).
    REQUIRE(h->triangle >= 0);
    REQUIRE(h->triangle < 12);
    const Primitive& p = m.meshes[0].primitives[0];
    for (int k = 0; k < 3; ++k)
        CHECK(p.positions[p.indices[static_cast<std::size_t>(h->triangle * 3 + k)]].z == doctest::Approx(0.5f));
}

TEST_CASE("pick: hidden nodes are skipped") {
    PickScene scene(twoCubes());
    auto h = pick(scene, kDown, {PickMode::Hidden, PickMode::Visible});
    REQUIRE(h);
    CHECK(h->node.index() == 1u);
    CHECK(h->t == doctest::Approx(10.5f));
    CHECK_FALSE(pick(scene, kDown, {PickMode::Hidden, PickMode::Hidden}));
}

TEST_CASE("pick: ghosted nodes are picked only when nothing opaque is hit") {
    PickScene scene(twoCubes());
    // Ghosted in front of an opaque cube: the opaque one behind wins.
    auto h = pick(scene, kDown, {PickMode::Ghosted, PickMode::Visible});
    REQUIRE(h);
    CHECK(h->node.index() == 1u);
    // Nothing opaque on the ray: the ghosted cube is picked.
    h = pick(scene, kDown, {PickMode::Ghosted, PickMode::Hidden});
    REQUIRE(h);
    CHECK(h->node.index() == 0u);
    // Both ghosted: the nearer one.
    h = pick(scene, kDown, {PickMode::Ghosted, PickMode::Ghosted});
    REQUIRE(h);
    CHECK(h->node.index() == 0u);
    // Opaque in front of a ghost: the opaque one.
    h = pick(scene, kDown, {PickMode::Visible, PickMode::Ghosted});
    REQUIRE(h);
    CHECK(h->node.index() == 0u);
    // A ray that misses everything.
    CHECK_FALSE(pick(scene, Ray{{5.0f, 0.0f, 10.0f}, {0.0f, 0.0f, -1.0f}}));
}

TEST_CASE("pick: pickAll returns every surface along the ray, nearest first") {
    PickScene scene(twoCubes());
    auto hits = pickAll(scene, kDown);
    REQUIRE(hits.size() == 4);
    const float ts[4] = {8.5f, 9.5f, 10.5f, 11.5f};
    const std::size_t nodes[4] = {0, 0, 1, 1};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(hits[i].t == doctest::Approx(ts[i]));
        CHECK(hits[i].node.index() == nodes[i]);
        CHECK(glm::dot(hits[i].normal, kDown.dir) < 0.0f);  // faces the viewer
    }
    auto behind = pickAll(scene, kDown, {PickMode::Hidden, PickMode::Ghosted});
    REQUIRE(behind.size() == 2);
    CHECK(behind[0].node.index() == 1u);
    CHECK(behind[1].node.index() == 1u);
    // Hits behind the ray origin do not count.
    CHECK(pickAll(scene, Ray{{0.1f, 0.23f, 0.0f}, {0.0f, 0.0f, -1.0f}}).size() == 2);
}

TEST_CASE("pick: visibleBefore says whether a visible surface lies nearer than a distance") {
    PickScene scene(twoCubes());
    CHECK(visibleBefore(scene, kDown, 8.6f));
    CHECK_FALSE(visibleBefore(scene, kDown, 8.4f));
    CHECK_FALSE(visibleBefore(scene, kDown, 0.0f));
    // A ghosted or hidden cube in front is see-through: the one behind counts from 10.5 on.
    for (const PickMode front : {PickMode::Ghosted, PickMode::Hidden}) {
        CHECK_FALSE(visibleBefore(scene, kDown, 10.4f, {front, PickMode::Visible}));
        CHECK(visibleBefore(scene, kDown, 10.6f, {front, PickMode::Visible}));
        CHECK_FALSE(visibleBefore(scene, kDown, 100.0f, {front, PickMode::Ghosted}));
    }
    // The same answer as pickAll's hits nearer than tMax, over rays through both cubes at many distances.
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-0.7f, 0.7f), d(7.0f, 13.0f);
    const PickFilter filters[] = {{}, {PickMode::Ghosted, PickMode::Visible}, {PickMode::Visible, PickMode::Hidden}};
    int agreed = 0, blocked = 0;
    for (int i = 0; i < 300; ++i) {
        const Ray ray{{u(rng), u(rng), 10.0f}, glm::normalize(glm::vec3(u(rng) * 0.05f, u(rng) * 0.05f, -1.0f))};
        const float tMax = d(rng);
        const PickFilter& f = filters[i % 3];
        bool expected = false;
        for (const PickHit& h : pickAll(scene, ray, f))
            if (h.t < tMax && modeOf(f, h.node) == PickMode::Visible) expected = true;
        agreed += visibleBefore(scene, ray, tMax, f) == expected;
        blocked += expected;
    }
    CHECK(agreed == 300);
    CHECK(blocked > 50);  // both answers are exercised
    CHECK(blocked < 250);
}

TEST_CASE("pick: bad indices and empty models do not crash") {
    Model m = twoCubes();
    m.meshes[0].primitives[0].indices.push_back(99);
    m.meshes[0].primitives[0].indices.push_back(0);
    m.meshes[0].primitives[0].indices.push_back(1);
    m.nodes.push_back(Node{});
    m.nodes.back().mesh = 7;  // no such mesh
    PickScene scene(m);
    CHECK(scene.triangleCount() == 24);
    CHECK(pick(scene, kDown));
    PickScene empty{Model{}};
    CHECK_FALSE(pick(empty, kDown));
    CHECK(pickAll(empty, kDown).empty());
}

TEST_CASE("bvh: agrees with brute force on a random triangle soup") {
    std::mt19937 rng(1234);
    std::uniform_real_distribution<float> pos(-1.0f, 1.0f), small(-0.08f, 0.08f);
    std::vector<glm::vec3> corners;
    for (int i = 0; i < 3000; ++i) {
        glm::vec3 c(pos(rng), pos(rng), pos(rng));
        for (int k = 0; k < 3; ++k) corners.push_back(c + glm::vec3(small(rng), small(rng), small(rng)));
    }
    Bvh bvh(corners);
    CHECK(bvh.triangleCount() == 3000);
    CHECK(bvh.nodeCount() > 1);
    CHECK(bvh.depth() < 40);
    Bvh again(corners);
    CHECK(again.nodeCount() == bvh.nodeCount());

    int hitsSeen = 0;
    for (int r = 0; r < 400; ++r) {
        Ray ray{{pos(rng) * 2.0f, pos(rng) * 2.0f, 3.0f}, {pos(rng) * 0.3f, pos(rng) * 0.3f, -1.0f}};
        float bestT = std::numeric_limits<float>::infinity();
        std::uint32_t bestTri = 0;
        std::size_t count = 0;
        for (std::uint32_t t = 0; t < 3000; ++t) {
            auto h = intersectTriangle(ray, corners[3 * t], corners[3 * t + 1], corners[3 * t + 2], 0.0f, bestT);
            if (auto any = intersectTriangle(ray, corners[3 * t], corners[3 * t + 1], corners[3 * t + 2], 0.0f,
                                             std::numeric_limits<float>::infinity()))
                ++count;
            if (h) bestT = h->t, bestTri = t;
        }
        auto h = bvh.closest(ray);
        std::vector<BvhHit> all;
        bvh.all(ray, all);
        CHECK(all.size() == count);
        auto h2 = again.closest(ray);
        if (bestT == std::numeric_limits<float>::infinity()) {
            CHECK_FALSE(h);
            continue;
        }
        ++hitsSeen;
        REQUIRE(h);
        CHECK(h->t == doctest::Approx(bestT));
        CHECK(h->triangle == bestTri);
        REQUIRE(h2);
        CHECK(h2->triangle == h->triangle);  // deterministic
        // With an accept filter rejecting the nearest triangle, the next one is returned.
        auto next = bvh.closest(ray, [&](std::uint32_t t) { return t != bestTri; });
        if (next) CHECK(next->t >= h->t);
    }
    CHECK(hitsSeen > 50);  // the test exercised real hits
}

TEST_CASE("bvh: degenerate input") {
    Bvh none(std::vector<glm::vec3>{});
    CHECK_FALSE(none.closest(kDown));
    // Many identical triangles (identical centroids) still build and hit.
    std::vector<glm::vec3> same;
    for (int i = 0; i < 100; ++i) {
        same.push_back({-1.0f, -1.0f, 0.0f});
        same.push_back({1.0f, -1.0f, 0.0f});
        same.push_back({0.0f, 1.0f, 0.0f});
    }
    same.push_back({NAN, 0.0f, 0.0f});  // a non-finite triangle is ignored
    same.push_back({0.0f, 0.0f, 0.0f});
    same.push_back({0.0f, 1.0f, 0.0f});
    Bvh bvh(same);
    auto h = bvh.closest(kDown);
    REQUIRE(h);
    CHECK(h->t == doctest::Approx(10.0f));
    std::vector<BvhHit> all;
    bvh.all(kDown, all);
    CHECK(all.size() == 100);
}

TEST_CASE("pick: rayFromPixel goes through the projected point") {
    const glm::vec2 vp(800.0f, 600.0f);
    const glm::mat4 view = glm::lookAt(glm::vec3(0.3f, 0.2f, 4.0f), glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
    const glm::mat4 projs[2] = {glm::perspective(glm::radians(50.0f), vp.x / vp.y, 0.05f, 100.0f),
                                glm::ortho(-2.0f, 2.0f, -1.5f, 1.5f, 0.1f, 50.0f)};
    for (const glm::mat4& proj : projs) {
        for (glm::vec3 world : {glm::vec3(0.0f), glm::vec3(0.5f, -0.4f, 0.2f), glm::vec3(-0.7f, 0.6f, -0.3f)}) {
            glm::vec4 clip = proj * view * glm::vec4(world, 1.0f);
            glm::vec2 ndc = glm::vec2(clip) / clip.w;
            glm::vec2 pixel((ndc.x + 1.0f) * 0.5f * vp.x, (1.0f - ndc.y) * 0.5f * vp.y);
            Ray ray = rayFromPixel(view, proj, pixel, vp);
            CHECK(glm::length(ray.dir) == doctest::Approx(1.0f));
            glm::vec3 toPoint = world - ray.origin;
            float along = glm::dot(toPoint, ray.dir);
            CHECK(along > 0.0f);
            CHECK(glm::length(toPoint - along * ray.dir) < 1e-4f);
        }
    }
    // Top-left pixel looks up and to the left of the view direction.
    const glm::mat4 straight =
        glm::lookAt(glm::vec3(0.1f, 0.23f, 5.0f), glm::vec3(0.1f, 0.23f, 0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
    Ray corner = rayFromPixel(straight, projs[0], {0.0f, 0.0f}, vp);
    CHECK(corner.dir.x < 0.0f);
    CHECK(corner.dir.y > 0.0f);
    CHECK(corner.dir.z < 0.0f);
    Ray centre = rayFromPixel(straight, projs[0], vp * 0.5f, vp);
    CHECK(centre.dir.z == doctest::Approx(-1.0f));
    // Clicking through the centre of the screen at the two cubes picks the front one.
    PickScene scene(twoCubes());
    auto h = pick(scene, centre);
    REQUIRE(h);
    CHECK(h->node.index() == 0u);
}
