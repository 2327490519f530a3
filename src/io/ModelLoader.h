#pragma once
// Loads any supported model file into the one CPU-side la::Model.
// .gltf/.glb through tinygltf; .obj .fbx .stl .dae .ply (and other Assimp formats) through Assimp.
#include <string>

#include "core/Model.h"
#include "core/Result.h"

namespace la::io {

// Errors are one line: "<path>: <problem>". Never throws.
Result<Model> loadModel(const std::string& path);

Result<Model> loadGltf(const std::string& path);
Result<Model> loadWithAssimp(const std::string& path);

}  // namespace la::io
