#include "core/Model.h"

#include <atomic>

namespace la {

Aabb Aabb::transformed(const glm::mat4& m) const {
    Aabb out;
    if (!valid()) return out;
    for (int i = 0; i < 8; ++i) {
        glm::vec3 c((i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y, (i & 4) ? max.z : min.z);
        out.add(glm::vec3(m * glm::vec4(c, 1.0f)));
    }
    return out;
}

std::string Node::extra(const std::string& key, const std::string& fallback) const {
    auto it = extras.find(key);
    return it == extras.end() ? fallback : it->second;
}

bool Model::updateWorldTransforms() {
    std::vector<char> visited(nodes.size(), 0);
    // Iterative depth-first walk; a node reached twice means a cycle or a shared child.
    std::vector<int> stack(roots.rbegin(), roots.rend());
    for (int r : roots) nodes[static_cast<std::size_t>(r)].world = nodes[static_cast<std::size_t>(r)].local;
    while (!stack.empty()) {
        int n = stack.back();
        stack.pop_back();
        auto& node = nodes[static_cast<std::size_t>(n)];
        if (visited[static_cast<std::size_t>(n)]) return false;
        visited[static_cast<std::size_t>(n)] = 1;
        for (int c : node.children) {
            auto& child = nodes[static_cast<std::size_t>(c)];
            child.world = node.world * child.local;
            stack.push_back(c);
        }
    }
    return true;
}

Aabb Model::worldBounds() const {
    Aabb out;
    for (const auto& n : nodes) {
        if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= meshes.size()) continue;
        for (const auto& p : meshes[static_cast<std::size_t>(n.mesh)].primitives)
            out.add(p.bounds.transformed(n.world));
        for (const auto& p : meshes[static_cast<std::size_t>(n.mesh)].pointsAndLines)
            out.add(p.bounds.transformed(n.world));
    }
    return out;
}

bool Model::hasPointsOrLines() const {
    for (const auto& n : nodes)
        if (n.mesh >= 0 && static_cast<std::size_t>(n.mesh) < meshes.size() &&
            !meshes[static_cast<std::size_t>(n.mesh)].pointsAndLines.empty())
            return true;
    return false;
}

std::size_t Model::triangleCount() const {
    std::size_t t = 0;
    for (const auto& n : nodes) {
        if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= meshes.size()) continue;
        for (const auto& p : meshes[static_cast<std::size_t>(n.mesh)].primitives) t += p.triangleCount();
    }
    return t;
}

int Model::findNode(const std::string& nodeName) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].name == nodeName) return static_cast<int>(i);
    return -1;
}

std::uint64_t Model::newGeneration() {
    // The one counter of the process: a generation names a load, like a handle's generation in a pool.
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace la
