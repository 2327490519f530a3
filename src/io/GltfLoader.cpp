// glTF 2.0 (.gltf with external or data-URI buffers, .glb) -> la::Model through tinygltf.
#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>
#include <string_view>

#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <tiny_gltf.h>

#include "core/MeshOps.h"
#include "io/BoundedFile.h"
#include "io/GltfAccessor.h"
#include "io/GltfDraco.h"
#include "io/GltfFiles.h"
#include "io/GltfMaterials.h"
#include "io/LoaderUtil.h"
#include "io/ModelLoader.h"

namespace la::io {

namespace {

glm::vec3 vec3Of(const std::vector<double>& v) {
    return {toFloat(v[0]), toFloat(v[1]), toFloat(v[2])};
}

void flattenExtras(const tinygltf::Value& v, std::map<std::string, std::string>& out) {
    if (!v.IsObject()) return;
    for (const auto& key : v.Keys()) {
        const auto& e = v.Get(key);
        if (e.IsString())
            out[key] = e.Get<std::string>();
        else if (e.IsInt())
            out[key] = std::to_string(e.Get<int>());
        else if (e.IsNumber())
            out[key] = std::to_string(e.GetNumberAsDouble());
        else if (e.IsBool())
            out[key] = e.Get<bool>() ? "true" : "false";
    }
}

glm::mat4 localMatrix(const tinygltf::Node& n) {
    if (n.matrix.size() == 16) {
        glm::mat4 m;
        for (int i = 0; i < 16; ++i) glm::value_ptr(m)[i] = toFloat(n.matrix[static_cast<std::size_t>(i)]);
        return m;  // glTF matrices are column-major, as glm's
    }
    glm::vec3 t(0.0f), s(1.0f);
    glm::quat r(1.0f, 0.0f, 0.0f, 0.0f);
    if (n.translation.size() == 3) t = vec3Of(n.translation);
    if (n.scale.size() == 3) s = vec3Of(n.scale);
    if (n.rotation.size() == 4)
        r = glm::quat(toFloat(n.rotation[3]), toFloat(n.rotation[0]), toFloat(n.rotation[1]), toFloat(n.rotation[2]));
    return glm::translate(glm::mat4(1.0f), t) * glm::mat4_cast(glm::normalize(r)) * glm::scale(glm::mat4(1.0f), s);
}

TextureWrap convertWrap(int mode) {
    if (mode == TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE) return TextureWrap::ClampToEdge;
    if (mode == TINYGLTF_TEXTURE_WRAP_MIRRORED_REPEAT) return TextureWrap::MirroredRepeat;
    return TextureWrap::Repeat;
}

// glTF's sampler; a filter the file leaves out (or an unknown value) is the viewer's choice: linear, and
// trilinear through mipmaps when minifying.
TextureSampler convertSampler(const tinygltf::Sampler& s) {
    TextureSampler out;
    out.wrapS = convertWrap(s.wrapS);
    out.wrapT = convertWrap(s.wrapT);
    if (s.magFilter == TINYGLTF_TEXTURE_FILTER_NEAREST) out.mag = TextureFilter::Nearest;
    switch (s.minFilter) {
        case TINYGLTF_TEXTURE_FILTER_NEAREST:
            out = {out.wrapS, out.wrapT, out.mag, TextureFilter::Nearest, false};
            break;
        case TINYGLTF_TEXTURE_FILTER_LINEAR:
            out.mipmaps = false;
            break;
        case TINYGLTF_TEXTURE_FILTER_NEAREST_MIPMAP_NEAREST:
            out.min = TextureFilter::Nearest;
            out.mipmap = TextureFilter::Nearest;
            break;
        case TINYGLTF_TEXTURE_FILTER_LINEAR_MIPMAP_NEAREST:
            out.mipmap = TextureFilter::Nearest;
            break;
        case TINYGLTF_TEXTURE_FILTER_NEAREST_MIPMAP_LINEAR:
            out.min = TextureFilter::Nearest;
            break;
        default:
            break;  // LINEAR_MIPMAP_LINEAR or unset
    }
    return out;
}

Texture convertTexture(const tinygltf::Model& m, const tinygltf::Texture& tex) {
    Texture out;
    out.name = tex.name;
    if (tex.source < 0 || static_cast<std::size_t>(tex.source) >= m.images.size()) return out;
    const auto& img = m.images[static_cast<std::size_t>(tex.source)];
    if (img.image.empty() || img.bits != 8 || img.component < 1 || img.width < 1 || img.height < 1 ||
        img.image.size() / static_cast<std::size_t>(img.component) / static_cast<std::size_t>(img.width) <
            static_cast<std::size_t>(img.height))
        return out;
    out.width = img.width;
    out.height = img.height;
    out.rgba.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4);
    const auto comp = static_cast<std::size_t>(img.component);
    for (std::size_t i = 0; i < out.rgba.size() / 4; ++i)
        for (std::size_t c = 0; c < 4; ++c)
            out.rgba[i * 4 + c] = c < comp ? img.image[i * comp + c] : (c == 3 ? 255 : img.image[i * comp]);
    if (tex.sampler >= 0 && static_cast<std::size_t>(tex.sampler) < m.samplers.size())
        out.sampler = convertSampler(m.samplers[static_cast<std::size_t>(tex.sampler)]);
    return out;
}

// LINE_STRIP and LINE_LOOP as pairs of indices; LINES keeps whole pairs.
std::vector<std::uint32_t> linesToList(const std::vector<std::uint32_t>& idx, int mode) {
    if (mode == TINYGLTF_MODE_LINE) return {idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(idx.size() / 2 * 2)};
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i + 1 < idx.size(); ++i) out.insert(out.end(), {idx[i], idx[i + 1]});
    if (mode == TINYGLTF_MODE_LINE_LOOP && idx.size() > 2) out.insert(out.end(), {idx.back(), idx.front()});
    return out;
}

