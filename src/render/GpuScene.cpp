#include "render/GpuScene.h"

#include <algorithm>

#include "render/MipmapPass.h"

namespace la::render {

namespace {
constexpr int kComponents[kMeshAttributeCount] = {3, 3, 2, 4, 3, 4, 2};

// The largest of `indices` (0 for none).
std::uint32_t largestIndex(const std::vector<std::uint32_t>& indices) {
    return indices.empty() ? 0 : *std::max_element(indices.begin(), indices.end());
}

// `indices` of a primitive of `vertices` vertices into `ibo`: 16-bit when every vertex can be numbered so
// (the bundled model's primitives all can: 3.3 MB less of llvmpipe's memory than 32-bit), else 32-bit.
// `largest` is largestIndex(indices), which the caller has at hand. Returns whether they are 16-bit.
bool uploadIndices(gl::Buffer& ibo, const std::vector<std::uint32_t>& indices, std::size_t vertices,
                   std::uint32_t largest) {
    const bool shortIndices = vertices <= 65536 && largest <= 0xFFFFu;
    if (!shortIndices) {
        ibo.allocate(gl::BufferTarget::Element, indices.size() * sizeof(std::uint32_t), indices.data());
        return false;
    }
    ibo.allocateFilled(gl::BufferTarget::Element, indices.size() * sizeof(std::uint16_t), [&](void* out) {
        auto* d = static_cast<std::uint16_t*>(out);
        for (std::size_t i = 0; i < indices.size(); ++i) d[i] = static_cast<std::uint16_t>(indices[i]);
    });
    return true;
}

// The primitive's attribute buffers into `vao`, indices from `ibo` (the full or the LOD list).
void bindAttributes(const GpuPrimitive& g, gl::VertexArray& vao, const gl::Buffer& ibo, bool shortIndices) {
    vao.setIndices(ibo, shortIndices);
    for (unsigned a = 0; a < kMeshAttributeCount; ++a)
        if (g.attributes[a]) vao.setAttribute(a, g.attributes[a], kComponents[a]);
    if (!g.attributes[kAttrUv1] && g.attributes[kAttrUv]) vao.setAttribute(kAttrUv1, g.attributes[kAttrUv], 2);
}

// `values` as an attribute buffer of `n` vertices; shorter (a malformed model): padded with `pad`.
template <typename T>
gl::Buffer attributeBuffer(const std::vector<T>& values, std::size_t n, const T& pad) {
    gl::Buffer b = gl::Buffer::create();
    if (values.size() >= n) {
        b.allocate(gl::BufferTarget::Array, n * sizeof(T), values.data());
    } else {
        b.allocateFilled(gl::BufferTarget::Array, n * sizeof(T), [&](void* out) {
            auto* d = static_cast<T*>(out);
            std::copy(values.begin(), values.end(), d);
            std::fill(d + values.size(), d + n, pad);
        });
    }
    return b;
}

GpuPrimitive uploadPrimitive(const Primitive& p, const std::vector<Material>& materials) {
    GpuPrimitive g;
    const std::size_t n = p.positions.size();
    g.vao = gl::VertexArray::create();
    g.fibres = std::any_of(p.fibres.begin(), p.fibres.end(), [](const glm::vec3& f) { return glm::dot(f, f) > 0.25f; });
    g.attributes[kAttrPosition] = attributeBuffer(p.positions, n, glm::vec3(0.0f));
    g.attributes[kAttrNormal] = attributeBuffer(p.normals, n, glm::vec3(0.0f, 1.0f, 0.0f));
    if (!p.uvs.empty()) g.attributes[kAttrUv] = attributeBuffer(p.uvs, n, glm::vec2(0.0f));
    if (!p.colors.empty()) g.attributes[kAttrColor] = attributeBuffer(p.colors, n, glm::vec4(1.0f));
    if (g.fibres) g.attributes[kAttrFibre] = attributeBuffer(p.fibres, n, glm::vec3(0.0f));
    if (!p.uvs1.empty()) g.attributes[kAttrUv1] = attributeBuffer(p.uvs1, n, glm::vec2(0.0f));
    g.ibo = gl::Buffer::create();
    g.vao.bind();  // the element buffer binding lands in the primitive's own vertex array
    const bool shortIndices = uploadIndices(g.ibo, p.indices, n, largestIndex(p.indices));
    bindAttributes(g, g.vao, g.ibo, shortIndices);
    g.mode = p.mode == PrimitiveMode::Lines    ? gl::VertexArray::Mode::Lines
             : p.mode == PrimitiveMode::Points ? gl::VertexArray::Mode::Points
                                               : gl::VertexArray::Mode::Triangles;
    g.vertexCount = static_cast<GLsizei>(n);
    g.indexCount = static_cast<GLsizei>(p.indices.size());
    if (p.material >= 0 && static_cast<std::size_t>(p.material) < materials.size())
        g.material = materials[static_cast<std::size_t>(p.material)];
    return g;
}

GLint wrapMode(TextureWrap w) {
    return w == TextureWrap::ClampToEdge      ? GL_CLAMP_TO_EDGE
           : w == TextureWrap::MirroredRepeat ? GL_MIRRORED_REPEAT
                                              : GL_REPEAT;
}

gl::SamplerParams samplerParams(const TextureSampler& s) {
    const bool nearest = s.min == TextureFilter::Nearest;
    const bool nearestMip = s.mipmap == TextureFilter::Nearest;
    gl::SamplerParams p;
    p.wrapS = wrapMode(s.wrapS);
    p.wrapT = wrapMode(s.wrapT);
    p.magFilter = s.mag == TextureFilter::Nearest ? GL_NEAREST : GL_LINEAR;
    if (!s.mipmaps)
        p.minFilter = nearest ? GL_NEAREST : GL_LINEAR;
    else if (nearest)
        p.minFilter = nearestMip ? GL_NEAREST_MIPMAP_NEAREST : GL_NEAREST_MIPMAP_LINEAR;
    else
        p.minFilter = nearestMip ? GL_LINEAR_MIPMAP_NEAREST : GL_LINEAR_MIPMAP_LINEAR;
    return p;
}

gl::Texture uploadTexture(const Texture& t, MipmapPass* mipmaps) {
    if (t.rgba.empty() || t.width <= 0 || t.height <= 0) return {};
    if (mipmaps) return mipmaps->image(t.width, t.height, t.rgba.data(), samplerParams(t.sampler), t.srgb);
    return gl::Texture::image(t.width, t.height, t.rgba.data(), samplerParams(t.sampler), t.srgb);
}
}  // namespace

GpuScene GpuScene::upload(const Model& model, MipmapPass* mipmaps) {
    GpuScene s;
    s.generation_ = model.generation;
    s.nodeCount_ = model.nodes.size();
    for (const auto& mesh : model.meshes) {
        GpuMesh gm;
        for (const auto& p : mesh.primitives) gm.primitives.push_back(uploadPrimitive(p, model.materials));
        for (const auto& p : mesh.pointsAndLines) gm.pointsAndLines.push_back(uploadPrimitive(p, model.materials));
        s.meshes_.push_back(std::move(gm));
    }
    for (const auto& t : model.textures) s.textures_.push_back(uploadTexture(t, mipmaps));
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node& n = model.nodes[i];
        if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= s.meshes_.size()) continue;
        GpuNode g;
        g.node = i;
        g.mesh = static_cast<std::size_t>(n.mesh);
        g.world = n.world;
        for (const auto& p : model.meshes[g.mesh].primitives) g.bounds.add(p.bounds.transformed(n.world));
        for (const auto& p : model.meshes[g.mesh].pointsAndLines) g.bounds.add(p.bounds.transformed(n.world));
        if (!g.bounds.valid()) continue;  // no primitives: nothing to draw
        for (const auto& p : s.meshes_[g.mesh].primitives) g.blended |= p.material.alphaMode == AlphaMode::Blend;
        s.drawables_.push_back(g);
    }
    s.worldBounds_ = model.worldBounds();
    return s;
}

