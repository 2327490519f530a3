#include "core/Pick.h"

#include <algorithm>
#include <cmath>

#include "core/HugePages.h"

namespace la {

namespace {

PickHit toPickHit(const PickScene& scene, const Ray& ray, const BvhHit& h) {
    PickHit out;
    out.node = NodeId(static_cast<std::size_t>(scene.nodeOf(h.triangle)), scene.generation());
    out.triangle = scene.localTriangle(h.triangle);
    out.t = h.t;
    out.point = ray.origin + h.t * ray.dir;
    const Bvh& bvh = scene.bvh();
    glm::vec3 n = glm::cross(bvh.corner(h.triangle, 1) - bvh.corner(h.triangle, 0),
                             bvh.corner(h.triangle, 2) - bvh.corner(h.triangle, 0));
    float len = glm::length(n);
    n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
    if (glm::dot(n, ray.dir) > 0.0f) n = -n;
    out.normal = n;
    return out;
}

}  // namespace

PickScene::PickScene(const Model& model) : generation_(model.generation) {
    std::vector<glm::vec3> corners;
    std::size_t expected = 0;  // not Model::triangleCount(): that one trusts the mesh indices
    for (const Node& node : model.nodes)
        if (node.mesh >= 0 && static_cast<std::size_t>(node.mesh) < model.meshes.size())
            for (const Primitive& prim : model.meshes[static_cast<std::size_t>(node.mesh)].primitives)
                expected += prim.triangleCount();
    corners.reserve(expected * 3);
    adviseHugePages(corners.data(), expected * 3 * sizeof(glm::vec3));
    Aabb bounds;  // of the finite corners, gathered here so that the build need not read them for it
    for (std::size_t ni = 0; ni < model.nodes.size(); ++ni) {
        const Node& node = model.nodes[ni];
        if (node.mesh < 0 || static_cast<std::size_t>(node.mesh) >= model.meshes.size()) continue;
        int local = 0;
        for (const Primitive& prim : model.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
            std::vector<glm::vec3> world(prim.positions.size());
            for (std::size_t v = 0; v < prim.positions.size(); ++v) {
                world[v] = glm::vec3(node.world * glm::vec4(prim.positions[v], 1.0f));
                if (std::isfinite(world[v].x) && std::isfinite(world[v].y) && std::isfinite(world[v].z))
                    bounds.add(world[v]);
            }
            for (std::size_t i = 0; i + 2 < prim.indices.size(); i += 3, ++local) {
                std::uint32_t a = prim.indices[i], b = prim.indices[i + 1], c = prim.indices[i + 2];
                if (a >= world.size() || b >= world.size() || c >= world.size()) continue;
                corners.push_back(world[a]);
                corners.push_back(world[b]);
                corners.push_back(world[c]);
                triNode_.push_back(static_cast<int>(ni));
                triLocal_.push_back(local);
            }
        }
    }
    bvh_.build(std::move(corners), bounds);
}

PickMode modeOf(const PickFilter& filter, int node) {
    return node >= 0 && static_cast<std::size_t>(node) < filter.size() ? filter[static_cast<std::size_t>(node)]
                                                                       : PickMode::Visible;
}

std::optional<PickHit> pick(const PickScene& scene, const Ray& ray, const PickFilter& filter) {
    auto want = [&](PickMode mode) {
        return [&scene, &filter, mode](std::uint32_t tri) { return modeOf(filter, scene.nodeOf(tri)) == mode; };
    };
    if (auto h = scene.bvh().closest(ray, want(PickMode::Visible))) return toPickHit(scene, ray, *h);
    if (auto h = scene.bvh().closest(ray, want(PickMode::Ghosted))) return toPickHit(scene, ray, *h);
    return std::nullopt;
}

std::vector<PickHit> pickAll(const PickScene& scene, const Ray& ray, const PickFilter& filter) {
    std::vector<BvhHit> raw;
    scene.bvh().all(ray, raw, [&](std::uint32_t tri) { return modeOf(filter, scene.nodeOf(tri)) != PickMode::Hidden; });
    std::vector<PickHit> out;
    out.reserve(raw.size());
    for (const auto& h : raw) out.push_back(toPickHit(scene, ray, h));
    std::sort(out.begin(), out.end(), [](const PickHit& a, const PickHit& b) {
        if (a.t != b.t) return a.t < b.t;
        if (a.node != b.node) return a.node.index() < b.node.index();
        return a.triangle < b.triangle;
    });
    return out;
}

bool visibleBefore(const PickScene& scene, const Ray& ray, float tMax, const PickFilter& filter) {
    if (!(tMax > 0.0f)) return false;
    const auto visible = [&](std::uint32_t tri) { return modeOf(filter, scene.nodeOf(tri)) == PickMode::Visible; };
    return scene.bvh().closest(ray, visible, 0.0f, tMax).has_value();
}

Ray rayFromPixel(const glm::mat4& view, const glm::mat4& proj, glm::vec2 pixel, glm::vec2 viewportSize) {
    Ray ray;
    glm::vec2 size = glm::max(viewportSize, glm::vec2(1.0f));
    glm::vec2 ndc(2.0f * pixel.x / size.x - 1.0f, 1.0f - 2.0f * pixel.y / size.y);
    glm::mat4 inv = glm::inverse(proj * view);
    // The near plane (-1) and the middle of the depth range (0) stay finite even with an infinite far plane.
    glm::vec4 nearH = inv * glm::vec4(ndc, -1.0f, 1.0f);
    glm::vec4 midH = inv * glm::vec4(ndc, 0.0f, 1.0f);
    if (nearH.w == 0.0f || midH.w == 0.0f) return ray;
    glm::vec3 nearP = glm::vec3(nearH) / nearH.w, midP = glm::vec3(midH) / midH.w;
    glm::vec3 d = midP - nearP;
    float len = glm::length(d);
    if (!(len > 0.0f) || !std::isfinite(len)) return ray;
    ray.origin = nearP;
    ray.dir = d / len;
    return ray;
}

}  // namespace la
