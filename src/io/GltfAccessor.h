#pragma once
// Reads glTF accessors of any component type, stride, normalisation and sparse layout into floats or indices.
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace tinygltf {
class Model;
}

namespace la::io {

// Each element as a vec4 (unused components 0, alpha 1 not implied). On failure returns false and sets err.
bool readFloatAccessor(const tinygltf::Model& m, int accessor, std::vector<glm::vec4>& out, int& components,
                       std::string& err);
// Integer values of a SCALAR accessor (indices).
bool readIndexAccessor(const tinygltf::Model& m, int accessor, std::vector<std::uint32_t>& out, std::string& err);

}  // namespace la::io
