// OBJ, FBX, STL, DAE, PLY (and Assimp's other formats) -> la::Model.
#include <filesystem>
#include <fstream>

#include <assimp/DefaultIOSystem.h>
#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "core/MeshOps.h"
#include "io/BoundedFile.h"
#include "io/ImageDecode.h"
#include "io/IsolatedImport.h"
#include "io/LoaderUtil.h"
#include "io/ModelLoader.h"

namespace la::io {

namespace {

glm::mat4 toGlm(const aiMatrix4x4& a) {
    // Assimp is row-major; glm is column-major.
    return glm::mat4(a.a1, a.b1, a.c1, a.d1, a.a2, a.b2, a.c2, a.d2, a.a3, a.b3, a.c3, a.d3, a.a4, a.b4, a.c4, a.d4);
}

// Assimp opens every file it reads (the model, an OBJ's mtllib, ...) through this: regular files of bounded size
// only, so a FIFO or /dev/zero named by a file is refused instead of blocking or filling memory.
class BoundedIOSystem : public Assimp::DefaultIOSystem {
public:
    bool Exists(const char* file) const override {
        return notRegularFileProblem(file).empty() && Assimp::DefaultIOSystem::Exists(file);
    }
    Assimp::IOStream* Open(const char* file, const char* mode = "rb") override {
        if (!notRegularFileProblem(file).empty()) return nullptr;
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec && size > kModelFileLimit) return nullptr;
        return Assimp::DefaultIOSystem::Open(file, mode);
    }
};

Texture decode(const unsigned char* data, std::size_t size, const std::string& name, std::size_t& imageBytesLeft) {
    Texture t;
    t.name = name;
    std::string problem;
    if (!decodeImageLimited(data, size, imageBytesLeft, t.width, t.height, t.rgba, problem)) t.rgba.clear();
    return t;
}

int loadTexture(const aiScene* scene, const aiMaterial* mat, const std::filesystem::path& dir, Model& model,
                std::size_t& imageBytesLeft) {
    aiString texPath;
    if (mat->GetTexture(aiTextureType_BASE_COLOR, 0, &texPath) != AI_SUCCESS &&
        mat->GetTexture(aiTextureType_DIFFUSE, 0, &texPath) != AI_SUCCESS)
        return -1;
    Texture tex;
    if (const aiTexture* embedded = scene->GetEmbeddedTexture(texPath.C_Str())) {
        if (embedded->mHeight == 0) {
            tex = decode(reinterpret_cast<const unsigned char*>(embedded->pcData), embedded->mWidth, texPath.C_Str(),
                         imageBytesLeft);
        } else if (embedded->mWidth <= static_cast<unsigned>(kMaxImageSide) &&
                   embedded->mHeight <= static_cast<unsigned>(kMaxImageSide)) {
            tex.name = texPath.C_Str();
            tex.width = static_cast<int>(embedded->mWidth);
            tex.height = static_cast<int>(embedded->mHeight);
            for (unsigned i = 0; i < embedded->mWidth * embedded->mHeight; ++i) {
                const aiTexel& px = embedded->pcData[i];
                tex.rgba.insert(tex.rgba.end(), {px.r, px.g, px.b, px.a});
            }
        }
    } else {
        // A missing, unreadable or oversized texture shows the base colour; not an error.
        std::vector<unsigned char> bytes;
        std::string problem;
        if (!readBoundedFile((dir / texPath.C_Str()).string(), kModelFileLimit, bytes, problem)) return -1;
        tex = decode(bytes.data(), bytes.size(), texPath.C_Str(), imageBytesLeft);
    }
    if (tex.rgba.empty()) return -1;
    model.textures.push_back(std::move(tex));
    return static_cast<int>(model.textures.size()) - 1;
}

Material convertMaterial(const aiScene* scene, const aiMaterial* m, const std::filesystem::path& dir, Model& model,
                         std::size_t& imageBytesLeft) {
    Material out;
    aiString name;
    if (m->Get(AI_MATKEY_NAME, name) == AI_SUCCESS) out.name = name.C_Str();
    aiColor4D c;
    if (m->Get(AI_MATKEY_BASE_COLOR, c) == AI_SUCCESS || m->Get(AI_MATKEY_COLOR_DIFFUSE, c) == AI_SUCCESS)
        out.baseColor = {c.r, c.g, c.b, c.a};
    float opacity = 1.0f;
    if (m->Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && opacity < 1.0f) {
        out.baseColor.w = opacity;
        out.alphaMode = AlphaMode::Blend;
    }
    if (m->Get(AI_MATKEY_COLOR_EMISSIVE, c) == AI_SUCCESS) out.emissive = {c.r, c.g, c.b};
    int twoSided = 0;
    if (m->Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS) out.doubleSided = twoSided != 0;
    out.baseColorTexture = loadTexture(scene, m, dir, model, imageBytesLeft);
    return out;
}

Primitive convertMesh(const aiMesh* src) {
    Primitive p;
    p.positions.resize(src->mNumVertices);
    for (unsigned i = 0; i < src->mNumVertices; ++i)
        p.positions[i] = {src->mVertices[i].x, src->mVertices[i].y, src->mVertices[i].z};
    if (src->HasNormals()) {
        p.normals.resize(src->mNumVertices);
        for (unsigned i = 0; i < src->mNumVertices; ++i)
            p.normals[i] = {src->mNormals[i].x, src->mNormals[i].y, src->mNormals[i].z};
    }
    if (src->HasTextureCoords(0)) {
        p.uvs.resize(src->mNumVertices);
        // Assimp flips nothing by default: OBJ's v runs up; glTF's (and ours) runs down.
        for (unsigned i = 0; i < src->mNumVertices; ++i)
            p.uvs[i] = {src->mTextureCoords[0][i].x, 1.0f - src->mTextureCoords[0][i].y};
    }
    if (src->HasVertexColors(0)) {
        p.colors.resize(src->mNumVertices);
        for (unsigned i = 0; i < src->mNumVertices; ++i) {
            const aiColor4D& c = src->mColors[0][i];
            p.colors[i] = {c.r, c.g, c.b, c.a};
        }
    }
    for (unsigned f = 0; f < src->mNumFaces; ++f) {
        const aiFace& face = src->mFaces[f];
        if (face.mNumIndices != 3) continue;  // points and lines (after triangulation)
        p.indices.insert(p.indices.end(), face.mIndices, face.mIndices + 3);
    }
    p.material = static_cast<int>(src->mMaterialIndex);
    if (p.normals.empty()) generateNormals(p);
    computeBounds(p);
    return p;
}

}  // namespace

