#pragma once
// How the body lies in the room: standing (the landmark frame as it is), or on a treatment table face
// down (prone) or on one side (side-lying, rigid: the model has no joints to bend). The body keeps its
// own landmark frame; a posture is the rigid placement of that frame in the room, which the camera
// applies (core/Camera.h), so picking, panels, pain charts and tours work unchanged in every posture.
//
// Room frame: +Y up (the table's normal), the table's long axis along +X with the head end at +X.
#include <optional>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/Aabb.h"

namespace la {

enum class Posture { Standing, Prone, SideLyingLeft, SideLyingRight };

// "standing", "prone", "side_lying_left" (lying on the left side), "side_lying_right".
std::optional<Posture> parsePosture(std::string_view name);
std::string_view postureName(Posture p);
// Words for menus: "Lying face down (prone)".
std::string_view postureLabel(Posture p);
constexpr Posture kAllPostures[] = {Posture::Standing, Posture::Prone, Posture::SideLyingLeft, Posture::SideLyingRight};

// A lying posture is a roll about the body's own long axis followed by a tip onto the left side (the
// body's +Y turned to the room's +X about the room's Z axis); blending the two angles lays a standing
// body down the way a person lies down, rather than along the shortest rotation.
struct PostureAngles {
    float tipDeg = 0.0f;   // 0 standing, 90 lying
    float rollDeg = 0.0f;  // about the body's long axis: 0 on the left side, 90 face down, 180 on the right
};
PostureAngles postureAngles(Posture p);
PostureAngles blendAngles(PostureAngles a, PostureAngles b, float s);  // the roll the short way round
glm::mat3 rotationOf(PostureAngles a);
// Body to room for posture angles: the rotation about `pivot` (a body point, e.g. its centre).
glm::mat4 placementOf(PostureAngles a, glm::vec3 pivot);

// Rotation from the body's landmark frame to the room.
glm::mat3 postureRotation(Posture p);
// Body to room: the rotation about the centre of the body's bounds (identity when standing).
glm::mat4 postureMatrix(Posture p, const Aabb& bodyBounds);

// The treatment table in the room frame as boxes (top, then four legs); its top touches the lowest
// point of the body lying on it. Empty when standing.
std::vector<Aabb> treatmentTable(Posture p, const Aabb& bodyBounds);

}  // namespace la
