// glTF (tinygltf) and Assimp loaders -> la::Model, on small files the tests write.
#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "../support/Scenes.h"
#include "io/ModelLoader.h"

using namespace la;
using namespace la::test;

namespace {

// A glTF with one triangle-list primitive whose accessors are described by the caller.
std::string gltfJson(const BufferBuilder& b, const std::string& accessors, const std::string& views,
                     const std::string& primitive, const std::string& extra = "") {
    return R"({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
      "nodes": [{"name": "n", "mesh": 0}],
      "meshes": [{"primitives": [)" +
           primitive + R"(]}],
      "buffers": [{"uri": ")" +
           b.dataUri() + R"(", "byteLength": )" + std::to_string(b.bytes.size()) + R"(}],
      "bufferViews": [)" +
           views + R"(], "accessors": [)" + accessors + "]" + extra + "}";
}

std::string view(std::size_t off, std::size_t len, int stride = 0) {
    return R"({"buffer": 0, "byteOffset": )" + std::to_string(off) + R"(, "byteLength": )" + std::to_string(len) +
           (stride ? R"(, "byteStride": )" + std::to_string(stride) : "") + "}";
}

Result<Model> loadJson(const std::string& name, const std::string& json) {
    const auto dir = tempDir("loader_" + name);
    writeText(dir / (name + ".gltf"), json);
    return io::loadModel((dir / (name + ".gltf")).string());
}

const std::vector<float> kQuad = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};

}  // namespace

TEST_CASE("index component types: unsigned byte, short and int give the same triangles") {
    for (int type : {5121, 5123, 5125}) {
        CAPTURE(type);
        BufferBuilder b;
        const auto p = b.add(kQuad);
        std::size_t i = 0, len = 0;
        if (type == 5121) {
            i = b.add(std::vector<std::uint8_t>{0, 1, 2, 0, 2, 3});
            len = 6;
        } else if (type == 5123) {
            i = b.add(std::vector<std::uint16_t>{0, 1, 2, 0, 2, 3});
            len = 12;
        } else {
            i = b.add(std::vector<std::uint32_t>{0, 1, 2, 0, 2, 3});
            len = 24;
        }
        auto m = loadJson("idx" + std::to_string(type),
                          gltfJson(b,
                                   R"({"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"},
                                      {"bufferView":1,"componentType":)" +
                                       std::to_string(type) + R"(,"count":6,"type":"SCALAR"})",
                                   view(p, 48) + "," + view(i, len), R"({"attributes":{"POSITION":0},"indices":1})"));
        REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
        const auto& prim = m->meshes[0].primitives[0];
        CHECK(prim.indices.size() == 6);
        CHECK(prim.triangleCount() == 2);
        // Generated normals face +z (counter-clockwise winding seen from +z).
        REQUIRE(prim.normals.size() == prim.positions.size());
        for (const auto& n : prim.normals) CHECK(n.z == doctest::Approx(1.0f));
    }
}

TEST_CASE("interleaved attributes with byteStride") {
    // position (3 floats) + uv (2 floats) interleaved: stride 20 bytes.
    std::vector<float> inter;
    for (int v = 0; v < 4; ++v) {
        inter.insert(inter.end(), {kQuad[v * 3], kQuad[v * 3 + 1], kQuad[v * 3 + 2]});
        inter.insert(inter.end(), {0.25f * v, 0.5f});
    }
    BufferBuilder b;
    const auto off = b.add(inter);
    const auto idx = b.add(std::vector<std::uint16_t>{0, 1, 2, 0, 2, 3});
    auto m =
        loadJson("stride", gltfJson(b,
                                    R"({"bufferView":0,"byteOffset":0,"componentType":5126,"count":4,"type":"VEC3"},
                                            {"bufferView":0,"byteOffset":12,"componentType":5126,"count":4,"type":"VEC2"},
                                            {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"})",
                                    view(off, 80, 20) + "," + view(idx, 12),
                                    R"({"attributes":{"POSITION":0,"TEXCOORD_0":1},"indices":2})"));
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    const auto& prim = m->meshes[0].primitives[0];
    REQUIRE(prim.uvs.size() == 4);
    CHECK(prim.positions[2] == glm::vec3(1, 1, 0));
    CHECK(prim.uvs[3].x == doctest::Approx(0.75f));
    CHECK(prim.uvs[3].y == doctest::Approx(0.5f));
}

TEST_CASE("sparse accessor replaces selected elements") {
    BufferBuilder b;
    const auto p = b.add(kQuad);
    const auto si = b.add(std::vector<std::uint16_t>{2, 0});
    const auto sv = b.add(std::vector<float>{5, 5, 5, -1, -2, -3});
    const auto idx = b.add(std::vector<std::uint16_t>{0, 1, 2, 0, 2, 3});
    auto m = loadJson("sparse", gltfJson(b,
                                         R"({"bufferView":0,"componentType":5126,"count":4,"type":"VEC3",
                                             "sparse":{"count":2,"indices":{"bufferView":1,"componentType":5123},
                                                       "values":{"bufferView":2}}},
                                            {"bufferView":3,"componentType":5123,"count":6,"type":"SCALAR"})",
                                         view(p, 48) + "," + view(si, 4) + "," + view(sv, 24) + "," + view(idx, 12),
                                         R"({"attributes":{"POSITION":0},"indices":1})"));
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    const auto& pos = m->meshes[0].primitives[0].positions;
    // Normal generation may duplicate vertices; the original four come first in order of use.
    bool found5 = false, foundNeg = false, found1 = false;
    for (const auto& v : pos) {
        found5 |= v == glm::vec3(5, 5, 5);
        foundNeg |= v == glm::vec3(-1, -2, -3);
        found1 |= v == glm::vec3(1, 0, 0);
    }
    CHECK(found5);
    CHECK(foundNeg);
    CHECK(found1);
}

