#pragma once
// KHR_draco_mesh_compression: primitives whose attributes and indices are one Draco-compressed buffer
// view, decoded with libdraco. tinygltf 2.7 (Debian's, built without Draco) refuses such a file while
// parsing, because the index accessor of a compressed primitive has no buffer view: the JSON is first
// rewritten without those index accessors (the indices come from the Draco data).
#include <cstdint>
#include <string>
#include <vector>

#include <tiny_gltf.h>

#include "core/Model.h"

namespace la::io {

// The file's bytes with "indices" removed from every primitive that has KHR_draco_mesh_compression (the
// GLB container rebuilt around the new JSON chunk). False with `problem` when a GLB container does not
// hold together; unchanged (true) when no primitive is compressed or the JSON does not parse (tinygltf
// then reports it).
bool dropDracoIndexAccessors(std::vector<unsigned char>& bytes, bool binary, std::string& problem);

bool isDracoCompressed(const tinygltf::Primitive& p);

// Decodes a compressed primitive: positions, normals, TEXCOORD_0/1, COLOR_0 and _FIBRE as the extension
// maps them, and its indices (triangles; a point cloud for POINTS). `bytesLeft` is the model's accessor
// budget, charged for what is decoded. False with a one-line `err` on bad data.
bool decodeDracoPrimitive(const tinygltf::Model& m, const tinygltf::Primitive& src, Primitive& dst,
                          std::vector<std::uint32_t>& indices, std::size_t& bytesLeft, std::string& err);

}  // namespace la::io
