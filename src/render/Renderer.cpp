#include "render/Renderer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "render/Shaders.h"
#include "render/gl/Debug.h"
#include "render/gl/State.h"

namespace la::render {

namespace {

// Pixels (x, y, width, height) that boxes can cover on screen, a pixel of margin, within the viewport;
// the whole viewport once a box reaches behind the eye (then the corners do not bound the projection).
class ScreenArea {
public:
    void add(const Aabb& b, const glm::mat4& viewProj) { add(b.min, b.max, viewProj); }
    void add(const glm::vec3& min, const glm::vec3& max, const glm::mat4& viewProj) {
        if (!(min.x <= max.x && min.y <= max.y && min.z <= max.z)) return;  // empty
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 c(i & 1 ? max.x : min.x, i & 2 ? max.y : min.y, i & 4 ? max.z : min.z);
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

// The box [0,1]^3, each face with its own four vertices and normal, counter-clockwise from outside.
Model unitCubeModel() {
    Primitive p;
    for (int axis = 0; axis < 3; ++axis)
        for (int side = 0; side < 2; ++side) {
            glm::vec3 n(0.0f);
            n[axis] = side ? 1.0f : -1.0f;
            const int u = (axis + 1) % 3, v = (axis + 2) % 3;
            const auto base = static_cast<std::uint32_t>(p.positions.size());
            for (int k = 0; k < 4; ++k) {
                glm::vec3 c(0.0f);
                c[axis] = static_cast<float>(side);
                c[u] = (k == 1 || k == 2) ? 1.0f : 0.0f;
                c[v] = (k >= 2) ? 1.0f : 0.0f;
                p.positions.push_back(c);
                p.normals.push_back(n);
            }
            // (u, v) turns towards +n for side 1: keep the winding counter-clockwise seen from outside.
            if (side)
                p.indices.insert(p.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
            else
                p.indices.insert(p.indices.end(), {base, base + 2, base + 1, base, base + 3, base + 2});
        }
    p.bounds.add(glm::vec3(0.0f));
    p.bounds.add(glm::vec3(1.0f));
    Model m;
    Mesh mesh;
    mesh.primitives.push_back(std::move(p));
    m.meshes.push_back(std::move(mesh));
    Node n;
    n.mesh = 0;
    m.nodes.push_back(n);
    m.roots.push_back(0);
    return m;
}

}  // namespace

bool Renderer::singleSidedSurface(const GpuScene& scene, const std::vector<DrawItem>& translucent) {
    if (translucent.size() != 1) return false;
    const auto& prims = scene.meshes()[translucent.front().node->mesh].primitives;
    return prims.size() == 1 && !prims.front().material.doubleSided;
}

Result<Renderer> Renderer::create() {
    gl::enableDebugOutput();
    Renderer r;
    auto mesh = MeshPrograms::create();
    if (!mesh) return Error{mesh.error()};
    auto bg = loadProgram("background");
    if (!bg) return Error{bg.error()};
    auto outline = loadProgram("outline");
    if (!outline) return Error{outline.error()};
    auto oit = OitPass::create();
    if (!oit) return Error{oit.error()};
    r.outline_ = std::move(*outline);
    r.meshes_ = std::move(*mesh);
    r.background_ = std::move(*bg);
    r.oit_ = std::move(*oit);
    r.emptyVao_ = gl::VertexArray::create();
    r.unitCube_ = GpuScene::upload(unitCubeModel());
    GpuScene::setAttributeConstants();  // what attributes without a buffer read
    return r;
}

MipmapPass* Renderer::mipmapsFor(const Model& model) {
    if (model.textures.empty()) return nullptr;
    if (!mipmapsTried_) {
        mipmapsTried_ = true;
        if (auto pass = MipmapPass::create())
            mipmaps_ = std::move(*pass);
        else
            std::fprintf(stderr, "%s (textures get the driver's mipmaps)\n", pass.error().c_str());
    }
    return mipmaps_ ? &*mipmaps_ : nullptr;
}

void Renderer::drawBackground() {
    gl::setDepth(false, false);
    background_.use();
    background_.set("uTop", glm::vec3(0.93f, 0.95f, 0.97f));
    background_.set("uBottom", glm::vec3(0.70f, 0.75f, 0.80f));
    emptyVao_.drawTriangles(3);
    gl::setDepth(true, true);
}

void Renderer::drawPrimitive(const GpuPrimitive& prim, bool count) {
    const bool lod = options_.lod && prim.lodIndexCount > 0;
    const gl::VertexArray& vao = lod ? prim.lodVao : prim.vao;
    const GLsizei indices = lod ? prim.lodIndexCount : prim.indexCount;
    if (options_.flushTriangles == 0) {
        vao.drawIndexed(indices);
    } else {
        // Pieces of at most flushTriangles, each flushed once that many are waiting.
        const auto piece = static_cast<GLsizei>(std::min<std::size_t>(options_.flushTriangles, 1u << 28) * 3);
        for (GLsizei first = 0; first < indices; first += piece) {
            const GLsizei n = std::min(piece, indices - first);
            vao.drawIndexed(n, gl::VertexArray::Mode::Triangles, first);
            unflushedTriangles_ += static_cast<std::size_t>(n) / 3;
            if (unflushedTriangles_ >= options_.flushTriangles) {
                if (options_.flushesInFlight == 0) {
                    gl::flush();
                } else {
                    inFlight_.push_back(gl::Fence::insert());
                    // A second at most: should a driver never signal, the draw goes on (unbounded, as before).
                    while (inFlight_.size() > options_.flushesInFlight) {
                        inFlight_.front().wait(1'000'000'000);
                        inFlight_.pop_front();
                    }
                }
                unflushedTriangles_ = 0;
            }
        }
    }
    if (!count) return;
    stats_.triangles += static_cast<std::size_t>(lod ? prim.lodIndexCount : prim.indexCount) / 3;
    stats_.lodPrimitives += lod ? 1 : 0;
}

void Renderer::draw(const GpuScene& scene, const ViewState& viewIn, const Camera& camera, RenderTarget& target,
                    const DrawOptions& options) {
    options_ = options;
    unflushedTriangles_ = 0;
    inFlight_.clear();
    stats_ = {};
    // Styles indexed for another model's nodes would land on the wrong structures: draw unstyled instead.
    static const ViewState kUnstyled{};
    const bool stale = viewIn.generation != scene.generation();
    if (stale && !reportedStaleView_)
        std::fprintf(stderr, "renderer: a view state of model generation %llu was given with a scene of %llu\n",
                     static_cast<unsigned long long>(viewIn.generation),
                     static_cast<unsigned long long>(scene.generation()));
    reportedStaleView_ |= stale;
    const ViewState& view = stale ? kUnstyled : viewIn;

    const glm::ivec2 viewport = target.size();
    // The background pass writes every pixel's colour: only depth and stencil are cleared (on llvmpipe a
    // colour clear is one more pass over the target's memory).
    target.clearDepthStencil();
    gl::setMultisample(true);
    gl::setStencil(gl::Stencil::Off);
    gl::setBlend(gl::Blend::Off);
    drawBackground();

    const float aspect = static_cast<float>(viewport.x) / static_cast<float>(std::max(viewport.y, 1));
    const glm::mat4 viewM = camera.view();
    const glm::mat4 viewProj = camera.projection(aspect) * viewM;
    const glm::vec3 eye = camera.position();
    // Key light from the viewer's upper left, rim light from behind: both follow the camera.
    const glm::mat3 camToWorld = glm::transpose(glm::mat3(viewM));
    // The same frame uniforms for every mesh variant, so all paths light and paint alike.
    MeshFrame frame;
    frame.viewProj = viewProj;
    frame.eye = eye;
    frame.keyDir = glm::normalize(camToWorld * glm::vec3(-0.45f, 0.6f, 0.65f));
    frame.rimDir = glm::normalize(camToWorld * glm::vec3(0.3f, 0.4f, -1.0f));
    frame.linkGlow = view.pain.linkGlow;
    frame.painIntensity = view.pain.intensity;
    frame.palette = view.pain.palette;
    // Weights fall off with view depth behind the front of the model's bounding sphere, halving every 1/8
    // of its radius (4.7 cm for the bundled model): layers 2.5 cm apart weigh about 1.4 : 1, near what the
    // over operator gives a layer of alpha 0.22-0.3 in front of another; farther apart, the nearer one
    // dominates more.
    const Aabb& bounds = scene.worldBounds();
    const float radius = std::max(bounds.radius(), 1e-6f);
    frame.viewDir = camera.forward();
    frame.oitNear = glm::dot(bounds.center() - eye, camera.forward()) - radius;
    frame.oitHalving = radius / 8.0f;
    meshes_.beginFrame(frame);

    std::vector<DrawItem> opaque, transparent;
    ScreenArea translucentArea, drawnArea;
    float outline = 0.0f;
    for (const GpuNode& n : scene.drawables()) {
        const NodeStyle& style = view.style(n.node);
        if (style.hidden) continue;
        const bool blend = style.ghosted || n.blended;
        const float depth = glm::dot(n.bounds.center() - eye, camera.forward());
        (blend ? transparent : opaque).push_back({&n, depth});
        if (blend) translucentArea.add(n.bounds, viewProj);
        drawnArea.add(n.bounds, viewProj);
        if (style.outline) outline = std::max(outline, style.outlineWidth);
    }
    for (const PropBox& b : view.props) drawnArea.add(b.min, b.max, viewProj * b.toModel);
    {
        // Outlines reach their width beyond the silhouette; points are 4 pixels across.
        const int pad = 2 + static_cast<int>(std::ceil(std::max(outline, 2.0f)));
        const glm::ivec4 box = drawnArea.pixels(viewport);
        const glm::ivec2 p0 = glm::max(glm::ivec2(box) - pad, glm::ivec2(0));
        const glm::ivec2 p1 = glm::min(glm::ivec2(box.x + box.z, box.y + box.w) + pad, viewport);
        stats_.sceneBox = box.z > 0 && box.w > 0 ? glm::ivec4(p0, glm::max(p1 - p0, glm::ivec2(0))) : glm::ivec4(0);
    }
    // Opaque front to back, only so that the depth test rejects hidden fragments early. Translucent
    // surfaces need no order: weighted blended OIT sums them (render/OitPass.h).
    std::sort(opaque.begin(), opaque.end(), [](const DrawItem& a, const DrawItem& b) { return a.depth < b.depth; });

    gl::setDepth(true, true);
    gl::setBlend(gl::Blend::Off);
    for (const auto& item : opaque) drawItem(0, scene, item, view);
    drawProps(view);

    // The OIT depth copy and composite are scissored to the translucent draws' screen box (a third of
    // the composite's cost in the usual views); the targets are cleared whole (see OitPass::begin).
    const glm::ivec4 area = translucentArea.pixels(viewport);
    if (!transparent.empty() && area.z > 0 && area.w > 0) {
        auto blendInOrder = [&] {
            gl::setBlend(gl::Blend::Over);
            gl::setDepth(true, false);
            for (const auto& item : transparent) drawItem(0, scene, item, view);
            gl::setDepth(true, true);
            gl::setBlend(gl::Blend::Off);
        };
        if (singleSidedSurface(scene, transparent)) {
            // One translucent surface drawn front faces only overlaps itself only where it folds: plain
            // blending is the picture it always had, without the OIT pass (15-30 % of a frame on llvmpipe)
            // in the most common view, the skin over opaque anatomy.
            blendInOrder();
        } else {
            const bool oit = oit_.begin(target, area, [&] {
                for (const auto& item : opaque) drawItem(0, scene, item, view);
                drawProps(view);
            });
            if (oit) {
                for (const auto& item : transparent) drawItem(kMeshOit, scene, item, view);
                oit_.composite(target);
            } else {
                blendInOrder();  // no OIT targets (already reported): better than nothing
            }
        }
    }
    gl::setCull(gl::Cull::None);
    drawOutlines(scene, view, viewProj, glm::vec2(viewport));
    gl::VertexArray::unbind();
}

void Renderer::drawOutlines(const GpuScene& scene, const ViewState& view, const glm::mat4& viewProj,
                            glm::vec2 viewport) {
    bool any = false;
    for (const GpuNode& n : scene.drawables()) any |= view.style(n.node).outline && !view.style(n.node).hidden;
    if (!any) return;
    outline_.use();
    outline_.set("uViewProj", viewProj);
    outline_.set("uViewport", viewport);
    gl::setDepth(false, true);
    gl::setCull(gl::Cull::None);
    gl::setBlend(gl::Blend::OverKeepAlpha);
    for (const GpuNode& node : scene.drawables()) {
        const NodeStyle& st = view.style(node.node);
        if (!st.outline || st.hidden) continue;
        outline_.set("uModel", node.world);
        outline_.set("uNormalMatrix", glm::inverseTranspose(glm::mat3(node.world)));
        const auto& prims = scene.meshes()[node.mesh].primitives;
        // 1: the silhouette into the stencil only.
        gl::clearStencil();
        gl::setStencil(gl::Stencil::WriteOne);
        gl::setColorWrite(false);
        outline_.set("uWidth", 0.0f);
        for (const auto& p : prims) drawPrimitive(p, false);
        // 2: the widened mesh outside that silhouette.
        gl::setColorWrite(true);
        gl::setStencil(gl::Stencil::OutsideOfOne);
        outline_.set("uWidth", st.outlineWidth);
        outline_.set("uColor", glm::vec4(st.outlineColor, 1.0f));
        for (const auto& p : prims) drawPrimitive(p, false);
    }
    gl::setStencil(gl::Stencil::Off);
    gl::setBlend(gl::Blend::Off);
    gl::setDepth(true, true);
}

void Renderer::drawProps(const ViewState& view) {
    if (view.props.empty() || unitCube_.meshes().empty()) return;
    const GpuPrimitive& cube = unitCube_.meshes().front().primitives.front();
    gl::Program& mesh = meshes_.use(0);
    mesh.set("uTint", glm::vec4(0.0f));
    mesh.set("uOpacity", 1.0f);
    // A plain material: every material uniform (textures, unlit, metallic) set, none left from the model.
    Material table;
    table.roughness = 0.7f;
    gl::setCull(gl::Cull::Back);
    for (const PropBox& b : view.props) {
        table.baseColor = glm::vec4(b.color, 1.0f);
        setMaterial(mesh, unitCube_, table);
        const glm::mat4 m =
            b.toModel * glm::scale(glm::translate(glm::mat4(1.0f), b.min), glm::max(b.max - b.min, glm::vec3(1e-6f)));
        mesh.set("uModel", m);
        mesh.set("uNormalMatrix", glm::inverseTranspose(glm::mat3(m)));
        gl::setFrontFaceClockwise(glm::determinant(glm::mat3(m)) < 0.0f);
        cube.vao.drawIndexed(cube.indexCount);
    }
    gl::setFrontFaceClockwise(false);
}

bool Renderer::usesTextures(const GpuScene& scene, const Material& mat) {
    if (mat.alphaMode == AlphaMode::Mask) return true;  // the cut-off is in the textured variant
    for (const int t : {mat.baseColorTexture, mat.metallicRoughness.texture, mat.normal.texture, mat.occlusion.texture,
                        mat.emissiveTexture.texture})
        if (scene.texture(t)) return true;
    return false;
}

void Renderer::drawItem(unsigned pass, const GpuScene& scene, const DrawItem& item, const ViewState& view) {
    const GpuNode& node = *item.node;
    const NodeStyle& style = view.style(node.node);
    const glm::mat3 normalMatrix = glm::inverseTranspose(glm::mat3(node.world));
    gl::setFrontFaceClockwise(glm::determinant(glm::mat3(node.world)) < 0.0f);  // mirrored
    // Each primitive with the variant of what it shows (MeshPrograms.h): its node's uniforms go to it.
    auto program = [&](unsigned features, const Material& mat) -> gl::Program& {
        gl::Program& p = meshes_.use(pass | features | (usesTextures(scene, mat) ? kMeshTextures : 0u));
        p.set("uModel", node.world);
        p.set("uNormalMatrix", normalMatrix);
        p.set("uTint", style.tint);
        p.set("uOpacity", style.ghosted ? view.ghostOpacity : 1.0f);
        setMaterial(p, scene, mat);
        return p;
    };
    const unsigned pain = view.pain.active && style.painSurface ? kMeshPain : 0u;
    const GpuMesh& mesh = scene.meshes()[node.mesh];
    for (const auto& prim : mesh.primitives) {
        const Material& mat = prim.material;
        const bool fibres = prim.fibres && !options_.lod;
        program(pain | (fibres ? kMeshFibres : 0u), mat);
        stats_.fibreDraws += fibres ? 1 : 0;
        // A double-sided translucent surface shows both faces; with OIT they need no order.
        gl::setCull(mat.doubleSided ? gl::Cull::None : gl::Cull::Back);
        drawPrimitive(prim, true);
    }
    if (mesh.pointsAndLines.empty()) return;
    // Points and lines have no surface to light: their material's colour (and texture, vertex colours) as
    // it is, lines one pixel wide, points 4 pixels across; no pain zones on them.
    gl::setCull(gl::Cull::None);
    gl::setPointSize(4.0f);
    for (const auto& prim : mesh.pointsAndLines) {
        Material mat = prim.material;
        mat.unlit = true;
        program(0, mat);
        prim.vao.drawIndexed(prim.indexCount, prim.mode);
    }
}

void Renderer::setMaterial(gl::Program& program, const GpuScene& scene, const Material& mat) {
    program.set("uBaseColor", mat.baseColor);
    program.set("uEmissive", mat.emissive);
    program.set("uRoughness", mat.roughness);
    program.set("uMetallic", mat.metallic);
    program.set("uNormalScale", mat.normalScale);
    program.set("uOcclusionStrength", mat.occlusionStrength);
    program.set("uUnlit", mat.unlit ? 1 : 0);
    program.set("uAlphaMode", static_cast<int>(mat.alphaMode));
    program.set("uAlphaCutoff", mat.alphaCutoff);
    const TextureSlot base{mat.baseColorTexture, mat.baseColorTexCoord, mat.baseColorUv};
    const TextureSlot* slots[5] = {&base, &mat.metallicRoughness, &mat.normal, &mat.occlusion, &mat.emissiveTexture};
    static const char* const kHas[5] = {"uHasTexture", "uHasMr", "uHasNormal", "uHasOcclusion", "uHasEmissive"};
    static const char* const kUv[5] = {"uBaseUv", "uMrUv", "uNormalUv", "uOcclusionUv", "uEmissiveUv"};
    static const char* const kSet[5] = {"uBaseSet", "uMrSet", "uNormalSet", "uOcclusionSet", "uEmissiveSet"};
    for (int i = 0; i < 5; ++i) {
        const gl::Texture* tex = scene.texture(slots[i]->texture);
        program.set(kHas[i], tex ? 1 : 0);
        program.set(kUv[i], slots[i]->transform);
        program.set(kSet[i], slots[i]->texCoord);
        if (tex)
            tex->bind(i);
        else
            gl::Texture::unbind2D(i);
    }
}

}  // namespace la::render
