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

}  // namespace

glm::vec3 mirrorX(glm::vec3 p) {
    return {-p.x, p.y, p.z};
}

// ---- Zones, trigger points, patterns --------------------------------------------------------

float Zone::weight(glm::vec3 leftPoint, const ChartAxes& axes) const {
    float w = 0.0f;
    for (const auto& o : outlines) w = std::max(w, o.weight(leftPoint, axes));
    return w;
}

TriggerPoint TriggerPoint::mirrored() const {
    TriggerPoint t = *this;
    t.position = mirrorX(position);
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

ZoneWeights evaluate(const TriggerPoint& leftDefinition, Side side, glm::vec3 p, const ChartAxes& axes) {
    // The right side is the mirror image: evaluate the left definition at the mirrored point.
    const glm::vec3 q = side == Side::Left ? p : mirrorX(p);
    return {leftDefinition.essential.weight(q, axes), leftDefinition.spillover.weight(q, axes)};
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
            const PainPattern& pattern = patterns_[pi];
            const int instance = static_cast<int>(flat.instances.size());
            flat.instances.push_back({instanceKey(pattern.muscle, side), static_cast<int>(pi), side});
            for (std::size_t ti = 0; ti < pattern.triggerPoints.size(); ++ti) {
                const TriggerPoint& trp = pattern.triggerPoints[ti];
                const glm::vec3 pos = side == Side::Left ? trp.position : mirrorX(trp.position);
                flat.triggers.push_back({instance, static_cast<int>(ti), trp.id, trp.name, pos});
            }
        }
    }
    return flat;
}

std::vector<LegendEntry> legendEntries(const PainField& field, const PainState& state) {
    std::vector<LegendEntry> out;
    const auto& patterns = field.patterns();
    for (std::size_t pi = 0; pi < patterns.size(); ++pi)
        for (std::size_t ti = 0; ti < patterns[pi].triggerPoints.size(); ++ti) {
            const std::string& id = patterns[pi].triggerPoints[ti].id;
            if (state.shows(instanceKey(patterns[pi].muscle, Side::Left), id) ||
                state.shows(instanceKey(patterns[pi].muscle, Side::Right), id))
                out.push_back({static_cast<int>(pi), static_cast<int>(ti)});
        }
    return out;
}

int legendNumber(const std::vector<LegendEntry>& legend, int pattern, int triggerPoint) {
    for (std::size_t i = 0; i < legend.size(); ++i)
        if (legend[i].pattern == pattern && legend[i].triggerPoint == triggerPoint) return static_cast<int>(i) + 1;
    return 0;
}

// ---- Animation ----------------------------------------------------------------------------

float pulsePhase(float t, float speed) {
    if (!(speed > 0.0f) || !std::isfinite(t)) return 0.0f;
    const double x = static_cast<double>(t) * static_cast<double>(speed);
    const double f = x - std::floor(x);
    return std::clamp(static_cast<float>(f), 0.0f, std::nextafter(1.0f, 0.0f));
}

PainLink painLinkAt(float t, float speed, int shownCount) {
    if (shownCount <= 0 || !(speed > 0.0f) || !std::isfinite(t)) return {};
    const double turns = std::max(0.0, static_cast<double>(t) * static_cast<double>(speed));
    const auto whole = static_cast<long long>(std::floor(turns));
    const float phase = static_cast<float>(turns - static_cast<double>(whole));
    // Rises over the first 30 % of the turn, holds, and falls over the last 30 %.
    const float b = smoothstep01(phase / 0.3f) * smoothstep01((1.0f - phase) / 0.3f);
    return {static_cast<int>(whole % shownCount), b};
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
