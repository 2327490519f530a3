#include "core/PainField.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace la {

namespace {

float smoothstep01(float x) {
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

const glm::mat3 kMirror{glm::vec3(-1.0f, 0.0f, 0.0f), glm::vec3(0.0f, 1.0f, 0.0f), glm::vec3(0.0f, 0.0f, 1.0f)};

float segmentDistance(glm::vec3 p, glm::vec3 a, glm::vec3 b) {
    const glm::vec3 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float h = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::length(p - (a + h * ab));
}

}  // namespace

// ---- Shape -------------------------------------------------------------------------------

Shape Shape::ellipsoid(glm::vec3 center, glm::vec3 radii, glm::mat3 rotation, float soft) {
    Shape s;
    s.type = ShapeType::Ellipsoid;
    s.center = center;
    s.radii = radii;
    s.rotation = rotation;
    s.soft = soft;
    return s;
}

Shape Shape::capsule(glm::vec3 a, glm::vec3 b, float radius, float soft) {
    Shape s;
    s.type = ShapeType::Capsule;
    s.a = a;
    s.b = b;
    s.radius = radius;
    s.soft = soft;
    return s;
}

float Shape::signedDistance(glm::vec3 p) const {
    if (type == ShapeType::Capsule) return segmentDistance(p, a, b) - radius;
    // First-order distance to the ellipsoid |q / r| = 1 (exact along the axes).
    const glm::vec3 q = glm::transpose(rotation) * (p - center);
    const glm::vec3 r = glm::max(radii, glm::vec3(1e-6f));
    const float k0 = glm::length(q / r);
    const float k1 = glm::length(q / (r * r));
    if (k1 < 1e-12f) return -std::min(r.x, std::min(r.y, r.z));
    return k0 * (k0 - 1.0f) / k1;
}

float Shape::weight(glm::vec3 p) const {
    const float d = signedDistance(p);
    if (d >= 0.0f) return 0.0f;
    if (soft <= 0.0f) return 1.0f;
    return smoothstep01(-d / soft);
}

Shape Shape::mirrored() const {
    Shape s = *this;
    s.center = mirrorX(center);
    s.rotation = kMirror * rotation * kMirror;  // still a proper rotation
    s.a = mirrorX(a);
    s.b = mirrorX(b);
    return s;
}

glm::mat3 rotationFromEulerDeg(glm::vec3 deg) {
    const glm::vec3 r = glm::radians(deg);
    const float cx = std::cos(r.x), sx = std::sin(r.x);
    const float cy = std::cos(r.y), sy = std::sin(r.y);
    const float cz = std::cos(r.z), sz = std::sin(r.z);
    // glm is column-major: mat3(col0, col1, col2).
    const glm::mat3 rx{glm::vec3(1, 0, 0), glm::vec3(0, cx, sx), glm::vec3(0, -sx, cx)};
    const glm::mat3 ry{glm::vec3(cy, 0, -sy), glm::vec3(0, 1, 0), glm::vec3(sy, 0, cy)};
    const glm::mat3 rz{glm::vec3(cz, sz, 0), glm::vec3(-sz, cz, 0), glm::vec3(0, 0, 1)};
    return rz * ry * rx;
}

glm::vec3 mirrorX(glm::vec3 p) {
    return {-p.x, p.y, p.z};
}

// ---- Zones, trigger points, patterns --------------------------------------------------------

float Zone::weight(glm::vec3 p) const {
    float w = 0.0f;
    for (const auto& s : shapes) w = std::max(w, s.weight(p));
    return w;
}

Zone Zone::mirrored() const {
    Zone z{kind, {}};
    z.shapes.reserve(shapes.size());
    for (const auto& s : shapes) z.shapes.push_back(s.mirrored());
    return z;
}

TriggerPoint TriggerPoint::mirrored() const {
    TriggerPoint t = *this;
    t.position = mirrorX(position);
    t.essential = essential.mirrored();
    t.spillover = spillover.mirrored();
    return t;
}

PainPattern PainPattern::mirrored() const {
    PainPattern p{muscle, {}};
    p.triggerPoints.reserve(triggerPoints.size());
    for (const auto& t : triggerPoints) p.triggerPoints.push_back(t.mirrored());
    return p;
}

int PainPattern::findTriggerPoint(std::string_view id) const {
    for (std::size_t i = 0; i < triggerPoints.size(); ++i)
        if (triggerPoints[i].id == id) return static_cast<int>(i);
    return -1;
}

std::optional<PainInstance> parsePainInstanceKey(std::string_view key) {
    if (key.size() < 3 || key[key.size() - 2] != '.') return std::nullopt;
    const char s = key.back();
    if (s != 'L' && s != 'R') return std::nullopt;
    return PainInstance{std::string(key.substr(0, key.size() - 2)), s == 'L' ? Side::Left : Side::Right};
}

ZoneWeights evaluate(const TriggerPoint& leftDefinition, Side side, glm::vec3 p) {
    // The right side is the mirror image: evaluate the left definition at the mirrored point.
    const glm::vec3 q = side == Side::Left ? p : mirrorX(p);
    return {leftDefinition.essential.weight(q), leftDefinition.spillover.weight(q)};
}

bool PainState::shows(std::string_view instance) const {
    const auto inst = parsePainInstanceKey(instance);
    if (!inst) return false;
    if (inst->side == Side::Left ? !leftOn : !rightOn) return false;
    return patternsOn.count(std::string(instance)) > 0;
}

bool PainState::shows(std::string_view instance, std::string_view triggerPoint) const {
    if (!shows(instance)) return false;
    return triggerPointsOff.count(std::string(instance) + "/" + std::string(triggerPoint)) == 0;
}

// ---- PainField -------------------------------------------------------------------------------

PainField::PainField(std::vector<PainPattern> leftDefinitions) : patterns_(std::move(leftDefinitions)) {}

const PainPattern* PainField::find(std::string_view muscle) const {
    for (const auto& p : patterns_)
        if (p.muscle == muscle) return &p;
    return nullptr;
}

std::vector<std::string> PainField::instanceKeys() const {
    std::vector<std::string> keys;
    for (const auto& p : patterns_) {
        keys.push_back(instanceKey(p.muscle, Side::Left));
        keys.push_back(instanceKey(p.muscle, Side::Right));
    }
    return keys;
}

std::vector<CoverageEntry> PainField::coverage(glm::vec3 p, const PainState* state) const {
    std::vector<CoverageEntry> out;
    for (const auto& pattern : patterns_) {
        for (Side side : {Side::Left, Side::Right}) {
            const std::string key = instanceKey(pattern.muscle, side);
            if (state && !state->shows(key)) continue;
            for (const auto& trp : pattern.triggerPoints) {
                if (state && !state->shows(key, trp.id)) continue;
                const ZoneWeights w = evaluate(trp, side, p);
                if (w.essential > 0.0f) out.push_back({key, trp.id, ZoneKind::Essential, w.essential});
                if (w.spillover > 0.0f) out.push_back({key, trp.id, ZoneKind::Spillover, w.spillover});
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const CoverageEntry& x, const CoverageEntry& y) {
        return std::tie(x.kind, y.weight, x.instance, x.triggerPoint) <
               std::tie(y.kind, x.weight, y.instance, y.triggerPoint);
    });
    return out;
}

PainFlat PainField::flatten() const {
    PainFlat flat;
    for (std::size_t pi = 0; pi < patterns_.size(); ++pi) {
        for (Side side : {Side::Left, Side::Right}) {
            const PainPattern pattern = side == Side::Left ? patterns_[pi] : patterns_[pi].mirrored();
            const int instance = static_cast<int>(flat.instances.size());
            flat.instances.push_back({instanceKey(pattern.muscle, side), static_cast<int>(pi), side});
            for (std::size_t ti = 0; ti < pattern.triggerPoints.size(); ++ti) {
                const TriggerPoint& trp = pattern.triggerPoints[ti];
                const int trigger = static_cast<int>(flat.triggers.size());
                flat.triggers.push_back({instance, static_cast<int>(ti), trp.id, trp.position});
                for (const Zone* zone : {&trp.essential, &trp.spillover}) {
                    for (const Shape& s : zone->shapes) {
                        PainShapeRecord r;
                        const bool ell = s.type == ShapeType::Ellipsoid;
                        r.centerOrA = glm::vec4(ell ? s.center : s.a, 0.0f);
                        r.radiiOrB = glm::vec4(ell ? s.radii : s.b, ell ? 0.0f : s.radius);
                        const glm::mat3 inv = glm::transpose(ell ? s.rotation : glm::mat3(1.0f));
                        for (int c = 0; c < 3; ++c) r.invRotation[c] = glm::vec4(inv[c], 0.0f);
                        r.triggerSoft = glm::vec4(trp.position, s.soft);
                        r.ids = glm::ivec4(static_cast<int>(s.type), static_cast<int>(zone->kind), trigger, instance);
                        flat.shapes.push_back(r);
                    }
                }
            }
        }
    }
    return flat;
}

// ---- Animation ----------------------------------------------------------------------------

float pulsePhase(float t, float speed) {
    if (!(speed > 0.0f) || !std::isfinite(t)) return 0.0f;
    const double x = static_cast<double>(t) * static_cast<double>(speed);
    const double f = x - std::floor(x);
    return std::clamp(static_cast<float>(f), 0.0f, std::nextafter(1.0f, 0.0f));
}

float pulseWeight(float distance, float t, const PulseParams& params) {
    const float phase = pulsePhase(t, params.speed);
    const float front = phase * params.reach;
    const float width = std::max(params.width, 1e-6f);
    const float ring = 1.0f - smoothstep01(std::abs(distance - front) / width);
    // Swell in quickly, fade out as it spreads; zero at both ends so the loop has no jump.
    const float envelope = smoothstep01(phase / 0.15f) * (1.0f - smoothstep01((phase - 0.4f) / 0.6f));
    return ring * envelope;
}

void Fade::update(float dt) {
    const float goal = on_ ? 1.0f : 0.0f;
    if (duration_ <= 0.0f) {
        progress_ = goal;
        return;
    }
    const float step = std::max(dt, 0.0f) / duration_;
    progress_ = on_ ? std::min(goal, progress_ + step) : std::max(goal, progress_ - step);
}

}  // namespace la
