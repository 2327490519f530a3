#include "core/BodyChart.h"

#include <algorithm>
#include <cmath>

namespace la {

namespace {

constexpr float kDeg = 3.14159265358979f / 180.0f;
// Within this distance of a chart's axis (m) the angle round it means nothing: a skin vertex there (the perineum,
// where the skin between the thighs crosses the trunk's axis) is in no zone, whatever its angle comes out as.
constexpr float kAxisCore = 0.01f;

struct ThighFrame {
    glm::vec3 down, back, lateral;
};

ThighFrame thighFrame(const ChartAxes& axes) {
    ThighFrame f;
    f.down = glm::normalize(axes.kneeCentre - axes.hipCentre);
    const glm::vec3 posterior(0.0f, 0.0f, -1.0f);
    f.back = glm::normalize(posterior - f.down * glm::dot(posterior, f.down));
    f.lateral = glm::cross(f.down, f.back);  // +x for an axis pointing down
    return f;
}

float segmentDistance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::length(p - (a + t * ab));
}

float smoothstep01(float x) {
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

}  // namespace

ChartPoint trunkChart(glm::vec3 p, const ChartAxes& axes) {
    const float back = -(p.z - axes.trunkAxisZ);
    return {std::atan2(p.x, back) / kDeg, p.y, std::hypot(p.x, back)};
}

ChartPoint thighChart(glm::vec3 p, const ChartAxes& axes) {
    const ThighFrame f = thighFrame(axes);
    const glm::vec3 d = p - axes.hipCentre;
    const float along = glm::dot(d, f.down);
    const glm::vec3 r = d - along * f.down;
    const float b = glm::dot(r, f.back), l = glm::dot(r, f.lateral);
    return {std::atan2(l, b) / kDeg, along, std::hypot(b, l)};
}

glm::vec3 trunkOutward(float angleDeg) {
    return {std::sin(angleDeg * kDeg), 0.0f, -std::cos(angleDeg * kDeg)};
}

glm::vec3 thighOutward(float angleDeg, const ChartAxes& axes) {
    const ThighFrame f = thighFrame(axes);
    return std::cos(angleDeg * kDeg) * f.back + std::sin(angleDeg * kDeg) * f.lateral;
}

glm::vec3 fromTrunkChart(float angleDeg, float along, float radius, const ChartAxes& axes) {
    return glm::vec3(0.0f, along, axes.trunkAxisZ) + radius * trunkOutward(angleDeg);
}

glm::vec3 fromThighChart(float angleDeg, float along, float radius, const ChartAxes& axes) {
    const ThighFrame f = thighFrame(axes);
    return axes.hipCentre + along * f.down + radius * thighOutward(angleDeg, axes);
}

bool insidePolygon(const std::vector<glm::vec2>& poly, glm::vec2 q) {
    bool in = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const glm::vec2 a = poly[i], b = poly[j];
        if ((a.y > q.y) != (b.y > q.y) && q.x < (b.x - a.x) * (q.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

float ChartOutline::signedDistance(const ChartPoint& c) const {
    if (points.size() < 3) return 1e9f;
    // Angles become arc lengths at the point's own distance from the axis.
    const float r = std::max(c.radius, 0.01f) * kDeg;
    const glm::vec2 q(c.angleDeg * r, c.along);
    float d = 1e9f;
    for (std::size_t i = 0, j = points.size() - 1; i < points.size(); j = i++)
        d = std::min(d, segmentDistance(q, {points[i].x * r, points[i].y}, {points[j].x * r, points[j].y}));
    return insidePolygon(points, {c.angleDeg, c.along}) ? -d : d;
}

float ChartOutline::weight(glm::vec3 p, const ChartAxes& axes) const {
    if (chart == ChartKind::Thigh && p.x <= 0.0f) return 0.0f;  // the other thigh
    return weightAt(chart == ChartKind::Trunk ? trunkChart(p, axes) : thighChart(p, axes));
}

float ChartOutline::weightAt(const ChartPoint& c) const {
    if (points.size() < 3 || c.radius < kAxisCore || !insidePolygon(points, {c.angleDeg, c.along}))
        return 0.0f;  // quick reject
    const float d = signedDistance(c);
    if (d >= 0.0f) return 0.0f;
    if (soft <= 0.0f) return 1.0f;
    return smoothstep01(-d / soft);
}

float ChartOutline::rampAt(const ChartPoint& c, float range) const {
    if (points.size() < 3 || range <= 0.0f || c.radius < kAxisCore) return 0.0f;
    return std::clamp(0.5f - signedDistance(c) / (2.0f * range), 0.0f, 1.0f);
}

glm::vec4 ChartOutline::bounds() const {
    glm::vec4 b(1e9f, 1e9f, -1e9f, -1e9f);
    for (const auto& p : points) b = glm::vec4(glm::min(glm::vec2(b), p), glm::max(glm::vec2(b.z, b.w), p));
    return b;
}

glm::vec2 ChartOutline::centroid() const {
    glm::vec2 s(0.0f);
    for (const auto& p : points) s += p;
    return points.empty() ? s : s / static_cast<float>(points.size());
}

}  // namespace la
