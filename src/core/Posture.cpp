#include "core/Posture.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace la {

namespace {
struct PostureInfo {
    Posture posture;
    std::string_view name;
    std::string_view label;
};
constexpr std::array<PostureInfo, 4> kInfo{{
    {Posture::Standing, "standing", "Standing"},
    {Posture::Prone, "prone", "Lying face down (prone)"},
    {Posture::SideLyingLeft, "side_lying_left", "Lying on the left side (right side up)"},
    {Posture::SideLyingRight, "side_lying_right", "Lying on the right side (left side up)"},
}};

// Table size (metres), as a common treatment table: 65 cm wide, its top 70 cm above the floor.
constexpr float kTableWidth = 0.65f;
constexpr float kTableTop = 0.07f;     // thickness of the padded top
constexpr float kTableHeight = 0.70f;  // floor to top
constexpr float kLeg = 0.05f;
constexpr float kHeadRoom = 0.45f;  // table beyond the body's upper end (our model stops at the waist)
constexpr float kFootRoom = 0.10f;
}  // namespace

std::optional<Posture> parsePosture(std::string_view name) {
    for (const auto& i : kInfo)
        if (i.name == name) return i.posture;
    return std::nullopt;
}

std::string_view postureName(Posture p) {
    for (const auto& i : kInfo)
        if (i.posture == p) return i.name;
    return "standing";
}

std::string_view postureLabel(Posture p) {
    for (const auto& i : kInfo)
        if (i.posture == p) return i.label;
    return "Standing";
}

PostureAngles postureAngles(Posture p) {
    switch (p) {
        case Posture::Standing:
            return {0.0f, 0.0f};
        case Posture::SideLyingLeft:
            return {90.0f, 0.0f};
        case Posture::Prone:
            return {90.0f, 90.0f};
        case Posture::SideLyingRight:
            return {90.0f, 180.0f};
    }
    return {};
}

PostureAngles blendAngles(PostureAngles a, PostureAngles b, float s) {
    s = std::clamp(s, 0.0f, 1.0f);
    float roll = std::fmod(b.rollDeg - a.rollDeg, 360.0f);
    if (roll > 180.0f) roll -= 360.0f;
    if (roll < -180.0f) roll += 360.0f;
    return {a.tipDeg + (b.tipDeg - a.tipDeg) * s, a.rollDeg + roll * s};
}

glm::mat3 rotationOf(PostureAngles a) {
    const glm::mat4 tip = glm::rotate(glm::mat4(1.0f), glm::radians(-a.tipDeg), glm::vec3(0, 0, 1));
    const glm::mat4 roll = glm::rotate(glm::mat4(1.0f), glm::radians(a.rollDeg), glm::vec3(0, 1, 0));
    return glm::mat3(tip * roll);
}

glm::mat4 placementOf(PostureAngles a, glm::vec3 pivot) {
    const glm::mat3 r = rotationOf(a);
    glm::mat4 m(r);
    m[3] = glm::vec4(pivot - r * pivot, 1.0f);
    return m;
}

glm::mat3 postureRotation(Posture p) {
    // Columns (where the body's left, head and front point): standing as is; on the left side
    // (0,-1,0), (1,0,0), (0,0,1); face down (0,0,-1), (1,0,0), (0,-1,0); on the right side (0,1,0),
    // (1,0,0), (0,0,-1).
    return rotationOf(postureAngles(p));
}

glm::mat4 postureMatrix(Posture p, const Aabb& bodyBounds) {
    if (p == Posture::Standing || !bodyBounds.valid()) return glm::mat4(1.0f);
    return placementOf(postureAngles(p), bodyBounds.center());
}

std::vector<Aabb> treatmentTable(Posture p, const Aabb& bodyBounds) {
    if (p == Posture::Standing || !bodyBounds.valid()) return {};
    const Aabb lying = bodyBounds.transformed(postureMatrix(p, bodyBounds));
    const float top = lying.min.y;
    const float cz = lying.center().z;
    const float width = std::max(kTableWidth, lying.size().z + 0.1f);
    Aabb board;
    board.min = {lying.min.x - kFootRoom, top - kTableTop, cz - width * 0.5f};
    board.max = {lying.max.x + kHeadRoom, top, cz + width * 0.5f};
    std::vector<Aabb> boxes{board};
    const float floorY = top - kTableHeight;
    for (const float x : {board.min.x + 0.04f, board.max.x - 0.04f - kLeg})
        for (const float z : {board.min.z + 0.04f, board.max.z - 0.04f - kLeg}) {
            Aabb leg;
            leg.min = {x, floorY, z};
            leg.max = {x + kLeg, board.min.y, z + kLeg};
            boxes.push_back(leg);
        }
    return boxes;
}

}  // namespace la
