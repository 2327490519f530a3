#pragma once
// Moving a point into a structure of the model: trigger points are written for our muscles; on a model
// made elsewhere, registered to the landmark frame, the same muscle lies a little elsewhere.
#include <vector>

#include <glm/glm.hpp>

#include "core/Model.h"

namespace la {

struct SnapResult {
    glm::vec3 point{0.0f};
    bool moved = false;
    float distance = 0.0f;  // how far it moved (metres)
};

// `p` itself when it lies inside the closed surface of these nodes (judged by the nearest triangle's
// facing); otherwise the nearest surface point, `inset` metres inside along that triangle's normal.
// Unchanged (moved = false) when the nodes have no triangles.
SnapResult snapIntoStructure(const Model& model, const std::vector<int>& nodes, glm::vec3 p, float inset = 0.006f);

}  // namespace la
