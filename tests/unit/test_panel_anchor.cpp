// Panel anchors: the leader line lands on the part of a structure that can be seen.
#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "core/PanelAnchor.h"

using namespace la;

namespace {

// A flat grid of n x n quads in the plane z = z0 over [x0, x1] x [y0, y1], facing +Z.
Primitive grid(float x0, float x1, float y0, float y1, float z0, int n) {
    Primitive p;
    for (int j = 0; j <= n; ++j)
        for (int i = 0; i <= n; ++i) {
            p.positions.push_back({x0 + (x1 - x0) * static_cast<float>(i) / static_cast<float>(n),
                                   y0 + (y1 - y0) * static_cast<float>(j) / static_cast<float>(n), z0});
            p.normals.push_back({0.0f, 0.0f, 1.0f});
        }
    const auto at = [n](int i, int j) { return static_cast<std::uint32_t>(j * (n + 1) + i); };
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            for (std::uint32_t k : {at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j), at(i + 1, j + 1), at(i, j + 1)})
                p.indices.push_back(k);
    for (const auto& v : p.positions) p.bounds.add(v);
    return p;
}

// Node 0: a "deep muscle" sheet at z = 0 over x in [-1, 1]; node 1: a "superficial muscle" sheet in front of
// it (z = 0.5) covering x in [-1.2, coverTo]. The two grids' rows and columns never line up as seen from
// the test eyes, so no ray runs exactly along an edge.
Model layered(float coverTo) {
    Model m;
    Mesh deep, superficial;
    deep.primitives.push_back(grid(-1.0f, 1.0f, -1.0f, 1.0f, 0.0f, 20));
    superficial.primitives.push_back(grid(-1.2f, coverTo, -1.13f, 1.07f, 0.5f, 17));
    m.meshes = {deep, superficial};
    Node a, b;
    a.name = "deep";
    a.mesh = 0;
    b.name = "superficial";
    b.mesh = 1;
    m.nodes = {a, b};
    m.roots = {0, 1};
    m.updateWorldTransforms();
    return m;
}

const glm::vec3 kEye{0.0f, 0.0f, 5.0f};
const glm::mat4 kViewProj = glm::perspective(glm::radians(60.0f), 1.0f, 0.1f, 100.0f) *
                            glm::lookAt(kEye, glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));

}  // namespace

TEST_CASE("candidates are spread over the whole surface, in world space") {
    Model m = layered(0.5f);
    m.nodes[0].local = glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, -2.0f});
    m.updateWorldTransforms();
    const auto c = anchorCandidates(m, m.nodeId(0), 50);
    REQUIRE(c.size() == 50);
    float minX = 1e9f, maxX = -1e9f, minY = 1e9f, maxY = -1e9f;
    for (const auto& p : c) {
        CHECK(p.z == doctest::Approx(-2.0f));
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    CHECK(maxY - minY > 1.5f);  // from the bottom rows to the top rows
    CHECK(maxX - minX > 1.5f);
    CHECK(anchorCandidates(m, m.nodeId(5), 50).empty());
    CHECK(anchorCandidates(m, m.nodeId(0), 0).empty());
    CHECK(anchorCandidates(m, m.nodeId(0), 100000).size() == 20u * 20u * 2u);  // never more than the triangles
}

TEST_CASE("a muscle mostly covered by another gets its anchor on the strip that shows") {
    const Model m = layered(0.5f);
    const PickScene scene(m);
    const auto c = anchorCandidates(m, m.nodeId(0));
    const AnchorChoice a = chooseAnchor(scene, {}, m.nodeId(0), c, kEye, kViewProj);
    REQUIRE(a.visible);
    // Seen from z = 5, the front sheet (x <= 0.5 at z = 0.5) hides the deep sheet up to x = 0.5 * 5 / 4.5.
    CHECK(a.point.x > 0.56f);
    CHECK(a.point.x < 1.0f + 1e-4f);
    CHECK(std::abs(a.point.y) < 0.35f);  // the middle of the strip, not a corner
    // The superficial sheet itself is in full view: its anchor is near the middle of it.
    const AnchorChoice b = chooseAnchor(scene, {}, m.nodeId(1), anchorCandidates(m, m.nodeId(1)), kEye, kViewProj);
    REQUIRE(b.visible);
    CHECK(std::abs(b.point.x + 0.35f) < 0.1f);  // the sheet spans x = -1.2 ... 0.5
    CHECK(std::abs(b.point.y + 0.03f) < 0.1f);  // and y = -1.13 ... 1.07
}

TEST_CASE("ghosted and hidden structures in front do not hide the anchor; a fully covered one is not visible") {
    const Model m = layered(0.5f);
    const PickScene scene(m);
    const auto c = anchorCandidates(m, m.nodeId(0));
    for (PickMode mode : {PickMode::Ghosted, PickMode::Hidden}) {
        const AnchorChoice a =
            chooseAnchor(scene, PickFilter{PickMode::Visible, mode}, m.nodeId(0), c, kEye, kViewProj);
        REQUIRE(a.visible);
        CHECK(std::abs(a.point.x) < 0.2f);  // the middle of the whole sheet
        CHECK(std::abs(a.point.y) < 0.2f);
    }
    const Model covered = layered(1.5f);
    const PickScene coveredScene(covered);
    const AnchorChoice a = chooseAnchor(coveredScene, {}, covered.nodeId(0),
                                        anchorCandidates(covered, covered.nodeId(0)), kEye, kViewProj);
    CHECK_FALSE(a.visible);
}

TEST_CASE("seen from the other side the layers swap: the former deep sheet is in full view") {
    // From behind (eye at z = -5), the deep sheet is in front of the superficial one.
    const Model m = layered(0.5f);
    const PickScene scene(m);
    const glm::vec3 eye{0.0f, 0.0f, -5.0f};
    const glm::mat4 vp = glm::perspective(glm::radians(60.0f), 1.0f, 0.1f, 100.0f) *
                         glm::lookAt(eye, glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
    const AnchorChoice deep = chooseAnchor(scene, {}, m.nodeId(0), anchorCandidates(m, m.nodeId(0)), eye, vp);
    REQUIRE(deep.visible);
    CHECK(std::abs(deep.point.x) < 0.2f);
    // The superficial sheet now lies behind the deep one except its part beyond x < -1.
    const AnchorChoice sup = chooseAnchor(scene, {}, m.nodeId(1), anchorCandidates(m, m.nodeId(1)), eye, vp);
    REQUIRE(sup.visible);
    CHECK(sup.point.x < -1.0f);
}