Result<Model> importWithAssimp(const std::string& path) {
    Assimp::Importer importer;
    importer.SetIOHandler(new BoundedIOSystem);  // the importer owns it
    const aiScene* scene =
        importer.ReadFile(path, aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_SortByPType |
                                    aiProcess_ValidateDataStructure | aiProcess_FindInvalidData);
    if (!scene || !scene->mRootNode || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE)) {
        const std::string why = oneLine(importer.GetErrorString());
        // Assimp catches the out-of-memory of a header that claims a billion vertices and reports its name.
        if (why.find("bad_alloc") != std::string::npos)
            return Error{path + ": the importer ran out of memory on this file (is a count in it damaged?)"};
        return Error{path + ": " + why};
    }

    Model model;
    model.source = path;
    model.name = std::filesystem::path(path).filename().string();
    const auto dir = std::filesystem::path(path).parent_path();
    std::size_t imageBytesLeft = kImageBytesLimit;
    for (unsigned i = 0; i < scene->mNumMaterials; ++i)
        model.materials.push_back(convertMaterial(scene, scene->mMaterials[i], dir, model, imageBytesLeft));
    std::vector<Primitive> prims;
    for (unsigned i = 0; i < scene->mNumMeshes; ++i) prims.push_back(convertMesh(scene->mMeshes[i]));

    // Depth-first over aiNodes; each node with meshes gets one la::Mesh of its primitives.
    struct Item {
        const aiNode* node;
        int parent;
    };
    std::vector<Item> stack{{scene->mRootNode, -1}};
    while (!stack.empty()) {
        Item it = stack.back();
        stack.pop_back();
        Node n;
        n.name = it.node->mName.length ? it.node->mName.C_Str() : "node_" + std::to_string(model.nodes.size());
        n.local = toGlm(it.node->mTransformation);
        n.parent = it.parent;
        if (it.node->mNumMeshes) {
            Mesh mesh;
            mesh.name = n.name;
            for (unsigned k = 0; k < it.node->mNumMeshes; ++k) {
                const Primitive& p = prims[it.node->mMeshes[k]];
                if (!p.indices.empty()) mesh.primitives.push_back(p);
            }
            if (!mesh.primitives.empty()) {
                model.meshes.push_back(std::move(mesh));
                n.mesh = static_cast<int>(model.meshes.size()) - 1;
            }
        }
        const int index = static_cast<int>(model.nodes.size());
        model.nodes.push_back(std::move(n));
        if (it.parent >= 0)
            model.nodes[static_cast<std::size_t>(it.parent)].children.push_back(index);
        else
            model.roots.push_back(index);
        for (unsigned c = it.node->mNumChildren; c-- > 0;) stack.push_back({it.node->mChildren[c], index});
    }
    model.updateWorldTransforms();
    if (const std::string bad = coordinateProblem(model); !bad.empty()) return Error{path + ": " + bad};
    if (model.triangleCount() == 0) return Error{path + ": contains no triangles to show"};
    return model;
}

