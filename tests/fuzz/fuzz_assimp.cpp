// OBJ and PLY through the isolated importer (Assimp in a child process) and the wire format back.
#include "FuzzFile.h"
#include "io/ModelLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const bool ply = size >= 3 && data[0] == 'p' && data[1] == 'l' && data[2] == 'y';
    const std::string path = la::fuzz::writeInput(data, size, ply ? ".ply" : ".obj");
    la::io::LoadOptions options;
    options.importCpuSeconds = 2;  // truncated PLY files that make Assimp loop forever end here
    options.importSeconds = 5.0;
    auto m = la::io::loadModel(path, options);
    if (!m.ok() && m.error().find('\n') != std::string::npos) __builtin_trap();
    return 0;
}
