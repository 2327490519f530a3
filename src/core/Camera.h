#pragma once
// Turntable orbit camera (Y up): orbit, pan, zoom towards the cursor, framing, presets, smooth fly-to.
// Pixel coordinates have their origin at the top left.
//
// Two frames: the camera orbits in the room (pose is in room coordinates, Y up), and the body lies in
// the room as bodyToRoom places it (core/Posture.h; identity when standing). view() maps body
// coordinates to the eye, so position(), forward() and everything projected through view() (drawing,
// picking, panels, trigger marks) are in the body's own frame whatever its posture. Presets and tour
// poses are relative to the body: "posterior" looks at the back, from above when the body lies prone.
#include "core/Aabb.h"
#include "core/CameraPose.h"
#include "core/Easing.h"
#include "core/Posture.h"

namespace la {

class Camera {
public:
    CameraPose pose;
    float fovYDeg = 30.0f;
    // Offset of the image centre in normalised device coordinates: with the sidebar open the body is
    // centred in the view beside it (x = sidebar width / framebuffer width), not behind the sidebar.
    glm::vec2 lensShift{0.0f};
    // Scale of the image about that centre: below 1 while the tour's caption bar covers the bottom of the
    // view, so that the body framed for the whole view fits above the bar (legs and buttocks not hidden).
    float lensScale = 1.0f;

    glm::vec3 position() const;  // the eye, in the body's frame
    glm::vec3 forward() const;   // unit vector from the eye towards the target, in the body's frame
    glm::mat4 view() const;      // body to eye
    glm::mat4 roomView() const;  // room to eye
    glm::mat4 projection(float aspect) const;

    void orbit(float dYawDeg, float dPitchDeg);
    // Moves the target so the scene follows the mouse by deltaPixels.
    void pan(glm::vec2 deltaPixels, glm::vec2 viewport);
    // distance *= factor, keeping the point under `pixel` (on the plane through the target) where it is.
    void zoomToCursor(float factor, glm::vec2 pixel, glm::vec2 viewport);
    // Target at the bounds' centre, distance so the bounding sphere fits the view.
    void frame(const Aabb& bounds, float aspect);
    // Pose that frames `bounds` (body frame) from a preset direction relative to the body.
    CameraPose presetPose(ViewPreset preset, const Aabb& bounds, float aspect) const;
    // The room pose `roomPose` looks from, aimed at the centre of `bounds` (body frame) and as close as
    // the box's eight corners allow: each one inside `fill` (0..1] of the half-width and half-height of
    // the view. Tighter than frame()'s bounding sphere: a tall body in a narrow view fills its height.
    CameraPose fitPose(const CameraPose& roomPose, const Aabb& bounds, float aspect, float fill) const;

    // Where the body lies in the room, and a smooth change of it (the body turns about `pivot`, its
    // centre): postureMatrix(posture, bounds) at the end.
    const glm::mat4& bodyToRoom() const { return bodyToRoom_; }
    void placeBody(Posture posture, const Aabb& bodyBounds, float seconds);
    // A pose given relative to the body (a tour's or a copied view: target in body coordinates, yaw and
    // pitch about the body's axes) as the room pose that shows the same, and back.
    CameraPose roomPose(const CameraPose& bodyRelative) const;
    CameraPose bodyRelativePose() const;

    void flyTo(const CameraPose& to, float seconds = 0.6f);
    bool animating() const { return flyTime_ < flyDuration_ || placeTime_ < placeDuration_; }
    // Advances a fly-to; returns true while it is still moving.
    bool update(float dt);

    // The scene's size sets the clip planes.
    void setSceneRadius(float r) { sceneRadius_ = r; }

private:
    // lensScale kept away from zero, for the pixel-to-world conversions that divide by it.
    float safeLensScale() const { return lensScale > 1e-3f ? lensScale : 1e-3f; }
    float fitDistance(const Aabb& bounds, float aspect) const;

    CameraPose from_{}, to_{};
    float flyTime_ = 0.0f, flyDuration_ = 0.0f;
    glm::mat4 bodyToRoom_{1.0f}, placeTo_{1.0f};
    PostureAngles anglesNow_{}, anglesFrom_{}, anglesTo_{};
    glm::vec3 placePivot_{0.0f};
    float placeTime_ = 0.0f, placeDuration_ = 0.0f;
    float sceneRadius_ = 1.0f;
};

// Interpolates two poses (shortest way round in yaw); s in [0,1].
CameraPose lerpPose(const CameraPose& a, const CameraPose& b, float s);

}  // namespace la