// The primitive's attributes and indices from its accessors (no indices: 0 .. n-1).
bool readPrimitiveAccessors(const tinygltf::Model& m, const tinygltf::Primitive& src, Primitive& dst,
                            std::vector<std::uint32_t>& idx, AccessorBudget& budget, std::string& err) {
    auto pos = src.attributes.find("POSITION");
    if (pos == src.attributes.end()) {
        err = "a primitive has no POSITION attribute";
        return false;
    }
    std::vector<glm::vec4> tmp;
    int comps = 0;
    if (!readFloatAccessor(m, pos->second, tmp, comps, err, &budget)) return false;
    dst.positions.resize(tmp.size());
    for (std::size_t i = 0; i < tmp.size(); ++i) dst.positions[i] = glm::vec3(tmp[i]);
    const std::size_t n = dst.positions.size();

    auto readOptional = [&](const char* name, auto& target, auto convert) -> bool {
        auto it = src.attributes.find(name);
        if (it == src.attributes.end()) return true;
        if (!readFloatAccessor(m, it->second, tmp, comps, err, &budget)) return false;
        if (tmp.size() != n) {
            err = std::string("attribute ") + name + " has " + std::to_string(tmp.size()) + " elements, POSITION has " +
                  std::to_string(n);
            return false;
        }
        target.resize(n);
        for (std::size_t i = 0; i < n; ++i) target[i] = convert(tmp[i], comps);
        return true;
    };
    if (!readOptional("NORMAL", dst.normals, [](glm::vec4 v, int) { return glm::vec3(v); }) ||
        !readOptional("TEXCOORD_0", dst.uvs, [](glm::vec4 v, int) { return glm::vec2(v); }) ||
        !readOptional("TEXCOORD_1", dst.uvs1, [](glm::vec4 v, int) { return glm::vec2(v); }) ||
        !readOptional("COLOR_0", dst.colors,
                      [](glm::vec4 v, int c) { return c == 3 ? glm::vec4(glm::vec3(v), 1.0f) : v; }) ||
        !readOptional("_FIBRE", dst.fibres, [](glm::vec4 v, int) { return glm::vec3(v); }))
        return false;

    if (src.indices >= 0) {
        if (!readIndexAccessor(m, src.indices, idx, err, &budget)) return false;
    } else {
        idx.resize(n);
        for (std::size_t i = 0; i < n; ++i) idx[i] = static_cast<std::uint32_t>(i);
    }
    return true;
}

