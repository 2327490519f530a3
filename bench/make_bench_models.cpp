// Writes the models the f3d comparison (bench/compare_f3d.py) renders besides the bundled one:
//   DIR/sphere_842k.glb       a bumpy UV sphere of 842,400 triangles (positions, normals, 32-bit indices)
//   DIR/textured_sphere.glb   a small UV sphere (4,800 triangles) with a 512x512 checker texture (PNG in the GLB)
// Usage: make_bench_models DIR. Deterministic; prints the files it wrote.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <stb_image_write.h>

namespace {

struct Mesh {
    std::vector<float> positions, normals, uvs;
    std::vector<std::uint32_t> indices;
};

// rings x segments quads, each two triangles; radius modulated by a few smooth bumps so the shading varies.
Mesh uvSphere(int rings, int segments, float bumps) {
    Mesh m;
    const float pi = 3.14159265f;
    auto radius = [&](float phi, float theta) {
        return 1.0f + bumps * std::sin(5.0f * phi) * std::cos(7.0f * theta) + 0.5f * bumps * std::sin(13.0f * theta);
    };
    for (int r = 0; r <= rings; ++r) {
        const float phi = pi * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s <= segments; ++s) {
            const float theta = 2.0f * pi * static_cast<float>(s) / static_cast<float>(segments);
            const float rad = radius(phi, theta);
            const float n[3] = {std::sin(phi) * std::cos(theta), std::cos(phi), std::sin(phi) * std::sin(theta)};
            for (float c : n) m.positions.push_back(c * rad);
            for (float c : n) m.normals.push_back(c);  // the bumps are gentle: the sphere's normal shades well enough
            m.uvs.push_back(static_cast<float>(s) / static_cast<float>(segments));
            m.uvs.push_back(static_cast<float>(r) / static_cast<float>(rings));
        }
    }
    const auto row = static_cast<std::uint32_t>(segments + 1);
    for (std::uint32_t r = 0; r < static_cast<std::uint32_t>(rings); ++r)
        for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(segments); ++s) {
            const std::uint32_t a = r * row + s, b = a + row;
            for (std::uint32_t k : {a, a + 1, b, a + 1, b + 1, b}) m.indices.push_back(k);
        }
    return m;
}

struct Bin {
    std::vector<std::uint8_t> bytes;
    std::string views;
    int count = 0;
    int add(const void* data, std::size_t size) {
        while (bytes.size() % 4) bytes.push_back(0);
        const std::size_t off = bytes.size();
        bytes.resize(off + size);
        std::memcpy(bytes.data() + off, data, size);
        views += std::string(count ? "," : "") + "{\"buffer\":0,\"byteOffset\":" + std::to_string(off) +
                 ",\"byteLength\":" + std::to_string(size) + "}";
        return count++;
    }
};

bool writeGlb(const std::filesystem::path& path, const Mesh& m, const std::vector<std::uint8_t>& png) {
    Bin bin;
    const int vp = bin.add(m.positions.data(), m.positions.size() * 4);
    const int vn = bin.add(m.normals.data(), m.normals.size() * 4);
    const int vt = bin.add(m.uvs.data(), m.uvs.size() * 4);
    const int vi = bin.add(m.indices.data(), m.indices.size() * 4);
    const int vimg = png.empty() ? -1 : bin.add(png.data(), png.size());
    while (bin.bytes.size() % 4) bin.bytes.push_back(0);
    float lo[3] = {1e30f, 1e30f, 1e30f}, hi[3] = {-1e30f, -1e30f, -1e30f};
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        lo[i % 3] = std::min(lo[i % 3], m.positions[i]);
        hi[i % 3] = std::max(hi[i % 3], m.positions[i]);
    }
    const auto vec3 = [](const float* v) {
        return "[" + std::to_string(v[0]) + "," + std::to_string(v[1]) + "," + std::to_string(v[2]) + "]";
    };
    const std::string nv = std::to_string(m.positions.size() / 3);
    std::string json = R"({"asset":{"version":"2.0","generator":"lumbar-atlas make_bench_models"},)"
                       R"("scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"bench_sphere","mesh":0}],)"
                       R"("meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":1,"TEXCOORD_0":2},"indices":3)";
    json += png.empty() ? "}]}]," : R"(,"material":0}]}],)";
    if (!png.empty())
        json += R"("materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0},"metallicFactor":0.0}}],)"
                R"("textures":[{"source":0,"sampler":0}],"samplers":[{"magFilter":9729,"minFilter":9987}],)"
                R"("images":[{"bufferView":)" +
                std::to_string(vimg) + R"(,"mimeType":"image/png"}],)";
    json += R"("buffers":[{"byteLength":)" + std::to_string(bin.bytes.size()) + "}],\"bufferViews\":[" + bin.views +
            "],\"accessors\":[";
    json += R"({"bufferView":)" + std::to_string(vp) + R"(,"componentType":5126,"count":)" + nv +
            R"(,"type":"VEC3","min":)" + vec3(lo) + R"(,"max":)" + vec3(hi) + "},";
    json += R"({"bufferView":)" + std::to_string(vn) + R"(,"componentType":5126,"count":)" + nv + R"(,"type":"VEC3"},)";
    json += R"({"bufferView":)" + std::to_string(vt) + R"(,"componentType":5126,"count":)" + nv + R"(,"type":"VEC2"},)";
    json += R"({"bufferView":)" + std::to_string(vi) + R"(,"componentType":5125,"count":)" +
            std::to_string(m.indices.size()) + R"(,"type":"SCALAR"}]})";
    while (json.size() % 4) json += ' ';

    std::ofstream out(path, std::ios::binary);
    const auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    u32(0x46546C67u);  // "glTF"
    u32(2);
    u32(static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.bytes.size()));
    u32(static_cast<std::uint32_t>(json.size()));
    u32(0x4E4F534Au);  // "JSON"
    out.write(json.data(), static_cast<std::streamsize>(json.size()));
    u32(static_cast<std::uint32_t>(bin.bytes.size()));
    u32(0x004E4942u);  // "BIN\0"
    out.write(reinterpret_cast<const char*>(bin.bytes.data()), static_cast<std::streamsize>(bin.bytes.size()));
    return static_cast<bool>(out);
}

void appendBytes(void* ctx, void* data, int size) {
    auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
    v->insert(v->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}

std::vector<std::uint8_t> checkerPng(int n) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(n * n * 3));
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const bool dark = ((x / 32) + (y / 32)) % 2 == 0;
            std::uint8_t* p = &px[static_cast<std::size_t>((y * n + x) * 3)];
            p[0] = dark ? 40 : 230;
            p[1] = dark ? 90 : 220;
            p[2] = dark ? 160 : 200;
        }
    std::vector<std::uint8_t> png;
    stbi_write_png_to_func(appendBytes, &png, n, n, 3, px.data(), n * 3);
    return png;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_bench_models DIR\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto big = dir / "sphere_842k.glb", small = dir / "textured_sphere.glb";
    const Mesh m = uvSphere(650, 648, 0.03f);  // 650 * 648 * 2 = 842,400 triangles
    if (!writeGlb(big, m, {}) || !writeGlb(small, uvSphere(40, 60, 0.0f), checkerPng(512))) {
        std::fprintf(stderr, "%s: could not write the bench models\n", dir.string().c_str());
        return 1;
    }
    std::printf("%s (%zu triangles)\n%s (4800 triangles, 512x512 texture)\n", big.string().c_str(),
                m.indices.size() / 3, small.string().c_str());
    return 0;
}
