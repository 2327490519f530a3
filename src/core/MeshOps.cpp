#include "core/MeshOps.h"

#include <algorithm>
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

// Union-find over corners (3 per triangle), with path halving.
struct Groups {
    std::vector<std::uint32_t> up;
    explicit Groups(std::size_t n) : up(n) {
        for (std::size_t i = 0; i < n; ++i) up[i] = static_cast<std::uint32_t>(i);
    }
    std::uint32_t find(std::uint32_t i) {
        while (up[i] != i) i = up[i] = up[up[i]];
        return i;
    }
    void join(std::uint32_t a, std::uint32_t b) { up[find(a)] = find(b); }
};

}  // namespace

void generateNormals(Primitive& p, float creaseDeg) {
    const std::size_t triCount = p.indices.size() / 3;
    const std::size_t corners = triCount * 3;
    const float cosCrease = std::cos(glm::radians(creaseDeg));
    // Face normals (area-weighted when unnormalised) and their directions.
    std::vector<glm::vec3> faceN(triCount), faceDir(triCount, glm::vec3(0.0f));
    for (std::size_t t = 0; t < triCount; ++t) {
        const glm::vec3& a = p.positions[p.indices[3 * t]];
        const glm::vec3& b = p.positions[p.indices[3 * t + 1]];
        const glm::vec3& c = p.positions[p.indices[3 * t + 2]];
        faceN[t] = glm::cross(b - a, c - a);
        const float len = glm::length(faceN[t]);
        if (len > 0.0f && std::isfinite(len)) faceDir[t] = faceN[t] / len;
    }
    // Vertices at the same place share smoothing: one id per distinct position.
    std::unordered_map<PosKey, std::uint32_t, PosKeyHash> idOfPos;
    idOfPos.reserve(p.positions.size());
    std::vector<std::uint32_t> posId(p.positions.size());
    for (std::size_t v = 0; v < p.positions.size(); ++v)
        posId[v] = idOfPos.try_emplace(keyOf(p.positions[v]), static_cast<std::uint32_t>(idOfPos.size())).first->second;

    // Every edge once per face that has it, sorted so that faces sharing an edge are neighbours. Two faces across
    // an edge that bends less than the crease angle smooth together: their corners at both ends of the edge
    // join one group. Linear in the triangle count (plus the sort), whatever the valence of a vertex.
    struct EdgeUse {
        std::uint64_t key;
        std::uint32_t face, cornerLo, cornerHi;
    };
    std::vector<EdgeUse> edges;
    edges.reserve(corners);
    for (std::size_t t = 0; t < triCount; ++t)
        for (std::size_t k = 0; k < 3; ++k) {
            const auto c0 = static_cast<std::uint32_t>(3 * t + k), c1 = static_cast<std::uint32_t>(3 * t + (k + 1) % 3);
            std::uint32_t a = posId[p.indices[c0]], b = posId[p.indices[c1]];
            if (a == b) continue;
            const bool swap = b < a;
            edges.push_back({(static_cast<std::uint64_t>(swap ? b : a) << 32) | (swap ? a : b),
                             static_cast<std::uint32_t>(t), swap ? c1 : c0, swap ? c0 : c1});
        }
    std::sort(edges.begin(), edges.end(), [](const EdgeUse& x, const EdgeUse& y) { return x.key < y.key; });
    Groups groups(corners);
    const auto smoothJoin = [&](const EdgeUse& x, const EdgeUse& y) {
        if (x.face == y.face || glm::dot(faceDir[x.face], faceDir[y.face]) < cosCrease) return;
        if (faceDir[x.face] == glm::vec3(0.0f) || faceDir[y.face] == glm::vec3(0.0f)) return;
        groups.join(x.cornerLo, y.cornerLo);
        groups.join(x.cornerHi, y.cornerHi);
    };
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i + 1;
        while (j < edges.size() && edges[j].key == edges[i].key) ++j;
        // A manifold edge has two faces; a non-manifold fin of many faces is chained, not compared pairwise.
        constexpr std::size_t kPairwise = 8;
        for (std::size_t a = i; a < j; ++a)
            for (std::size_t b = a + 1; b < (j - i <= kPairwise ? j : std::min(j, a + 2)); ++b)
                smoothJoin(edges[a], edges[b]);
        i = j;
    }
    // A normal per corner: the sum of the face normals of its group.
    std::vector<glm::vec3> groupSum(corners, glm::vec3(0.0f));
    for (std::size_t c = 0; c < corners; ++c)
        if (faceDir[c / 3] != glm::vec3(0.0f)) groupSum[groups.find(static_cast<std::uint32_t>(c))] += faceN[c / 3];
    std::vector<glm::vec3> cornerN(p.indices.size(), glm::vec3(0, 0, 1));
    for (std::size_t c = 0; c < corners; ++c) {
        const glm::vec3 sum = groupSum[groups.find(static_cast<std::uint32_t>(c))];
        const float l = glm::length(sum);
        const glm::vec3 own = faceDir[c / 3] != glm::vec3(0.0f) ? faceDir[c / 3] : glm::vec3(0, 0, 1);
        cornerN[c] = l > 0.0f && std::isfinite(l) ? sum / l : own;
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
    remap(p.uvs1, srcOfNew);
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

std::size_t unshareMeshes(Model& model, std::size_t maxExtraVertices) {
    std::vector<int> users(model.meshes.size(), 0);
    std::size_t copies = 0, extra = 0;
    for (Node& n : model.nodes) {
        if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= model.meshes.size()) continue;
        if (users[static_cast<std::size_t>(n.mesh)]++ == 0) continue;  // the first user keeps the original
        std::size_t vertices = 0;
        for (const Primitive& p : model.meshes[static_cast<std::size_t>(n.mesh)].primitives)
            vertices += p.positions.size();
        if (extra + vertices > maxExtraVertices) continue;
        extra += vertices;
        Mesh copy = model.meshes[static_cast<std::size_t>(n.mesh)];
        model.meshes.push_back(std::move(copy));
        n.mesh = static_cast<int>(model.meshes.size()) - 1;
        users.push_back(1);
        ++copies;
    }
    return copies;
}

}  // namespace la
