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

// How many bytes of decoded vertex data one model may produce (several accessors may share one view, so the
// file size alone does not bound it). Readers subtract what they allocate.
struct AccessorBudget {
    std::size_t bytesLeft = std::size_t{512} << 20;
};

// Every offset, stride and count is checked (without overflow) against its buffer before anything is allocated.
// Each element as a vec4 (unused components 0, alpha 1 not implied). On failure returns false and sets err.
bool readFloatAccessor(const tinygltf::Model& m, int accessor, std::vector<glm::vec4>& out, int& components,
                       std::string& err, AccessorBudget* budget = nullptr);
// Integer values of a SCALAR accessor (indices).
bool readIndexAccessor(const tinygltf::Model& m, int accessor, std::vector<std::uint32_t>& out, std::string& err,
                       AccessorBudget* budget = nullptr);

}  // namespace la::io
