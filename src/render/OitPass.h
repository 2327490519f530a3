#pragma once
// Weighted blended order-independent transparency (McGuire & Bavoil 2013) for every translucent draw.
//
//   begin():  copies the scene target's opaque depth into the OIT framebuffer, binds it and clears it:
//               attachment 0, RGBA16F: rgb = sum of colour x alpha x weight        (blend ONE, ONE)
//                                      a   = product of (1 - alpha), the revealage (blend ZERO, ONE_MINUS_SRC_ALPHA)
//               attachment 1, R16F:    r   = sum of alpha x weight                 (blend ONE, ONE)
//             then depth test against the opaque depth with depth writes off. The translucent draws
//             follow, in any order (shaders/mesh.frag built with LA_OIT).
//   composite(): back in the scene framebuffer, one full-screen triangle lays the weighted average colour
//             over the opaque image with coverage 1 - revealage (blend ONE_MINUS_SRC_ALPHA, SRC_ALPHA).
//
// The revealage rides in attachment 0's alpha so that a single glBlendFuncSeparate serves both attachments:
// no per-attachment blend state (glBlendFunci is OpenGL 4.0; the window asks for a 3.3 context).
//
// The opaque depth: a scene framebuffer of our own (the FXAA pass's target, OffscreenTarget) lends its
// depth renderbuffer to the OIT framebuffer, which tests against it with depth writes off, so nothing is
// copied (a depth glBlitFramebuffer costs a full pass over the area, and llvmpipe compiles the shader of
// its blit in every process: 50 ms of a still). The window's default framebuffer (`--aa msaa`) cannot
// lend its depth: that is copied.
//
// MSAA: the targets take the scene framebuffer's sample count (window: its default framebuffer; headless:
// OffscreenTarget with `--aa msaa`), so the shared or copied depth is exact per sample and translucent edges are
// antialiased like opaque ones. The composite averages each pixel's samples (a resolve) and lays that over every sample
// of the pixel; opaque edges keep their own samples. If the depth can be neither shared nor copied (a sample count or
// depth format the targets cannot match), begin() has the caller draw the opaque depth again.
#include <functional>

#include <glm/glm.hpp>

#include "core/Result.h"
#include "render/RenderTarget.h"
#include "render/gl/Objects.h"
#include "render/gl/Program.h"

namespace la::render {

// The accumulation targets and their depth: move-only, reallocated when the scene's size or sample count
// changes.
class OitTargets {
public:
    OitTargets() = default;
    OitTargets(OitTargets&&) noexcept = default;
    OitTargets& operator=(OitTargets&&) noexcept = default;
    OitTargets(const OitTargets&) = delete;
    OitTargets& operator=(const OitTargets&) = delete;

    // samples 0: single-sample textures. depthFormat: a sized depth (or depth-stencil) format; 0: no depth
    // of their own (the scene's is attached before each use, gl::Framebuffer::shareDepthOf).
    static Result<OitTargets> create(glm::ivec2 size, int samples, GLenum depthFormat);
    gl::Framebuffer& framebuffer() { return fbo_; }
    const gl::Framebuffer& framebuffer() const { return fbo_; }
    explicit operator bool() const { return fbo_.id() != 0; }
    const gl::Texture& accum() const { return accum_; }
    const gl::Texture& weight() const { return weight_; }
    int samples() const { return samples_; }  // as allocated (a driver may give more than asked)

private:
    int samples_ = 0;
    gl::Texture accum_, weight_;
    gl::Renderbuffer depth_;
    gl::Framebuffer fbo_;
};

class OitPass {
public:
    static Result<OitPass> create();

    // `scene` has its opaque content drawn. Binds the cleared targets with its depth in them and the
    // accumulation state set. `drawOpaqueDepth` is called (colour writes off, depth writes on) only if that
    // depth could not be copied. `area` (x, y, width, height in pixels) bounds the translucent draws on
    // screen: the copy and composite are scissored to it. Returns false if no targets could be made; the
    // scene stays bound then.
    bool begin(const RenderTarget& scene, glm::ivec4 area, const std::function<void()>& drawOpaqueDepth);
    // Lays the translucent layers over `scene`, binds it again and leaves blending and the scissor test
    // off, depth test on and depth writes on.
    void composite(const RenderTarget& scene);

private:
    OitTargets targets_;
    gl::Program composite_, compositeMs_;
    gl::VertexArray vao_;
    // What the targets were made for: the scene framebuffer's size, sample count and depth format.
    GLenum keyDepth_ = 0;
    glm::ivec2 keySize_{0};
    int keySamples_ = -1;
    bool shareDepth_ = false;      // the scene's depth renderbuffer is attached (no copy)
    bool checkNextShare_ = false;  // the first attachment after an allocation is checked for completeness
    bool shareFailed_ = false;     // that check failed once: copy from then on
    bool canCopyDepth_ = false;    // same sample count and depth format as the scene
    bool checkNextCopy_ = false;   // the first copy after an allocation is checked for a GL error
    bool reported_ = false;        // a failure to make targets is printed once
};

}  // namespace la::render
