#pragma once
// CPU mesh helpers shared by every loader.
#include "core/Model.h"

namespace la {

// Computes primitive.bounds from its positions.
void computeBounds(Primitive& p);

// Generates normals smooth across edges whose faces meet at less than creaseDeg, split (hard) otherwise
// (faces around a vertex smooth together when a chain of such edges joins them). Linear in the triangle count
// plus a sort of the edges, whatever the valence of a vertex.
// Vertices at hard edges are duplicated, so positions/uvs/colors/fibres may grow.
void generateNormals(Primitive& p, float creaseDeg = 60.0f);

// Converts a triangle strip / fan index list (or 0..n-1 when empty) into a triangle list.
std::vector<std::uint32_t> stripToList(const std::vector<std::uint32_t>& strip);
std::vector<std::uint32_t> fanToList(const std::vector<std::uint32_t>& fan);

// Gives every node its own copy of a mesh that several nodes draw, so what is stored per vertex (the baked
// pain zones, which depend on where each instance stands) can differ between instances. Copies are made
// while their vertices add up to at most `maxExtraVertices`; meshes beyond that stay shared. Returns the
// number of copies made.
std::size_t unshareMeshes(Model& model, std::size_t maxExtraVertices);

}  // namespace la
