#pragma once
// The one CPU-side model every loader produces. No GL here.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/Aabb.h"
#include "core/Ids.h"

namespace la {

// Decoded 8-bit RGBA image, rows top to bottom.
struct Texture {
    std::string name;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
    bool repeat = true;  // wrap mode; false = clamp to edge
};

enum class AlphaMode { Opaque, Mask, Blend };

struct Material {
    std::string name;
    glm::vec4 baseColor{1.0f};
    int baseColorTexture = -1;  // index into Model::textures
    float metallic = 0.0f;
    float roughness = 1.0f;
    glm::vec3 emissive{0.0f};
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
};

// Always an indexed triangle list; loaders convert strips, fans and non-indexed draws.
struct Primitive {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;  // same count as positions (generated when absent)
    std::vector<glm::vec2> uvs;      // empty or same count
    std::vector<glm::vec4> colors;   // empty or same count (linear RGBA)
    std::vector<glm::vec3> fibres;   // empty or same count: muscle fibre direction (_FIBRE)
    std::vector<std::uint32_t> indices;
    int material = -1;  // index into Model::materials, -1 = default
    Aabb bounds;        // in mesh space

    std::size_t triangleCount() const { return indices.size() / 3; }
};

struct Mesh {
    std::string name;
    std::vector<Primitive> primitives;
};

struct Node {
    std::string name;
    int parent = -1;
    std::vector<int> children;
    glm::mat4 local{1.0f};
    glm::mat4 world{1.0f};
    int mesh = -1;  // index into Model::meshes
    // Scalar glTF extras flattened to strings ("kind" -> "muscle", "layer" -> "2").
    std::map<std::string, std::string> extras;

    std::string extra(const std::string& key, const std::string& fallback = {}) const;
};

struct Model {
    // Which load this is: every io::loadModel gives a new one (1, 2, ...; 0 for a model built in code).
    // GPU copies, view states and ids carry it, so something made for an earlier model is recognised.
    std::uint64_t generation = 0;
    std::string source;  // file it was loaded from
    std::string name;    // display name (file name)
    std::vector<Node> nodes;
    std::vector<int> roots;
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Texture> textures;

    // Recomputes every node's world matrix from the roots. Returns false on a cycle.
    bool updateWorldTransforms();
    // World-space bounds of every mesh instance.
    Aabb worldBounds() const;
    std::size_t triangleCount() const;            // over every node instance
    int findNode(const std::string& name) const;  // -1 when absent

    // Typed ids of this model's nodes and meshes (invalid for an index out of range).
    NodeId nodeId(std::size_t index) const { return index < nodes.size() ? NodeId(index, generation) : NodeId{}; }
    MeshId meshId(std::size_t index) const { return index < meshes.size() ? MeshId(index, generation) : MeshId{}; }
    // True when the id was made for this model (same generation) and is in range: false for an id kept
    // from an earlier load.
    bool owns(NodeId id) const { return id.belongsTo(generation, nodes.size()); }
    bool owns(MeshId id) const { return id.belongsTo(generation, meshes.size()); }
    // The node or mesh an id names, or null for an id of another model.
    const Node* node(NodeId id) const { return owns(id) ? &nodes[id.index()] : nullptr; }
    const Mesh* mesh(MeshId id) const { return owns(id) ? &meshes[id.index()] : nullptr; }
    // The mesh of a node (invalid when it has none or the id is not this model's).
    MeshId meshOf(NodeId id) const {
        const Node* n = node(id);
        return n && n->mesh >= 0 ? meshId(static_cast<std::size_t>(n->mesh)) : MeshId{};
    }

    // A generation no model of this process had before (thread-safe).
    static std::uint64_t newGeneration();
};

}  // namespace la
