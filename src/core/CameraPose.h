#pragma once
// A turntable camera pose (Y up). Angles in degrees.
// Position = target + distance * (cos(pitch) sin(yaw), sin(pitch), cos(pitch) cos(yaw)):
// yaw 0 looks from the front (+Z, anterior), 90 from the body's left (+X), 180 from behind (posterior),
// 270 from the body's right (-X); pitch > 0 looks from above.
#include <optional>
#include <string_view>

#include <glm/glm.hpp>

namespace la {

struct CameraPose {
    glm::vec3 target{0.0f};
    float yawDeg = 180.0f;
    float pitchDeg = 0.0f;
    float distance = 1.0f;
};

enum class ViewPreset { Posterior, Anterior, Left, Right, Superior, Oblique, ObliqueRight };

// "posterior", "anterior", "left", "right", "superior", "oblique" (from behind on the left),
// "oblique_right"
std::optional<ViewPreset> parseViewPreset(std::string_view name);
std::string_view viewPresetName(ViewPreset p);
// Yaw/pitch of a preset (distance and target come from framing).
void presetAngles(ViewPreset p, float& yawDeg, float& pitchDeg);

}  // namespace la
