#include "core/MeshOps.h"

#include <cmath>
#include <cstring>
#include <unordered_map>

namespace la {

void computeBounds(Primitive& p) {
    p.bounds = Aabb{};
    for (const auto& v : p.positions) p.bounds.add(v);
}

namespace {

struct PosKey {
    std::uint32_t x, y, z;
    bool operator==(const PosKey& o) const { return x == o.x && y == o.y && z == o.z; }
};
struct PosKeyHash {
    std::size_t operator()(const PosKey& k) const {
        return (static_cast<std::size_t>(k.x) * 73856093u) ^ (static_cast<std::size_t>(k.y) * 19349663u) ^
               (static_cast<std::size_t>(k.z) * 83492791u);
    }
};
PosKey keyOf(const glm::vec3& v) {
    PosKey k{};
    std::memcpy(&k.x, &v.x, 4);
    std::memcpy(&k.y, &v.y, 4);
    std::memcpy(&k.z, &v.z, 4);
    return k;
}

template <class T>
void remap(std::vector<T>& attr, const std::vector<std::uint32_t>& srcOfNew) {
    if (attr.empty()) return;
    std::vector<T> out(srcOfNew.size());
    for (std::size_t i = 0; i < srcOfNew.size(); ++i) out[i] = attr[srcOfNew[i]];
    attr.swap(out);
}

}  // namespace

void generateNormals(Primitive& p, float creaseDeg) {
    const std::size_t triCount = p.indices.size() / 3;
    const float cosCrease = std::cos(glm::radians(creaseDeg));
    // Face normals (area-weighted when unnormalised).
    std::vector<glm::vec3> faceN(triCount);
    for (std::size_t t = 0; t < triCount; ++t) {
        const glm::vec3& a = p.positions[p.indices[3 * t]];
        const glm::vec3& b = p.positions[p.indices[3 * t + 1]];
        const glm::vec3& c = p.positions[p.indices[3 * t + 2]];
        faceN[t] = glm::cross(b - a, c - a);
    }
    // Faces around each distinct position (vertices at the same place share smoothing).
    std::unordered_map<PosKey, std::vector<std::uint32_t>, PosKeyHash> facesAt;
    for (std::size_t t = 0; t < triCount; ++t)
        for (int k = 0; k < 3; ++k)
            facesAt[keyOf(p.positions[p.indices[3 * t + static_cast<std::size_t>(k)]])].push_back(
                static_cast<std::uint32_t>(t));

    // A normal per corner; then corners sharing vertex and normal are merged again.
    std::vector<glm::vec3> cornerN(p.indices.size());
    for (std::size_t t = 0; t < triCount; ++t) {
        glm::vec3 own = faceN[t];
        float ownLen = glm::length(own);
        glm::vec3 ownDir = ownLen > 0.0f ? own / ownLen : glm::vec3(0, 0, 1);
        for (int k = 0; k < 3; ++k) {
            std::size_t corner = 3 * t + static_cast<std::size_t>(k);
            glm::vec3 sum(0.0f);
            for (std::uint32_t f : facesAt[keyOf(p.positions[p.indices[corner]])]) {
                float len = glm::length(faceN[f]);
                if (len <= 0.0f) continue;
                if (glm::dot(faceN[f] / len, ownDir) >= cosCrease) sum += faceN[f];
            }
            float l = glm::length(sum);
            cornerN[corner] = l > 0.0f ? sum / l : ownDir;
        }
    }
    // Re-index: (old vertex, quantised normal) -> new vertex.
    struct Key {
        std::uint32_t v;
        int nx, ny, nz;
        bool operator==(const Key& o) const { return v == o.v && nx == o.nx && ny == o.ny && nz == o.nz; }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const {
            // Unsigned arithmetic: the products wrap instead of overflowing.
            const auto u = [](int x) { return static_cast<std::size_t>(static_cast<unsigned>(x)); };
            return static_cast<std::size_t>(k.v) * 2654435761u ^ u(k.nx) * 73856093u ^ u(k.ny) * 19349663u ^
                   u(k.nz) * 83492791u;
        }
    };
    std::unordered_map<Key, std::uint32_t, KeyHash> newIndex;
    std::vector<std::uint32_t> srcOfNew;
    std::vector<glm::vec3> normals;
    for (std::size_t c = 0; c < p.indices.size(); ++c) {
        const glm::vec3& n = cornerN[c];
        Key key{p.indices[c], static_cast<int>(std::lround(n.x * 1000)), static_cast<int>(std::lround(n.y * 1000)),
                static_cast<int>(std::lround(n.z * 1000))};
        auto [it, inserted] = newIndex.try_emplace(key, static_cast<std::uint32_t>(srcOfNew.size()));
        if (inserted) {
            srcOfNew.push_back(p.indices[c]);
            normals.push_back(n);
        }
        p.indices[c] = it->second;
    }
    remap(p.positions, srcOfNew);
    remap(p.uvs, srcOfNew);
    remap(p.colors, srcOfNew);
    remap(p.fibres, srcOfNew);
    p.normals = std::move(normals);
}

std::vector<std::uint32_t> stripToList(const std::vector<std::uint32_t>& s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 2; i < s.size(); ++i) {
        if (i % 2 == 0)
            out.insert(out.end(), {s[i - 2], s[i - 1], s[i]});
        else
            out.insert(out.end(), {s[i - 1], s[i - 2], s[i]});
    }
    return out;
}

std::vector<std::uint32_t> fanToList(const std::vector<std::uint32_t>& f) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 2; i < f.size(); ++i) out.insert(out.end(), {f[0], f[i - 1], f[i]});
    return out;
}

}  // namespace la
