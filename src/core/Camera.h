#pragma once
// Turntable orbit camera (Y up): orbit, pan, zoom towards the cursor, framing, presets, smooth fly-to.
// Pixel coordinates have their origin at the top left.
#include "core/Aabb.h"
#include "core/CameraPose.h"
#include "core/Easing.h"

namespace la {

class Camera {
public:
    CameraPose pose;
    float fovYDeg = 30.0f;
    // Offset of the image centre in normalised device coordinates: with the sidebar open the body is
    // centred in the view beside it (x = sidebar width / framebuffer width), not behind the sidebar.
    glm::vec2 lensShift{0.0f};

    glm::vec3 position() const;
    glm::vec3 forward() const;  // unit vector from the eye towards the target
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;

    void orbit(float dYawDeg, float dPitchDeg);
    // Moves the target so the scene follows the mouse by deltaPixels.
    void pan(glm::vec2 deltaPixels, glm::vec2 viewport);
    // distance *= factor, keeping the point under `pixel` (on the plane through the target) where it is.
    void zoomToCursor(float factor, glm::vec2 pixel, glm::vec2 viewport);
    // Target at the bounds' centre, distance so the bounding sphere fits the view.
    void frame(const Aabb& bounds, float aspect);
    // Pose that frames `bounds` from a preset direction.
    CameraPose presetPose(ViewPreset preset, const Aabb& bounds, float aspect) const;

    void flyTo(const CameraPose& to, float seconds = 0.6f);
    bool animating() const { return flyTime_ < flyDuration_; }
    // Advances a fly-to; returns true while it is still moving.
    bool update(float dt);

    // The scene's size sets the clip planes.
    void setSceneRadius(float r) { sceneRadius_ = r; }

private:
    float fitDistance(const Aabb& bounds, float aspect) const;

    CameraPose from_{}, to_{};
    float flyTime_ = 0.0f, flyDuration_ = 0.0f;
    float sceneRadius_ = 1.0f;
};

// Interpolates two poses (shortest way round in yaw); s in [0,1].
CameraPose lerpPose(const CameraPose& a, const CameraPose& b, float s);

}  // namespace la
