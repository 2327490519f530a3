#include "core/ModelFiles.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace la {

bool isModelFile(const std::string& path) {
    std::string e = std::filesystem::path(path).extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e == ".gltf" || e == ".glb" || e == ".obj" || e == ".fbx" || e == ".stl" || e == ".dae" || e == ".ply";
}

const char* modelFileKinds() {
    return "a .glb, .gltf, .obj, .fbx, .stl, .dae or .ply file";
}

DropChoice chooseDroppedModel(const std::vector<std::string>& paths) {
    DropChoice c;
    if (paths.empty()) return c;
    namespace fs = std::filesystem;
    for (const auto& p : paths) {
        std::error_code ec;
        if (isModelFile(p) && !fs::is_directory(p, ec)) {
            c.open = p;
            return c;
        }
    }
    std::error_code ec;
    const std::string& first = paths.front();
    if (fs::is_directory(first, ec))
        c.problem = first + ": a folder, not a model file (drop " + modelFileKinds() + ")";
    else
        c.problem = first + ": not a model file (drop " + modelFileKinds() + ")";
    if (paths.size() > 1)
        c.problem +=
            "; nor is any of the " + std::to_string(paths.size() - 1) + " other file" + (paths.size() > 2 ? "s" : "");
    return c;
}

}  // namespace la
