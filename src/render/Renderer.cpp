#include "render/Renderer.h"

#include <algorithm>

#include <glm/gtc/matrix_inverse.hpp>

#include "render/Shaders.h"

namespace la::render {

namespace {

// Pixels (x, y, width, height) that boxes can cover on screen, a pixel of margin, within the viewport;
// the whole viewport once a box reaches behind the eye (then the corners do not bound the projection).
class ScreenArea {
public:
    void add(const Aabb& b, const glm::mat4& viewProj) {
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 c(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z);
            const glm::vec4 clip = viewProj * glm::vec4(c, 1.0f);
            if (clip.w <= 1e-6f) {
                whole_ = true;
                return;
            }
            lo_ = glm::min(lo_, glm::vec2(clip) / clip.w);
            hi_ = glm::max(hi_, glm::vec2(clip) / clip.w);
        }
    }
    glm::ivec4 pixels(glm::ivec2 viewport) const {
        if (whole_) return {0, 0, viewport.x, viewport.y};
        const glm::vec2 vp(viewport);
        const glm::ivec2 a(glm::floor((glm::clamp(lo_, -1.0f, 1.0f) * 0.5f + 0.5f) * vp));
        const glm::ivec2 b(glm::ceil((glm::clamp(hi_, -1.0f, 1.0f) * 0.5f + 0.5f) * vp));
        const glm::ivec2 p0 = glm::max(a - 1, glm::ivec2(0)), p1 = glm::min(b + 1, viewport);
        return {p0.x, p0.y, std::max(p1.x - p0.x, 0), std::max(p1.y - p0.y, 0)};
    }

private:
    glm::vec2 lo_{1e30f}, hi_{-1e30f};
    bool whole_ = false;
};

}  // namespace

bool Renderer::singleSidedSurface(const Model& model, const std::vector<DrawItem>& translucent) {
    if (translucent.size() != 1) return false;
    const auto& prims = model.meshes[static_cast<std::size_t>(translucent.front().mesh)].primitives;
    if (prims.size() != 1) return false;
    const int m = prims.front().material;
    const bool known = m >= 0 && static_cast<std::size_t>(m) < model.materials.size();
    return !(known ? model.materials[static_cast<std::size_t>(m)] : Material{}).doubleSided;
}

Result<Renderer> Renderer::create() {
    Renderer r;
    auto mesh = loadProgram("mesh");
    if (!mesh) return Error{mesh.error()};
    auto meshOit = loadProgram("mesh", "#define LA_OIT 1");
    if (!meshOit) return Error{meshOit.error()};
    auto bg = loadProgram("background");
    if (!bg) return Error{bg.error()};
    auto outline = loadProgram("outline");
    if (!outline) return Error{outline.error()};
    auto oit = OitPass::create();
    if (!oit) return Error{oit.error()};
    r.outline_ = std::move(*outline);
    r.mesh_ = std::move(*mesh);
    r.meshOit_ = std::move(*meshOit);
    r.background_ = std::move(*bg);
    r.oit_ = std::move(*oit);
    r.emptyVao_ = gl::makeVertexArray();
    return r;
}

