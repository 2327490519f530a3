#pragma once
// Where an article panel's leader line lands on its structure: a point of the structure that can be seen
// from the eye (nothing opaque in front of it), near the middle of the part of it that can be seen. A deep
// muscle mostly covered by others (quadratus lumborum behind the erector spinae, gluteus medius under
// gluteus maximus) gets its line on the strip that shows, not on the muscle in front of it.
#include <cstddef>
#include <vector>

#include <glm/glm.hpp>

#include "core/Model.h"
#include "core/Pick.h"

namespace la {

// Up to `maxCount` world-space points on the node's surface (triangle centres), spread evenly through its
// triangle list (deterministic). Empty for a node without a mesh or an id of another model.
std::vector<glm::vec3> anchorCandidates(const Model& model, NodeId node, std::size_t maxCount = 160);

struct AnchorChoice {
    glm::vec3 point{0.0f};
    bool visible = false;  // false: no candidate can be seen, and `point` means nothing
};

// Candidates that the eye sees (the first Visible-mode surface on the ray from the eye, or the node itself
// when it is ghosted, is the node at that point) are projected with viewProj; the one nearest the mean of
// their projections wins. Ghosted and hidden nodes (the translucent skin) never hide a candidate. A node id
// of another model than the scene's is never seen.
AnchorChoice chooseAnchor(const PickScene& scene, const PickFilter& filter, NodeId node,
                          const std::vector<glm::vec3>& candidates, glm::vec3 eye, const glm::mat4& viewProj);

}  // namespace la
