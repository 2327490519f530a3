#pragma once
// Models "made elsewhere", written by the tests from our own geometry (models/lower_body.glb): the
// node names, units, up axis and origin of a BodyParts3D export and of a Z-Anatomy (Blender) export.
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "TestGltf.h"
#include "core/Model.h"
#include "io/ModelLoader.h"

namespace la::test {

struct WriteNode {
    std::string name;
    std::vector<glm::vec3> positions, normals;
    std::vector<std::uint32_t> indices;
    glm::vec4 color{0.8f, 0.8f, 0.8f, 1.0f};
};

// One .glb: every node a child of one root node carrying `rootMatrix`, one mesh and material per node.
inline void writeGlb(const std::filesystem::path& path, const std::vector<WriteNode>& nodes,
                     const glm::mat4& rootMatrix = glm::mat4(1.0f), const std::string& rootName = "root") {
    BufferBuilder b;
    std::string views, accessors, meshes, materials, children, nodeJson;
    int view = 0;
    auto addView = [&](std::size_t off, std::size_t len, int target) {
        views += std::string(view ? "," : "") + R"({"buffer":0,"byteOffset":)" + std::to_string(off) +
                 R"(,"byteLength":)" + std::to_string(len) + R"(,"target":)" + std::to_string(target) + "}";
        return view++;
    };
    auto num = [](float f) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(f));
        return std::string(buf);
    };
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const WriteNode& n = nodes[i];
        std::vector<float> pos, nrm;
        glm::vec3 lo(1e30f), hi(-1e30f);
        for (const auto& p : n.positions)
            pos.insert(pos.end(), {p.x, p.y, p.z}), lo = glm::min(lo, p), hi = glm::max(hi, p);
        for (const auto& p : n.normals) nrm.insert(nrm.end(), {p.x, p.y, p.z});
        const int pv = addView(b.add(pos), pos.size() * 4, 34962);
        const int nv = addView(b.add(nrm), nrm.size() * 4, 34962);
        const int iv = addView(b.add(n.indices), n.indices.size() * 4, 34963);
        const std::string a = std::to_string(i * 3);
        const std::string sep = i ? "," : "";
        accessors += sep + R"({"bufferView":)" + std::to_string(pv) + R"(,"componentType":5126,"count":)" +
                     std::to_string(n.positions.size()) + R"(,"type":"VEC3","min":[)" + num(lo.x) + "," + num(lo.y) +
                     "," + num(lo.z) + R"(],"max":[)" + num(hi.x) + "," + num(hi.y) + "," + num(hi.z) + "]}";
        accessors += R"(,{"bufferView":)" + std::to_string(nv) + R"(,"componentType":5126,"count":)" +
                     std::to_string(n.normals.size()) + R"(,"type":"VEC3"})";
        accessors += R"(,{"bufferView":)" + std::to_string(iv) + R"(,"componentType":5125,"count":)" +
                     std::to_string(n.indices.size()) + R"(,"type":"SCALAR"})";
        meshes += sep + R"({"name":")" + n.name + R"(","primitives":[{"attributes":{"POSITION":)" + a +
                  R"(,"NORMAL":)" + std::to_string(i * 3 + 1) + R"(},"indices":)" + std::to_string(i * 3 + 2) +
                  R"(,"material":)" + std::to_string(i) + "}]}";
        materials += sep + R"({"pbrMetallicRoughness":{"baseColorFactor":[)" + num(n.color.x) + "," + num(n.color.y) +
                     "," + num(n.color.z) + "," + num(n.color.w) + R"(],"metallicFactor":0,"roughnessFactor":0.8})" +
                     (n.color.w < 1.0f ? R"(,"alphaMode":"BLEND")" : "") + "}";
        children += sep + std::to_string(i + 1);
        nodeJson += R"(,{"name":")" + n.name + R"(","mesh":)" + std::to_string(i) + "}";
    }
    std::string matrix;
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) matrix += (c || r ? "," : "") + num(rootMatrix[c][r]);
    std::string json = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":")" +
                       rootName + R"(","matrix":[)" + matrix + R"(],"children":[)" + children + "]}" + nodeJson +
                       R"(],"meshes":[)" + meshes + R"(],"materials":[)" + materials + R"(],"accessors":[)" +
                       accessors + R"(],"bufferViews":[)" + views + R"(],"buffers":[{"byteLength":)" +
                       std::to_string(b.bytes.size()) + "}]}";
    while (json.size() % 4) json += ' ';
    std::vector<std::uint8_t> bin = b.bytes;
    while (bin.size() % 4) bin.push_back(0);
    auto u32 = [](std::ofstream& o, std::uint32_t v) { o.write(reinterpret_cast<const char*>(&v), 4); };
    std::ofstream out(path, std::ios::binary);
    u32(out, 0x46546C67);
    u32(out, 2);
    u32(out, static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.size()));
    u32(out, static_cast<std::uint32_t>(json.size()));
    u32(out, 0x4E4F534A);
    out.write(json.data(), static_cast<std::streamsize>(json.size()));
    u32(out, static_cast<std::uint32_t>(bin.size()));
    u32(out, 0x004E4942);
    out.write(reinterpret_cast<const char*>(bin.data()), static_cast<std::streamsize>(bin.size()));
}

