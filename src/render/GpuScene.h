#pragma once
// GPU copies of a la::Model: meshes, textures, and what drawing needs of its nodes and materials (world
// matrices, bounds, blend modes). Uploaded once; the renderer then draws from this alone, no CPU Model per
// frame. It remembers the generation of the model it came from.
#include <array>
#include <cstdint>
#include <vector>

#include "core/Aabb.h"
#include "core/MeshLod.h"
#include "core/Model.h"
#include "render/gl/Objects.h"

namespace la::render {

class MipmapPass;

// The mesh shader's vertex attributes (shaders/mesh.vert locations).
enum MeshAttribute : unsigned { kAttrPosition, kAttrNormal, kAttrUv, kAttrColor, kAttrFibre, kAttrPain, kAttrUv1 };
constexpr unsigned kMeshAttributeCount = 7;

struct GpuPrimitive {
    gl::VertexArray vao;
    // One tightly packed buffer per attribute the primitive has. An attribute without one reads the
    // constant GpuScene::setAttributeConstants sets (white vertex colour, no fibre, no pain, uv 0), so a
    // model without UVs, colours or fibres uploads and fetches 24 bytes a vertex, not 60. TEXCOORD_1
    // without a buffer of its own reads TEXCOORD_0's. Pain weights get a buffer when first set.
    std::array<gl::Buffer, kMeshAttributeCount> attributes;
    gl::Buffer ibo;
    GLsizei vertexCount = 0;
    GLsizei indexCount = 0;
    bool fibres = false;  // has muscle fibre directions (the striated shader variant)
    // The motion level of detail (core/MeshLod.h): simplified indices over the same vertex buffers, drawn
    // while the camera moves; lodIndexCount 0 = none (the full indices are drawn then too).
    gl::VertexArray lodVao;
    gl::Buffer lodIbo;
    GLsizei lodIndexCount = 0;
    gl::VertexArray::Mode mode = gl::VertexArray::Mode::Triangles;  // lines and points: GpuMesh::pointsAndLines
    Material material;  // the model's material (its defaults when the index was -1 or out of range)
};

struct GpuMesh {
    std::vector<GpuPrimitive> primitives;      // triangles
    std::vector<GpuPrimitive> pointsAndLines;  // Mesh::pointsAndLines: drawn unlit, not outlined or painted
};

// One node that has a mesh.
struct GpuNode {
    std::size_t node = 0;  // index into the model's nodes (and ViewState::nodes)
    std::size_t mesh = 0;  // index into GpuScene::meshes()
    glm::mat4 world{1.0f};
    Aabb bounds;           // world space
    bool blended = false;  // a primitive's material blends (drawn translucent even when not ghosted)
};

class GpuScene {
public:
    GpuScene() = default;
    // `mipmaps` (may be null: glGenerateMipmap) makes the textures' mip levels (render/MipmapPass.h).
    static GpuScene upload(const Model& model, MipmapPass* mipmaps = nullptr);
    // The values attributes without a buffer read (context state, not the vertex arrays'): once per context.
    static void setAttributeConstants();

    std::uint64_t generation() const { return generation_; }
    std::size_t nodeCount() const { return nodeCount_; }  // the model's nodes, with a mesh or not
    const std::vector<GpuNode>& drawables() const { return drawables_; }
    const std::vector<GpuMesh>& meshes() const { return meshes_; }
    const Aabb& worldBounds() const { return worldBounds_; }
    // Replaces one primitive's per-vertex pain weights. Ignored for a mesh of another model (another
    // generation: weights baked before a reload) and for a count other than the vertex count.
    void setPainVertices(MeshId mesh, std::size_t primitive, const std::vector<glm::vec4>& weights);
    // Uploads the motion level of detail (core::buildLod of the same model). Ignored for another
    // generation; primitives whose list is empty, or whose indices do not fit its vertices, keep none.
    void setLod(const ModelLod& lod);
    bool hasLod() const { return hasLod_; }
    // Texture `index` of the model (a material's slot), null for none.
    const gl::Texture* texture(int index) const;

private:
    std::uint64_t generation_ = 0;
    std::size_t nodeCount_ = 0;
    std::vector<GpuNode> drawables_;
    std::vector<GpuMesh> meshes_;
    std::vector<gl::Texture> textures_;
    Aabb worldBounds_;
    bool hasLod_ = false;
};

}  // namespace la::render
