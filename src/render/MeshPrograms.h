#pragma once
// The variants of shaders/mesh.*: llvmpipe executes both sides of every branch, so a feature a draw does
// not use costs as much there as one it does. Each draw picks the variant built with only what it needs
// (texture slots, striation, pain zones; OIT or not), compiled on first use; the frame's uniforms (camera,
// lights, pain palette, OIT weights) go to each variant once a frame, when it is first used in it.
#include <array>
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "core/Result.h"
#include "render/gl/Program.h"

namespace la::render {

enum MeshFeature : unsigned {
    kMeshTextures = 1,  // glTF texture slots and alpha masking (LA_TEXTURES)
    kMeshFibres = 2,    // muscle striation along the _FIBRE attribute (LA_FIBRES)
    kMeshPain = 4,      // referred-pain zones from the per-vertex weights (LA_PAIN)
    kMeshOit = 8,       // writes the weighted-blended OIT sums (LA_OIT)
};
constexpr unsigned kMeshVariants = 16;

// Uniforms shared by every mesh draw of one frame.
struct MeshFrame {
    glm::mat4 viewProj{1.0f};
    glm::vec3 eye{0.0f}, keyDir{0.0f, 0.0f, 1.0f}, rimDir{0.0f, 0.0f, -1.0f};
    float linkGlow = 0.0f, painIntensity = 1.0f;
    int palette = 0;
    glm::vec3 viewDir{0.0f, 0.0f, -1.0f};  // OIT: view direction, depth of the model's front, halving depth
    float oitNear = 0.0f, oitHalving = 1.0f;
};

class MeshPrograms {
public:
    // Compiles the plain variant (so that a missing or broken shader shows at start).
    static Result<MeshPrograms> create();
    // A new frame: every variant gets `frame` when next used.
    void beginFrame(const MeshFrame& frame);
    // The variant for `features`, bound, with this frame's uniforms; the plain one if it cannot be built
    // (reported once).
    gl::Program& use(unsigned features);

private:
    struct Variant {
        std::optional<gl::Program> program;
        bool failed = false;
        unsigned long long frame = 0;  // of the uniforms it holds
    };
    void setFrameUniforms(gl::Program& p, unsigned features);
    std::array<Variant, kMeshVariants> variants_;
    MeshFrame frame_;
    unsigned long long frameNumber_ = 1;
};

}  // namespace la::render