TEST_CASE("normalized and quantized attributes (KHR_mesh_quantization)") {
    BufferBuilder b;
    // Positions as signed shorts padded to 8 bytes (not normalized, scaled by the node), normals as
    // normalized bytes padded to 4: both with byteStride, as the extension requires.
    const auto p = b.add(std::vector<std::int16_t>{0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 100, 0, 100, 0, 0, 0});
    const auto n = b.add(std::vector<std::int8_t>{0, 0, 127, 0, 0, 0, 127, 0, 0, 0, 127, 0, 0, 0, 127, 0});
    const auto idx = b.add(std::vector<std::uint8_t>{0, 1, 2, 0, 2, 3});
    const std::string json = R"({"asset":{"version":"2.0"},"extensionsUsed":["KHR_mesh_quantization"],
      "extensionsRequired":["KHR_mesh_quantization"],"scene":0,"scenes":[{"nodes":[0]}],
      "nodes":[{"name":"q","mesh":0,"scale":[0.01,0.01,0.01]}],
      "meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":1},"indices":2}]}],
      "buffers":[{"uri":")" + b.dataUri() +
                             R"(","byteLength":)" + std::to_string(b.bytes.size()) + R"(}],
      "bufferViews":[)" + view(p, 32, 8) +
                             "," + view(n, 16, 4) + "," + view(idx, 6) + R"(],
      "accessors":[{"bufferView":0,"componentType":5122,"count":4,"type":"VEC3"},
                   {"bufferView":1,"componentType":5120,"normalized":true,"count":4,"type":"VEC3"},
                   {"bufferView":2,"componentType":5121,"count":6,"type":"SCALAR"}]})";
    auto m = loadJson("quant", json);
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    const auto& prim = m->meshes[0].primitives[0];
    CHECK(prim.positions[3].x == doctest::Approx(100.0f));
    CHECK(prim.positions[1].y == doctest::Approx(100.0f));
    CHECK(prim.normals[0].z == doctest::Approx(1.0f));
    const Aabb world = m->worldBounds();
    CHECK(world.max.y == doctest::Approx(1.0f));  // node scale 0.01 turns 100 into 1
}

TEST_CASE("triangle strips and fans become lists; non-indexed draws get indices") {
    BufferBuilder b;
    const auto p = b.add(kQuad);
    for (const auto& [mode, expectTris] : {std::pair{5, 2}, std::pair{6, 2}, std::pair{4, 1}}) {
        CAPTURE(mode);
        auto m = loadJson("mode" + std::to_string(mode),
                          gltfJson(b, R"({"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"})", view(p, 48),
                                   R"({"attributes":{"POSITION":0},"mode":)" + std::to_string(mode) + "}"));
        REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
        CHECK(m->meshes[0].primitives[0].triangleCount() == static_cast<std::size_t>(expectTris));
    }
}

