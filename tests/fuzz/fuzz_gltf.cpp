// glTF and GLB through our loader (tinygltf with our file access, accessors, coordinates, normals).
#include "FuzzFile.h"
#include "io/ModelLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const bool binary = size >= 4 && data[0] == 'g' && data[1] == 'l' && data[2] == 'T' && data[3] == 'F';
    const std::string path = la::fuzz::writeInput(data, size, binary ? ".glb" : ".gltf");
    auto m = la::io::loadModel(path);
    if (!m.ok() && m.error().find('\n') != std::string::npos) __builtin_trap();  // errors are one line
    return 0;
}
