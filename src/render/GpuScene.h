#pragma once
// GPU copies of a la::Model's meshes and textures: one upload, then drawn many times.
#include <vector>

#include "core/Model.h"
#include "render/gl/Handle.h"

namespace la::render {

struct GpuPrimitive {
    gl::VertexArray vao;
    gl::Buffer vbo;
    gl::Buffer ibo;
    gl::Buffer pain;  // referred-pain weights per vertex (attribute 5, vec4; see core/PainSurface.h)
    GLsizei vertexCount = 0;
    GLsizei indexCount = 0;
    int material = -1;
};

struct GpuMesh {
    std::vector<GpuPrimitive> primitives;
};

class GpuScene {
public:
    void upload(const Model& model);
    const std::vector<GpuMesh>& meshes() const { return meshes_; }
    // Replaces one primitive's per-vertex pain weights (a count other than its vertex count is ignored).
    void setPainVertices(std::size_t mesh, std::size_t primitive, const std::vector<glm::vec4>& weights);
    GLuint texture(int index) const;

private:
    std::vector<GpuMesh> meshes_;
    std::vector<gl::Texture> textures_;
};

}  // namespace la::render
