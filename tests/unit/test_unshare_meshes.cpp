// unshareMeshes: every node that draws a mesh another node draws too gets its own copy (per-vertex data
// such as the baked pain zones depends on where each instance stands), within a vertex budget.
#include <doctest/doctest.h>

#include "core/MeshOps.h"

using namespace la;

namespace {

Model sharedTriangleModel(int instances) {
    Model m;
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    p.normals.assign(3, glm::vec3(0, 0, 1));
    p.indices = {0, 1, 2};
    Mesh mesh;
    mesh.primitives.push_back(p);
    m.meshes.push_back(mesh);
    for (int i = 0; i < instances; ++i) {
        Node n;
        n.name = "instance" + std::to_string(i);
        n.mesh = 0;
        n.local[3] = glm::vec4(static_cast<float>(i), 0, 0, 1);
        m.roots.push_back(i);
        m.nodes.push_back(n);
    }
    REQUIRE(m.updateWorldTransforms());
    return m;
}

}  // namespace

TEST_CASE("unshareMeshes: each instance of a shared mesh gets its own copy") {
    Model m = sharedTriangleModel(3);
    const Aabb before = m.worldBounds();
    CHECK(unshareMeshes(m, 1000) == 2);
    REQUIRE(m.meshes.size() == 3);
    CHECK(m.nodes[0].mesh == 0);
    CHECK(m.nodes[1].mesh != m.nodes[2].mesh);
    CHECK(m.nodes[1].mesh > 0);
    for (const Mesh& mesh : m.meshes) CHECK(mesh.primitives.at(0).positions == m.meshes[0].primitives[0].positions);
    // The same picture: nothing moved.
    CHECK(m.worldBounds().min == before.min);
    CHECK(m.worldBounds().max == before.max);
    CHECK(m.triangleCount() == 3);
    // Nothing is shared any more: a second call copies nothing.
    CHECK(unshareMeshes(m, 1000) == 0);
}

TEST_CASE("unshareMeshes: beyond the vertex budget the rest stay shared") {
    Model m = sharedTriangleModel(4);
    CHECK(unshareMeshes(m, 5) == 1);  // one copy of 3 vertices fits in 5, a second would not
    CHECK(m.meshes.size() == 2);
    CHECK(m.nodes[2].mesh == 0);
    CHECK(m.nodes[3].mesh == 0);
    Model none = sharedTriangleModel(2);
    CHECK(unshareMeshes(none, 0) == 0);
    CHECK(none.nodes[1].mesh == 0);
}
