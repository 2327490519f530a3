#include "ui/InfoPanels.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/Fonts.h"
#include "ui/RichTextView.h"
#include "ui/Widgets.h"

namespace la::ui {

glm::vec2 panelSize(const PanelState& state, float fontScale, float maxWidth) {
    if (state.folded)
        return {std::min(360.0f * fontScale, maxWidth),
                state.measuredHeight > 0.0f ? state.measuredHeight : 40.0f * fontScale};
    if (state.expanded) return {std::min(460.0f * fontScale, maxWidth), 560.0f * fontScale};
    const float h = state.measuredHeight > 0.0f ? state.measuredHeight : 200.0f * fontScale;
    return {std::min(360.0f * fontScale, maxWidth), h};
}

glm::vec2 compactPanelSize(const PanelState& state, float fontScale, float maxWidth) {
    if (state.folded) return panelSize(state, fontScale, maxWidth);
    if (state.expanded) {
        PanelState summary = state;
        summary.expanded = false;
        return panelSize(summary, fontScale, maxWidth);
    }
    return {std::min(360.0f * fontScale, maxWidth),
            state.compactHeight > 0.0f ? state.compactHeight : 120.0f * fontScale};
}

glm::vec2 foldedPanelSize(const PanelState& state, float fontScale, float maxWidth) {
    PanelState f = state;
    f.folded = true;
    glm::vec2 s = panelSize(f, fontScale, maxWidth);
    // Measured when it was last folded (a long title wraps); else one line of the title font.
    s.y = state.foldedHeight > 0.0f
              ? state.foldedHeight
              : 1.3f * 17.0f * fontScale + 2.0f * ImGui::GetStyle().WindowPadding.y + 8.0f * fontScale;
    return s;
}

namespace {

ImU32 withAlpha(ImVec4 c, float a) {
    c.w *= a;
    return ImGui::GetColorU32(c);
}

// A small button after the previous one: on the same line when it fits, else on a new one (a narrow
// panel with large presenter text). True when clicked.
bool flowSmallButton(const char* label) {
    sameLineIfFits(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f);
    return ImGui::SmallButton(label);
}

// Stores a measured height; a change the layout has not seen yet asks for another frame.
void remeasure(float& stored, float measured, UiActions& actions) {
    if (std::abs(stored - measured) > 0.5f) actions.remeasured = true;
    stored = measured;
}

// Height the content drawn so far needs (the window's own size lags a frame behind auto-fit).
float contentHeight() {
    return ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
}

void leaderLine(const PanelPlacement& p) {
    if (!p.hasLeader) return;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 a(p.leaderFrom.x, p.leaderFrom.y), b(p.leaderTo.x, p.leaderTo.y);
    // A white halo under a dark line reads on skin, muscle and background alike.
    dl->AddLine(a, b, withAlpha(ImVec4(1, 1, 1, 0.9f), p.alpha), 4.0f);
    dl->AddLine(a, b, withAlpha(ImVec4(0.15f, 0.1f, 0.1f, 1.0f), p.alpha), 2.0f);
    dl->AddCircleFilled(b, 5.0f, withAlpha(ImVec4(1, 1, 1, 1), p.alpha));
    dl->AddCircleFilled(b, 3.5f, withAlpha(ImVec4(0.75f, 0.1f, 0.1f, 1.0f), p.alpha));
}

// The first section's text ("What it is"), shown while the panel is collapsed; its first paragraph
// only when the panel is compact.
void summary(const StructureInfo& info, bool therapist, bool compact) {
    RichTextOptions o;
    o.therapist = therapist;
    o.onlySection = 0;
    o.skipTitleOfSection = true;
    o.maxBlocks = compact ? 1 : -1;
    drawRichText(info.body, o);
}

}  // namespace

void drawInfoPanels(std::vector<PanelView>& panels, bool therapist, UiActions& actions) {
    // One title size for all panels, so that they read as a set: the size at which every title keeps its
    // words whole in its panel (beside the fold arrow on the first line).
    float titleScale = 1.0f;
    const ImFont& titleFont = *font(FontRole::Title);
    const ImGuiStyle& style = ImGui::GetStyle();
    for (const auto& view : panels) {
        const float inner = view.placement.rect.size().x - 2.0f * style.WindowPadding.x;
        const float arrow = view.interactive ? titleFont.FontSize * ImGui::GetIO().FontGlobalScale +
                                                   2.0f * style.FramePadding.y + style.ItemSpacing.x
                                             : 0.0f;
        titleScale = std::min(titleScale, wordsFitScale(titleFont, view.node->label, inner - arrow, inner));
    }
    for (auto& view : panels) {
        // At whole pixels: a panel that only moved (following its structure while the camera orbits)
        // then draws the same pixels, so the UI layer lays it over from its cached picture (core/UiLayerCache.h).
        PanelPlacement p = view.placement;
        const glm::vec2 snap = glm::round(p.rect.min) - p.rect.min;
        p.rect.min += snap;
        p.rect.max += snap;
        p.leaderFrom += snap;  // the leader line still starts at the panel's edge
        PanelState& st = *view.state;
        leaderLine(p);
        ImGui::SetNextWindowPos(ImVec2(p.rect.min.x, p.rect.min.y), ImGuiCond_Always);
        // The size the layout gave (from last frame's measured height): the window never grows over its
        // neighbours; content that does not fit scrolls.
        const glm::vec2 size = p.rect.size();
        ImGui::SetNextWindowSize(ImVec2(size.x, size.y), ImGuiCond_Always);
        // The text stays readable whatever happens to the anchor; only the leader line fades.
        const float alpha = p.docked ? 0.85f : 1.0f;
        ImGui::SetNextWindowBgAlpha(0.95f);
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
        const std::string id = view.node->label + "##panel" + std::to_string(view.node->node);
        const ImGuiWindowFlags flags =
            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
            ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoFocusOnAppearing |
            (st.pinned ? ImGuiWindowFlags_None : ImGuiWindowFlags_NoMove) |
            // Its title alone: no scroll bar that would narrow the title's line.
            (st.folded || view.layoutFolded ? ImGuiWindowFlags_NoScrollbar : ImGuiWindowFlags_None);
        if (ImGui::Begin(id.c_str(), nullptr, flags)) {
            // The arrow folds the panel to its title (it keeps its place and its leader line) and opens it.
            ImGui::PushFont(font(FontRole::Title));
            ImGui::AlignTextToFramePadding();
            // Folded by the user, or by the layout when the screen has room for its title only.
            const bool folded = st.folded || view.layoutFolded;
            if (view.interactive) {
                if (ImGui::ArrowButton("##fold", folded ? ImGuiDir_Right : ImGuiDir_Down)) {
                    st.folded = !folded;
                    if (view.layoutFolded) st.expanded = false;  // opened by hand on a full screen: the summary
                }
                ImGui::SameLine();
            }
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.12f, 0.1f, 1.0f));
            wrappedWords(view.node->label, titleScale);
            ImGui::PopStyleColor();
            ImGui::PopFont();
            if (folded) {
                remeasure(st.foldedHeight, contentHeight(), actions);
                if (st.folded) st.measuredHeight = st.compactHeight = st.foldedHeight;
                ImGui::End();
                ImGui::PopStyleVar();
                continue;
            }
            const StructureInfo* info = view.node->info;
            if (info && !info->latin.empty()) {
                ImGui::PushFont(font(FontRole::Italic));
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s", info->latin.c_str());
                ImGui::PopStyleColor();
                ImGui::PopFont();
            }
            if (view.interactive) {
                if (ImGui::SmallButton(st.expanded ? "Less" : "Read more")) st.expanded = !st.expanded;
                if (flowSmallButton(st.pinned ? "Unpin" : "Pin")) {
                    st.pinned = !st.pinned;
                    st.pinnedPos = p.rect.min;
                }
                if (view.hasPainPattern) {
                    const char* label = view.painShown ? "Hide pain pattern" : "Show pain pattern";
                    if (flowSmallButton(label)) actions.showPain = view.node->key;
                }
                if (flowSmallButton("Close")) actions.closePanel = view.node->id;
            }
            ImGui::Separator();
            // Compact: an expanded panel shows its summary, a collapsed one its first paragraph.
            const bool showFull = st.expanded && !p.compact;
            const bool firstParagraph = !st.expanded && p.compact;
            if (info) {
                if (showFull) {
                    ImGui::BeginChild("##article", ImVec2(0, 0), false);
                    RichTextOptions o;
                    o.therapist = therapist;
                    drawRichText(info->body, o);
                    if (!info->reviewed.empty()) {  // when and against what the text was last checked
                        ImGui::Spacing();
                        std::string against;
                        for (const auto& s : info->checkedAgainst) against += (against.empty() ? "" : "; ") + s;
                        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                        ImGui::TextWrapped("Last checked %s against %s.", info->reviewed.c_str(), against.c_str());
                        ImGui::PopStyleColor();
                    }
                    ImGui::EndChild();
                } else {
                    summary(*info, therapist, firstParagraph);
                }
            } else {
                ImGui::TextDisabled("No article for this structure.");
            }
            if (st.pinned && ImGui::IsWindowFocused()) {
                const ImVec2 pos = ImGui::GetWindowPos();
                st.pinnedPos = {pos.x, pos.y};
            }
            const float needed = contentHeight();
            if (firstParagraph)
                remeasure(st.compactHeight, needed, actions);
            else if (!showFull)
                remeasure(st.measuredHeight, needed, actions);
        }
        ImGui::End();
        ImGui::PopStyleVar();
    }
}

}  // namespace la::ui
