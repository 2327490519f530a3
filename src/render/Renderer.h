#pragma once
// Draws a GpuScene with a camera and a ViewState into a RenderTarget. The window and the headless
// screenshot path both draw through here.
#include <vector>

#include "core/Camera.h"
#include "core/Result.h"
#include "core/ViewState.h"
#include "render/GpuScene.h"
#include "render/OitPass.h"
#include "render/RenderTarget.h"
#include "render/gl/Program.h"

namespace la::render {

class Renderer {
public:
    // Needs a current GL 3.3 context; turns on GL debug output when LA_GL_DEBUG=1.
    static Result<Renderer> create();

    // Binds `target`, clears it and draws the scene; the target stays bound (the UI draws over it). A view
    // state made for another model (another generation) is not applied: the scene is drawn unstyled.
    // Referred-pain zones come from the scene's per-vertex weights (GpuScene::setPainVertices).
    void draw(const GpuScene& scene, const ViewState& view, const Camera& camera, RenderTarget& target);

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
    void drawItem(gl::Program& program, const GpuScene& scene, const DrawItem& item, const ViewState& view);
    // ViewState::props (the treatment table): opaque, lit like the model, never painted.
    void drawProps(const ViewState& view);
    // The material's uniforms and its five textures on units 0-4 (base colour, metallic-roughness, normal,
    // occlusion, emissive), each with its UV set and KHR_texture_transform.
    static void setMaterial(gl::Program& program, const GpuScene& scene, const Material& material);

    gl::Program mesh_;     // shaders/mesh.*: opaque draws, a lone single-sided translucent surface, and all
                           // translucent ones if OIT targets cannot be made
    gl::Program meshOit_;  // the same source with LA_OIT: translucent draws into the OIT targets
    OitPass oit_;
    gl::Program background_;
    gl::Program outline_;
    gl::VertexArray emptyVao_;
    GpuScene unitCube_;  // one mesh: the box [0,1]^3 with flat faces
    bool reportedStaleView_ = false;
};

}  // namespace la::render
