#pragma once
// Draws a GpuScene with a camera and a ViewState into a RenderTarget. The window and the headless
// screenshot path both draw through here.
#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

#include "core/Camera.h"
#include "core/Result.h"
#include "core/ViewState.h"
#include "render/GpuScene.h"
#include "render/MeshPrograms.h"
#include "render/MipmapPass.h"
#include "render/OitPass.h"
#include "render/RenderTarget.h"
#include "render/gl/Objects.h"
#include "render/gl/Program.h"

namespace la::render {

// How one frame is drawn (the window chooses per frame: core/MotionQuality.h).
struct DrawOptions {
    // The motion level of detail where a primitive has one (GpuScene::setLod), and no muscle striation:
    // frames that ask for it are drawn at a reduced resolution, where the stripes are finer than a pixel
    // at the usual distances and the shader fades them out anyway (its LA_FIBRES variant costs a tenth of
    // such a frame's scene).
    bool lod = false;
    // Above 0: the commands go to the GPU (a flush) after about this many triangles, a larger primitive
    // in pieces of it. On llvmpipe the binned triangles of a frame otherwise wait in memory until its end
    // (70 MB for the bundled model); so they are rasterised while later draws are set up. Stills.
    std::size_t flushTriangles = 0;
    // Above 0 (with flushTriangles): at most this many flushed pieces still being rasterised; the next
    // flush waits for the oldest. Binning outpaces llvmpipe's rasteriser threads on two cores, so without
    // a bound a still's scenes pile up: peak memory 210 -> 175 MiB for the bundled still, the same time.
    std::size_t flushesInFlight = 0;
};

// What the last draw submitted: tests check that stills and frames at rest draw the full model.
struct DrawStats {
    std::size_t triangles = 0;      // of the model's meshes in the colour passes (outlines not counted)
    std::size_t lodPrimitives = 0;  // primitive draws that used their LOD list
    std::size_t fibreDraws = 0;     // primitive draws with the striation (the shader's LA_FIBRES variant)
    // The target's pixels (x, y, width, height, GL's bottom-left origin) that anything but the background
    // may have touched: the screen boxes of every drawn node and prop, widened by the outlines.
    glm::ivec4 sceneBox{0};
};

class Renderer {
public:
    // Needs a current GL 3.3 context; turns on GL debug output when LA_GL_DEBUG=1.
    static Result<Renderer> create();

    // Binds `target`, clears it and draws the scene; the target stays bound (the UI draws over it). A view
    // state made for another model (another generation) is not applied: the scene is drawn unstyled.
    // Referred-pain zones come from the scene's per-vertex weights (GpuScene::setPainVertices).
    void draw(const GpuScene& scene, const ViewState& view, const Camera& camera, RenderTarget& target,
              const DrawOptions& options = {});
    const DrawStats& lastStats() const { return stats_; }
    // What makes the mip levels of `model`'s textures for GpuScene::upload (null: glGenerateMipmap, or no
    // textures), its program made for the first model with textures (not before a window's first frame).
    MipmapPass* mipmapsFor(const Model& model);

private:
    struct DrawItem {
        const GpuNode* node;
        float depth;  // of the bounds' centre along the view direction
    };
    // Exactly one translucent draw of one primitive that culls back faces: it can overlap itself only
    // where it folds, so it needs no OIT.
    static bool singleSidedSurface(const GpuScene& scene, const std::vector<DrawItem>& translucent);
    void drawBackground();
    // Outlines of the nodes whose style asks for one, visible through everything in front of them.
    void drawOutlines(const GpuScene& scene, const ViewState& view, const glm::mat4& viewProj, glm::vec2 viewport);
    // One node's primitives; `pass` 0 or kMeshOit (into the OIT targets).
    void drawItem(unsigned pass, const GpuScene& scene, const DrawItem& item, const ViewState& view);
    // The material samples a texture or masks alpha: the textured shader variant.
    static bool usesTextures(const GpuScene& scene, const Material& material);
    // The primitive's vertex array and index count for this frame: its LOD list when the frame asks for it.
    void drawPrimitive(const GpuPrimitive& prim, bool count);
    // ViewState::props (the treatment table): opaque, lit like the model, never painted.
    void drawProps(const ViewState& view);
    // The material's uniforms and its five textures on units 0-4 (base colour, metallic-roughness, normal,
    // occlusion, emissive), each with its UV set and KHR_texture_transform.
    static void setMaterial(gl::Program& program, const GpuScene& scene, const Material& material);

    MeshPrograms meshes_;  // shaders/mesh.* in variants: plain draws (opaque, a lone single-sided translucent
                           // surface, all translucent ones if OIT targets cannot be made) and OIT draws
    OitPass oit_;
    std::optional<MipmapPass> mipmaps_;  // none until asked for, or if its program could not be made (reported)
    bool mipmapsTried_ = false;
    gl::Program background_;
    gl::Program outline_;
    gl::VertexArray emptyVao_;
    GpuScene unitCube_;  // one mesh: the box [0,1]^3 with flat faces
    bool reportedStaleView_ = false;
    DrawOptions options_;                 // of the frame being drawn
    std::size_t unflushedTriangles_ = 0;  // given since the last flush (options_.flushTriangles)
    std::deque<gl::Fence> inFlight_;      // one per flush not yet waited for (options_.flushesInFlight)
    DrawStats stats_;
};

}  // namespace la::render
