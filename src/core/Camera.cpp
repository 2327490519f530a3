#include "core/Camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace la {

namespace {
glm::vec3 offsetDir(const CameraPose& p) {
    const float yaw = glm::radians(p.yawDeg), pitch = glm::radians(p.pitchDeg);
    return {std::cos(pitch) * std::sin(yaw), std::sin(pitch), std::cos(pitch) * std::cos(yaw)};
}
float wrap360(float a) {
    a = std::fmod(a, 360.0f);
    return a < 0.0f ? a + 360.0f : a;
}
// Yaw and pitch of the direction from the target to the eye. Within 8 degrees of straight up or down
// (a body lying face down seen from behind) the yaw is chosen so that `screenUp` (the body's head)
// points up on the screen, when it is horizontal enough to say.
void anglesOf(glm::vec3 dir, glm::vec3 screenUp, float& yawDeg, float& pitchDeg) {
    dir = glm::normalize(dir);
    pitchDeg = std::clamp(glm::degrees(std::asin(std::clamp(dir.y, -1.0f, 1.0f))), -89.0f, 89.0f);
    const glm::vec2 flat(dir.x, dir.z);
    const bool nearVertical = std::abs(dir.y) > 0.99f && glm::length(glm::vec2(screenUp.x, screenUp.z)) > 0.5f;
    if (glm::length(flat) > 0.02f && !nearVertical)
        yawDeg = wrap360(glm::degrees(std::atan2(flat.x, flat.y)));
    else  // from above the screen's up is away from the eye's side; from below, towards it
        yawDeg = wrap360(
            glm::degrees(dir.y > 0.0f ? std::atan2(-screenUp.x, -screenUp.z) : std::atan2(screenUp.x, screenUp.z)));
}
}  // namespace

glm::vec3 Camera::position() const {
    const glm::vec3 room = pose.target + pose.distance * offsetDir(pose);
    return glm::vec3(glm::inverse(bodyToRoom_) * glm::vec4(room, 1.0f));
}
glm::vec3 Camera::forward() const {
    return glm::normalize(glm::transpose(glm::mat3(bodyToRoom_)) * -offsetDir(pose));
}

glm::mat4 Camera::view() const {
    return roomView() * bodyToRoom_;
}

glm::mat4 Camera::roomView() const {
    // Near the poles the up vector follows the yaw so the view never flips.
    const glm::vec3 up = std::abs(pose.pitchDeg) > 89.5f
                             ? glm::vec3(-std::sin(glm::radians(pose.yawDeg)), 0, -std::cos(glm::radians(pose.yawDeg)))
                             : glm::vec3(0, 1, 0);
    return glm::lookAt(pose.target + pose.distance * offsetDir(pose), pose.target, up);
}

glm::mat4 Camera::projection(float aspect) const {
    const float nearP = std::max(pose.distance - sceneRadius_ * 2.0f, pose.distance * 0.02f);
    const float farP = pose.distance + sceneRadius_ * 4.0f;
    const glm::mat4 shift = glm::translate(glm::mat4(1.0f), glm::vec3(lensShift, 0.0f));
    const glm::mat4 scale = glm::scale(glm::mat4(1.0f), glm::vec3(lensScale, lensScale, 1.0f));
    return shift * scale * glm::perspective(glm::radians(fovYDeg), aspect, nearP, farP);
}

void Camera::orbit(float dYawDeg, float dPitchDeg) {
    flyDuration_ = 0.0f;
    pose.yawDeg = wrap360(pose.yawDeg + dYawDeg);
    pose.pitchDeg = std::clamp(pose.pitchDeg + dPitchDeg, -89.0f, 89.0f);
}

void Camera::pan(glm::vec2 deltaPixels, glm::vec2 viewport) {
    flyDuration_ = 0.0f;
    const glm::mat4 v = roomView();
    const glm::vec3 right(v[0][0], v[1][0], v[2][0]);
    const glm::vec3 up(v[0][1], v[1][1], v[2][1]);
    const float worldPerPixel =
        2.0f * pose.distance * std::tan(glm::radians(fovYDeg) * 0.5f) / (viewport.y * safeLensScale());
    pose.target += (-deltaPixels.x * right + deltaPixels.y * up) * worldPerPixel;
}

void Camera::zoomToCursor(float factor, glm::vec2 pixel, glm::vec2 viewport) {
    flyDuration_ = 0.0f;
    const float newDistance = std::clamp(pose.distance * factor, sceneRadius_ * 0.05f, sceneRadius_ * 20.0f);
    factor = newDistance / pose.distance;
    // The point under the cursor on the plane through the target, facing the camera.
    const glm::mat4 v = roomView();
    const glm::vec3 right(v[0][0], v[1][0], v[2][0]);
    const glm::vec3 up(v[0][1], v[1][1], v[2][1]);
    const float halfH = pose.distance * std::tan(glm::radians(fovYDeg) * 0.5f);
    const float aspect = viewport.x / viewport.y;
    const glm::vec2 ndc =
        (glm::vec2(2.0f * pixel.x / viewport.x - 1.0f, 1.0f - 2.0f * pixel.y / viewport.y) - lensShift) /
        safeLensScale();
    const glm::vec3 p = pose.target + right * (ndc.x * halfH * aspect) + up * (ndc.y * halfH);
    // Scaling the eye about p keeps p's projection fixed.
    pose.target = p + (pose.target - p) * factor;
    pose.distance = newDistance;
}

