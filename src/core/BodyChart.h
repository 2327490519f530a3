#pragma once
// Body-surface chart coordinates of the landmark frame (docs/CONVENTIONS.md): where a point lies on a
// clinician's pain chart, independent of which surface (skin, muscle, bone) it belongs to.
//   Trunk chart (trunk and pelvis): angle around the body's vertical axis, 0 deg = the back midline,
//     +90 = the body's left side, +-180 = the front midline (negative angles: across the midline to the
//     right), and height = y in metres.
//   Thigh chart (left thigh; the right one is its mirror image): angle around the femur's axis, 0 deg =
//     the back of the thigh, +90 = its outer (lateral) side, +-180 = its front, -90 = its inner side, and
//     the distance along the axis in metres, measured down from the hip joint centre.
// Zones are outlines (polygons) in one chart with a soft edge; GL-free.
#include <vector>

#include <glm/glm.hpp>

namespace la {

enum class ChartKind : int { Trunk = 0, Thigh = 1 };

// Axes of the landmark frame (metres, left side; FACTS.md section 3, measured column).
struct ChartAxes {
    // Vertical trunk axis: x = 0, z = trunkAxisZ (midway between the ASIS at z = 0 and the PSIS at
    // z = -0.138, so the pelvic rim is about equally far from it all round).
    float trunkAxisZ = -0.07f;
    // Left femur: the mechanical axis from the femoral head centre towards the knee centre.
    glm::vec3 hipCentre{0.080f, -0.082f, -0.059f};
    glm::vec3 kneeCentre{0.085f, -0.520f, -0.045f};
};

struct ChartPoint {
    float angleDeg = 0.0f;  // around the axis (see above)
    float along = 0.0f;     // trunk: height y; thigh: distance down the femur from the hip centre
    float radius = 0.0f;    // distance from the axis, metres (turns angles into arc lengths)
};

// Chart coordinates of a point given for the LEFT side (mirror right-side points first: x -> -x).
ChartPoint trunkChart(glm::vec3 p, const ChartAxes& axes = {});
ChartPoint thighChart(glm::vec3 p, const ChartAxes& axes = {});
// The point at chart coordinates (angle, along) and distance `radius` from the axis (inverse of the above).
glm::vec3 fromTrunkChart(float angleDeg, float along, float radius, const ChartAxes& axes = {});
glm::vec3 fromThighChart(float angleDeg, float along, float radius, const ChartAxes& axes = {});
// Unit vector from the axis outwards at that angle (and height).
glm::vec3 trunkOutward(float angleDeg);
glm::vec3 thighOutward(float angleDeg, const ChartAxes& axes = {});

constexpr float kDefaultSoftEdge = 0.015f;  // metres

// A closed outline traced on one chart: vertices (angle in degrees, along in metres), in order (either
// winding); the soft edge lies just inside it: weight 0 on and outside the outline, rising smoothly to 1
// at `soft` metres inside (distances on the surface: angles count as arc length at the point's radius).
struct ChartOutline {
    ChartKind chart = ChartKind::Trunk;
    std::vector<glm::vec2> points;
    float soft = kDefaultSoftEdge;

    // Signed distance in metres from the outline at chart point c (< 0 inside).
    float signedDistance(const ChartPoint& c) const;
    // Weight in [0,1] at a LEFT-side point p (evaluated in this outline's chart).
    float weight(glm::vec3 p, const ChartAxes& axes = {}) const;
    // The same, given the point's coordinates in this outline's chart.
    float weightAt(const ChartPoint& c) const;
    // A linear ramp across the outline for drawing: 0.5 on it, rising to 1 at `range` metres inside and
    // falling to 0 at `range` outside; interpolated between vertices, its 0.5 line follows the outline
    // closely even where triangles are larger than the soft edge.
    float rampAt(const ChartPoint& c, float range) const;
    // Bounds of the vertices: (min angle, min along, max angle, max along).
    glm::vec4 bounds() const;
    // Centroid of the outline's vertices in chart coordinates.
    glm::vec2 centroid() const;
};

// Whether a point (angle, along) lies inside a polygon in chart coordinates (even-odd rule).
bool insidePolygon(const std::vector<glm::vec2>& poly, glm::vec2 q);

}  // namespace la
