#pragma once
// Draws a model with a camera and a ViewState into the bound framebuffer. The window and the
// headless screenshot path both draw through here.
#include "core/Camera.h"
#include "core/Model.h"
#include "core/PainField.h"
#include "core/Result.h"
#include "core/ViewState.h"
#include "render/GpuScene.h"
#include "render/OitPass.h"
#include "render/gl/Program.h"

namespace la::render {

struct FrameInfo {
    glm::ivec2 viewport{1280, 720};
};

class Renderer {
public:
    static Result<Renderer> create();

    // Uploads the model's meshes and textures (replacing what was there).
    void setModel(const Model& model);
    // Replaces one primitive's per-vertex referred-pain weights (core/PainSurface.h composePain).
    void setPainVertices(std::size_t mesh, std::size_t primitive, const std::vector<glm::vec4>& weights) {
        scene_.setPainVertices(mesh, primitive, weights);
    }
    void draw(const Model& model, const Camera& camera, const ViewState& view, const FrameInfo& frame);

private:
    struct DrawItem {
        int node;
        int mesh;
        float depth;  // of the bounds' centre along the view direction
    };
    // Exactly one translucent draw of one primitive that culls back faces: it can overlap itself only
    // where it folds, so it needs no OIT.
    static bool singleSidedSurface(const Model& model, const std::vector<DrawItem>& translucent);
    void drawBackground();
    // Outlines of the nodes whose style asks for one, visible through everything in front of them.
    void drawOutlines(const Model& model, const ViewState& view, const glm::mat4& viewProj, glm::vec2 viewport);
    void drawItem(gl::Program& program, const Model& model, const DrawItem& item, const ViewState& view);

    gl::Program mesh_;     // shaders/mesh.*: opaque draws, a lone single-sided translucent surface, and all
                           // translucent ones if OIT targets cannot be made
    gl::Program meshOit_;  // the same source with LA_OIT: translucent draws into the OIT targets
    OitPass oit_;
    gl::Program background_;
    gl::Program outline_;
    gl::VertexArray emptyVao_;
    GpuScene scene_;
};

}  // namespace la::render
