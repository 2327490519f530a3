// glTF 2.0 (.gltf with external or data-URI buffers, .glb) -> la::Model through tinygltf.
#include <algorithm>
#include <filesystem>
#include <set>

#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>
#include <tiny_gltf.h>

#include "core/MeshOps.h"
#include "io/GltfAccessor.h"
#include "io/LoaderUtil.h"
#include "io/ModelLoader.h"

namespace la::io {

namespace {

const std::set<std::string> kSupportedRequired = {"KHR_mesh_quantization", "KHR_materials_emissive_strength"};

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
        for (int i = 0; i < 16; ++i) glm::value_ptr(m)[i] = static_cast<float>(n.matrix[static_cast<std::size_t>(i)]);
        return m;  // glTF matrices are column-major, as glm's
    }
    glm::vec3 t(0.0f), s(1.0f);
    glm::quat r(1.0f, 0.0f, 0.0f, 0.0f);
    if (n.translation.size() == 3) t = {n.translation[0], n.translation[1], n.translation[2]};
    if (n.scale.size() == 3) s = {n.scale[0], n.scale[1], n.scale[2]};
    if (n.rotation.size() == 4)
        r = glm::quat(static_cast<float>(n.rotation[3]), static_cast<float>(n.rotation[0]),
                      static_cast<float>(n.rotation[1]), static_cast<float>(n.rotation[2]));
    return glm::translate(glm::mat4(1.0f), t) * glm::mat4_cast(glm::normalize(r)) * glm::scale(glm::mat4(1.0f), s);
}

Texture convertTexture(const tinygltf::Model& m, const tinygltf::Texture& tex) {
    Texture out;
    out.name = tex.name;
    if (tex.source < 0 || static_cast<std::size_t>(tex.source) >= m.images.size()) return out;
    const auto& img = m.images[static_cast<std::size_t>(tex.source)];
    if (img.image.empty() || img.bits != 8 || img.component < 1) return out;
    out.width = img.width;
    out.height = img.height;
    out.rgba.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4);
    const auto comp = static_cast<std::size_t>(img.component);
    for (std::size_t i = 0; i < out.rgba.size() / 4; ++i)
        for (std::size_t c = 0; c < 4; ++c)
            out.rgba[i * 4 + c] = c < comp ? img.image[i * comp + c] : (c == 3 ? 255 : img.image[i * comp]);
    if (tex.sampler >= 0 && static_cast<std::size_t>(tex.sampler) < m.samplers.size())
        out.repeat = m.samplers[static_cast<std::size_t>(tex.sampler)].wrapS != TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE;
    return out;
}

Material convertMaterial(const tinygltf::Material& mat, std::size_t textureCount) {
    Material out;
    out.name = mat.name;
    const auto& pbr = mat.pbrMetallicRoughness;
    if (pbr.baseColorFactor.size() == 4)
        out.baseColor = {pbr.baseColorFactor[0], pbr.baseColorFactor[1], pbr.baseColorFactor[2],
                         pbr.baseColorFactor[3]};
    if (pbr.baseColorTexture.index >= 0 && static_cast<std::size_t>(pbr.baseColorTexture.index) < textureCount)
        out.baseColorTexture = pbr.baseColorTexture.index;
    out.metallic = static_cast<float>(pbr.metallicFactor);
    out.roughness = static_cast<float>(pbr.roughnessFactor);
    if (mat.emissiveFactor.size() == 3)
        out.emissive = {mat.emissiveFactor[0], mat.emissiveFactor[1], mat.emissiveFactor[2]};
    out.alphaMode = mat.alphaMode == "BLEND"  ? AlphaMode::Blend
                    : mat.alphaMode == "MASK" ? AlphaMode::Mask
                                              : AlphaMode::Opaque;
    out.alphaCutoff = static_cast<float>(mat.alphaCutoff);
    out.doubleSided = mat.doubleSided;
    return out;
}

