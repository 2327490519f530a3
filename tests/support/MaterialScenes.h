#pragma once
// Small glTFs for the material features: a 1 x 1 quad facing +Z whose texture has four coloured
// quadrants, with whatever material (and extensions) the test gives.
#include <stb_image_write.h>

#include "TestGltf.h"

namespace la::test {

// Quadrants of the 64 x 64 texture, as seen on the quad from the front: red top left, green top right,
// blue bottom left, yellow bottom right (glTF UVs: (0, 0) is the top left of the image).
inline void writeQuadrantPng(const std::filesystem::path& p) {
    const int n = 64;
    std::vector<std::uint8_t> px(n * n * 3);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            std::uint8_t* q = &px[(y * n + x) * 3];
            const bool right = x >= n / 2, bottom = y >= n / 2;
            q[0] = (!right && !bottom) || (right && bottom) ? 255 : 0;
            q[1] = right ? 255 : 0;
            q[2] = !right && bottom ? 255 : 0;
        }
    stbi_write_png(p.string().c_str(), n, n, 3, px.data(), n * 3);
}

// The quad with TEXCOORD_0 (top left (0, 0)) and TEXCOORD_1 (upside down: top left (0, 1)), material
// `material` (JSON), images `images` (JSON array body), top-level extras such as extensionsRequired and
// the texture's sampler (JSON object; nearest filtering unless the test gives another).
inline std::filesystem::path writeQuad(const std::filesystem::path& dir, const std::string& name,
                                       const std::string& material,
                                       const std::string& images = R"({"uri": "quadrants.png"})",
                                       const std::string& topLevel = "",
                                       const std::string& sampler = R"({"magFilter": 9728, "minFilter": 9728})") {
    writeQuadrantPng(dir / "quadrants.png");
    const std::vector<float> pos = {-0.5f, 0.5f, 0, 0.5f, 0.5f, 0, 0.5f, -0.5f, 0, -0.5f, -0.5f, 0};
    const std::vector<float> nrm = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
    const std::vector<float> uv0 = {0, 0, 1, 0, 1, 1, 0, 1};
    const std::vector<float> uv1 = {0, 1, 1, 1, 1, 0, 0, 0};
    const std::vector<std::uint16_t> idx = {0, 3, 2, 0, 2, 1};
    BufferBuilder b;
    const auto p = b.add(pos), n = b.add(nrm), t0 = b.add(uv0), t1 = b.add(uv1), i = b.add(idx);
    auto view = [](std::size_t off, std::size_t len) {
        return R"({"buffer": 0, "byteOffset": )" + std::to_string(off) + R"(, "byteLength": )" + std::to_string(len) +
               "}";
    };
    const std::string json = R"({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
  "nodes": [{"name": "quad", "mesh": 0}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1, "TEXCOORD_0": 2, "TEXCOORD_1": 3},
                              "indices": 4, "material": 0}]}],
  "materials": [)" + material +
                             R"(],
  "textures": [{"source": 0, "sampler": 0}],
  "samplers": [)" + sampler + R"(],
  "images": [)" + images + R"(],
  "buffers": [{"uri": ")" + b.dataUri() +
                             R"(", "byteLength": )" + std::to_string(b.bytes.size()) + R"(}],
  "bufferViews": [)" + view(p, 48) +
                             "," + view(n, 48) + "," + view(t0, 32) + "," + view(t1, 32) + "," + view(i, 12) + R"(],
  "accessors": [
    {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3", "min": [-0.5,-0.5,0], "max": [0.5,0.5,0]},
    {"bufferView": 1, "componentType": 5126, "count": 4, "type": "VEC3"},
    {"bufferView": 2, "componentType": 5126, "count": 4, "type": "VEC2"},
    {"bufferView": 3, "componentType": 5126, "count": 4, "type": "VEC2"},
    {"bufferView": 4, "componentType": 5123, "count": 6, "type": "SCALAR"}])" +
                             topLevel + "}";
    writeText(dir / (name + ".gltf"), json);
    return dir / (name + ".gltf");
}

}  // namespace la::test