void Renderer::setModel(const Model& model) {
    scene_.upload(model);
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
    // The same frame uniforms for both mesh programs, so both paths light and paint alike.
    for (gl::Program* p : {&mesh_, &meshOit_}) {
        p->use();
        p->set("uViewProj", viewProj);
        p->set("uEye", eye);
        p->set("uKeyDir", glm::normalize(camToWorld * glm::vec3(-0.45f, 0.6f, 0.65f)));
        p->set("uRimDir", glm::normalize(camToWorld * glm::vec3(0.3f, 0.4f, -1.0f)));
        p->set("uBaseTexture", 0);
        if (view.pain.active) {
            p->set("uLinkGlow", view.pain.linkGlow);
            p->set("uPainIntensity", view.pain.intensity);
            p->set("uPalette", view.pain.palette);
        }
    }

    std::vector<DrawItem> opaque, transparent;
    ScreenArea translucentArea;
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
        (blend ? transparent : opaque).push_back({static_cast<int>(i), n.mesh, depth});
        if (blend) translucentArea.add(b, viewProj);
    }
    // Opaque front to back, only so that the depth test rejects hidden fragments early. Translucent
    // surfaces need no order: weighted blended OIT sums them (render/OitPass.h).
    std::sort(opaque.begin(), opaque.end(), [](const DrawItem& a, const DrawItem& b) { return a.depth < b.depth; });

    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDisable(GL_BLEND);
    mesh_.use();
    for (const auto& item : opaque) drawItem(mesh_, model, item, view);

    // The OIT depth copy and composite are scissored to the translucent draws' screen box (a third of
    // the composite's cost in the usual views); the targets are cleared whole (see OitPass::begin).
    const glm::ivec4 area = translucentArea.pixels(frame.viewport);
    if (!transparent.empty() && area.z > 0 && area.w > 0) {
        auto blendInOrder = [&] {
            glEnable(GL_BLEND);
            glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            glDepthMask(GL_FALSE);
            mesh_.use();
            for (const auto& item : transparent) drawItem(mesh_, model, item, view);
            glDepthMask(GL_TRUE);
            glDisable(GL_BLEND);
        };
        if (singleSidedSurface(model, transparent)) {
            // One translucent surface drawn front faces only overlaps itself only where it folds: plain
            // blending is the picture it always had, without the OIT pass (15-30 % of a frame on llvmpipe)
            // in the most common view, the skin over opaque anatomy.
            blendInOrder();
        } else {
            // Weights fall off with view depth behind the front of the model's bounding sphere, halving
            // every 1/8 of its radius (4.7 cm for the bundled model): layers 2.5 cm apart weigh about
            // 1.4 : 1, near what the over operator gives a layer of alpha 0.22-0.3 in front of another;
            // farther apart, the nearer one dominates more.
            const Aabb bounds = model.worldBounds();
            const float radius = std::max(bounds.radius(), 1e-6f);
            meshOit_.use();
            meshOit_.set("uViewDir", camera.forward());
            meshOit_.set("uOitNear", glm::dot(bounds.center() - eye, camera.forward()) - radius);
            meshOit_.set("uOitHalving", radius / 8.0f);
            const bool oit = oit_.begin(frame.viewport, area, [&] {
                mesh_.use();
                for (const auto& item : opaque) drawItem(mesh_, model, item, view);
            });
            if (oit) {
                meshOit_.use();
                for (const auto& item : transparent) drawItem(meshOit_, model, item, view);
                oit_.composite();
            } else {
                blendInOrder();  // no OIT targets (already reported): better than nothing
            }
        }
    }
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

void Renderer::drawItem(gl::Program& program, const Model& model, const DrawItem& item, const ViewState& view) {
    const Node& node = model.nodes[static_cast<std::size_t>(item.node)];
    const NodeStyle& style = view.style(static_cast<std::size_t>(item.node));
    program.set("uModel", node.world);
    program.set("uNormalMatrix", glm::inverseTranspose(glm::mat3(node.world)));
    program.set("uTint", style.tint);
    program.set("uOpacity", style.ghosted ? view.ghostOpacity : 1.0f);
    program.set("uPainOn", view.pain.active && style.painSurface ? 1 : 0);
    const bool mirrored = glm::determinant(glm::mat3(node.world)) < 0.0f;
    glFrontFace(mirrored ? GL_CW : GL_CCW);

    const auto& gpuMesh = scene_.meshes()[static_cast<std::size_t>(item.mesh)];
    static const Material kDefault{};
    for (const auto& prim : gpuMesh.primitives) {
        const Material& mat = prim.material >= 0 && static_cast<std::size_t>(prim.material) < model.materials.size()
                                  ? model.materials[static_cast<std::size_t>(prim.material)]
                                  : kDefault;
        program.set("uBaseColor", mat.baseColor);
        program.set("uEmissive", mat.emissive);
        program.set("uRoughness", mat.roughness);
        program.set("uAlphaMode", static_cast<int>(mat.alphaMode));
        program.set("uAlphaCutoff", mat.alphaCutoff);
        const GLuint tex = scene_.texture(mat.baseColorTexture);
        program.set("uHasTexture", tex ? 1 : 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, tex);
        glBindVertexArray(prim.vao.id());
        // A double-sided translucent surface shows both faces; with OIT they need no order.
        if (mat.doubleSided) {
            glDisable(GL_CULL_FACE);
        } else {
            glEnable(GL_CULL_FACE);
            glCullFace(GL_BACK);
        }
        glDrawElements(GL_TRIANGLES, prim.indexCount, GL_UNSIGNED_INT, nullptr);
    }
}

}  // namespace la::render
