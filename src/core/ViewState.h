#pragma once
// What the renderer needs besides the model: per-node style and the animation time.
// Panels edit this; they never own scene data.
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace la {

struct NodeStyle {
    bool hidden = false;
    bool ghosted = false;                       // x-ray translucency
    glm::vec4 tint{0.0f};                       // rgb mixed into the albedo by a (selection / hover highlight)
    bool outline = false;                       // drawn with an outline visible through everything in front
    glm::vec3 outlineColor{1.0f, 0.85f, 0.2f};  // sRGB
    float outlineWidth = 3.0f;                  // pixels
    bool painSurface = false;                   // referred-pain zones are drawn on this node's surface
};

// The referred-pain overlay of one frame. The zones themselves are per-vertex weights the app composes
// and hands to Renderer::setPainVertices (core/PainSurface.h).
struct PainView {
    bool active = false;
    std::vector<float> triggerWeight;  // per flat trigger point: fade x on/off (0..1)
    int linkTrigger = -1;              // the trigger point the link animation shows (-1: none)
    float linkGlow = 0.0f;             // 0..1 brightness of its X and zones
    float intensity = 1.0f;
    int palette = 0;  // 0 standard (violet), 1 colour-blind safe (magenta hatching, blue dots)
};

// Furniture drawn with the model, not part of it (not picked, not listed): the treatment table under a
// lying body. A box in the model's coordinates: `toModel` * the box.
struct PropBox {
    glm::vec3 min{0.0f}, max{0.0f};
    glm::mat4 toModel{1.0f};
    glm::vec3 color{0.5f};  // linear RGB
};

struct ViewState {
    std::uint64_t generation = 0;  // Model::generation of the model whose nodes `nodes` is indexed by
    std::vector<NodeStyle> nodes;  // indexed like Model::nodes; missing entries use the default style
    float time = 0.0f;             // animation time in seconds
    float ghostOpacity = 0.32f;    // where the surface faces the eye x 0.8, towards its outline up to x 2.4 (mesh.frag)
    PainView pain;
    std::vector<PropBox> props;

    const NodeStyle& style(std::size_t node) const {
        static const NodeStyle kDefault{};
        return node < nodes.size() ? nodes[node] : kDefault;
    }
};

}  // namespace la
