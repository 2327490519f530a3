#include "ui/StructuresPanel.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>

#include <imgui.h>

#include "ui/Fonts.h"
#include "ui/Widgets.h"

namespace la::ui {

PickMode nextMode(PickMode mode) {
    switch (mode) {
        case PickMode::Visible:
            return PickMode::Ghosted;
        case PickMode::Ghosted:
            return PickMode::Hidden;
        default:
            return PickMode::Visible;
    }
}

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

// An eye drawn in a square: open (shown), dashed and pale (x-ray), struck through (hidden).
void drawEye(ImDrawList* dl, ImVec2 min, float size, PickMode mode) {
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 pale = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImVec2 c(min.x + size * 0.5f, min.y + size * 0.5f);
    const float w = size * 0.36f, h = size * 0.2f;
    const float t = std::max(1.0f, size / 14.0f);
    const ImU32 col = mode == PickMode::Visible ? ink : pale;
    // Two arcs make the lids.
    dl->PathClear();
    dl->PathLineTo(ImVec2(c.x - w, c.y));
    dl->PathBezierQuadraticCurveTo(ImVec2(c.x, c.y - 2.0f * h), ImVec2(c.x + w, c.y), 12);
    dl->PathBezierQuadraticCurveTo(ImVec2(c.x, c.y + 2.0f * h), ImVec2(c.x - w, c.y), 12);
    dl->PathStroke(col, ImDrawFlags_Closed, t);
    if (mode == PickMode::Visible) {
        dl->AddCircleFilled(c, h * 0.8f, ink);
    } else if (mode == PickMode::Ghosted) {
        dl->AddCircle(c, h * 0.8f, ImGui::GetColorU32(ImGuiCol_CheckMark), 0, t);
    } else {
        dl->AddLine(ImVec2(c.x - w, c.y + w * 0.8f), ImVec2(c.x + w, c.y - w * 0.8f), ink, t * 1.4f);
    }
}

const char* modeName(PickMode m) {
    return m == PickMode::Visible ? "shown" : m == PickMode::Ghosted ? "x-ray" : "hidden";
}

// One square button with the eye; a click moves to the next mode. True when clicked.
bool modeToggle(const char* id, PickMode current, PickMode& chosen) {
    const float size = ImGui::GetFrameHeight();
    ImGui::PushID(id);
    const bool clicked = ImGui::Button("##mode", ImVec2(size, size));
    // Only where it shows: rows scrolled out of the list would still add their strokes to the draw list
    // (two thirds of the UI's triangles with the list open, each one rasterised by a software renderer).
    if (ImGui::IsItemVisible()) drawEye(ImGui::GetWindowDrawList(), ImGui::GetItemRectMin(), size, current);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: click for %s", modeName(current), modeName(nextMode(current)));
    ImGui::PopID();
    if (clicked) chosen = nextMode(current);
    return clicked;
}

void structureRow(const SceneNode& n, SceneUiState& state) {
    ImGui::PushID(n.node);
    PickMode chosen;
    if (modeToggle("m", modeOf(state, n.node), chosen)) modeOf(state, n.node) = chosen;
    ImGui::SameLine();
    const bool sel = state.selected == n.id;
    if (n.featured) ImGui::PushFont(font(FontRole::Bold));
    const bool faded = modeOf(state, n.node) == PickMode::Hidden;
    if (faded) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::AlignTextToFramePadding();
    // A name longer than the sidebar (a large text size) wraps, so that both sides of a muscle stay told apart.
    if (wrappedSelectable(n.label.c_str(), sel)) state.selected = sel ? NodeId{} : n.id;
    if (faded) ImGui::PopStyleColor();
    if (n.featured) ImGui::PopFont();
    ImGui::PopID();
}

}  // namespace

void drawStructuresContent(const SceneIndex& index, SceneUiState& state) {
    // The hint in full when it fits in the field, else the short one (never cut at the field's edge).
    const char* hint = "Search (name, Latin, alias)";
    if (ImGui::CalcTextSize(hint).x + 2.0f * ImGui::GetStyle().FramePadding.x > ImGui::GetContentRegionAvail().x)
        hint = "Search";
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", hint, state.search, sizeof state.search);

    const int deepest = index.deepestLayer();
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize("Peel layers").x + ImGui::GetStyle().ItemInnerSpacing.x));
    ImGui::SliderInt("Peel layers", &state.peelDepth, 0, deepest, state.peelDepth == 0 ? "none" : "%d");
    if (ImGui::Button("Isolate selection") && state.selected.valid()) {
        for (const auto& n : index.nodes())
            modeOf(state, n.node) = n.id == state.selected ? PickMode::Visible : PickMode::Hidden;
    }
    if (flowButton("Show all")) {
        // Back to the view a model starts with: the structures that start as x-ray (fascia, kidneys) stay so.
        for (const auto& n : index.nodes())
            modeOf(state, n.node) = n.startGhosted ? PickMode::Ghosted : PickMode::Visible;
        state.peelDepth = 0;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Every structure shown as at the start (fascia and organs as x-ray)");
    wrappedCheckbox("Explain QL and gluteus medius", &state.explain);
    wrappedCheckbox("Detail for therapists", &state.therapist);
    ImGui::Separator();

    ImGui::BeginChild("##structures", ImVec2(0, 0), false);
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
    // Outermost groups first; any group the catalogue names beyond these follows in name order.
    std::vector<std::string> order(std::begin(kGroupOrder), std::end(kGroupOrder));
    for (const auto& [name, members] : groups)
        if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    for (const std::string& gs : order) {
        const char* g = gs.c_str();
        auto it = groups.find(gs);
        if (it == groups.end()) continue;
        auto& list = it->second;
        std::sort(list.begin(), list.end(), [](const SceneNode* a, const SceneNode* b) { return a->label < b->label; });
        ImGui::PushID(g);
        // The group's toggle sets every member.
        PickMode chosen;
        const PickMode first = modeOf(state, list.front()->node);
        if (modeToggle("g", first, chosen))
            for (const SceneNode* n : list) modeOf(state, n->node) = chosen;
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        const bool open = ImGui::TreeNodeEx(g, ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth,
                                            "%s (%zu)", g, list.size());
        if (open) {
            for (const SceneNode* n : list) structureRow(*n, state);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace la::ui