// One glTF primitive -> triangle list. Returns false with err on bad data; `skip` for non-triangle modes.
bool convertPrimitive(const tinygltf::Model& m, const tinygltf::Primitive& src, Primitive& dst, bool& skip,
                      std::string& err) {
    skip = false;
    if (src.mode != TINYGLTF_MODE_TRIANGLES && src.mode != TINYGLTF_MODE_TRIANGLE_STRIP &&
        src.mode != TINYGLTF_MODE_TRIANGLE_FAN && src.mode != -1) {
        skip = true;  // points and lines are not surfaces; nothing to shade or pick
        return true;
    }
    auto pos = src.attributes.find("POSITION");
    if (pos == src.attributes.end()) {
        err = "a primitive has no POSITION attribute";
        return false;
    }
    std::vector<glm::vec4> tmp;
    int comps = 0;
    if (!readFloatAccessor(m, pos->second, tmp, comps, err)) return false;
    dst.positions.resize(tmp.size());
    for (std::size_t i = 0; i < tmp.size(); ++i) dst.positions[i] = glm::vec3(tmp[i]);
    const std::size_t n = dst.positions.size();

    auto readOptional = [&](const char* name, auto& target, auto convert) -> bool {
        auto it = src.attributes.find(name);
        if (it == src.attributes.end()) return true;
        if (!readFloatAccessor(m, it->second, tmp, comps, err)) return false;
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
        !readOptional("COLOR_0", dst.colors,
                      [](glm::vec4 v, int c) { return c == 3 ? glm::vec4(glm::vec3(v), 1.0f) : v; }) ||
        !readOptional("_FIBRE", dst.fibres, [](glm::vec4 v, int) { return glm::vec3(v); }))
        return false;

    std::vector<std::uint32_t> idx;
    if (src.indices >= 0) {
        if (!readIndexAccessor(m, src.indices, idx, err)) return false;
    } else {
        idx.resize(n);
        for (std::size_t i = 0; i < n; ++i) idx[i] = static_cast<std::uint32_t>(i);
    }
    for (std::uint32_t i : idx)
        if (i >= n) {
            err = "index " + std::to_string(i) + " is out of range (the primitive has " + std::to_string(n) +
                  " vertices)";
            return false;
        }
    if (src.mode == TINYGLTF_MODE_TRIANGLE_STRIP)
        idx = stripToList(idx);
    else if (src.mode == TINYGLTF_MODE_TRIANGLE_FAN)
        idx = fanToList(idx);
    idx.resize(idx.size() / 3 * 3);
    dst.indices = std::move(idx);
    dst.material = src.material;
    if (dst.normals.empty()) generateNormals(dst);
    computeBounds(dst);
    return true;
}

}  // namespace

Result<Model> loadGltf(const std::string& path) {
    tinygltf::TinyGLTF loader;
    tinygltf::Model gm;
    std::string err, warn;
    const std::string ext = lowerExtension(path);
    bool ok = ext == ".glb" ? loader.LoadBinaryFromFile(&gm, &err, &warn, path)
                            : loader.LoadASCIIFromFile(&gm, &err, &warn, path);
    if (!ok) return Error{path + ": " + oneLine(err.empty() ? "could not be read as glTF" : err)};

    for (const auto& req : gm.extensionsRequired)
        if (!kSupportedRequired.count(req)) return Error{path + ": requires unsupported extension " + req};

    Model model;
    model.source = path;
    model.name = std::filesystem::path(path).filename().string();
    for (const auto& t : gm.textures) model.textures.push_back(convertTexture(gm, t));
    for (const auto& mat : gm.materials) model.materials.push_back(convertMaterial(mat, model.textures.size()));

    for (std::size_t mi = 0; mi < gm.meshes.size(); ++mi) {
        Mesh mesh;
        mesh.name = gm.meshes[mi].name;
        for (const auto& p : gm.meshes[mi].primitives) {
            Primitive prim;
            bool skip = false;
            if (!convertPrimitive(gm, p, prim, skip, err))
                return Error{path + ": mesh " + std::to_string(mi) + " ('" + mesh.name + "'): " + err};
            if (skip) continue;
            if (prim.material >= static_cast<int>(model.materials.size())) prim.material = -1;
            mesh.primitives.push_back(std::move(prim));
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

    // Roots: the default scene's nodes, else every node without a parent.
    const int scene = gm.defaultScene >= 0 ? gm.defaultScene : (gm.scenes.empty() ? -1 : 0);
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
    if (model.triangleCount() == 0) return Error{path + ": contains no triangles to show"};
    return model;
}

}  // namespace la::io
