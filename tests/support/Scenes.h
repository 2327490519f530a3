#pragma once
// Small glTF scenes the tests write: a textured cube and a deep node hierarchy.
#include <stb_image_write.h>

#include "TestGltf.h"

namespace la::test {

// A cube with a red/white checkerboard texture (external .bin and .png).
inline std::filesystem::path writeTexturedCube(const std::filesystem::path& dir) {
    const CubeData c = makeCube(0.5f);
    BufferBuilder b;
    const auto pOff = b.add(c.positions), nOff = b.add(c.normals), tOff = b.add(c.uvs), iOff = b.add(c.indices);
    b.writeBin(dir / "cube.bin");
    const int n = 64;
    std::vector<std::uint8_t> px(n * n * 3);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const bool red = ((x / 16) + (y / 16)) % 2 == 0;
            std::uint8_t* p = &px[(y * n + x) * 3];
            p[0] = 230;
            p[1] = red ? 20 : 230;
            p[2] = red ? 20 : 230;
        }
    stbi_write_png((dir / "checker.png").string().c_str(), n, n, 3, px.data(), n * 3);
    const std::string json = R"({
  "asset": {"version": "2.0"},
  "scene": 0, "scenes": [{"nodes": [0]}],
  "nodes": [{"name": "cube", "mesh": 0, "rotation": [0.2, 0.3, 0.0, 0.932737905]}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2}, "indices": 3, "material": 0}]}],
  "materials": [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}, "metallicFactor": 0.0}}],
  "textures": [{"source": 0, "sampler": 0}],
  "samplers": [{"magFilter": 9729, "minFilter": 9987}],
  "images": [{"uri": "checker.png"}],
  "buffers": [{"uri": "cube.bin", "byteLength": )" +
                             std::to_string(b.bytes.size()) + R"(}],
  "bufferViews": [
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(pOff) + R"(, "byteLength": 288},
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(nOff) + R"(, "byteLength": 288},
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(tOff) + R"(, "byteLength": 192},
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(iOff) + R"(, "byteLength": 72}],
  "accessors": [
    {"bufferView": 0, "componentType": 5126, "count": 24, "type": "VEC3", "min": [-0.5,-0.5,-0.5], "max": [0.5,0.5,0.5]},
    {"bufferView": 1, "componentType": 5126, "count": 24, "type": "VEC3"},
    {"bufferView": 2, "componentType": 5126, "count": 24, "type": "VEC2"},
    {"bufferView": 3, "componentType": 5123, "count": 36, "type": "SCALAR"}]
})";
    writeText(dir / "textured_cube.gltf", json);
    return dir / "textured_cube.gltf";
}

// `depth` nested nodes, each moved 0.1 along x and turned 10 degrees about z relative to its parent,
// with a small cube on every node: the cubes trace a spiral whose shape needs every world transform.
inline std::filesystem::path writeDeepHierarchy(const std::filesystem::path& dir, int depth) {
    const CubeData c = makeCube(0.04f);
    BufferBuilder b;
    const auto pOff = b.add(c.positions), iOff = b.add(c.indices);
    std::string nodes;
    for (int i = 0; i < depth; ++i) {
        if (i) nodes += ",\n";
        nodes += R"({"name": "level_)" + std::to_string(i) +
                 R"(", "mesh": 0, "translation": [0.1, 0, 0], "rotation": [0, 0, 0.0871557, 0.9961947])";
        if (i + 1 < depth) nodes += R"(, "children": [)" + std::to_string(i + 1) + "]";
        nodes += "}";
    }
    const std::string json = R"({
  "asset": {"version": "2.0"},
  "scene": 0, "scenes": [{"nodes": [0]}],
  "nodes": [)" + nodes + R"(],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "material": 0}]}],
  "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [0.1, 0.3, 0.8, 1.0], "metallicFactor": 0.0}}],
  "buffers": [{"uri": ")" + b.dataUri() +
                             R"(", "byteLength": )" + std::to_string(b.bytes.size()) + R"(}],
  "bufferViews": [
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(pOff) + R"(, "byteLength": 288},
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(iOff) + R"(, "byteLength": 72}],
  "accessors": [
    {"bufferView": 0, "componentType": 5126, "count": 24, "type": "VEC3", "min": [-0.04,-0.04,-0.04], "max": [0.04,0.04,0.04]},
    {"bufferView": 1, "componentType": 5123, "count": 36, "type": "SCALAR"}]
})";
    writeText(dir / "deep_hierarchy.gltf", json);
    return dir / "deep_hierarchy.gltf";
}

}  // namespace la::test