// One glTF primitive -> triangle list. Returns false with err on bad data; `skip` for non-triangle modes.
bool convertPrimitive(const tinygltf::Model& m, const tinygltf::Primitive& src, Primitive& dst, bool& skip,
                      AccessorBudget& budget, std::string& err) {
    skip = false;
    const bool lines =
        src.mode == TINYGLTF_MODE_LINE || src.mode == TINYGLTF_MODE_LINE_LOOP || src.mode == TINYGLTF_MODE_LINE_STRIP;
    const bool points = src.mode == TINYGLTF_MODE_POINTS;
    if (!lines && !points && src.mode != TINYGLTF_MODE_TRIANGLES && src.mode != TINYGLTF_MODE_TRIANGLE_STRIP &&
        src.mode != TINYGLTF_MODE_TRIANGLE_FAN && src.mode != -1) {
        skip = true;  // not a glTF mode
        return true;
    }
    std::vector<std::uint32_t> idx;
    const bool draco = isDracoCompressed(src);
    if (draco && lines) {
        err = "a Draco-compressed primitive draws lines (the extension holds triangles and points only)";
        return false;
    }
    if (draco) {
        if (!decodeDracoPrimitive(m, src, dst, idx, budget.bytesLeft, err)) return false;
    } else if (!readPrimitiveAccessors(m, src, dst, idx, budget, err)) {
        return false;
    }
    const std::size_t n = dst.positions.size();
    for (std::uint32_t i : idx)
        if (i >= n) {
            err = "index " + std::to_string(i) + " is out of range (the primitive has " + std::to_string(n) +
                  " vertices)";
            return false;
        }
    if (lines || points) {
        dst.mode = points ? PrimitiveMode::Points : PrimitiveMode::Lines;
        dst.indices = points ? std::move(idx) : linesToList(idx, src.mode);
        dst.material = src.material;
        computeBounds(dst);
        return true;
    }
    // Draco's faces are a triangle list already.
    if (!draco && src.mode == TINYGLTF_MODE_TRIANGLE_STRIP)
        idx = stripToList(idx);
    else if (!draco && src.mode == TINYGLTF_MODE_TRIANGLE_FAN)
        idx = fanToList(idx);
    idx.resize(idx.size() / 3 * 3);
    dst.indices = std::move(idx);
    dst.material = src.material;
    if (dst.normals.empty()) generateNormals(dst);
    computeBounds(dst);
    return true;
}

}  // namespace

