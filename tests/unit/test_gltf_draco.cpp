// KHR_draco_mesh_compression: meshes encoded by the test with libdraco load as the same geometry, from a
// .gltf and from a .glb; damaged Draco data gives one line naming the file.
#include <cstdlib>
#include <cstring>
#include <fstream>

#include <doctest/doctest.h>

#include "../support/DracoScenes.h"
#include "../support/ThirdPartyModels.h"
#include "io/ModelLoader.h"

using namespace la;
using namespace la::test;

namespace {

// One mesh of the bundled model, in world space, as Draco input.
DracoInput bundledMesh(const std::string& node) {
    auto m = io::loadModel(bundledModelPath().string());
    REQUIRE(m.ok());
    const Node& n = m->nodes[static_cast<std::size_t>(m->findNode(node))];
    const Primitive& p = m->meshes[static_cast<std::size_t>(n.mesh)].primitives.front();
    DracoInput in;
    for (std::size_t i = 0; i < p.positions.size(); ++i) {
        const glm::vec3 w(n.world * glm::vec4(p.positions[i], 1.0f));
        in.positions.insert(in.positions.end(), {w.x, w.y, w.z});
        const glm::vec3 nn = glm::normalize(glm::mat3(n.world) * p.normals[i]);
        in.normals.insert(in.normals.end(), {nn.x, nn.y, nn.z});
    }
    in.indices = p.indices;
    return in;
}

double area(const std::vector<glm::vec3>& pos, const std::vector<std::uint32_t>& idx) {
    double a = 0.0;
    for (std::size_t i = 0; i + 2 < idx.size(); i += 3)
        a += 0.5 *
             static_cast<double>(glm::length(glm::cross(pos[idx[i + 1]] - pos[idx[i]], pos[idx[i + 2]] - pos[idx[i]])));
    return a;
}

// The .gltf's JSON as a GLB (its buffer stays a data URI).
std::filesystem::path asGlb(const std::filesystem::path& gltf) {
    std::ifstream f(gltf, std::ios::binary);
    std::string json((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    while (json.size() % 4) json.push_back(' ');
    std::string glb = "glTF";
    auto le = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) glb.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    };
    le(2);
    le(static_cast<std::uint32_t>(20 + json.size()));
    le(static_cast<std::uint32_t>(json.size()));
    le(0x4E4F534Au);
    glb += json;
    auto out = gltf;
    out.replace_extension(".glb");
    writeText(out, glb);
    return out;
}

}  // namespace

TEST_CASE("draco: a muscle encoded with libdraco loads as the same surface from .gltf and .glb") {
    const auto dir = tempDir("gltf_draco");
    const DracoInput in = bundledMesh("gluteus_medius.L");
    const DracoEncoded enc = dracoEncode(in);
    REQUIRE(!enc.bytes.empty());
    const std::size_t raw = in.positions.size() * 4 * 2 + in.indices.size() * 4;
    MESSAGE("gluteus medius: " << in.indices.size() / 3 << " triangles, " << raw << " bytes raw, " << enc.bytes.size()
                               << " bytes Draco");
    CHECK(enc.bytes.size() * 4 < raw);  // it really is compressed
    std::vector<glm::vec3> original;
    for (std::size_t i = 0; i < in.positions.size(); i += 3)
        original.emplace_back(in.positions[i], in.positions[i + 1], in.positions[i + 2]);
    const double originalArea = area(original, in.indices);

    const auto gltf = writeDracoGltf(dir, "gmed", enc, R"({"pbrMetallicRoughness": {"metallicFactor": 0}})");
    for (const auto& file : {gltf, asGlb(gltf)}) {
        CAPTURE(file.filename().string());
        auto m = io::loadModel(file.string());
        REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
        REQUIRE(m->meshes.size() == 1);
        const Primitive& p = m->meshes[0].primitives.at(0);
        CHECK(p.triangleCount() == in.indices.size() / 3);
        CHECK(p.normals.size() == p.positions.size());
        // Positions quantized to 14 bits over the muscle's extent (about 0.2 m): within 0.05 mm.
        Aabb a, b;
        for (const auto& v : original) a.add(v);
        for (const auto& v : p.positions) b.add(v);
        CHECK(glm::length(a.min - b.min) < 1e-4f);
        CHECK(glm::length(a.max - b.max) < 1e-4f);
        CHECK(area(p.positions, p.indices) == doctest::Approx(originalArea).epsilon(0.005));
        // The decoded normals still face the way the surface's triangles do.
        int agree = 0;
        for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3) {
            const glm::vec3 face = glm::cross(p.positions[p.indices[t + 1]] - p.positions[p.indices[t]],
                                              p.positions[p.indices[t + 2]] - p.positions[p.indices[t]]);
            agree += glm::dot(face, p.normals[p.indices[t]]) > 0.0f;
        }
        CHECK(agree > static_cast<int>(p.triangleCount() * 95 / 100));
        CHECK(m->warnings.empty());
    }
}

TEST_CASE("draco: damaged compressed data or a bad buffer view is one line naming the file") {
    const auto dir = tempDir("gltf_draco_bad");
    DracoEncoded enc = dracoEncode(bundledMesh("quadratus_lumborum.L"));
    REQUIRE(enc.bytes.size() > 64);
    DracoEncoded cut = enc;
    cut.bytes.resize(cut.bytes.size() / 3);
    DracoEncoded scrambled = enc;
    for (std::size_t i = 16; i < scrambled.bytes.size(); i += 7) scrambled.bytes[i] ^= 0x5A;
    DracoEncoded wrongId = enc;
    wrongId.position = 7;
    for (const auto& [name, e] :
         {std::pair<std::string, DracoEncoded>{"cut", cut}, {"scrambled", scrambled}, {"wrong_id", wrongId}}) {
        CAPTURE(name);
        const auto file = writeDracoGltf(dir, name, e);
        auto m = io::loadModel(file.string());
        if (m.ok()) {
            // Scrambled data may still decode to something; then it is at least a valid model.
            CHECK(name == "scrambled");
            continue;
        }
        CHECK(m.error().find(name + ".gltf") != std::string::npos);
        CHECK(m.error().find('\n') == std::string::npos);
        MESSAGE(m.error());
    }
}

TEST_CASE("draco: the fuzzer's Draco seed is a whole compressed cube") {
    // The seed under tests/fuzz/corpus/gltf is written by this test (LA_WRITE_FUZZ_SEEDS=1), so the glTF
    // fuzz target starts from a file that reaches the Draco decoder.
    const std::filesystem::path seed = std::filesystem::path(LA_SOURCE_DIR) / "tests/fuzz/corpus/gltf/draco_cube.glb";
    if (const char* w = std::getenv("LA_WRITE_FUZZ_SEEDS"); w && std::string(w) == "1") {
        const CubeData c = makeCube(0.5f);
        DracoInput in{c.positions, c.normals, c.uvs, {c.indices.begin(), c.indices.end()}};
        const auto dir = tempDir("gltf_draco_seed");
        const auto glb = asGlb(writeDracoGltf(dir, "draco_cube", dracoEncode(in, 11)));
        std::filesystem::copy_file(glb, seed, std::filesystem::copy_options::overwrite_existing);
    }
    auto m = io::loadModel(seed.string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    REQUIRE(m->meshes.size() == 1);
    const Primitive& p = m->meshes[0].primitives.at(0);
    CHECK(p.triangleCount() == 12);
    CHECK(p.uvs.size() == p.positions.size());
    CHECK(m->worldBounds().max.x == doctest::Approx(0.5f).epsilon(0.01));
}
