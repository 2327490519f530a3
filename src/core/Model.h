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

// How a texture is sampled (glTF's sampler): wrap per axis, magnification and minification filters.
enum class TextureWrap : std::uint8_t { Repeat, ClampToEdge, MirroredRepeat };
enum class TextureFilter : std::uint8_t { Nearest, Linear };
struct TextureSampler {
    TextureWrap wrapS = TextureWrap::Repeat;
    TextureWrap wrapT = TextureWrap::Repeat;
    TextureFilter mag = TextureFilter::Linear;
    TextureFilter min = TextureFilter::Linear;
    bool mipmaps = true;                           // minify through mipmaps
    TextureFilter mipmap = TextureFilter::Linear;  // between mipmap levels (when mipmaps)
    bool operator==(const TextureSampler&) const = default;
};

// Decoded 8-bit RGBA image, rows top to bottom.
struct Texture {
    std::string name;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
    TextureSampler sampler;  // glTF's defaults when the file names none: repeat, trilinear
    bool srgb = true;        // colour (base colour, emissive); false for data (normal, metallic-roughness, occlusion)
};

// A texture as a material uses it: which UV set, moved by KHR_texture_transform (uv' = transform * (uv, 1)).
struct TextureSlot {
    int texture = -1;  // index into Model::textures
    int texCoord = 0;  // 0 = TEXCOORD_0, 1 = TEXCOORD_1
    glm::mat3 transform{1.0f};
};

enum class AlphaMode { Opaque, Mask, Blend };

struct Material {
    std::string name;
    glm::vec4 baseColor{1.0f};
    int baseColorTexture = -1;  // index into Model::textures
    int baseColorTexCoord = 0;  // its UV set and transform
    glm::mat3 baseColorUv{1.0f};
    float metallic = 0.0f;
    float roughness = 1.0f;
    TextureSlot metallicRoughness;  // G = roughness, B = metallic (multiplied)
    TextureSlot normal;
    float normalScale = 1.0f;
    TextureSlot occlusion;  // R
    float occlusionStrength = 1.0f;
    glm::vec3 emissive{0.0f};  // times KHR_materials_emissive_strength
    TextureSlot emissiveTexture;
    bool unlit = false;  // KHR_materials_unlit: the base colour as it is, no lighting
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
};

enum class PrimitiveMode { Triangles, Lines, Points };

// An indexed triangle list (loaders convert strips, fans and non-indexed draws), or in
// Mesh::pointsAndLines an indexed line list (strips and loops converted) or point list.
struct Primitive {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;  // same count as positions (generated when absent)
    std::vector<glm::vec2> uvs;      // empty or same count
    std::vector<glm::vec2> uvs1;     // TEXCOORD_1: empty or same count
    std::vector<glm::vec4> colors;   // empty or same count (linear RGBA)
    std::vector<glm::vec3> fibres;   // empty or same count: muscle fibre direction (_FIBRE)
    std::vector<std::uint32_t> indices;
    int material = -1;  // index into Model::materials, -1 = default
    Aabb bounds;        // in mesh space
    PrimitiveMode mode = PrimitiveMode::Triangles;

    std::size_t triangleCount() const { return indices.size() / 3; }
};

struct Mesh {
    std::string name;
    std::vector<Primitive> primitives;      // triangles: shaded, picked, measured
    std::vector<Primitive> pointsAndLines;  // glTF POINTS, LINES, LINE_LOOP, LINE_STRIP: drawn only
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
    std::string source;                 // file it was loaded from
    std::string name;                   // display name (file name)
    std::vector<std::string> warnings;  // one line each: what the loader drew only approximately
    std::vector<Node> nodes;
    std::vector<int> roots;
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Texture> textures;

    // Recomputes every node's world matrix from the roots. Returns false on a cycle.
    bool updateWorldTransforms();
    // World-space bounds of every mesh instance.
    Aabb worldBounds() const;
    std::size_t triangleCount() const;  // over every node instance
    bool hasPointsOrLines() const;
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