TEST_CASE("hierarchy: TRS and matrix transforms compose into world matrices; extras are kept") {
    BufferBuilder b;
    const auto p = b.add(kQuad);
    const std::string json = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],
      "nodes":[{"name":"root","translation":[1,0,0],"children":[1],"extras":{"kind":"bone","layer":5}},
               {"name":"mid","rotation":[0,0,0.7071068,0.7071068],"children":[2]},
               {"name":"leaf","mesh":0,"matrix":[2,0,0,0, 0,2,0,0, 0,0,2,0, 0,3,0,1]}],
      "meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
      "buffers":[{"uri":")" + b.dataUri() +
                             R"(","byteLength":48}],
      "bufferViews":[)" + view(p, 48) +
                             R"(],
      "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"}]})";
    auto m = loadJson("hier", json);
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    REQUIRE(m->nodes.size() == 3);
    CHECK(m->nodes[2].parent == 1);
    CHECK(m->nodes[0].extra("kind") == "bone");
    CHECK(m->nodes[0].extra("layer") == "5");
    // leaf origin: scale 2, then +3 in y; mid turns 90 degrees about z (y -> -x); root moves +1 in x.
    const glm::vec3 origin = glm::vec3(m->nodes[2].world * glm::vec4(0, 0, 0, 1));
    CHECK(origin.x == doctest::Approx(-2.0f));
    CHECK(origin.y == doctest::Approx(0.0f).epsilon(1e-5));
    const glm::vec3 px = glm::vec3(m->nodes[2].world * glm::vec4(1, 0, 0, 1));
    CHECK(px.y == doctest::Approx(2.0f));  // local +x (scaled by 2) turned onto +y
}

TEST_CASE("a deep hierarchy written by the tests keeps every level") {
    const auto dir = tempDir("loader_deep");
    auto m = io::loadModel(writeDeepHierarchy(dir, 36).string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    CHECK(m->nodes.size() == 36);
    CHECK(m->roots.size() == 1);
    // 36 steps of 10 degrees: the last node returns next to the first, on a ring of radius ~0.57.
    const glm::vec3 first = glm::vec3(m->nodes[0].world[3]);
    const glm::vec3 last = glm::vec3(m->nodes[35].world[3]);
    CHECK(glm::length(first - last) < 0.11f);
    const Aabb b = m->worldBounds();
    CHECK(b.size().x == doctest::Approx(b.size().y).epsilon(0.05));
    CHECK(b.size().x > 1.0f);
}

TEST_CASE("textured model: material, texture pixels and UVs") {
    const auto dir = tempDir("loader_tex");
    auto m = io::loadModel(writeTexturedCube(dir).string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    REQUIRE(m->materials.size() == 1);
    REQUIRE(m->textures.size() == 1);
    CHECK(m->materials[0].baseColorTexture == 0);
    CHECK(m->textures[0].width == 64);
    CHECK(m->textures[0].rgba[1] == 20);  // top-left texel is red
    CHECK(m->meshes[0].primitives[0].uvs.size() == 24);
}

TEST_CASE("bad files: one-line errors naming the file") {
    BufferBuilder b;
    const auto p = b.add(kQuad);
    const auto idx = b.add(std::vector<std::uint16_t>{0, 1, 7});
    SUBCASE("index out of range") {
        auto m = loadJson("badidx",
                          gltfJson(b,
                                   R"({"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"},
                                                {"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"})",
                                   view(p, 48) + "," + view(idx, 6), R"({"attributes":{"POSITION":0},"indices":1})"));
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().find("badidx.gltf") != std::string::npos);
        CHECK(m.error().find("out of range") != std::string::npos);
    }
    SUBCASE("accessor reading past its buffer") {
        auto m = loadJson("overrun", gltfJson(b, R"({"bufferView":0,"componentType":5126,"count":40,"type":"VEC3"})",
                                              view(p, 48), R"({"attributes":{"POSITION":0}})"));
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().find("past the end") != std::string::npos);
    }
    SUBCASE("missing .bin") {
        const auto dir = tempDir("loader_missing_bin");
        writeTexturedCube(dir);
        std::filesystem::remove(dir / "cube.bin");
        auto m = io::loadModel((dir / "textured_cube.gltf").string());
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().find("textured_cube.gltf") != std::string::npos);
        CHECK(m.error().find('\n') == std::string::npos);
    }
    SUBCASE("malformed JSON") {
        auto m = loadJson("malformed", R"({"asset": {"version": "2.0"}, "nodes": [)");
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().find("malformed.gltf") != std::string::npos);
        CHECK(m.error().find('\n') == std::string::npos);
    }
    SUBCASE("unsupported required extension") {
        auto m = loadJson("ext", gltfJson(b, R"({"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"})",
                                          view(p, 48), R"({"attributes":{"POSITION":0}})",
                                          R"(, "extensionsRequired": ["KHR_draco_mesh_compression_x"])"));
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().find("KHR_draco_mesh_compression_x") != std::string::npos);
    }
    SUBCASE("node cycle") {
        const std::string json = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],
          "nodes":[{"name":"a","children":[1]},{"name":"b","children":[2],"mesh":0},{"name":"c","children":[1]}],
          "meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],
          "buffers":[{"uri":")" + b.dataUri() +
                                 R"(","byteLength":)" + std::to_string(b.bytes.size()) + R"(}],
          "bufferViews":[)" + view(p, 48) +
                                 R"(],
          "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"}]})";
        auto m = loadJson("cycle", json);
        REQUIRE_FALSE(m.ok());
        CHECK(m.error().find("cycle") != std::string::npos);
    }
    SUBCASE("missing file and unknown format") {
        auto m = io::loadModel("/nonexistent/dir/model.glb");
        REQUIRE_FALSE(m.ok());
        CHECK(m.error() == "/nonexistent/dir/model.glb: no such file");
        const auto dir = tempDir("loader_unknown");
        writeText(dir / "notes.xyz", "hello");
        auto u = io::loadModel((dir / "notes.xyz").string());
        REQUIRE_FALSE(u.ok());
        CHECK(u.error().find("notes.xyz") != std::string::npos);
    }
}

