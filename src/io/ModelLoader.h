#pragma once
// Loads any supported model file into the one CPU-side la::Model.
// .gltf/.glb through tinygltf; .obj .fbx .stl .dae .ply (and other Assimp formats) through Assimp.
#include <atomic>
#include <string>

#include "core/Model.h"
#include "core/Result.h"

namespace la::io {

struct LoadOptions {
    // false: a glTF reads buffers and images only from its own folder and below (a uri such as
    // "../../etc/passwd" is refused). true (--trust-paths): any path it names.
    bool trustPaths = false;
    // Processor and wall-clock seconds an Assimp import may take in its child process before it is ended.
    int importCpuSeconds = 20;
    double importSeconds = 120.0;
    int scene = -1;  // glTF: the scene to show (--scene); -1 = the file's `scene`, else the first
    // Set by another thread to give up a load nobody waits for any more (a newer one superseded it, the
    // window closes): an Assimp import's child is ended at once. Null: never cancelled.
    const std::atomic<bool>* cancel = nullptr;
};

// Errors are one line: "<path>: <problem>". Never throws: every exception (out of memory included) becomes a
// line. Coordinates that are not finite or lie beyond kMaxCoordinate metres after the node transforms are
// refused with a line naming the node.
Result<Model> loadModel(const std::string& path, const LoadOptions& options = {});

Result<Model> loadGltf(const std::string& path, const LoadOptions& options = {});
// Assimp runs in a child process with a time and memory limit (IsolatedImport); importWithAssimp is the
// import itself, in this process.
Result<Model> loadWithAssimp(const std::string& path, const LoadOptions& options = {});
Result<Model> importWithAssimp(const std::string& path);

}  // namespace la::io
