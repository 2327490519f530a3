#include "ui/SceneOverlays.h"

#include <cstring>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow rects: where the tool windows are this frame

namespace la::ui {

void drawHoverTooltip(const SceneNode* n) {
    if (!n || ImGui::GetIO().WantCaptureMouse) return;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(n->label.c_str());
    if (n->info && !n->info->latin.empty()) ImGui::TextDisabled("%s", n->info->latin.c_str());
    ImGui::EndTooltip();
}

void drawTriggerMark(glm::vec2 s, float w) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float r = 7.0f;
    const auto alpha = static_cast<int>(255.0f * w);
    for (int pass = 0; pass < 2; ++pass) {
        const ImU32 col = pass == 0 ? IM_COL32(255, 255, 255, alpha) : IM_COL32(15, 15, 15, alpha);
        const float thick = pass == 0 ? 5.5f : 3.0f;
        dl->AddLine(ImVec2(s.x - r, s.y - r), ImVec2(s.x + r, s.y + r), col, thick);
        dl->AddLine(ImVec2(s.x - r, s.y + r), ImVec2(s.x + r, s.y - r), col, thick);
    }
}

std::optional<std::size_t> drawPainLookup(const std::vector<CoverageEntry>& entries, const SceneIndex& index,
                                          bool& open) {
    if (!open) return std::nullopt;
    ImGui::SetNextWindowSize(ImVec2(380, 0), ImGuiCond_Appearing);
    if (!ImGui::Begin("Pain at this spot can come from", &open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return std::nullopt;
    }
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        const SceneNode* node = index.findKey(e.instance);
        const std::string label = (node ? node->label : e.instance) + ", trigger point '" + e.triggerPoint + "' (" +
                                  (e.kind == ZoneKind::Essential ? "main area" : "spread") + ")##" + std::to_string(i);
        if (ImGui::Selectable(label.c_str())) chosen = i;
    }
    ImGui::End();
    return chosen;
}

std::vector<Rect> windowsDrawnSoFar() {
    std::vector<Rect> out;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiWindowFlags transient = ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup;
    for (const ImGuiWindow* w : g.Windows) {
        // Active = begun this frame, i.e. drawn before the panels; the panels themselves come later.
        if (!w->Active || w->Hidden || w->IsFallbackWindow || (w->Flags & transient) || std::strstr(w->Name, "##panel"))
            continue;
        if (std::strcmp(w->Name, "##MainMenuBar") == 0 || std::strcmp(w->Name, "##status") == 0) continue;
        out.push_back(Rect::fromPosSize({w->Pos.x, w->Pos.y}, {w->Size.x, w->Size.y}));
    }
    return out;
}

}  // namespace la::ui
