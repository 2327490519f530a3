#include "core/MeshLod.h"

#include <meshoptimizer.h>

namespace la {

std::vector<std::uint32_t> simplifiedIndices(const Primitive& p, const LodSettings& settings) {
    const std::size_t triangles = p.indices.size() / 3;
    if (p.mode != PrimitiveMode::Triangles || triangles < settings.minTriangles || p.positions.empty()) return {};
    for (const std::uint32_t i : p.indices)
        if (i >= p.positions.size()) return {};  // a loader let a bad index through: draw it as it is
    const auto target = static_cast<std::size_t>(static_cast<float>(triangles) * settings.ratio) * 3;
    std::vector<std::uint32_t> out(triangles * 3);
    float error = 0.0f;
    std::size_t n = meshopt_simplify(out.data(), p.indices.data(), triangles * 3, &p.positions[0].x, p.positions.size(),
                                     sizeof(glm::vec3), target, settings.maxError, meshopt_SimplifyLockBorder, &error);
    if (n == 0 || n * 4 > triangles * 3 * 3) return {};  // saves less than a quarter: not worth a second list
    out.resize(n);
    meshopt_optimizeVertexCache(out.data(), out.data(), n, p.positions.size());
    return out;
}

ModelLod buildLod(const Model& model, const LodSettings& settings) {
    ModelLod lod;
    lod.generation = model.generation;
    lod.meshes.resize(model.meshes.size());
    for (std::size_t m = 0; m < model.meshes.size(); ++m)
        for (const Primitive& p : model.meshes[m].primitives) lod.meshes[m].push_back(simplifiedIndices(p, settings));
    return lod;
}

}  // namespace la
