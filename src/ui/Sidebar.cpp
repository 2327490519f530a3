#include "ui/Sidebar.h"

#include <algorithm>
#include <iterator>

#include <imgui.h>

#include "core/BarFit.h"
#include "ui/PainPanel.h"
#include "ui/StructuresPanel.h"

namespace la::ui {

namespace {
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

// One tab of the row, its label centred and never cut: smaller when the tab is narrower than the label.
// In one row it is drawn as ImGui draws a tab (rounded top, the shown one in the page's colour); in
// more rows as one button of a block, the shown one filled with the accent colour (a tab in an upper
// row would not touch its page). True when clicked.
bool tabButton(const char* label, bool shown, bool block, ImVec2 at, ImVec2 size, std::vector<DrawnItem>* drawn) {
    ImGui::SetCursorScreenPos(at);
    const bool clicked = ImGui::InvisibleButton(label, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(at.x + size.x, at.y + size.y);
    ImU32 fill = 0, ink = ImGui::GetColorU32(ImGuiCol_Text);
    float rounding = st.FrameRounding;
    ImDrawFlags corners = ImDrawFlags_RoundCornersAll;
    if (block) {
        fill = ImGui::GetColorU32(shown ? ImGuiCol_CheckMark : hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button);
        if (shown) ink = IM_COL32_WHITE;
    } else {
        fill = ImGui::GetColorU32(shown ? ImGuiCol_TabActive : hovered ? ImGuiCol_TabHovered : ImGuiCol_Tab);
        rounding = st.TabRounding;
        corners = ImDrawFlags_RoundCornersTop;
    }
    dl->AddRectFilled(at, max, fill, rounding, corners);
    const float border = std::max(st.TabBorderSize, st.FrameBorderSize);
    if (border > 0.0f) dl->AddRect(at, max, ImGui::GetColorU32(ImGuiCol_Border), rounding, corners, border);
    const ImVec2 text = ImGui::CalcTextSize(label);
    const float room = size.x - 2.0f * st.FramePadding.x;
    const float scale = text.x > room && text.x > 0.0f ? std::max(room / text.x, 0.5f) : 1.0f;
    const ImVec2 pos(at.x + (size.x - text.x * scale) * 0.5f, at.y + (size.y - text.y * scale) * 0.5f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * scale, pos, ink, label);
    if (drawn) {
        std::string name = std::string("tab/") + label;
        for (char& c : name)
            if (c == ' ') c = '_';
        drawn->push_back({name, Rect::fromPosSize({pos.x, pos.y}, {text.x * scale, text.y * scale})});
    }
    return clicked;
}

// The tab row: the three tabs and the fold button, on a second row when they do not fit in one (a
// narrow sidebar or a large text size), with their whole names.
void drawTabRow(UiState& state, std::vector<DrawnItem>* drawn) {
    const std::pair<const char*, SidebarTab> tabs[] = {
        {"Structures", SidebarTab::Structures}, {"Referred pain", SidebarTab::Pain}, {"Tours", SidebarTab::Tours}};
    const ImGuiStyle& st = ImGui::GetStyle();
    std::vector<float> widths;
    for (const auto& t : tabs) widths.push_back(ImGui::CalcTextSize(t.first).x + 2.0f * st.FramePadding.x);
    const float height = ImGui::GetFrameHeight();
    const float room = ImGui::GetContentRegionAvail().x;
    const float spacing = st.ItemInnerSpacing.x;
    const TabRows rows = layoutTabRows(widths, height, room, spacing);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float rowStep = height + st.ItemInnerSpacing.y;
    for (std::size_t i = 0; i < std::size(tabs); ++i) {
        const ImVec2 at(origin.x + rows.x[i], origin.y + static_cast<float>(rows.row[i]) * rowStep);
        if (tabButton(tabs[i].first, state.sidebarTab == tabs[i].second, rows.rows > 1, at,
                      ImVec2(rows.width[i], height), drawn))
            state.sidebarTab = tabs[i].second;
    }
    // The fold button at the right end of the first row.
    ImGui::SetCursorScreenPos(ImVec2(origin.x + rows.trailingX, origin.y));
    if (ImGui::ArrowButton("##fold", ImGuiDir_Left)) state.sidebarOpen = false;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide the sidebar");
    // The page starts below the tabs (a block of buttons: below a line).
    const float bottom = origin.y + static_cast<float>(rows.rows - 1) * rowStep + height;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(room, bottom - origin.y));
    if (rows.rows > 1) ImGui::Separator();
}
}  // namespace

void drawSidebar(UiState& state, const SidebarContent& content, const Rect& rect, TourActions& tourActions,
                 std::vector<DrawnItem>* drawn) {
    if (!rect.valid()) return;
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y), ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (!state.sidebarOpen) {
        if (ImGui::Begin("##sidebar_closed", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar)) {
            if (ImGui::ArrowButton("##open", ImGuiDir_Right)) state.sidebarOpen = true;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the sidebar (structures, referred pain, tours)");
        }
        ImGui::End();
        ImGui::PopStyleVar();
        return;
    }
    if (ImGui::Begin("##sidebar", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar)) {
        drawTabRow(state, drawn);
        ImGui::BeginChild("##tab", ImVec2(0, 0), false);
        switch (state.sidebarTab) {
            case SidebarTab::Structures:
                if (content.index) drawStructuresContent(*content.index, state.scene);
                break;
            case SidebarTab::Pain:
                if (content.painField && content.pain) drawPainContent(*content.painField, *content.pain);
                break;
            case SidebarTab::Tours:
                if (content.tourPanel && content.tours && content.player)
                    drawTourContent(*content.tourPanel, *content.tours, *content.player, content.tourLabel,
                                    tourActions);
                break;
        }
        ImGui::EndChild();
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace la::ui
