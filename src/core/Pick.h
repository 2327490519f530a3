#pragma once
// Mouse picking on a la::Model: one BVH over the world-space triangles of every mesh node.
#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/Bvh.h"
#include "core/Model.h"

namespace la {

// How a node takes part in picking. Ghosted nodes are hit only when no visible node is on the ray.
enum class PickMode : std::uint8_t { Visible, Ghosted, Hidden };

struct PickHit {
    NodeId node;             // of the model the PickScene was built from
    glm::vec3 point{0.0f};   // world space
    glm::vec3 normal{0.0f};  // unit face normal, turned toward the ray origin
    float t = 0.0f;          // point = origin + t * dir
    int triangle = -1;       // within the node's mesh, counting through its primitives in order
};

// Snapshot of a model's world-space geometry; rebuild when world transforms change.
class PickScene {
public:
    PickScene() = default;
    // Uses each node's current `world` matrix. Bad indices are skipped, never read.
    explicit PickScene(const Model& model);

    std::uint64_t generation() const { return generation_; }  // of the model it was built from
    const Bvh& bvh() const { return bvh_; }
    std::size_t triangleCount() const { return bvh_.triangleCount(); }
    int nodeOf(std::uint32_t tri) const { return triNode_[tri]; }
    int localTriangle(std::uint32_t tri) const { return triLocal_[tri]; }

private:
    std::uint64_t generation_ = 0;
    Bvh bvh_;
    std::vector<int> triNode_;
    std::vector<int> triLocal_;
};

// Per node index; nodes beyond the vector's end are Visible (so an empty vector = all visible).
using PickFilter = std::vector<PickMode>;

// A node's mode under the filter (Visible beyond its end).
PickMode modeOf(const PickFilter& filter, int node);
inline PickMode modeOf(const PickFilter& filter, NodeId node) {
    return node.valid() ? modeOf(filter, static_cast<int>(node.index())) : PickMode::Visible;
}

// Nearest hit on a visible node; failing that, the nearest hit on a ghosted node. Hidden nodes never.
std::optional<PickHit> pick(const PickScene& scene, const Ray& ray, const PickFilter& filter = {});
// Every hit on a visible or ghosted node along the ray, nearest first (ties: by node, then triangle).
std::vector<PickHit> pickAll(const PickScene& scene, const Ray& ray, const PickFilter& filter = {});

// A visible node's surface lies on the ray nearer than tMax (ghosted and hidden nodes are see-through):
// what pickAll's hits before tMax would show, without collecting them.
bool visibleBefore(const PickScene& scene, const Ray& ray, float tMax, const PickFilter& filter = {});

// World-space ray through a pixel (origin top-left, pixels as continuous coordinates: the centre of the
// top-left pixel is (0.5, 0.5)), starting on the near plane, unit direction. Works for perspective and
// orthographic (OpenGL-style, depth -1..1) projections.
Ray rayFromPixel(const glm::mat4& view, const glm::mat4& proj, glm::vec2 pixel, glm::vec2 viewportSize);

}  // namespace la
