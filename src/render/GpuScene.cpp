#include "render/GpuScene.h"

namespace la::render {

namespace {
constexpr int kFloatsPerVertex = 15;  // position 3, normal 3, uv 2, colour 4, fibre 3

GpuPrimitive uploadPrimitive(const Primitive& p) {
    GpuPrimitive g;
    const std::size_t n = p.positions.size();
    std::vector<float> v(n * kFloatsPerVertex);
    for (std::size_t i = 0; i < n; ++i) {
        float* d = &v[i * kFloatsPerVertex];
        const glm::vec3 nrm = i < p.normals.size() ? p.normals[i] : glm::vec3(0, 1, 0);
        const glm::vec2 uv = i < p.uvs.size() ? p.uvs[i] : glm::vec2(0);
        const glm::vec4 c = i < p.colors.size() ? p.colors[i] : glm::vec4(1);
        const glm::vec3 f = i < p.fibres.size() ? p.fibres[i] : glm::vec3(0);
        const float vals[kFloatsPerVertex] = {p.positions[i].x,
                                              p.positions[i].y,
                                              p.positions[i].z,
                                              nrm.x,
                                              nrm.y,
                                              nrm.z,
                                              uv.x,
                                              uv.y,
                                              c.x,
                                              c.y,
                                              c.z,
                                              c.w,
                                              f.x,
                                              f.y,
                                              f.z};
        std::copy(vals, vals + kFloatsPerVertex, d);
    }
    g.vao = gl::makeVertexArray();
    g.vbo = gl::makeBuffer();
    g.ibo = gl::makeBuffer();
    glBindVertexArray(g.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ibo.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(p.indices.size() * sizeof(std::uint32_t)),
                 p.indices.data(), GL_STATIC_DRAW);
    const GLsizei stride = kFloatsPerVertex * sizeof(float);
    const int sizes[5] = {3, 3, 2, 4, 3};
    std::size_t offset = 0;
    for (GLuint a = 0; a < 5; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribPointer(a, sizes[a], GL_FLOAT, GL_FALSE, stride,
                              reinterpret_cast<const void*>(offset * sizeof(float)));  // NOLINT
        offset += static_cast<std::size_t>(sizes[a]);
    }
    // Pain weights: zero until the app bakes and composes them.
    g.pain = gl::makeBuffer();
    const std::vector<glm::vec4> zeros(n, glm::vec4(0.0f));
    glBindBuffer(GL_ARRAY_BUFFER, g.pain.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(n * sizeof(glm::vec4)), zeros.data(), GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(5);
    glVertexAttribPointer(5, 4, GL_FLOAT, GL_FALSE, sizeof(glm::vec4), nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    g.vertexCount = static_cast<GLsizei>(n);
    g.indexCount = static_cast<GLsizei>(p.indices.size());
    g.material = p.material;
    return g;
}

gl::Texture uploadTexture(const Texture& t) {
    if (t.rgba.empty() || t.width <= 0 || t.height <= 0) return {};
    gl::Texture tex = gl::makeTexture();
    glBindTexture(GL_TEXTURE_2D, tex.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    // Base colour textures are sRGB-encoded; sampling returns linear values.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_SRGB8_ALPHA8, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, t.rgba.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    const GLint wrap = t.repeat ? GL_REPEAT : GL_CLAMP_TO_EDGE;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, wrap);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, wrap);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    return tex;
}
}  // namespace

void GpuScene::upload(const Model& model) {
    meshes_.clear();
    textures_.clear();
    for (const auto& mesh : model.meshes) {
        GpuMesh gm;
        for (const auto& p : mesh.primitives) gm.primitives.push_back(uploadPrimitive(p));
        meshes_.push_back(std::move(gm));
    }
    for (const auto& t : model.textures) textures_.push_back(uploadTexture(t));
}

void GpuScene::setPainVertices(std::size_t mesh, std::size_t primitive, const std::vector<glm::vec4>& weights) {
    if (mesh >= meshes_.size() || primitive >= meshes_[mesh].primitives.size()) return;
    GpuPrimitive& g = meshes_[mesh].primitives[primitive];
    if (weights.size() != static_cast<std::size_t>(g.vertexCount) || weights.empty()) return;
    glBindBuffer(GL_ARRAY_BUFFER, g.pain.id());
    glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(weights.size() * sizeof(glm::vec4)), weights.data());
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

GLuint GpuScene::texture(int index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= textures_.size()) return 0;
    return textures_[static_cast<std::size_t>(index)].id();
}

}  // namespace la::render
