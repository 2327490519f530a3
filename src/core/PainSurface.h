#pragma once
// Referred-pain zones on a model's surfaces: every vertex of every mesh gets the weights of the zones
// that cover its body-surface chart point, once per model and pattern set (bake); each frame only
// combines them with the trigger points shown (compose) into one vec4 per vertex for the renderer:
// x = essential, y = spillover (ramps: 0.5 on the outline, 1 at kPainRamp inside, 0 at kPainRamp outside),
// z = the zones of the trigger point the link animation shows now (the same ramp), w = the fade of the
// trigger points there (0..1).
// Also places each trigger point's X on its muscle's surface and its mark on the skin. GL-free.
#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/BodyChart.h"
#include "core/Model.h"
#include "core/PainField.h"

namespace la {

constexpr float kPainRamp = 0.03f;  // metres either side of an outline

struct PainVertexEntry {
    std::uint32_t vertex = 0;
    std::uint16_t trigger = 0;   // index into PainFlat::triggers
    std::uint8_t essential = 0;  // ramp x 255 (see above)
    std::uint8_t spillover = 0;
};

struct PainBakedPrimitive {
    std::size_t vertexCount = 0;
    std::vector<PainVertexEntry> entries;  // only covered vertices, by vertex then trigger
};

struct PainBake {
    // [mesh][primitive], like Model::meshes. A mesh drawn by several nodes is baked with the first
    // node's world matrix (the bundled model and the usual anatomy files use each mesh once).
    std::vector<std::vector<PainBakedPrimitive>> meshes;
    std::uint64_t generation = 0;  // of the model it was baked for (Model::generation)
    std::size_t entryCount() const;
    // Mesh m of that model as a typed id.
    MeshId meshId(std::size_t m) const { return MeshId(m, generation); }
};

PainBake bakePain(const Model& model, const PainField& field, const PainFlat& flat, const ChartAxes& axes = {});

// Per-vertex (essential, spillover, link, fade) of one primitive; triggerWeight per flat trigger (0..1),
// linkTrigger the flat index of the trigger point the link animation shows (-1: none).
void composePain(const PainBakedPrimitive& prim, const std::vector<float>& triggerWeight, int linkTrigger,
                 std::vector<glm::vec4>& out);

// Where a trigger point is drawn: an X on its muscle's surface above the point (the ray from the body's
// axis outwards through the point, where it leaves the muscle) and a small mark where that ray meets the
// skin. Absent when the model has no such node or the ray misses it.
struct TriggerSpot {
    std::optional<glm::vec3> onMuscle;
    std::optional<glm::vec3> onSkin;
    glm::vec3 outward{0.0f};  // unit direction of that ray
};
// muscleNode: the node of the trigger's muscle instance (or -1); skinNodes: nodes of kind skin.
TriggerSpot placeTriggerSpot(const Model& model, glm::vec3 triggerPosition, int muscleNode,
                             const std::vector<int>& skinNodes, const ChartAxes& axes = {});

}  // namespace la