TEST_CASE("glb container") {
    BufferBuilder b;
    const auto p = b.add(kQuad);
    const auto idx = b.add(std::vector<std::uint16_t>{0, 1, 2, 0, 2, 3});
    std::string json = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"g","mesh":0}],
      "meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],
      "buffers":[{"byteLength":)" +
                       std::to_string(b.bytes.size()) + R"(}],
      "bufferViews":[)" +
                       view(p, 48) + "," + view(idx, 12) + R"(],
      "accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3"},
                   {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"}]})";
    while (json.size() % 4) json += ' ';
    std::vector<std::uint8_t> bin = b.bytes;
    while (bin.size() % 4) bin.push_back(0);
    const auto dir = tempDir("loader_glb");
    std::ofstream out(dir / "m.glb", std::ios::binary);
    auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    u32(0x46546C67);
    u32(2);
    u32(static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.size()));
    u32(static_cast<std::uint32_t>(json.size()));
    u32(0x4E4F534A);
    out.write(json.data(), static_cast<std::streamsize>(json.size()));
    u32(static_cast<std::uint32_t>(bin.size()));
    u32(0x004E4942);
    out.write(reinterpret_cast<const char*>(bin.data()), static_cast<std::streamsize>(bin.size()));
    out.close();
    auto m = io::loadModel((dir / "m.glb").string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    CHECK(m->triangleCount() == 2);
    CHECK(m->name == "m.glb");
}

TEST_CASE("OBJ through Assimp: groups, normals generated, bad file reported") {
    const auto dir = tempDir("loader_obj");
    writeText(dir / "two.obj",
              "o first\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3 4\n"
              "o second\nv 0 0 1\nv 1 0 1\nv 0 1 1\nf 5 6 7\n");
    auto m = io::loadModel((dir / "two.obj").string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    CHECK(m->triangleCount() == 3);  // the quad is triangulated
    int named = 0;
    for (const auto& n : m->nodes)
        if (n.name == "first" || n.name == "second") ++named;
    CHECK(named == 2);
    for (const auto& mesh : m->meshes)
        for (const auto& p : mesh.primitives) {
            REQUIRE(p.normals.size() == p.positions.size());
            for (const auto& nrm : p.normals) CHECK(nrm.z == doctest::Approx(1.0f));
        }
    writeText(dir / "bad.obj", "f 1 2 3\n");
    auto bad = io::loadModel((dir / "bad.obj").string());
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("bad.obj") != std::string::npos);
}

TEST_CASE("STL and PLY through Assimp") {
    const auto dir = tempDir("loader_stl");
    writeText(dir / "t.stl",
              "solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\n"
              "endsolid t\n");
    auto s = io::loadModel((dir / "t.stl").string());
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? std::string() : s.error()));
    CHECK(s->triangleCount() == 1);
    writeText(dir / "t.ply",
              "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
              "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    auto p = io::loadModel((dir / "t.ply").string());
    REQUIRE_MESSAGE(p.ok(), (p.ok() ? std::string() : p.error()));
    CHECK(p->triangleCount() == 1);
}
