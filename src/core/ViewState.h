#pragma once
// What the renderer needs besides the model: per-node style and the animation time.
// Panels edit this; they never own scene data.
#include <vector>

#include <glm/glm.hpp>

namespace la {

struct NodeStyle {
    bool hidden = false;
    bool ghosted = false;    // x-ray translucency
    glm::vec4 tint{0.0f};    // rgb mixed into the albedo by a (selection / hover highlight)
    bool outline = false;    // drawn with an outline visible through everything in front
    glm::vec3 outlineColor{1.0f, 0.85f, 0.2f};  // sRGB
    float outlineWidth = 3.0f;                  // pixels
};

struct ViewState {
    std::vector<NodeStyle> nodes;  // indexed like Model::nodes; missing entries use the default style
    float time = 0.0f;             // animation time in seconds
    float ghostOpacity = 0.22f;

    const NodeStyle& style(std::size_t node) const {
        static const NodeStyle kDefault{};
        return node < nodes.size() ? nodes[node] : kDefault;
    }
};

}  // namespace la