// Every mesh node of a loaded model, in world space, renamed by `rename` (an empty name drops the
// node) and moved by `bake` (positions; normals by its rotation part).
inline std::vector<WriteNode> bakedNodes(const Model& m, const std::function<std::string(const std::string&)>& rename,
                                         const glm::mat4& bake) {
    std::vector<WriteNode> out;
    for (const Node& n : m.nodes) {
        if (n.mesh < 0) continue;
        WriteNode w;
        w.name = rename(n.name);
        if (w.name.empty()) continue;
        const glm::mat4 to = bake * n.world;
        const glm::mat3 nm = glm::transpose(glm::inverse(glm::mat3(to)));
        for (const auto& p : m.meshes[static_cast<std::size_t>(n.mesh)].primitives) {
            const auto base = static_cast<std::uint32_t>(w.positions.size());
            for (const auto& v : p.positions) w.positions.push_back(glm::vec3(to * glm::vec4(v, 1.0f)));
            for (const auto& v : p.normals) w.normals.push_back(glm::normalize(nm * v));
            for (auto i : p.indices) w.indices.push_back(base + i);
            if (p.material >= 0) w.color = m.materials[static_cast<std::size_t>(p.material)].baseColor;
        }
        w.color.w = 1.0f;
        out.push_back(std::move(w));
    }
    return out;
}

// BodyParts3D-style names ("FJ…_BP…_FMA…_Side_name", some with spaces) for our node names; no skin.
inline std::string bodyParts3dName(const std::string& ours) {
    static const std::map<std::string, std::string> names = {
        {"quadratus_lumborum.L", "FJ618_BP4582_FMA22349_Left_quadratus_lumborum"},
        {"quadratus_lumborum.R", "FJ619_BP4583_FMA22348_Right_quadratus_lumborum"},
        {"gluteus_medius.L", "FJ498_BP2768_FMA22331_Left_gluteus_medius"},
        {"gluteus_medius.R", "FJ499_BP2769_FMA22330_Right gluteus medius"},
        {"gluteus_maximus.L", "FJ496_BP2766_FMA22329_Left_gluteus_maximus"},
        {"gluteus_maximus.R", "FJ497_BP2767_FMA22328_Right_gluteus_maximus"},
        {"gluteus_minimus.L", "FJ500_BP2770_FMA22333_Left_gluteus_minimus"},
        {"gluteus_minimus.R", "FJ501_BP2771_FMA22332_Right_gluteus_minimus"},
        {"psoas_major.L", "FJ610_BP4570_FMA22343_Left_psoas_major"},
        {"psoas_major.R", "FJ611_BP4571_FMA22342_Right_psoas_major"},
        {"erector_spinae.L", "FJ620_BP4590_Left iliocostalis lumborum"},
        {"erector_spinae.R", "FJ621_BP4591_Right iliocostalis lumborum"},
        {"hip_bone.L", "FJ30_BP4181_FMA16587_Left hip bone"},
        {"hip_bone.R", "FJ31_BP4182_FMA16586_Right hip bone"},
        {"femur.L", "FJ40_BP4190_FMA24475_Left femur"},
        {"femur.R", "FJ41_BP4191_FMA24474_Right femur"},
        {"sacrum", "FJ50_BP4200_FMA16202_Sacrum"},
        {"coccyx", "FJ51_BP4201_FMA20229_Coccyx"},
        {"vertebra_T12", "FJ134_BP4165_FMA10081_Twelfth thoracic vertebra"},
        {"vertebra_L1", "FJ135_BP4166_FMA13072_First lumbar vertebra"},
        {"vertebra_L2", "FJ136_BP4167_FMA13073_Second lumbar vertebra"},
        {"vertebra_L3", "FJ137_BP4168_FMA13074_Third lumbar vertebra"},
        {"vertebra_L4", "FJ138_BP4169_FMA13075_Fourth lumbar vertebra"},
        {"vertebra_L5", "FJ139_BP4170_FMA13076_Fifth lumbar vertebra"},
        {"rib_12.L", "FJ829_BP4277_FMA8534_Left twelfth rib"},
        {"rib_12.R", "FJ828_BP4276_FMA8533_Right twelfth rib"},
        {"rib_11.L", "FJ826_BP4274_Left eleventh rib"},
        {"rib_11.R", "FJ827_BP4275_Right eleventh rib"},
    };
    auto it = names.find(ours);
    if (it != names.end()) return it->second;
    if (ours.rfind("disc_", 0) == 0) return "FJ9_BP9_Intervertebral disc " + ours.substr(5);
    return {};  // the skin: BodyParts3D has none
}

