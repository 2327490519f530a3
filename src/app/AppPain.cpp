// App: referred-pain patterns, their animation, trigger-point marks and the reverse lookup.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <imgui.h>

#include "app/App.h"
#include "io/PainLoader.h"

namespace la::app {

namespace {
constexpr PulseParams kPulse{};
}

void App::loadPain() {
    const std::string dir = (std::filesystem::path(dataDir()) / "content" / "referred_pain").string();
    io::PainLoadResult load = io::loadPainDir(dir);
    for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.c_str());
    painField_ = PainField(std::move(load.patterns));
    painFlat_ = painField_.flatten();
    if (painFlat_.shapes.size() > static_cast<std::size_t>(render::Renderer::kMaxPainShapes) ||
        painFlat_.triggers.size() > static_cast<std::size_t>(render::Renderer::kMaxTriggers))
        std::fprintf(stderr, "%s: more zone shapes or trigger points than the renderer draws (%d, %d)\n", dir.c_str(),
                     render::Renderer::kMaxPainShapes, render::Renderer::kMaxTriggers);
    if (renderer_) renderer_->setPainShapes(painFlat_);
}

Result<bool> App::setPainPatterns(const std::vector<std::string>& list) {
    std::set<std::string> on;
    const auto all = painField_.instanceKeys();
    for (const auto& raw : list) {
        const std::string item = raw;
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
    painState_.patternsOn = std::move(on);
    return true;
}

bool App::updatePain(float dt) {
    bool animating = false;
    if (painState_.playing && !painState_.patternsOn.empty() && !headless_) {
        painState_.time += dt;
        animating = true;
    }
    for (const auto& inst : painFlat_.instances) {
        auto [it, inserted] = painFades_.try_emplace(inst.key, Fade(0.4f, false));
        it->second.set(painState_.shows(inst.key));
        if (headless_ || inserted) it->second = Fade(0.4f, painState_.shows(inst.key));  // stills: no fade
        it->second.update(dt);
        animating |= !it->second.settled();
    }
    PainView& pv = view_.pain;
    pv.triggerWeight.assign(painFlat_.triggers.size(), 0.0f);
    pv.active = false;
    for (std::size_t i = 0; i < painFlat_.triggers.size(); ++i) {
        const auto& trig = painFlat_.triggers[i];
        const auto& inst = painFlat_.instances[static_cast<std::size_t>(trig.instance)];
        const float fade = painFades_[inst.key].value();
        const bool trpOn = painState_.triggerPointsOff.count(inst.key + "/" + trig.id) == 0;
        const bool sideOn = inst.side == Side::Left ? painState_.leftOn : painState_.rightOn;
        pv.triggerWeight[i] = trpOn && sideOn ? fade : 0.0f;
        pv.active |= pv.triggerWeight[i] > 0.0f;
    }
    PulseParams pulse = kPulse;
    pulse.speed = painState_.speed;
    pv.pulseFront = pulsePhase(painState_.time, pulse.speed) * pulse.reach;
    pv.pulseEnvelope = pulseWeight(pv.pulseFront, painState_.time, pulse);  // the ring's own brightness
    pv.pulseWidth = pulse.width;
    pv.intensity = painState_.intensity;
    pv.palette = painState_.palette == PainPalette::Standard ? 0 : 1;

    // Zones go on the skin; with the skin hidden, on whatever surfaces are visible.
    bool skinShown = false;
    for (const auto& n : index_.nodes())
        if (n.kind == "skin" && !view_.style(static_cast<std::size_t>(n.node)).hidden) skinShown = true;
    for (const auto& n : index_.nodes()) {
        auto& st = view_.nodes[static_cast<std::size_t>(n.node)];
        st.painSurface = skinShown ? n.kind == "skin" : !st.hidden;
    }
    return animating;
}

void App::drawTriggerMarks(glm::ivec2 viewport) {
    if (!view_.pain.active) return;
    const glm::vec2 vp(viewport);
    const glm::mat4 viewProj = camera_.projection(vp.x / std::max(vp.y, 1.0f)) * camera_.view();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    for (std::size_t i = 0; i < painFlat_.triggers.size(); ++i) {
        const float w = view_.pain.triggerWeight[i];
        if (w <= 0.0f) continue;
        const glm::vec4 c = viewProj * glm::vec4(painFlat_.triggers[i].position, 1.0f);
        if (c.w <= 0.0f) continue;
        const glm::vec2 s((c.x / c.w * 0.5f + 0.5f) * vp.x, (0.5f - c.y / c.w * 0.5f) * vp.y);
        const float r = 7.0f;
        const auto alpha = static_cast<int>(255.0f * w);
        for (int pass = 0; pass < 2; ++pass) {
            const ImU32 col = pass == 0 ? IM_COL32(255, 255, 255, alpha) : IM_COL32(15, 15, 15, alpha);
            const float thick = pass == 0 ? 5.5f : 3.0f;
            dl->AddLine(ImVec2(s.x - r, s.y - r), ImVec2(s.x + r, s.y + r), col, thick);
            dl->AddLine(ImVec2(s.x - r, s.y + r), ImVec2(s.x + r, s.y - r), col, thick);
        }
    }
}

std::vector<CoverageEntry> App::painUnder(glm::vec2 pixel, glm::ivec2 viewport) const {
    if (viewport.x <= 0 || viewport.y <= 0) return {};
    const float aspect = static_cast<float>(viewport.x) / static_cast<float>(viewport.y);
    const Ray ray = rayFromPixel(camera_.view(), camera_.projection(aspect), pixel, glm::vec2(viewport));
    const auto hits = pickAll(pickScene(), ray, pickFilter_);
    if (hits.empty()) return {};
    glm::vec3 surface = hits.front().point;
    for (const auto& h : hits)
        if (const SceneNode* n = index_.find(h.node); n && n->kind == "skin") {
            surface = h.point;
            break;
        }
    return painField_.coverage(surface);
}

void App::openPainLookup(glm::vec2 pixel, glm::ivec2 viewport) {
    painLookup_ = painUnder(pixel, viewport);
    painLookupOpen_ = !painLookup_.empty();
}

void App::drawPainLookup() {
    if (!painLookupOpen_) return;
    ImGui::SetNextWindowSize(ImVec2(380, 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Pain at this spot can come from", &painLookupOpen_, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    for (std::size_t i = 0; i < painLookup_.size(); ++i) {
        const auto& e = painLookup_[i];
        const SceneNode* node = index_.findKey(e.instance);
        const std::string label = (node ? node->label : e.instance) + ", trigger point '" + e.triggerPoint + "' (" +
                                  (e.kind == ZoneKind::Essential ? "main area" : "spread") + ")##" + std::to_string(i);
        if (ImGui::Selectable(label.c_str())) {
            if (node) select(node->node);
            painState_.patternsOn.insert(e.instance);
            painState_.triggerPointsOff.erase(e.instance + "/" + e.triggerPoint);
            painLookupOpen_ = false;
        }
    }
    ImGui::End();
}

}  // namespace la::app