Result<Model> loadGltf(const std::string& path, const LoadOptions& options) {
    // The file is read by us (regular file, size cap) and its JSON nesting measured before tinygltf, whose
    // parser recurses, sees it.
    std::vector<unsigned char> bytes;
    std::string problem;
    if (!readBoundedFile(path, kModelFileLimit, bytes, problem)) return Error{path + ": " + problem};
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    const bool binary = lowerExtension(path) == ".glb" || text.substr(0, 4) == "glTF";
    std::string_view json = text;
    if (binary && !glbJsonChunk(text, json, problem)) return Error{path + ": " + problem};
    if (jsonDepth(json, kMaxJsonDepth) > kMaxJsonDepth)
        return Error{path + ": its JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep"};
    // Draco-compressed primitives: their index accessors (without a buffer view) would stop tinygltf.
    if (!dropDracoIndexAccessors(bytes, binary, problem)) return Error{path + ": " + problem};
    const std::string_view source(reinterpret_cast<const char*>(bytes.data()), bytes.size());

    GltfFileAccess access;
    access.root = modelFolder(path);
    access.trustPaths = options.trustPaths;
    tinygltf::TinyGLTF loader;
    installFileAccess(loader, access);
    tinygltf::Model gm;
    std::string err, warn;
    const std::string baseDir = std::filesystem::path(path).parent_path().string();
    const bool ok = binary ? loader.LoadBinaryFromMemory(&gm, &err, &warn, bytes.data(),
                                                         static_cast<unsigned>(bytes.size()), baseDir)
                           : loader.LoadASCIIFromString(&gm, &err, &warn, source.data(),
                                                        static_cast<unsigned>(source.size()), baseDir);
    if (!ok)
        return Error{
            path + ": " +
            (!access.problem.empty() ? access.problem : oneLine(err.empty() ? "could not be read as glTF" : err))};
    if (!decodeBufferViewImages(gm, access, problem)) return Error{path + ": " + problem};
    bytes = {};  // the buffers hold their own copies

    for (const auto& req : gm.extensionsRequired)
        if (!isHandledExtension(req)) return Error{path + ": requires unsupported extension " + req};

    Model model;
    model.source = path;
    model.name = std::filesystem::path(path).filename().string();
    for (const auto& t : gm.textures) model.textures.push_back(convertTexture(gm, t));
    std::set<std::string> approximated;
    for (const auto& mat : gm.materials)
        model.materials.push_back(convertMaterial(mat, model.textures.size(), approximated));
    markLinearTextures(model);
    if (!approximated.empty()) {
        std::string list;
        for (const auto& a : approximated) list += (list.empty() ? "" : ", ") + a;
        model.warnings.push_back(model.name + ": drawn as their base material (approximated): " + list);
    }
    if (access.ktx2Images > 0)
        model.warnings.push_back(model.name + ": " + std::to_string(access.ktx2Images) +
                                 " KTX2/Basis texture(s) drawn untextured (no KTX2 decoder in this build)");

    AccessorBudget budget;
    for (std::size_t mi = 0; mi < gm.meshes.size(); ++mi) {
        Mesh mesh;
        mesh.name = gm.meshes[mi].name;
        for (const auto& p : gm.meshes[mi].primitives) {
            Primitive prim;
            bool skip = false;
            if (!convertPrimitive(gm, p, prim, skip, budget, err))
                return Error{path + ": mesh " + std::to_string(mi) + " (" + quotedName(mesh.name) + "): " + err};
            if (skip) continue;
            if (prim.material >= static_cast<int>(model.materials.size())) prim.material = -1;
            (prim.mode == PrimitiveMode::Triangles ? mesh.primitives : mesh.pointsAndLines).push_back(std::move(prim));
        }
        model.meshes.push_back(std::move(mesh));
    }

    const std::size_t nn = gm.nodes.size();
    model.nodes.resize(nn);
    for (std::size_t i = 0; i < nn; ++i) {
        const auto& src = gm.nodes[i];
        Node& dst = model.nodes[i];
        dst.name = src.name.empty() ? "node_" + std::to_string(i) : src.name;
        dst.local = localMatrix(src);
        if (src.mesh >= static_cast<int>(gm.meshes.size()))
            return Error{path + ": node " + std::to_string(i) + " refers to mesh " + std::to_string(src.mesh) +
                         ", which does not exist"};
        dst.mesh = src.mesh;
        flattenExtras(src.extras, dst.extras);
        for (int c : src.children) {
            if (c < 0 || static_cast<std::size_t>(c) >= nn)
                return Error{path + ": node " + std::to_string(i) + " has a child " + std::to_string(c) +
                             " that does not exist"};
            if (model.nodes[static_cast<std::size_t>(c)].parent >= 0 || static_cast<std::size_t>(c) == i)
                return Error{path + ": node " + std::to_string(c) + " has more than one parent (a node cycle)"};
            model.nodes[static_cast<std::size_t>(c)].parent = static_cast<int>(i);
            dst.children.push_back(c);
        }
    }
    if (!checkNoCycles(model)) return Error{path + ": the node hierarchy contains a cycle"};

    // Roots: the chosen scene's nodes (--scene, else the file's `scene`, else the first), else every node
    // without a parent.
    if (options.scene >= 0 && static_cast<std::size_t>(options.scene) >= gm.scenes.size())
        return Error{path + ": there is no scene " + std::to_string(options.scene) + " (the file has " +
                     std::to_string(gm.scenes.size()) + ")"};
    const int scene = options.scene >= 0     ? options.scene
                      : gm.defaultScene >= 0 ? gm.defaultScene
                                             : (gm.scenes.empty() ? -1 : 0);
    if (scene >= 0 && static_cast<std::size_t>(scene) < gm.scenes.size()) {
        for (int r : gm.scenes[static_cast<std::size_t>(scene)].nodes)
            if (r >= 0 && static_cast<std::size_t>(r) < nn && model.nodes[static_cast<std::size_t>(r)].parent < 0)
                model.roots.push_back(r);
    } else {
        for (std::size_t i = 0; i < nn; ++i)
            if (model.nodes[i].parent < 0) model.roots.push_back(static_cast<int>(i));
    }
    // Meshes not reachable from a scene are not drawn: detach unreachable nodes from rendering.
    if (!model.updateWorldTransforms()) return Error{path + ": the node hierarchy contains a cycle"};
    pruneUnreachable(model);
    if (const std::string bad = coordinateProblem(model); !bad.empty()) return Error{path + ": " + bad};
    if (model.triangleCount() == 0 && !model.hasPointsOrLines())
        return Error{path + ": contains no triangles, lines or points to show"};
    return model;
}

}  // namespace la::io
