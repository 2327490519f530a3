#pragma once
// The whole model: builds every shape, meshes it, mirrors the sided structures, writes the GLB.
#include <cstdint>
#include <string>
#include <vector>

#include "glb_writer.h"

namespace mg {

struct GenerateOptions {
    bool verbose = false;
    std::vector<std::string> only;  // structure ids to build (empty = all); for quick iteration
    unsigned threads = 2;           // structures meshed at once (the output does not depend on it)
};

std::vector<Structure> generateStructures(const GenerateOptions& opt = {});
std::vector<std::uint8_t> generateGlb(const GenerateOptions& opt = {});

}  // namespace mg