// BodyParts3D's frame: millimetres, Z up, the body facing -Y, origin far from the pelvis.
inline glm::mat4 bodyParts3dFrame() {
    const glm::mat4 zUp = glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(1, 0, 0));
    return glm::translate(glm::mat4(1.0f), glm::vec3(120.0f, -340.0f, 950.0f)) *
           glm::scale(glm::mat4(1.0f), glm::vec3(1000.0f)) * zUp;
}

// Z-Anatomy / Blender names ("Gluteus medius muscle.l").
inline std::string zAnatomyName(const std::string& ours) {
    auto side = [&](const std::string& base) {
        const char s = ours.back();
        return base + (s == 'L' ? ".l" : ".r");
    };
    const std::string id = ours.substr(0, ours.find('.'));
    if (id == "quadratus_lumborum") return side("Quadratus lumborum muscle");
    if (id == "gluteus_medius") return side("Gluteus medius muscle");
    if (id == "gluteus_maximus") return side("Gluteus maximus muscle");
    if (id == "gluteus_minimus") return side("Gluteus minimus muscle");
    if (id == "psoas_major") return side("Psoas major muscle");
    if (id == "erector_spinae") return side("Erector spinae muscle");
    if (id == "hip_bone") return side("Hip bone");
    if (id == "femur") return side("Femur");
    if (id == "rib_11") return side("Eleventh rib");
    if (id == "rib_12") return side("Twelfth rib");
    if (id == "sacrum") return "Sacrum";
    if (id == "coccyx") return "Coccyx";
    if (ours == "vertebra_T12") return "T12 vertebra";
    if (ours.rfind("vertebra_L", 0) == 0) return ours.substr(9) + " vertebra";  // "L3 vertebra"
    return {};                                                                  // no skin, no discs
}

// A Blender export: metres and Y up, but the origin at the floor (pelvis about 1 m up), turned 8
// degrees about the vertical, and the scale carried by the root node rather than the vertices.
inline glm::mat4 zAnatomyRoot() {
    return glm::translate(glm::mat4(1.0f), glm::vec3(0.02f, 1.02f, 0.05f)) *
           glm::rotate(glm::mat4(1.0f), glm::radians(8.0f), glm::vec3(0, 1, 0)) *
           glm::scale(glm::mat4(1.0f), glm::vec3(0.01f));
}

inline std::filesystem::path bundledModelPath() {
    return std::filesystem::path(LA_SOURCE_DIR) / "models" / "lower_body.glb";
}

// Writes dir/bodyparts3d.glb and dir/zanatomy.glb from the bundled model; false if it does not load.
inline bool writeThirdPartyModels(const std::filesystem::path& dir) {
    auto m = io::loadModel(bundledModelPath().string());
    if (!m) return false;
    writeGlb(dir / "bodyparts3d.glb", bakedNodes(*m, bodyParts3dName, bodyParts3dFrame()), glm::mat4(1.0f),
             "BodyParts3D export");
    // Vertices in centimetres under a root that scales them back to metres and moves them.
    writeGlb(dir / "zanatomy.glb", bakedNodes(*m, zAnatomyName, glm::scale(glm::mat4(1.0f), glm::vec3(100.0f))),
             zAnatomyRoot(), "Z-Anatomy");
    return true;
}

}  // namespace la::test
