#pragma once
// Draws a model with a camera and a ViewState into the bound framebuffer. The window and the
// headless screenshot path both draw through here.
#include "core/Camera.h"
#include "core/Model.h"
#include "core/PainField.h"
#include "core/Result.h"
#include "core/ViewState.h"
#include "render/GpuScene.h"
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
    // Uploads the referred-pain zone shapes (at most kMaxPainShapes; the rest are ignored).
    void setPainShapes(const PainFlat& flat);
    static constexpr int kMaxPainShapes = 64;
    static constexpr int kMaxTriggers = 32;
    void draw(const Model& model, const Camera& camera, const ViewState& view, const FrameInfo& frame);

private:
    struct DrawItem {
        int node;
        int mesh;
        float depth;
        bool blend;
    };
    void drawBackground();
    // Outlines of the nodes whose style asks for one, visible through everything in front of them.
    void drawOutlines(const Model& model, const ViewState& view, const glm::mat4& viewProj, glm::vec2 viewport);
    void drawItem(const Model& model, const DrawItem& item, const ViewState& view, bool transparentPass);

    gl::Program mesh_;
    gl::Program background_;
    gl::Program outline_;
    gl::VertexArray emptyVao_;
    gl::Buffer painUbo_;
    int painShapeCount_ = 0;
    GpuScene scene_;
};

}  // namespace la::render
