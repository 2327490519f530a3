#pragma once
// glTFs with KHR_draco_mesh_compression written by the tests: the mesh is encoded here with libdraco (the
// same library the loader decodes with), stored as one buffer view, with accessors that have no buffer
// view as the extension prescribes, and the extension listed as required.
#include <draco/compression/encode.h>
#include <draco/mesh/triangle_soup_mesh_builder.h>
#include <memory>
#include <string>
#include <vector>

#include "TestGltf.h"

namespace la::test {

struct DracoInput {
    std::vector<float> positions;        // xyz per vertex
    std::vector<float> normals;          // empty or xyz per vertex
    std::vector<float> uvs;              // empty or uv per vertex
    std::vector<std::uint32_t> indices;  // triangles
};

struct DracoEncoded {
    std::vector<std::uint8_t> bytes;
    int position = -1, normal = -1, uv = -1;  // unique ids of the attributes
    int points = 0, faces = 0;
};

inline DracoEncoded dracoEncode(const DracoInput& in, int positionBits = 14) {
    DracoEncoded out;
    const int faces = static_cast<int>(in.indices.size() / 3);
    draco::TriangleSoupMeshBuilder b;
    b.Start(faces);
    const int pos = b.AddAttribute(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32);
    const int nrm = in.normals.empty() ? -1 : b.AddAttribute(draco::GeometryAttribute::NORMAL, 3, draco::DT_FLOAT32);
    const int uv = in.uvs.empty() ? -1 : b.AddAttribute(draco::GeometryAttribute::TEX_COORD, 2, draco::DT_FLOAT32);
    for (int f = 0; f < faces; ++f) {
        const std::uint32_t* t = &in.indices[static_cast<std::size_t>(f) * 3];
        const draco::FaceIndex fi(static_cast<std::uint32_t>(f));
        b.SetAttributeValuesForFace(pos, fi, &in.positions[t[0] * 3], &in.positions[t[1] * 3], &in.positions[t[2] * 3]);
        if (nrm >= 0)
            b.SetAttributeValuesForFace(nrm, fi, &in.normals[t[0] * 3], &in.normals[t[1] * 3], &in.normals[t[2] * 3]);
        if (uv >= 0) b.SetAttributeValuesForFace(uv, fi, &in.uvs[t[0] * 2], &in.uvs[t[1] * 2], &in.uvs[t[2] * 2]);
    }
    std::unique_ptr<draco::Mesh> mesh = b.Finalize();
    if (!mesh) return out;
    draco::Encoder enc;
    enc.SetAttributeQuantization(draco::GeometryAttribute::POSITION, positionBits);
    enc.SetAttributeQuantization(draco::GeometryAttribute::NORMAL, 10);
    enc.SetAttributeQuantization(draco::GeometryAttribute::TEX_COORD, 12);
    draco::EncoderBuffer buf;
    if (!enc.EncodeMeshToBuffer(*mesh, &buf).ok()) return out;
    out.bytes.assign(buf.data(), buf.data() + buf.size());
    out.position = static_cast<int>(mesh->attribute(pos)->unique_id());
    if (nrm >= 0) out.normal = static_cast<int>(mesh->attribute(nrm)->unique_id());
    if (uv >= 0) out.uv = static_cast<int>(mesh->attribute(uv)->unique_id());
    out.points = static_cast<int>(mesh->num_points());
    out.faces = static_cast<int>(mesh->num_faces());
    return out;
}

// A .gltf (buffer as a data URI) with one node drawing the compressed mesh, material `material` (JSON) and
// images `images` (JSON array body, may be empty; a texture 0 is declared when it is not).
inline std::filesystem::path writeDracoGltf(const std::filesystem::path& dir, const std::string& name,
                                            const DracoEncoded& e, const std::string& material = "{}",
                                            const std::string& images = "") {
    BufferBuilder b;
    const std::size_t off = b.add(e.bytes);
    std::string attrs = R"("POSITION": 0)", dracoAttrs = R"("POSITION": )" + std::to_string(e.position);
    std::string accessors = R"({"componentType": 5126, "count": )" + std::to_string(e.points) + R"(, "type": "VEC3"})";
    int next = 1;
    auto addAttr = [&](const char* gltfName, int id, const char* type) {
        if (id < 0) return;
        attrs += std::string(", \"") + gltfName + "\": " + std::to_string(next++);
        dracoAttrs += std::string(", \"") + gltfName + "\": " + std::to_string(id);
        accessors += std::string(R"(, {"componentType": 5126, "count": )") + std::to_string(e.points) +
                     R"(, "type": ")" + type + "\"}";
    };
    addAttr("NORMAL", e.normal, "VEC3");
    addAttr("TEXCOORD_0", e.uv, "VEC2");
    accessors += R"(, {"componentType": 5125, "count": )" + std::to_string(e.faces * 3) + R"(, "type": "SCALAR"})";
    const std::string json =
        R"({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
  "nodes": [{"name": "draco", "mesh": 0}],
  "meshes": [{"primitives": [{"attributes": {)" +
        attrs + R"(}, "indices": )" + std::to_string(next) +
        R"(, "material": 0,
    "extensions": {"KHR_draco_mesh_compression": {"bufferView": 0, "attributes": {)" +
        dracoAttrs + R"(}}}}]}],
  "materials": [)" +
        material + "]" +
        (images.empty() ? std::string() : R"(, "textures": [{"source": 0}], "images": [)" + images + "]") +
        R"(, "buffers": [{"uri": ")" + b.dataUri() + R"(", "byteLength": )" + std::to_string(b.bytes.size()) + R"(}],
  "bufferViews": [{"buffer": 0, "byteOffset": )" +
        std::to_string(off) + R"(, "byteLength": )" + std::to_string(e.bytes.size()) + R"(}],
  "accessors": [)" +
        accessors + R"(],
  "extensionsUsed": ["KHR_draco_mesh_compression"], "extensionsRequired": ["KHR_draco_mesh_compression"]})";
    writeText(dir / (name + ".gltf"), json);
    return dir / (name + ".gltf");
}

}  // namespace la::test
