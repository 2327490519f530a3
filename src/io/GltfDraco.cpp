#include "io/GltfDraco.h"

#include <cstring>
#include <draco/compression/decode.h>
#include <limits>
#include <memory>

#include <nlohmann/json.hpp>

#include "io/GltfFiles.h"

namespace la::io {

namespace {

constexpr const char* kExtension = "KHR_draco_mesh_compression";

void putLe32(std::vector<unsigned char>& out, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<unsigned char>(v >> (8 * i));
}

// Removes "indices" from compressed primitives; false when nothing changed.
bool dropIndices(nlohmann::json& doc) {
    if (!doc.is_object() || !doc.contains("meshes") || !doc["meshes"].is_array()) return false;
    bool changed = false;
    for (auto& mesh : doc["meshes"]) {
        if (!mesh.is_object() || !mesh.contains("primitives") || !mesh["primitives"].is_array()) continue;
        for (auto& prim : mesh["primitives"]) {
            if (!prim.is_object() || !prim.contains("indices") || !prim.contains("extensions")) continue;
            const auto& ext = prim["extensions"];
            if (ext.is_object() && ext.contains(kExtension)) {
                prim.erase("indices");
                changed = true;
            }
        }
    }
    return changed;
}

int intField(const tinygltf::Value& v, const char* key) {
    if (!v.IsObject() || !v.Has(key)) return -1;
    const auto& e = v.Get(key);
    if (!e.IsInt() && !e.IsNumber()) return -1;
    const double d = e.GetNumberAsDouble();
    if (!(d >= 0.0) || d > static_cast<double>(std::numeric_limits<int>::max())) return -1;
    return static_cast<int>(d);
}

// Reads one attribute as vec4s (unused components 0), charging the budget.
bool readAttribute(const draco::PointCloud& pc, int uniqueId, const char* name, std::vector<glm::vec4>& out,
                   int& components, std::size_t& bytesLeft, std::string& err) {
    const draco::PointAttribute* a = pc.GetAttributeByUniqueId(static_cast<std::uint32_t>(uniqueId));
    if (!a) {
        err = std::string("the Draco data has no attribute ") + std::to_string(uniqueId) + " (" + name + ")";
        return false;
    }
    components = a->num_components();
    if (components < 1 || components > 4) {
        err = std::string("Draco attribute ") + name + " has " + std::to_string(components) + " components";
        return false;
    }
    const std::size_t n = pc.num_points();
    if (n > bytesLeft / sizeof(glm::vec4)) {
        err = "its Draco data decodes to more vertex data than the model may hold";
        return false;
    }
    bytesLeft -= n * sizeof(glm::vec4);
    out.assign(n, glm::vec4(0.0f));
    for (std::size_t i = 0; i < n; ++i) {
        float v[4] = {0.0f, 0.0f, 0.0f, 0.0f};
        const draco::AttributeValueIndex at = a->mapped_index(draco::PointIndex(static_cast<std::uint32_t>(i)));
        if (at.value() >= a->size() || !a->ConvertValue<float>(at, static_cast<std::int8_t>(components), v)) {
            err = std::string("Draco attribute ") + name + " could not be read";
            return false;
        }
        out[i] = glm::vec4(v[0], v[1], v[2], v[3]);
    }
    return true;
}

}  // namespace

bool dropDracoIndexAccessors(std::vector<unsigned char>& bytes, bool binary, std::string& problem) {
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::string_view json = text;
    if (binary && !glbJsonChunk(text, json, problem)) return false;
    if (json.find(kExtension) == std::string_view::npos) return true;
    nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded() || !dropIndices(doc)) return true;
    std::string out = doc.dump();
    if (!binary) {
        bytes.assign(out.begin(), out.end());
        return true;
    }
    // GLB: header, the new JSON chunk (padded with spaces to 4 bytes), then every chunk after the old one.
    while (out.size() % 4 != 0) out.push_back(' ');
    const std::size_t oldJsonEnd = 20 + json.size();
    const std::size_t rest = bytes.size() - oldJsonEnd;
    std::vector<unsigned char> glb(20 + out.size() + rest);
    std::memcpy(glb.data(), bytes.data(), 8);  // magic and version
    putLe32(glb, 8, static_cast<std::uint32_t>(glb.size()));
    putLe32(glb, 12, static_cast<std::uint32_t>(out.size()));
    std::memcpy(glb.data() + 16, bytes.data() + 16, 4);  // chunk type JSON
    std::memcpy(glb.data() + 20, out.data(), out.size());
    if (rest > 0) std::memcpy(glb.data() + 20 + out.size(), bytes.data() + oldJsonEnd, rest);
    bytes = std::move(glb);
    return true;
}

bool isDracoCompressed(const tinygltf::Primitive& p) {
    return p.extensions.count(kExtension) > 0;
}

