#include "io/GltfFiles.h"

#include <cstring>
#include <sys/stat.h>

#include <tiny_gltf.h>

#include "io/BoundedFile.h"
#include "io/GltfMaterials.h"
#include "io/ImageDecode.h"
#include "io/LoaderUtil.h"

namespace la::io {

namespace fs = std::filesystem;

namespace {

GltfFileAccess& accessOf(void* userData) {
    return *static_cast<GltfFileAccess*>(userData);
}

void note(GltfFileAccess& a, const std::string& problem) {
    if (a.problem.empty()) a.problem = problem;
}

std::string shownName(const GltfFileAccess& a, const std::string& path) {
    const fs::path rel = fs::path(path).lexically_normal().lexically_relative(a.root);
    return rel.empty() ? path : rel.string();
}

// A path tinygltf wants to read: inside the folder (unless trusted) and a regular file.
bool allowed(GltfFileAccess& a, const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;  // not there: tinygltf says "File not found"
    if (!a.trustPaths && !insideFolder(a.root, path)) {
        note(a, "'" + shownName(a, path) +
                    "' lies outside the model's folder and was not read (--trust-paths reads it for a file you trust)");
        return false;
    }
    if (const std::string p = notRegularFileProblem(path); !p.empty()) {
        note(a, "'" + shownName(a, path) + "' " + p);
        return false;
    }
    return true;
}

bool fileExists(const std::string& path, void* userData) {
    return allowed(accessOf(userData), path);
}

std::string expandFilePath(const std::string& path, void*) {
    return path;
}  // no ~ or $VAR expansion

bool readWholeFile(std::vector<unsigned char>* out, std::string* err, const std::string& path, void* userData) {
    GltfFileAccess& a = accessOf(userData);
    if (!allowed(a, path)) {
        if (err) *err += a.problem;
        return false;
    }
    std::string problem;
    if (!readBoundedFile(path, kModelFileLimit, *out, problem)) {
        note(a, "'" + shownName(a, path) + "' " + problem);
        if (err) *err += a.problem;
        return false;
    }
    return true;
}

bool writeWholeFile(std::string* err, const std::string&, const std::vector<unsigned char>&, void*) {
    if (err) *err += "the viewer does not write glTF files";
    return false;
}

// Measures the image from its header, then decodes it to 8-bit RGBA within the limits.
bool decodeImage(tinygltf::Image& image, int index, const unsigned char* bytes, std::size_t size, GltfFileAccess& a,
                 std::string& problem) {
    if (isKtx2(bytes, size) || image.mimeType == "image/ktx2") {  // io/GltfMaterials: drawn untextured
        ++a.ktx2Images;
        return true;
    }
    if (decodeImageLimited(bytes, size, a.imageBytesLeft, image.width, image.height, image.image, problem)) {
        image.component = 4;
        image.bits = 8;
        image.pixel_type = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
        return true;
    }
    problem =
        "image " + std::to_string(index) + (image.name.empty() ? "" : " " + quotedName(image.name)) + " " + problem;
    return false;
}

bool loadImageData(tinygltf::Image* image, const int index, std::string* err, std::string*, int, int,
                   const unsigned char* bytes, int size, void* userData) {
    // tinygltf passes images in buffer views without checking the view against its buffer: leave them to
    // decodeBufferViewImages, which checks first.
    if (image->bufferView >= 0) return true;
    GltfFileAccess& a = accessOf(userData);
    std::string problem;
    if (size < 0 || !decodeImage(*image, index, bytes, static_cast<std::size_t>(size), a, problem)) {
        note(a, problem);
        if (err) *err += problem;
        return false;
    }
    return true;
}

std::uint32_t le32(std::string_view s, std::size_t at) {
    std::uint32_t v = 0;
    std::memcpy(&v, s.data() + at, 4);
    return v;  // glTF binaries are little-endian, as is every machine we build for
}

}  // namespace

fs::path modelFolder(const std::string& modelPath) {
    fs::path dir = fs::path(modelPath).parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(fs::absolute(dir, ec), ec);
    return ec ? dir : canon;
}

void installFileAccess(tinygltf::TinyGLTF& loader, GltfFileAccess& access) {
    tinygltf::FsCallbacks cb{};
    cb.FileExists = &fileExists;
    cb.ExpandFilePath = &expandFilePath;
    cb.ReadWholeFile = &readWholeFile;
    cb.WriteWholeFile = &writeWholeFile;
    cb.user_data = &access;
    loader.SetFsCallbacks(cb);
    loader.SetImageLoader(&loadImageData, &access);
}

bool insideFolder(const fs::path& root, const std::string& path) {
    std::error_code ec;
    const fs::path canon = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec || root.empty()) return false;
    auto r = root.begin();
    auto p = canon.begin();
    for (; r != root.end(); ++r, ++p) {
        if (r->empty()) continue;  // trailing separator
        if (p == canon.end() || *p != *r) return false;
    }
    return true;
}

int jsonDepth(std::string_view json, int limit) {
    int depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest && (deepest = depth) > limit) return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

bool glbJsonChunk(std::string_view glb, std::string_view& json, std::string& problem) {
    const auto fail = [&](const std::string& why) {
        problem = "is not a valid glTF binary: " + why;
        return false;
    };
    if (glb.size() < 20 || glb.substr(0, 4) != "glTF") return fail("no glTF header");
    if (le32(glb, 4) != 2) return fail("version " + std::to_string(le32(glb, 4)) + " (only 2 is read)");
    const std::uint64_t length = le32(glb, 8), jsonLength = le32(glb, 12);
    if (length > glb.size()) return fail("the header claims more bytes than the file has");
    if (le32(glb, 16) != 0x4E4F534Au || jsonLength == 0 || 20 + jsonLength > length)
        return fail("the JSON chunk is missing or longer than the file");
    const std::uint64_t binStart = 20 + jsonLength;
    if (binStart < length) {
        if (binStart + 8 > length) return fail("a chunk header is cut off");
        if (binStart + 8 + le32(glb, static_cast<std::size_t>(binStart)) > length)
            return fail("the binary chunk is longer than the file");
    }
    json = glb.substr(20, static_cast<std::size_t>(jsonLength));
    return true;
}

bool decodeBufferViewImages(tinygltf::Model& model, GltfFileAccess& access, std::string& problem) {
    for (std::size_t i = 0; i < model.images.size(); ++i) {
        tinygltf::Image& img = model.images[i];
        if (img.bufferView < 0) continue;
        const std::string what = "image " + std::to_string(i);
        if (static_cast<std::size_t>(img.bufferView) >= model.bufferViews.size()) {
            problem = what + " refers to a missing buffer view";
            return false;
        }
        const auto& view = model.bufferViews[static_cast<std::size_t>(img.bufferView)];
        if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= model.buffers.size()) {
            problem = what + " refers to a missing buffer";
            return false;
        }
        const auto& buf = model.buffers[static_cast<std::size_t>(view.buffer)].data;
        std::size_t end = 0;
        if (__builtin_add_overflow(view.byteOffset, view.byteLength, &end) || end > buf.size() ||
            view.byteLength == 0) {
            problem = what + " lies outside its buffer (buffer view " + std::to_string(img.bufferView) + ")";
            return false;
        }
        img.image.clear();
        if (!decodeImage(img, static_cast<int>(i), buf.data() + view.byteOffset, view.byteLength, access, problem))
            return false;
    }
    return true;
}

}  // namespace la::io
