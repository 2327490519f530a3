#pragma once
// Anti-aliasing the window can afford without a GPU: the scene is drawn single-sampled into a target of
// the window's size, then copied to the window through a fast approximate anti-aliasing filter
// (shaders/fxaa.frag); the UI is drawn over the result, untouched. MSAA 4x costs about 2.6x a frame on
// llvmpipe; this pass costs one full-screen triangle.
#include "core/Result.h"
#include "render/RenderTarget.h"
#include "render/gl/Objects.h"
#include "render/gl/Program.h"

namespace la::render {

class FxaaPass {
public:
    static Result<FxaaPass> create();

    // The single-sampled target to draw the scene into, (re)made at `size`.
    RenderTarget& sceneTarget(glm::ivec2 size);
    // The scene target's picture into `out` (bound afterwards), filtered; `filter` false copies it plainly.
    void resolve(RenderTarget& out, bool filter = true);

private:
    gl::Program program_;
    gl::VertexArray emptyVao_;
    gl::Framebuffer fbo_;
    gl::Texture colour_;
    gl::Renderbuffer depth_;
    RenderTarget target_;
    glm::ivec2 size_{0};
};

}  // namespace la::render
