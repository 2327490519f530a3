#include "ui/StructuresPanel.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <imgui.h>

#include "ui/Fonts.h"

namespace la::ui {

namespace {

bool matches(const SceneNode& n, const char* search) {
    if (!search[0]) return true;
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    const std::string q = lower(search);
    if (lower(n.label).find(q) != std::string::npos || lower(n.key).find(q) != std::string::npos) return true;
    if (n.info) {
        if (lower(n.info->latin).find(q) != std::string::npos) return true;
        for (const auto& a : n.info->aliases)
            if (lower(a).find(q) != std::string::npos) return true;
    }
    return false;
}

PickMode& modeOf(SceneUiState& s, int node) {
    if (static_cast<std::size_t>(node) >= s.visibility.size())
        s.visibility.resize(static_cast<std::size_t>(node) + 1, PickMode::Visible);
    return s.visibility[static_cast<std::size_t>(node)];
}

// Three small toggle buttons: V(isible) G(host) H(idden). Returns the chosen mode when clicked.
bool modeButtons(const char* id, PickMode current, PickMode& chosen) {
    bool clicked = false;
    ImGui::PushID(id);
    const std::pair<const char*, PickMode> opts[] = {
        {"Show", PickMode::Visible}, {"X-ray", PickMode::Ghosted}, {"Hide", PickMode::Hidden}};
    for (const auto& [label, mode] : opts) {
        const bool on = current == mode;
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(label)) {
            chosen = mode;
            clicked = true;
        }
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::PopID();
    return clicked;
}

void structureRow(const SceneNode& n, SceneUiState& state) {
    ImGui::PushID(n.node);
    PickMode chosen;
    if (modeButtons("m", modeOf(state, n.node), chosen)) modeOf(state, n.node) = chosen;
    const bool sel = state.selected == n.node;
    if (n.featured) ImGui::PushFont(font(FontRole::Bold));
    if (ImGui::Selectable(n.label.c_str(), sel)) state.selected = sel ? -1 : n.node;
    if (n.featured) ImGui::PopFont();
    ImGui::PopID();
}

}  // namespace

void drawStructuresPanel(const SceneIndex& index, SceneUiState& state) {
    if (!state.showStructures) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 10, vp->Pos.y + ImGui::GetFrameHeight() + 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(360, 520), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Structures", &state.showStructures)) {
        ImGui::End();
        return;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search (name, Latin, alias)", state.search, sizeof state.search);

    const int deepest = index.deepestLayer();
    ImGui::SetNextItemWidth(-110);
    ImGui::SliderInt("Peel layers", &state.peelDepth, 0, deepest, state.peelDepth == 0 ? "none" : "%d");
    if (ImGui::Button("Isolate selection") && state.selected >= 0) {
        for (const auto& n : index.nodes())
            modeOf(state, n.node) = n.node == state.selected ? PickMode::Visible : PickMode::Hidden;
    }
    ImGui::SameLine();
    if (ImGui::Button("Show all")) {
        for (const auto& n : index.nodes()) modeOf(state, n.node) = PickMode::Visible;
        state.peelDepth = 0;
    }
    ImGui::Checkbox("Explain QL and gluteus medius", &state.explain);
    ImGui::Checkbox("Detail for therapists", &state.therapist);
    ImGui::Separator();

    // Featured structures first.
    bool anyFeatured = false;
    for (const auto& n : index.nodes())
        if (n.featured && matches(n, state.search)) {
            if (!anyFeatured) ImGui::TextDisabled("Featured");
            anyFeatured = true;
            structureRow(n, state);
        }
    if (anyFeatured) ImGui::Separator();

    std::map<std::string, std::vector<const SceneNode*>> groups;
    for (const auto& n : index.nodes())
        if (matches(n, state.search)) groups[n.group].push_back(&n);
    const char* order[] = {"Skin", "Muscles", "Bones", "Other"};
    for (const char* g : order) {
        auto it = groups.find(g);
        if (it == groups.end()) continue;
        auto& list = it->second;
        std::sort(list.begin(), list.end(), [](const SceneNode* a, const SceneNode* b) { return a->label < b->label; });
        ImGui::PushID(g);
        // Group-wide buttons set every member.
        PickMode chosen;
        const PickMode first = modeOf(state, list.front()->node);
        if (modeButtons("g", first, chosen))
            for (const SceneNode* n : list) modeOf(state, n->node) = chosen;
        const bool open = ImGui::TreeNodeEx(g, ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth,
                                            "%s (%zu)", g, list.size());
        if (open) {
            for (const SceneNode* n : list) structureRow(*n, state);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace la::ui
