#pragma once
// Minimal, deterministic glTF 2.0 binary writer for the generated structures.
#include <cstdint>
#include <string>
#include <vector>

#include "mesh.h"

namespace mg {

struct Structure {
    std::string name;  // node and mesh name, e.g. "gluteus_medius.L"
    std::string kind;  // bone | disc | muscle | skin
    int layer = 0;     // 0 = skin (outermost)
    Mesh mesh;         // centimetres
};

// Positions are written in metres; muscles carry _FIBRE. One root node "lower_body".
std::vector<std::uint8_t> writeGlb(const std::vector<Structure>& structures);

}  // namespace mg