bool decodeDracoPrimitive(const tinygltf::Model& m, const tinygltf::Primitive& src, Primitive& dst,
                          std::vector<std::uint32_t>& indices, std::size_t& bytesLeft, std::string& err) {
    const tinygltf::Value& ext = src.extensions.at(kExtension);
    const int viewIndex = intField(ext, "bufferView");
    if (viewIndex < 0 || static_cast<std::size_t>(viewIndex) >= m.bufferViews.size()) {
        err = "its Draco extension names no valid buffer view";
        return false;
    }
    const tinygltf::BufferView& view = m.bufferViews[static_cast<std::size_t>(viewIndex)];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= m.buffers.size()) {
        err = "the Draco buffer view refers to a missing buffer";
        return false;
    }
    const auto& data = m.buffers[static_cast<std::size_t>(view.buffer)].data;
    if (view.byteOffset > data.size() || view.byteLength > data.size() - view.byteOffset) {
        err = "the Draco buffer view lies outside its buffer";
        return false;
    }
    draco::DecoderBuffer buffer;
    buffer.Init(reinterpret_cast<const char*>(data.data() + view.byteOffset), view.byteLength);
    auto type = draco::Decoder::GetEncodedGeometryType(&buffer);
    if (!type.ok()) {
        err = "its Draco data could not be read: " + type.status().error_msg_string();
        return false;
    }
    draco::Decoder decoder;
    std::unique_ptr<draco::PointCloud> cloud;
    const draco::Mesh* mesh = nullptr;
    if (type.value() == draco::TRIANGULAR_MESH) {
        auto decoded = decoder.DecodeMeshFromBuffer(&buffer);
        if (!decoded.ok()) {
            err = "its Draco mesh could not be decoded: " + decoded.status().error_msg_string();
            return false;
        }
        mesh = decoded.value().get();
        cloud = std::move(decoded).value();
    } else if (type.value() == draco::POINT_CLOUD) {
        auto decoded = decoder.DecodePointCloudFromBuffer(&buffer);
        if (!decoded.ok()) {
            err = "its Draco point cloud could not be decoded: " + decoded.status().error_msg_string();
            return false;
        }
        cloud = std::move(decoded).value();
    } else {
        err = "its Draco data holds neither a mesh nor a point cloud";
        return false;
    }
    const bool points = src.mode == TINYGLTF_MODE_POINTS;
    if (!mesh && !points) {
        err = "its Draco data is a point cloud but the primitive is not POINTS";
        return false;
    }

    const tinygltf::Value attrs = ext.IsObject() && ext.Has("attributes") ? ext.Get("attributes") : tinygltf::Value();
    const int posId = intField(attrs, "POSITION");
    if (posId < 0) {
        err = "its Draco extension maps no POSITION attribute";
        return false;
    }
    std::vector<glm::vec4> tmp;
    int comps = 0;
    if (!readAttribute(*cloud, posId, "POSITION", tmp, comps, bytesLeft, err)) return false;
    dst.positions.resize(tmp.size());
    for (std::size_t i = 0; i < tmp.size(); ++i) dst.positions[i] = glm::vec3(tmp[i]);
    auto optional = [&](const char* name, auto& target, auto convert) -> bool {
        const int id = intField(attrs, name);
        if (id < 0) return true;
        if (!readAttribute(*cloud, id, name, tmp, comps, bytesLeft, err)) return false;
        target.resize(tmp.size());
        for (std::size_t i = 0; i < tmp.size(); ++i) target[i] = convert(tmp[i], comps);
        return true;
    };
    if (!optional("NORMAL", dst.normals, [](glm::vec4 v, int) { return glm::vec3(v); }) ||
        !optional("TEXCOORD_0", dst.uvs, [](glm::vec4 v, int) { return glm::vec2(v); }) ||
        !optional("TEXCOORD_1", dst.uvs1, [](glm::vec4 v, int) { return glm::vec2(v); }) ||
        !optional("COLOR_0", dst.colors,
                  [](glm::vec4 v, int c) { return c == 3 ? glm::vec4(glm::vec3(v), 1.0f) : v; }) ||
        !optional("_FIBRE", dst.fibres, [](glm::vec4 v, int) { return glm::vec3(v); }))
        return false;

    indices.clear();
    if (points || !mesh) {
        indices.resize(dst.positions.size());
        for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = static_cast<std::uint32_t>(i);
        return true;
    }
    const std::size_t faces = mesh->num_faces();
    if (faces > bytesLeft / (3 * sizeof(std::uint32_t))) {
        err = "its Draco data decodes to more indices than the model may hold";
        return false;
    }
    bytesLeft -= faces * 3 * sizeof(std::uint32_t);
    indices.reserve(faces * 3);
    for (std::uint32_t f = 0; f < faces; ++f) {
        const draco::Mesh::Face& face = mesh->face(draco::FaceIndex(f));
        for (int k = 0; k < 3; ++k) indices.push_back(face[k].value());
    }
    return true;
}

}  // namespace la::io
