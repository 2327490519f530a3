#include "render/Renderer.h"

#include <algorithm>

#include <glm/gtc/matrix_inverse.hpp>

#include "render/Shaders.h"

namespace la::render {

Result<Renderer> Renderer::create() {
    Renderer r;
    auto mesh = loadProgram("mesh");
    if (!mesh) return Error{mesh.error()};
    auto bg = loadProgram("background");
    if (!bg) return Error{bg.error()};
    auto outline = loadProgram("outline");
    if (!outline) return Error{outline.error()};
    r.outline_ = std::move(*outline);
    r.mesh_ = std::move(*mesh);
    r.background_ = std::move(*bg);
    r.emptyVao_ = gl::makeVertexArray();
    r.painUbo_ = gl::makeBuffer();
    glBindBuffer(GL_UNIFORM_BUFFER, r.painUbo_.id());
    glBufferData(GL_UNIFORM_BUFFER, kMaxPainShapes * static_cast<GLsizeiptr>(sizeof(PainShapeRecord)), nullptr,
                 GL_DYNAMIC_DRAW);
    glBindBuffer(GL_UNIFORM_BUFFER, 0);
    const GLuint block = glGetUniformBlockIndex(r.mesh_.id(), "PainBlock");
    if (block != GL_INVALID_INDEX) glUniformBlockBinding(r.mesh_.id(), block, 0);
    return r;
}

void Renderer::setModel(const Model& model) { scene_.upload(model); }

void Renderer::setPainShapes(const PainFlat& flat) {
    painShapeCount_ = std::min(static_cast<int>(flat.shapes.size()), kMaxPainShapes);
    glBindBuffer(GL_UNIFORM_BUFFER, painUbo_.id());
    glBufferSubData(GL_UNIFORM_BUFFER, 0, painShapeCount_ * static_cast<GLsizeiptr>(sizeof(PainShapeRecord)),
                    flat.shapes.data());
    glBindBuffer(GL_UNIFORM_BUFFER, 0);
}

void Renderer::drawBackground() {
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    background_.use();
    background_.set("uTop", glm::vec3(0.93f, 0.95f, 0.97f));
    background_.set("uBottom", glm::vec3(0.70f, 0.75f, 0.80f));
    glBindVertexArray(emptyVao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDepthMask(GL_TRUE);
    glEnable(GL_DEPTH_TEST);
}

void Renderer::draw(const Model& model, const Camera& camera, const ViewState& view, const FrameInfo& frame) {
    glViewport(0, 0, frame.viewport.x, frame.viewport.y);
    glClearColor(0.8f, 0.83f, 0.86f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    drawBackground();

    const float aspect = static_cast<float>(frame.viewport.x) / static_cast<float>(std::max(frame.viewport.y, 1));
    const glm::mat4 viewM = camera.view();
    const glm::mat4 viewProj = camera.projection(aspect) * viewM;
    const glm::vec3 eye = camera.position();
    // Key light from the viewer's upper left, rim light from behind: both follow the camera.
    const glm::mat3 camToWorld = glm::transpose(glm::mat3(viewM));
    mesh_.use();
    mesh_.set("uViewProj", viewProj);
    mesh_.set("uEye", eye);
    mesh_.set("uKeyDir", glm::normalize(camToWorld * glm::vec3(-0.45f, 0.6f, 0.65f)));
    mesh_.set("uRimDir", glm::normalize(camToWorld * glm::vec3(0.3f, 0.4f, -1.0f)));
    mesh_.set("uBaseTexture", 0);
    glBindBufferBase(GL_UNIFORM_BUFFER, 0, painUbo_.id());
    if (view.pain.active) {
        float weights[kMaxTriggers] = {};
        for (std::size_t i = 0; i < view.pain.triggerWeight.size() && i < kMaxTriggers; ++i)
            weights[i] = view.pain.triggerWeight[i];
        glUniform1fv(mesh_.location("uTriggerWeight"), kMaxTriggers, weights);
        mesh_.set("uPulseFront", view.pain.pulseFront);
        mesh_.set("uPulseEnvelope", view.pain.pulseEnvelope);
        mesh_.set("uPulseWidth", view.pain.pulseWidth);
        mesh_.set("uPainIntensity", view.pain.intensity);
        mesh_.set("uPalette", view.pain.palette);
    }

    std::vector<DrawItem> opaque, transparent;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node& n = model.nodes[i];
        if (n.mesh < 0 || view.style(i).hidden) continue;
        bool blend = view.style(i).ghosted;
        for (const auto& p : model.meshes[static_cast<std::size_t>(n.mesh)].primitives)
            if (p.material >= 0 && model.materials[static_cast<std::size_t>(p.material)].alphaMode == AlphaMode::Blend)
                blend = true;
        Aabb b;
        for (const auto& p : model.meshes[static_cast<std::size_t>(n.mesh)].primitives)
            b.add(p.bounds.transformed(n.world));
        const float depth = glm::dot(b.center() - eye, camera.forward());
        (blend ? transparent : opaque).push_back({static_cast<int>(i), n.mesh, depth, blend});
    }
    // Opaque front to back (early depth rejection); transparent back to front.
    std::sort(opaque.begin(), opaque.end(), [](const DrawItem& a, const DrawItem& b) { return a.depth < b.depth; });
    std::sort(transparent.begin(), transparent.end(),
              [](const DrawItem& a, const DrawItem& b) { return a.depth > b.depth; });

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDisable(GL_BLEND);
    for (const auto& item : opaque) drawItem(model, item, view, false);

    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    for (const auto& item : transparent) drawItem(model, item, view, true);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    drawOutlines(model, view, viewProj, glm::vec2(frame.viewport));
    glBindVertexArray(0);
}

void Renderer::drawOutlines(const Model& model, const ViewState& view, const glm::mat4& viewProj, glm::vec2 viewport) {
    bool any = false;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) any |= view.style(i).outline && !view.style(i).hidden;
    if (!any) return;
    outline_.use();
    outline_.set("uViewProj", viewProj);
    outline_.set("uViewport", viewport);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_STENCIL_TEST);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const NodeStyle& st = view.style(i);
        const Node& node = model.nodes[i];
        if (!st.outline || st.hidden || node.mesh < 0) continue;
        outline_.set("uModel", node.world);
        outline_.set("uNormalMatrix", glm::inverseTranspose(glm::mat3(node.world)));
        const auto& prims = scene_.meshes()[static_cast<std::size_t>(node.mesh)].primitives;
        // 1: the silhouette into the stencil only.
        glClear(GL_STENCIL_BUFFER_BIT);
        glStencilFunc(GL_ALWAYS, 1, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        outline_.set("uWidth", 0.0f);
        for (const auto& p : prims) {
            glBindVertexArray(p.vao.id());
            glDrawElements(GL_TRIANGLES, p.indexCount, GL_UNSIGNED_INT, nullptr);
        }
        // 2: the widened mesh outside that silhouette.
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glStencilFunc(GL_NOTEQUAL, 1, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
        outline_.set("uWidth", st.outlineWidth);
        outline_.set("uColor", glm::vec4(st.outlineColor, 1.0f));
        for (const auto& p : prims) {
            glBindVertexArray(p.vao.id());
            glDrawElements(GL_TRIANGLES, p.indexCount, GL_UNSIGNED_INT, nullptr);
        }
    }
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
}

void Renderer::drawItem(const Model& model, const DrawItem& item, const ViewState& view, bool transparentPass) {
    const Node& node = model.nodes[static_cast<std::size_t>(item.node)];
    const NodeStyle& style = view.style(static_cast<std::size_t>(item.node));
    mesh_.set("uModel", node.world);
    mesh_.set("uNormalMatrix", glm::inverseTranspose(glm::mat3(node.world)));
    mesh_.set("uTint", style.tint);
    mesh_.set("uOpacity", style.ghosted ? view.ghostOpacity : 1.0f);
    mesh_.set("uPainShapes", view.pain.active && style.painSurface ? painShapeCount_ : 0);
    const bool mirrored = glm::determinant(glm::mat3(node.world)) < 0.0f;
    glFrontFace(mirrored ? GL_CW : GL_CCW);

    const auto& gpuMesh = scene_.meshes()[static_cast<std::size_t>(item.mesh)];
    static const Material kDefault{};
    for (const auto& prim : gpuMesh.primitives) {
        const Material& mat = prim.material >= 0 && static_cast<std::size_t>(prim.material) < model.materials.size()
                                  ? model.materials[static_cast<std::size_t>(prim.material)]
                                  : kDefault;
        mesh_.set("uBaseColor", mat.baseColor);
        mesh_.set("uEmissive", mat.emissive);
        mesh_.set("uRoughness", mat.roughness);
        mesh_.set("uAlphaMode", static_cast<int>(mat.alphaMode));
        mesh_.set("uAlphaCutoff", mat.alphaCutoff);
        const GLuint tex = scene_.texture(mat.baseColorTexture);
        mesh_.set("uHasTexture", tex ? 1 : 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, tex);
        glBindVertexArray(prim.vao.id());
        if (transparentPass && mat.doubleSided) {
            // Back faces first, then front faces: a closed translucent surface blends in order.
            glEnable(GL_CULL_FACE);
            glCullFace(GL_FRONT);
            glDrawElements(GL_TRIANGLES, prim.indexCount, GL_UNSIGNED_INT, nullptr);
            glCullFace(GL_BACK);
            glDrawElements(GL_TRIANGLES, prim.indexCount, GL_UNSIGNED_INT, nullptr);
        } else {
            if (mat.doubleSided) {
                glDisable(GL_CULL_FACE);
            } else {
                glEnable(GL_CULL_FACE);
                glCullFace(GL_BACK);
            }
            glDrawElements(GL_TRIANGLES, prim.indexCount, GL_UNSIGNED_INT, nullptr);
        }
    }
}

}  // namespace la::render
