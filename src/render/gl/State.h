#pragma once
// Pipeline state and whole-target operations, named by what the renderer means rather than by GL enum.
#include <optional>

#include <glm/glm.hpp>

namespace la::gl {

struct Limits {
    int maxRenderbufferSize = 0;
    int maxSamples = 0;              // renderbuffers
    int maxColorTextureSamples = 0;  // multisampled colour textures
};
Limits limits();

void viewport(glm::ivec2 size);
// Colour, depth and stencil of the bound framebuffer.
void clear(const glm::vec4& colour);
void clearDepth();
void clearDepthStencil();  // both at once: one pass over a packed depth-stencil buffer, no masking
void clearStencil();

enum class Blend {
    Off,
    Over,           // straight alpha over, alpha accumulates coverage: (SRC_ALPHA, 1-SRC_ALPHA, ONE, 1-SRC_ALPHA)
    OverKeepAlpha,  // (SRC_ALPHA, 1-SRC_ALPHA) for colour and alpha alike
    OitAccumulate,  // colour sums (ONE, ONE), alpha revealage product (ZERO, 1-SRC_ALPHA)
    OitComposite,   // colour = src x (1 - src alpha) + dst x src alpha; dst alpha kept
    Premultiplied,  // a premultiplied picture over: (ONE, 1-SRC_ALPHA) for colour and alpha
};
void setBlend(Blend mode);

// Depth test (LEQUAL) and depth writes.
void setDepth(bool test, bool write);
void setColorWrite(bool on);

enum class Cull { None, Back };
void setCull(Cull mode);
// Winding of front faces: counter-clockwise, or clockwise for mirrored (negative determinant) transforms.
void setFrontFaceClockwise(bool clockwise);

// Scissor box (x, y, width, height in pixels), or none.
void setScissor(std::optional<glm::ivec4> area);

enum class Stencil {
    Off,
    WriteOne,      // always passes, writes 1
    OutsideOfOne,  // passes where the stencil is not 1, writes nothing
};
void setStencil(Stencil mode);

void setMultisample(bool on);
// Diameter of drawn points, pixels.
void setPointSize(float pixels);

// Waits until the GPU has carried out every command given so far (benchmarks time whole frames).
void finish();
// Hands the commands given so far to the GPU without waiting (llvmpipe starts rasterising them).
void flush();

}  // namespace la::gl
