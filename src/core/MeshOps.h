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

}  // namespace la
