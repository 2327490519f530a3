// core::simplifiedIndices / buildLod: the motion level of detail has far fewer triangles over the same
// vertices, keeps open borders where they are, and leaves small or unusual primitives alone.
#include <cmath>
#include <set>

#include <doctest/doctest.h>

#include "core/MeshLod.h"

using namespace la;

namespace {
// An n x n grid of quads in the XY plane, gently curved in Z (so simplification has error to weigh).
Primitive grid(int n) {
    Primitive p;
    for (int y = 0; y <= n; ++y)
        for (int x = 0; x <= n; ++x) {
            const float fx = static_cast<float>(x) / static_cast<float>(n),
                        fy = static_cast<float>(y) / static_cast<float>(n);
            p.positions.emplace_back(fx, fy, 0.05f * std::sin(3.0f * fx) * std::cos(2.0f * fy));
            p.normals.emplace_back(0.0f, 0.0f, 1.0f);
        }
    const auto at = [n](int x, int y) { return static_cast<std::uint32_t>(y * (n + 1) + x); };
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            p.indices.insert(p.indices.end(),
                             {at(x, y), at(x + 1, y), at(x + 1, y + 1), at(x, y), at(x + 1, y + 1), at(x, y + 1)});
    return p;
}
}  // namespace

TEST_CASE("mesh lod: a large surface keeps about the asked share of its triangles, over its own vertices") {
    const Primitive p = grid(100);  // 20,000 triangles
    const std::vector<std::uint32_t> lod = simplifiedIndices(p);
    REQUIRE_FALSE(lod.empty());
    CHECK(lod.size() % 3 == 0);
    CHECK(lod.size() / 3 < p.triangleCount() / 4);
    CHECK(lod.size() / 3 > 20);
    for (const std::uint32_t i : lod) REQUIRE(i < p.positions.size());
    // The open border stays in place: every vertex on the grid's edge is still used.
    const std::set<std::uint32_t> used(lod.begin(), lod.end());
    int borderMissing = 0;
    for (std::uint32_t i = 0; i < p.positions.size(); ++i) {
        const glm::vec3 v = p.positions[i];
        const bool border = v.x == 0.0f || v.y == 0.0f || v.x == 1.0f || v.y == 1.0f;
        if (border && used.count(i) == 0) ++borderMissing;
    }
    CHECK(borderMissing == 0);
    // No degenerate triangles.
    for (std::size_t t = 0; t < lod.size(); t += 3) {
        CHECK(lod[t] != lod[t + 1]);
        CHECK(lod[t + 1] != lod[t + 2]);
        CHECK(lod[t] != lod[t + 2]);
    }
}

TEST_CASE("mesh lod: small primitives, lines and broken indices keep their full indices") {
    CHECK(simplifiedIndices(grid(10)).empty());  // 200 triangles: below minTriangles
    Primitive lines = grid(100);
    lines.mode = PrimitiveMode::Lines;
    CHECK(simplifiedIndices(lines).empty());
    Primitive broken = grid(100);
    broken.indices[5] = static_cast<std::uint32_t>(broken.positions.size());
    CHECK(simplifiedIndices(broken).empty());
    // A lower size limit simplifies the small one too.
    LodSettings s;
    s.minTriangles = 100;
    CHECK_FALSE(simplifiedIndices(grid(10), s).empty());
}

TEST_CASE("mesh lod: a model's LOD follows its meshes and primitives") {
    Model m;
    m.generation = Model::newGeneration();
    Mesh a;
    a.primitives.push_back(grid(100));
    a.primitives.push_back(grid(5));
    Mesh b;
    b.primitives.push_back(grid(60));
    m.meshes = {a, b};
    const ModelLod lod = buildLod(m);
    CHECK(lod.generation == m.generation);
    REQUIRE(lod.meshes.size() == 2);
    REQUIRE(lod.meshes[0].size() == 2);
    REQUIRE(lod.meshes[1].size() == 1);
    CHECK_FALSE(lod.meshes[0][0].empty());
    CHECK(lod.meshes[0][1].empty());
    CHECK_FALSE(lod.meshes[1][0].empty());
}
