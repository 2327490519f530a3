#pragma once
// The motion level of detail: a simplified index list for every triangle primitive of a model, drawn
// while the camera moves (core/MotionQuality.h decides when) over the same vertices as the full mesh, so
// normals, UVs and the per-vertex pain weights stay valid. Built once per model with meshoptimizer; any
// model gets one. Picking, screenshots and exports always use the full indices.
#include <cstdint>
#include <vector>

#include "core/Model.h"

namespace la {

struct LodSettings {
    // Drawn at half to a quarter of the window's resolution, where a triangle of the full model covers a
    // pixel or less: 3 % of the bundled model's triangles (14k of 461k drawn in the usual view) look the
    // same at a quarter (480x270 for 1920x1080), where 6 % (28k) put about 4 of them in every pixel the
    // body covers; their scene took 27.6 -> 20.9 ms of processor time a reduced frame (LA_FRAME_PHASES,
    // load 8). The first LOD kept 15 %.
    float ratio = 0.03f;             // aim for this share of each primitive's triangles
    float maxError = 0.03f;          // but move no vertex by more than this share of the primitive's size
    std::size_t minTriangles = 500;  // primitives smaller than this keep their full indices
};

struct ModelLod {
    std::uint64_t generation = 0;  // Model::generation of the model it was built for
    // [mesh][primitive] as Model::meshes[m].primitives: the simplified triangle list, or empty where the
    // primitive keeps its full indices (small, or simplification would not save a quarter).
    std::vector<std::vector<std::vector<std::uint32_t>>> meshes;
};

// A triangle list of `p` with about settings.ratio of its triangles, its open borders kept in place.
// Empty when `p` is not a triangle list, is smaller than settings.minTriangles, or would keep more than
// three quarters of its triangles.
std::vector<std::uint32_t> simplifiedIndices(const Primitive& p, const LodSettings& settings = {});

// simplifiedIndices for every triangle primitive (thread-safe: reads its argument only).
ModelLod buildLod(const Model& model, const LodSettings& settings = {});

}  // namespace la