void GpuScene::setAttributeConstants() {
    gl::VertexArray::setConstant(kAttrUv, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    gl::VertexArray::setConstant(kAttrColor, glm::vec4(1.0f));
    gl::VertexArray::setConstant(kAttrFibre, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    gl::VertexArray::setConstant(kAttrPain, glm::vec4(0.0f));
    gl::VertexArray::setConstant(kAttrUv1, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
}

void GpuScene::setPainVertices(MeshId mesh, std::size_t primitive, const std::vector<glm::vec4>& weights) {
    if (!mesh.belongsTo(generation_, meshes_.size()) || primitive >= meshes_[mesh.index()].primitives.size()) return;
    GpuPrimitive& g = meshes_[mesh.index()].primitives[primitive];
    if (weights.size() != static_cast<std::size_t>(g.vertexCount) || weights.empty()) return;
    gl::Buffer& pain = g.attributes[kAttrPain];
    if (pain) {
        pain.update(gl::BufferTarget::Array, 0, weights.size() * sizeof(glm::vec4), weights.data());
        return;
    }
    // The first weights of this primitive: its buffer, in both vertex arrays.
    pain = gl::Buffer::create();
    pain.allocate(gl::BufferTarget::Array, weights.size() * sizeof(glm::vec4), weights.data(), true);
    g.vao.setAttribute(kAttrPain, pain, 4);
    if (g.lodVao) g.lodVao.setAttribute(kAttrPain, pain, 4);
}

void GpuScene::setLod(const ModelLod& lod) {
    if (lod.generation != generation_ || lod.meshes.size() != meshes_.size()) return;
    for (std::size_t m = 0; m < meshes_.size(); ++m) {
        auto& prims = meshes_[m].primitives;
        for (std::size_t i = 0; i < prims.size() && i < lod.meshes[m].size(); ++i) {
            GpuPrimitive& g = prims[i];
            const std::vector<std::uint32_t>& idx = lod.meshes[m][i];
            // One pass over the list: whether it stays within the vertices, and whether 16 bits hold it.
            const std::uint32_t largest = largestIndex(idx);
            if (idx.empty() || largest >= static_cast<std::uint32_t>(g.vertexCount)) continue;
            g.lodIbo = gl::Buffer::create();
            g.lodVao = gl::VertexArray::create();
            g.lodVao.bind();  // the element buffer binding lands in the LOD's own vertex array
            const bool shortIndices = uploadIndices(g.lodIbo, idx, static_cast<std::size_t>(g.vertexCount), largest);
            bindAttributes(g, g.lodVao, g.lodIbo, shortIndices);
            g.lodIndexCount = static_cast<GLsizei>(idx.size());
            hasLod_ = true;
        }
    }
}

const gl::Texture* GpuScene::texture(int index) const {
    if (index < 0 || static_cast<std::size_t>(index) >= textures_.size()) return nullptr;
    const gl::Texture& t = textures_[static_cast<std::size_t>(index)];
    return t ? &t : nullptr;
}

}  // namespace la::render
