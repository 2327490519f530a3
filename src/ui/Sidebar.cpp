#include "ui/Sidebar.h"

#include <imgui.h>

#include "ui/PainPanel.h"
#include "ui/StructuresPanel.h"

namespace la::ui {

namespace {
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;
}

void drawSidebar(UiState& state, const SidebarContent& content, const Rect& rect, TourActions& tourActions) {
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
        state.sidebarTabShown = -1;
        return;
    }
    if (ImGui::Begin("##sidebar", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar)) {
        if (ImGui::BeginTabBar("##sidebar_tabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
            // The fold button at the right end of the tab row; the tab's content below has the whole width.
            if (ImGui::TabItemButton("<##fold", ImGuiTabItemFlags_Trailing | ImGuiTabItemFlags_NoTooltip))
                state.sidebarOpen = false;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hide the sidebar");
            const std::pair<const char*, SidebarTab> tabs[] = {{"Structures", SidebarTab::Structures},
                                                               {"Referred pain", SidebarTab::Pain},
                                                               {"Tours", SidebarTab::Tours}};
            for (const auto& [label, tab] : tabs) {
                const bool select =
                    state.sidebarTabShown != static_cast<int>(state.sidebarTab) && state.sidebarTab == tab;
                if (ImGui::BeginTabItem(label, nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
                    // ImGui shows this tab: follow it unless the app just asked for another one.
                    if (state.sidebarTabShown == static_cast<int>(state.sidebarTab) || select) state.sidebarTab = tab;
                    state.sidebarTabShown = static_cast<int>(tab);
                    ImGui::BeginChild("##tab", ImVec2(0, 0), false);
                    switch (tab) {
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
                    ImGui::EndTabItem();
                }
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace la::ui
