#pragma once
// Writes small glTF files for tests: a buffer assembled from typed arrays, JSON written by hand so that
// every layout the loaders must handle (strides, index types, sparse, data URIs) can be produced.
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace la::test {

inline std::filesystem::path tempDir(const std::string& name) {
    // The process id in the name: test runs at the same time (the unit and slow tiers, two checkouts on
    // one machine) never share a folder.
    auto dir = std::filesystem::temp_directory_path() /
               ("lumbar_atlas_test_" + name + "_" + std::to_string(static_cast<long>(getpid())));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline void writeText(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

struct BufferBuilder {
    std::vector<std::uint8_t> bytes;
    template <class T>
    std::size_t add(const std::vector<T>& v) {
        while (bytes.size() % 4) bytes.push_back(0);
        const std::size_t off = bytes.size();
        bytes.resize(off + v.size() * sizeof(T));
        std::memcpy(bytes.data() + off, v.data(), v.size() * sizeof(T));
        return off;
    }
    void writeBin(const std::filesystem::path& p) const {
        std::ofstream out(p, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    std::string dataUri() const {
        static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string out = "data:application/octet-stream;base64,";
        std::size_t i = 0;
        for (; i + 2 < bytes.size(); i += 3) {
            const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            out += {tbl[(v >> 18) & 63], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], tbl[v & 63]};
        }
        if (i + 1 == bytes.size()) {
            const unsigned v = bytes[i] << 16;
            out += {tbl[(v >> 18) & 63], tbl[(v >> 12) & 63], '=', '='};
        } else if (i + 2 == bytes.size()) {
            const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8);
            out += {tbl[(v >> 18) & 63], tbl[(v >> 12) & 63], tbl[(v >> 6) & 63], '='};
        }
        return out;
    }
};

// A unit cube (24 vertices, 12 triangles) centred at the origin, with UVs per face.
struct CubeData {
    std::vector<float> positions, normals, uvs;
    std::vector<std::uint16_t> indices;
};

inline CubeData makeCube(float half = 0.5f) {
    CubeData c;
    const float n[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (int f = 0; f < 6; ++f) {
        const float nx = n[f][0], ny = n[f][1], nz = n[f][2];
        // Two tangent axes u, v with u x v = n.
        float u[3] = {ny != 0 ? 1.0f : 0.0f, 0, ny != 0 ? 0.0f : 1.0f};
        if (nx != 0) {
            u[0] = 0;
            u[1] = 0;
            u[2] = -nx;
        }
        if (nz != 0) {
            u[0] = nz;
            u[1] = 0;
            u[2] = 0;
        }
        if (ny != 0) {
            u[0] = 1;
            u[1] = 0;
            u[2] = 0;
        }
        const float v[3] = {ny * u[2] - nz * u[1], nz * u[0] - nx * u[2], nx * u[1] - ny * u[0]};
        const float corners[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        const auto base = static_cast<std::uint16_t>(c.positions.size() / 3);
        for (auto& k : corners) {
            for (int a = 0; a < 3; ++a) c.positions.push_back(half * (n[f][a] + k[0] * u[a] + k[1] * v[a]));
            c.normals.insert(c.normals.end(), {nx, ny, nz});
            c.uvs.insert(c.uvs.end(), {(k[0] + 1) * 0.5f, (1 - k[1]) * 0.5f});
        }
        c.indices.insert(c.indices.end(),
                         {base, static_cast<std::uint16_t>(base + 1), static_cast<std::uint16_t>(base + 2), base,
                          static_cast<std::uint16_t>(base + 2), static_cast<std::uint16_t>(base + 3)});
    }
    return c;
}

}  // namespace la::test
