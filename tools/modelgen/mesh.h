#pragma once
// Triangle meshes: polygonisation of a shape and the post-processing steps.
#include <cstdint>
#include <string>
#include <vector>

#include "sdf.h"

namespace mg {

struct Mesh {
    std::vector<vec3> pos;
    std::vector<vec3> nrm;
    std::vector<vec3> fib;  // empty unless a muscle
    std::vector<std::uint32_t> idx;
    std::size_t triangles() const { return idx.size() / 3; }
};

// Samples s on a grid of spacing h around its bounds and extracts the zero set by marching
// tetrahedra (Kuhn split of each cube): a closed, consistently oriented 2-manifold.
Mesh polygonise(const Shape& s, float h);

void keepLargestComponent(Mesh& m);
// Taubin smoothing, then Newton projection back onto the zero set of s.
void smoothAndProject(Mesh& m, const Shape& s, int iterations, float h);
// meshoptimizer edge collapse down to about targetTris, at most maxError (cm) deviation.
void simplify(Mesh& m, std::size_t targetTris, float maxError);
void normalsFromShape(Mesh& m, const Shape& s, float h);
void fibresFromShape(Mesh& m, const Shape& s);
// Body's left -> right: x -> -x, winding flipped.
Mesh mirrored(const Mesh& m);
// Every edge used exactly twice, once in each direction. Returns an empty string when fine.
std::string manifoldProblem(const Mesh& m);

}  // namespace mg
