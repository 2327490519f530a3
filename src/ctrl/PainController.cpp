#include "ctrl/PainController.h"

#include "io/PainLoader.h"

namespace la::ctrl {

namespace {
constexpr PulseParams kPulse{};
}

std::vector<std::string> PainController::load(const std::string& dir) {
    io::PainLoadResult load = io::loadPainDir(dir);
    setPatterns(std::move(load.patterns));
    return load.errors;
}

void PainController::setPatterns(std::vector<PainPattern> patterns) {
    field_ = PainField(std::move(patterns));
    flat_ = field_.flatten();
    fades_.clear();
}

Result<bool> PainController::show(const std::vector<std::string>& list) {
    std::set<std::string> on;
    const auto all = field_.instanceKeys();
    for (const auto& item : list) {
        if (item.empty()) continue;
        if (item == "all") {
            on.insert(all.begin(), all.end());
            continue;
        }
        bool found = false;
        for (const auto& key : all)
            if (key == item || key == item + ".L" || key == item + ".R") {
                on.insert(key);
                found = true;
            }
        if (!found) return Error{"no referred-pain pattern for '" + item + "'"};
    }
    state_.patternsOn = std::move(on);
    return true;
}

void PainController::toggle(const std::string& key) {
    if (state_.patternsOn.count(key))
        state_.patternsOn.erase(key);
    else
        state_.patternsOn.insert(key);
}

bool PainController::update(float dt, bool live, const SceneIndex& index, ViewState& view) {
    bool animating = false;
    if (state_.playing && !state_.patternsOn.empty() && live) {
        state_.time += dt;
        animating = true;
    }
    for (const auto& inst : flat_.instances) {
        auto [it, inserted] = fades_.try_emplace(inst.key, Fade(0.4f, false));
        it->second.set(state_.shows(inst.key));
        if (!live || inserted) it->second = Fade(0.4f, state_.shows(inst.key));  // stills: no fade
        it->second.update(dt);
        animating |= !it->second.settled();
    }
    PainView& pv = view.pain;
    pv.triggerWeight.assign(flat_.triggers.size(), 0.0f);
    pv.active = false;
    for (std::size_t i = 0; i < flat_.triggers.size(); ++i) {
        const auto& trig = flat_.triggers[i];
        const auto& inst = flat_.instances[static_cast<std::size_t>(trig.instance)];
        const float fade = fades_[inst.key].value();
        const bool trpOn = state_.triggerPointsOff.count(inst.key + "/" + trig.id) == 0;
        const bool sideOn = inst.side == Side::Left ? state_.leftOn : state_.rightOn;
        pv.triggerWeight[i] = trpOn && sideOn ? fade : 0.0f;
        pv.active |= pv.triggerWeight[i] > 0.0f;
    }
    PulseParams pulse = kPulse;
    pulse.speed = state_.speed;
    pv.pulseFront = pulsePhase(state_.time, pulse.speed) * pulse.reach;
    pv.pulseEnvelope = pulseWeight(pv.pulseFront, state_.time, pulse);  // the ring's own brightness
    pv.pulseWidth = pulse.width;
    pv.intensity = state_.intensity;
    pv.palette = state_.palette == PainPalette::Standard ? 0 : 1;

    // Zones go on the skin; with the skin hidden, on whatever surfaces are visible.
    bool skinShown = false;
    for (const auto& n : index.nodes())
        if (n.kind == "skin" && !view.style(static_cast<std::size_t>(n.node)).hidden) skinShown = true;
    for (const auto& n : index.nodes()) {
        if (static_cast<std::size_t>(n.node) >= view.nodes.size()) continue;
        auto& st = view.nodes[static_cast<std::size_t>(n.node)];
        st.painSurface = skinShown ? n.kind == "skin" : !st.hidden;
    }
    return animating;
}

std::vector<TriggerMark> PainController::triggerMarks(const glm::mat4& viewProj, glm::vec2 vp,
                                                      const ViewState& view) const {
    std::vector<TriggerMark> out;
    if (!view.pain.active) return out;
    for (std::size_t i = 0; i < flat_.triggers.size() && i < view.pain.triggerWeight.size(); ++i) {
        const float w = view.pain.triggerWeight[i];
        if (w <= 0.0f) continue;
        const glm::vec4 c = viewProj * glm::vec4(flat_.triggers[i].position, 1.0f);
        if (c.w <= 0.0f) continue;
        out.push_back({{(c.x / c.w * 0.5f + 0.5f) * vp.x, (0.5f - c.y / c.w * 0.5f) * vp.y}, w});
    }
    return out;
}

void PainController::openLookup(glm::vec3 surface) {
    lookup_ = coverage(surface);
    lookupOpen_ = !lookup_.empty();
}

std::optional<std::string> PainController::chooseLookup(std::size_t i) {
    if (i >= lookup_.size()) return std::nullopt;
    const CoverageEntry e = lookup_[i];
    state_.patternsOn.insert(e.instance);
    state_.triggerPointsOff.erase(e.instance + "/" + e.triggerPoint);
    lookupOpen_ = false;
    return e.instance;
}

}  // namespace la::ctrl
