#include "core/PanelAnchor.h"

#include <algorithm>

namespace la {

std::vector<glm::vec3> anchorCandidates(const Model& model, NodeId node, std::size_t maxCount) {
    std::vector<glm::vec3> out;
    if (!model.owns(node) || maxCount == 0) return out;
    const Node& n = *model.node(node);
    if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= model.meshes.size()) return out;
    const auto& prims = model.meshes[static_cast<std::size_t>(n.mesh)].primitives;
    std::size_t total = 0;
    for (const auto& p : prims) total += p.indices.size() / 3;
    if (total == 0) return out;
    // Triangle centres (a ray aimed at one meets its triangle inside, never on a shared edge), evenly
    // through the triangle list: a generated or loaded mesh runs over its surface in strips.
    const std::size_t count = std::min(maxCount, total);
    std::size_t next = 0, seen = 0;
    for (const auto& p : prims) {
        for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3, ++seen) {
            if (out.size() >= count || seen != next) continue;
            next = ((out.size() + 1) * total) / count;
            glm::vec3 c(0.0f);
            bool ok = true;
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t i = p.indices[t + static_cast<std::size_t>(k)];
                if (i >= p.positions.size())
                    ok = false;
                else
                    c += p.positions[i];
            }
            if (ok) out.emplace_back(n.world * glm::vec4(c / 3.0f, 1.0f));
        }
    }
    return out;
}

namespace {

// Nothing that blocks the view lies between the eye and p, and p is on the side of the node facing the eye.
bool seen(const PickScene& scene, const PickFilter& filter, int node, glm::vec3 eye, glm::vec3 p) {
    const glm::vec3 d = p - eye;
    const float dist = glm::length(d);
    if (dist <= 1e-6f) return false;
    const Ray ray{eye, d / dist};
    const auto blocks = [&](std::uint32_t tri) {
        const int n = scene.nodeOf(tri);
        return n == node || modeOf(filter, n) == PickMode::Visible;
    };
    // The node's own front surface at p (curved neighbours may be met a little earlier). Nothing beyond p
    // is looked at: p lies on a triangle of the node, so the ray meets the node there.
    const float tolerance = std::max(2e-3f, 1e-3f * dist);
    const auto hit = scene.bvh().closest(ray, blocks, 0.0f, dist + tolerance);
    if (!hit) return false;  // the ray slipped along an edge: say nothing is seen rather than guess
    return scene.nodeOf(hit->triangle) == node && hit->t >= dist - tolerance;
}

}  // namespace

AnchorChoice chooseAnchor(const PickScene& scene, const PickFilter& filter, NodeId id,
                          const std::vector<glm::vec3>& candidates, glm::vec3 eye, const glm::mat4& viewProj) {
    AnchorChoice choice;
    if (candidates.empty() || !id.valid() || id.generation() != scene.generation()) return choice;
    const int node = static_cast<int>(id.index());
    std::vector<glm::vec3> visible;
    std::vector<glm::vec2> screen;
    for (const glm::vec3& p : candidates) {
        const glm::vec4 c = viewProj * glm::vec4(p, 1.0f);
        if (c.w <= 1e-6f) continue;  // behind the eye
        const glm::vec2 ndc(c.x / c.w, c.y / c.w);
        if (std::abs(ndc.x) > 1.0f || std::abs(ndc.y) > 1.0f) continue;  // off screen
        if (!seen(scene, filter, node, eye, p)) continue;
        visible.push_back(p);
        screen.push_back(ndc);
    }
    if (visible.empty()) return choice;
    glm::vec2 mean(0.0f);
    for (const glm::vec2& s : screen) mean += s;
    mean /= static_cast<float>(screen.size());
    std::size_t best = 0;
    for (std::size_t i = 1; i < screen.size(); ++i)
        if (glm::length(screen[i] - mean) < glm::length(screen[best] - mean)) best = i;
    choice.point = visible[best];
    choice.visible = true;
    return choice;
}

}  // namespace la