float Camera::fitDistance(const Aabb& bounds, float aspect) const {
    const float r = std::max(bounds.radius(), 1e-4f);
    const float halfV = glm::radians(fovYDeg) * 0.5f;
    const float halfH = std::atan(std::tan(halfV) * aspect);
    return r / std::sin(std::min(halfV, halfH)) * 1.02f;
}

void Camera::frame(const Aabb& bounds, float aspect) {
    flyDuration_ = 0.0f;
    if (!bounds.valid()) return;
    sceneRadius_ = std::max(bounds.radius(), 1e-4f);
    pose.target = glm::vec3(placeTo_ * glm::vec4(bounds.center(), 1.0f));
    pose.distance = fitDistance(bounds, aspect);
}

CameraPose Camera::presetPose(ViewPreset preset, const Aabb& bounds, float aspect) const {
    CameraPose p;
    presetAngles(preset, p.yawDeg, p.pitchDeg);
    p.target = bounds.valid() ? bounds.center() : glm::vec3(0.0f);
    p.distance = bounds.valid() ? fitDistance(bounds, aspect) : pose.distance;
    return roomPose(p);
}

CameraPose Camera::fitPose(const CameraPose& roomPose, const Aabb& bounds, float aspect, float fill) const {
    CameraPose p = roomPose;
    if (!bounds.valid()) return p;
    p.target = glm::vec3(placeTo_ * glm::vec4(bounds.center(), 1.0f));
    // The eye's axes, as roomView() sets them up.
    const glm::mat4 axes = glm::inverse(glm::lookAt(offsetDir(p), glm::vec3(0.0f), glm::vec3(0, 1, 0)));
    const glm::vec3 right(axes[0]), up(axes[1]), back(axes[2]);
    const float tanV = std::tan(glm::radians(fovYDeg) * 0.5f) * std::clamp(fill, 0.05f, 1.0f);
    const float tanH = tanV * aspect;
    float distance = 1e-4f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? bounds.max.x : bounds.min.x, (i & 2) ? bounds.max.y : bounds.min.y,
                               (i & 4) ? bounds.max.z : bounds.min.z);
        const glm::vec3 rel = glm::vec3(placeTo_ * glm::vec4(corner, 1.0f)) - p.target;
        // A corner `z` towards the eye and `x`, `y` off the axis fits when x / (d - z) <= tanH (and y).
        const float z = glm::dot(rel, back);
        distance =
            std::max({distance, z + std::abs(glm::dot(rel, right)) / tanH, z + std::abs(glm::dot(rel, up)) / tanV});
    }
    p.distance = distance;
    return p;
}

// Where a fly-to or a preset should end: the placement being moved to, not the one half-way.
CameraPose Camera::roomPose(const CameraPose& b) const {
    const glm::mat3 r(placeTo_);
    CameraPose p = b;
    p.target = glm::vec3(placeTo_ * glm::vec4(b.target, 1.0f));
    anglesOf(r * offsetDir(b), r * glm::vec3(0, 1, 0), p.yawDeg, p.pitchDeg);
    return p;
}

CameraPose Camera::bodyRelativePose() const {
    const glm::mat3 toBody = glm::transpose(glm::mat3(bodyToRoom_));
    CameraPose p = pose;
    p.target = glm::vec3(glm::inverse(bodyToRoom_) * glm::vec4(pose.target, 1.0f));
    anglesOf(toBody * offsetDir(pose), toBody * glm::vec3(0, 1, 0), p.yawDeg, p.pitchDeg);
    return p;
}

void Camera::placeBody(Posture posture, const Aabb& bodyBounds, float seconds) {
    anglesFrom_ = anglesNow_;
    anglesTo_ = postureAngles(posture);
    placePivot_ = bodyBounds.valid() ? bodyBounds.center() : glm::vec3(0.0f);
    placeTo_ = placementOf(anglesTo_, placePivot_);
    placeTime_ = 0.0f;
    placeDuration_ = std::max(seconds, 0.0f);
    if (placeDuration_ == 0.0f) {
        anglesNow_ = anglesTo_;
        bodyToRoom_ = placeTo_;
    }
}

void Camera::flyTo(const CameraPose& to, float seconds) {
    from_ = pose;
    to_ = to;
    flyTime_ = 0.0f;
    flyDuration_ = std::max(seconds, 0.0f);
    if (flyDuration_ == 0.0f) pose = to;
}

bool Camera::update(float dt) {
    if (!animating()) return false;
    if (flyTime_ < flyDuration_) {
        flyTime_ = std::min(flyTime_ + dt, flyDuration_);
        pose = lerpPose(from_, to_, easeInOut(flyTime_ / flyDuration_));
    }
    if (placeTime_ < placeDuration_) {
        placeTime_ = std::min(placeTime_ + dt, placeDuration_);
        anglesNow_ = blendAngles(anglesFrom_, anglesTo_, easeInOut(placeTime_ / placeDuration_));
        bodyToRoom_ = placementOf(anglesNow_, placePivot_);
    }
    return animating();
}

CameraPose lerpPose(const CameraPose& a, const CameraPose& b, float s) {
    CameraPose p;
    float dy = wrap360(b.yawDeg - a.yawDeg);
    if (dy > 180.0f) dy -= 360.0f;
    p.yawDeg = wrap360(a.yawDeg + dy * s);
    p.pitchDeg = a.pitchDeg + (b.pitchDeg - a.pitchDeg) * s;
    // Distance interpolated geometrically so zooming feels even.
    p.distance = a.distance * std::pow(b.distance / a.distance, s);
    p.target = a.target + (b.target - a.target) * s;
    return p;
}

}  // namespace la