Result<Model> loadWithAssimp(const std::string& path, const LoadOptions& options) {
    IsolationLimits limits;
    limits.seconds = options.importSeconds;
    limits.cpuSeconds = options.importCpuSeconds;
    limits.cancel = options.cancel;
    return runIsolated(
        path, [&path] { return importWithAssimp(path); }, limits);
}

namespace {

// Assimp's PLY reader spins on a header that never ends (20 s of processor time in the child, and far longer on
// a busy machine, before the time limit ends it): a PLY whose first 64 KB hold no complete header is refused
// at once. Empty when the header is whole (the rest is Assimp's to judge).
std::string plyHeaderProblem(const std::string& path) {
    constexpr std::size_t kHeaderLimit = 64 * 1024;
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};  // the importer's open reports it
    std::string head(kHeaderLimit, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.rfind("ply", 0) != 0 || (head.size() > 3 && head[3] != '\n' && head[3] != '\r'))
        return "is not a PLY file (it does not start with the line 'ply')";
    for (std::size_t at = head.find("end_header"); at != std::string::npos; at = head.find("end_header", at + 1)) {
        const bool lineStart = head[at - 1] == '\n';
        const std::size_t after = at + 10;
        if (lineStart && (after == head.size() || head[after] == '\n' || head[after] == '\r' || head[after] == ' '))
            return {};
    }
    return head.size() < kHeaderLimit ? "is a damaged PLY file: its header has no 'end_header' line"
                                      : "is a damaged PLY file: no 'end_header' line in its first 64 KB";
}

Result<Model> loadAny(const std::string& path, const LoadOptions& options) {
    try {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) return Error{path + ": no such file"};
        if (const std::string p = notRegularFileProblem(path); !p.empty()) return Error{path + ": " + p};
        const std::string ext = lowerExtension(path);
        if (ext == ".gltf" || ext == ".glb") return loadGltf(path, options);
        if (ext == ".ply")
            if (const std::string p = plyHeaderProblem(path); !p.empty()) return Error{path + ": " + p};
        return loadWithAssimp(path, options);
    } catch (const std::bad_alloc&) {
        return Error{path + ": needs more memory than there is (is the file damaged?)"};
    } catch (const std::exception& e) {
        return Error{path + ": " + oneLine(e.what())};
    } catch (...) {
        return Error{path + ": could not be loaded"};
    }
}

}  // namespace

Result<Model> loadModel(const std::string& path, const LoadOptions& options) {
    Result<Model> r = loadAny(path, options);
    // A library's message may quote a long name from the file; the line stays readable (and drawable).
    constexpr std::size_t kMaxLine = 600;
    if (!r && r.error().size() > kMaxLine) return Error{r.error().substr(0, kMaxLine) + "..."};
    if (r) r->generation = Model::newGeneration();
    return r;
}

}  // namespace la::io
