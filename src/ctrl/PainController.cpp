#include "ctrl/PainController.h"

#include "io/PainLoader.h"

namespace la::ctrl {

std::vector<std::string> PainController::load(const std::string& dir) {
    io::PainLoadResult load = io::loadPainDir(dir);
    setPatterns(std::move(load.patterns));
    return load.errors;
}

void PainController::setPatterns(std::vector<PainPattern> patterns) {
    field_ = PainField(std::move(patterns));
    flat_ = field_.flatten();
    fades_.clear();
    bakeDirty_ = true;
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
    std::vector<int> linked;  // trigger points switched on, in flat order: they take turns in the link
    for (std::size_t i = 0; i < flat_.triggers.size(); ++i) {
        const auto& trig = flat_.triggers[i];
        const auto& inst = flat_.instances[static_cast<std::size_t>(trig.instance)];
        const float fade = fades_[inst.key].value();
        const bool trpOn = state_.triggerPointsOff.count(inst.key + "/" + trig.id) == 0;
        const bool sideOn = inst.side == Side::Left ? state_.leftOn : state_.rightOn;
        pv.triggerWeight[i] = trpOn && sideOn ? fade : 0.0f;
        pv.active |= pv.triggerWeight[i] > 0.0f;
        if (state_.shows(inst.key, trig.id)) linked.push_back(static_cast<int>(i));
    }
    // The link: the shown trigger points take turns (wall-clock time), X and zones glowing together.
    const PainLink link =
        state_.playing ? painLinkAt(state_.time, state_.speed, static_cast<int>(linked.size())) : PainLink{};
    linkTrigger_ = link.turn >= 0 ? linked[static_cast<std::size_t>(link.turn)] : -1;
    pv.linkTrigger = linkTrigger_;
    pv.linkGlow = linkTrigger_ >= 0 ? link.brightness : 0.0f;
    pv.intensity = state_.intensity;
    pv.palette = state_.palette == PainPalette::Standard ? 0 : 1;
    weights_ = pv.triggerWeight;

    // Zones go on the skin; with the skin hidden, on every solid visible surface (each vertex carries the
    // weights of its own body-surface point, so what shows is the outermost surface there). An x-ray
    // structure (the thoracolumbar fascia starts so) is a veil to look through: the zone is drawn on what
    // lies under it, not a second time, fainter, on the veil.
    bool skinShown = false;
    for (const auto& n : index.nodes())
        if (n.kind == "skin" && !view.style(static_cast<std::size_t>(n.node)).hidden) skinShown = true;
    for (const auto& n : index.nodes()) {
        if (static_cast<std::size_t>(n.node) >= view.nodes.size()) continue;
        auto& st = view.nodes[static_cast<std::size_t>(n.node)];
        st.painSurface = skinShown ? n.kind == "skin" : !st.hidden && !st.ghosted;
    }
    return animating;
}

PainController::BakeNodes PainController::bakeNodes(const SceneIndex& index) const {
    BakeNodes out;
    for (const auto& n : index.nodes())
        if (n.kind == "skin") out.skin.push_back(n.node);
    for (const auto& t : flat_.triggers) {
        const SceneNode* muscle = index.findKey(flat_.instances[static_cast<std::size_t>(t.instance)].key);
        out.muscles.push_back(muscle ? muscle->node : -1);
    }
    return out;
}

PainController::Baked PainController::bakeAll(const Model& model, const PainField& field, const PainFlat& flat,
                                              const std::vector<int>& skin, const std::vector<int>& muscles) {
    Baked out;
    out.bake = bakePain(model, field, flat);
    for (std::size_t i = 0; i < flat.triggers.size(); ++i)
        out.spots.push_back(
            placeTriggerSpot(model, flat.triggers[i].position, i < muscles.size() ? muscles[i] : -1, skin));
    return out;
}

void PainController::prepare(const std::shared_ptr<const Model>& model, const SceneIndex& index, bool background) {
    // A still without a pattern shown needs no zones: the bake (0.4 s for the bundled model) waits until one is.
    if (bakeDirty_ && !background && state_.patternsOn.empty()) return;
    if (bakeDirty_) {
        bakeDirty_ = false;
        ++bakeTicket_;
        if (!background) {
            const BakeNodes nodes = bakeNodes(index);
            Baked b = bakeAll(*model, field_, flat_, nodes.skin, nodes.muscles);
            bake_ = std::move(b.bake);
            spots_ = std::move(b.spots);
            uploaded_.clear();
            return;
        }
        // Nothing of the previous model or patterns is drawn meanwhile.
        bake_ = PainBake{};
        spots_.clear();
        uploaded_.clear();
        bakeWanted_ = true;
        retiredBakes_.add(std::move(bakeTask_));
    }
    if (bakeTask_.ready()) {
        Baked b = bakeTask_.take();
        // Only the latest bake, and only for the model shown now.
        if (b.ticket == bakeTicket_ && b.bake.generation == model->generation) {
            bake_ = std::move(b.bake);
            spots_ = std::move(b.spots);
            uploaded_.clear();
        }
    }
}

void PainController::startBackgroundWork(const std::shared_ptr<const Model>& model, const SceneIndex& index,
                                         const std::function<void()>& done) {
    retiredBakes_.prune();
    if (!bakeWanted_) return;
    bakeWanted_ = false;
    // Copies of the patterns and the index: content may be reloaded while the bake runs.
    bakeTask_ = BackgroundTask<Baked>::start(
        [model, field = field_, flat = flat_, nodes = bakeNodes(index), ticket = bakeTicket_] {
            Baked b = bakeAll(*model, field, flat, nodes.skin, nodes.muscles);
            b.ticket = ticket;
            return b;
        },
        done);
}

void PainController::uploadChanged(
    const std::function<void(MeshId, std::size_t, const std::vector<glm::vec4>&)>& upload) {
    if (!uploaded_.empty() && weights_ == uploaded_ && linkTrigger_ == uploadedLink_) return;
    std::vector<glm::vec4> buffer;
    for (std::size_t m = 0; m < bake_.meshes.size(); ++m)
        for (std::size_t p = 0; p < bake_.meshes[m].size(); ++p) {
            const PainBakedPrimitive& prim = bake_.meshes[m][p];
            if (prim.entries.empty()) continue;
            composePain(prim, weights_, linkTrigger_, buffer);
            upload(bake_.meshId(m), p, buffer);
        }
    uploaded_ = weights_;
    if (uploaded_.empty()) uploaded_.push_back(0.0f);  // no patterns: nothing to send again
    uploadedLink_ = linkTrigger_;
}

std::vector<TriggerMark> PainController::triggerMarks(const glm::mat4& viewProj, glm::vec2 vp, const ViewState& view,
                                                      glm::vec3 eye, const PickScene* pick, const PickFilter* filter,
                                                      bool skinShown) const {
    std::vector<TriggerMark> out;
    if (!view.pain.active) return out;
    auto toScreen = [&](glm::vec3 p, glm::vec2& s) {
        const glm::vec4 c = viewProj * glm::vec4(p, 1.0f);
        if (c.w <= 0.0f) return false;
        s = glm::vec2((c.x / c.w * 0.5f + 0.5f) * vp.x, (0.5f - c.y / c.w * 0.5f) * vp.y);
        return true;
    };
    static const PickFilter kAllVisible;
    const auto legend = legendEntries(field_, state_);
    for (std::size_t i = 0; i < flat_.triggers.size() && i < view.pain.triggerWeight.size(); ++i) {
        const float w = view.pain.triggerWeight[i];
        if (w <= 0.0f) continue;
        const auto& trig = flat_.triggers[i];
        const TriggerSpot spot = i < spots_.size() ? spots_[i] : TriggerSpot{};
        const glm::vec3 x = spot.onMuscle.value_or(trig.position);
        TriggerMark m;
        if (!toScreen(x, m.pixel)) continue;
        m.weight = w;
        // Depth cue: an opaque structure between the eye and the X (the translucent skin and ghosted
        // structures are see-through and do not count).
        if (pick) {
            const glm::vec3 toX = x - eye;
            const float dist = glm::length(toX);
            if (dist > 1e-6f)
                m.behind = visibleBefore(*pick, Ray{eye, toX / dist}, dist - 0.004f, filter ? *filter : kAllVisible);
        }
        glm::vec2 k;
        if (skinShown && spot.onSkin && glm::dot(spot.outward, eye - *spot.onSkin) > 0.0f && toScreen(*spot.onSkin, k))
            m.skinPixel = k;
        const auto& inst = flat_.instances[static_cast<std::size_t>(trig.instance)];
        m.number = legendNumber(legend, inst.pattern, trig.triggerPoint);
        m.glow = static_cast<int>(i) == view.pain.linkTrigger ? view.pain.linkGlow : 0.0f;
        out.push_back(m);
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
