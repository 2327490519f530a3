#pragma once
// Our own file access for tinygltf: its file-system callbacks and image loader are replaced so that a glTF
// reads only regular files of bounded size inside its own folder (unless the user trusts the file), images are
// measured from their header before they are decoded, and images in buffer views are bounds-checked.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "io/ImageDecode.h"

namespace tinygltf {
class Model;
class TinyGLTF;
}  // namespace tinygltf

namespace la::io {

inline constexpr int kMaxJsonDepth = 512;

struct GltfFileAccess {
    std::filesystem::path root;  // canonical folder of the model; files outside it are refused
    bool trustPaths = false;     // true: any path the file names is read (still regular files, still capped)
    std::size_t imageBytesLeft = kImageBytesLimit;
    std::string problem;  // the first file we refused, as one line without the model's path
    int ktx2Images = 0;   // KTX2/Basis images: no decoder in Debian 12, left empty (drawn untextured)
};

// The folder of `modelPath`, made canonical (the current folder for a bare file name).
std::filesystem::path modelFolder(const std::string& modelPath);

// Points tinygltf's file and image callbacks at `access` (which must outlive the loader).
void installFileAccess(tinygltf::TinyGLTF& loader, GltfFileAccess& access);

// True when `path` (after resolving symbolic links) lies in `root` or below.
bool insideFolder(const std::filesystem::path& root, const std::string& path);

// Deepest nesting of [ and { outside strings; stops counting once it passes `limit`.
int jsonDepth(std::string_view json, int limit);

// Checks a .glb's header and chunk table against its size; on success `json` is the JSON chunk.
bool glbJsonChunk(std::string_view glb, std::string_view& json, std::string& problem);

// Decodes images stored in buffer views (their loading was deferred by the image callback) after checking
// that each view lies inside its buffer. Returns false with `problem` (one line) on a bad view or image.
bool decodeBufferViewImages(tinygltf::Model& model, GltfFileAccess& access, std::string& problem);

}  // namespace la::io
