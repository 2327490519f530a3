#include "ui/TourPanel.h"

#include <cstdio>
#include <string>

#include <imgui.h>

#include "ui/Widgets.h"

namespace la::ui {

bool TourActions::any() const {
    return openTour || newTour || closeTour || first || previous || next || goTo || addStep || replaceStep ||
           removeStep || move != 0 || caption || title || saveAs || copyView || pasteView || presenter;
}

namespace {

void copyInto(char* buffer, std::size_t size, const std::string& text) {
    std::snprintf(buffer, size, "%s", text.c_str());
}

// Titles as labels: at most a line (ImGui draws a label in one call; very long text overflows its 16-bit indices).
std::string shortLabel(const std::string& text) {
    constexpr std::size_t kMax = 80;
    if (text.size() <= kMax) return text;
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    return text.substr(0, cut) + "...";
}

void tourChooser(const TourPanelState& state, const std::vector<TourListEntry>& tours, const std::string& openTitle,
                 TourActions& actions) {
    // The title in the field beside the arrow: ended with "..." when it is longer (the whole on hover).
    const ImGuiStyle& st = ImGui::GetStyle();
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 2.0f * st.FramePadding.x;
    const std::string preview = elideToWidth(shortLabel(openTitle), room);
    ImGui::SetNextItemWidth(-1.0f);
    const bool open = ImGui::BeginCombo("##tour", preview.c_str());
    if (!open && preview != openTitle && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", openTitle.c_str());
    if (open) {
        for (std::size_t i = 0; i < tours.size(); ++i) {
            const std::string label =
                shortLabel(tours[i].title) + (tours[i].user ? "  (yours)" : "") + "##" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == state.chosen))
                actions.openTour = static_cast<int>(i);
        }
        ImGui::EndCombo();
    }
    if (ImGui::Button("New tour")) actions.newTour = true;
    if (flowButton("Close tour")) actions.closeTour = true;
    if (flowButton("Presenter (F5)")) actions.presenter = true;
}

void playback(const TourPlayer& player, TourActions& actions) {
    const int n = static_cast<int>(player.stepCount());
    ImGui::BeginDisabled(player.empty() || player.atFirst());
    if (ImGui::Button("|<")) actions.first = true;
    ImGui::SameLine();
    if (ImGui::Button("< Previous")) actions.previous = true;
    ImGui::EndDisabled();
    ImGui::BeginDisabled(player.empty() || player.atLast());
    if (flowButton("Next >")) actions.next = true;
    ImGui::EndDisabled();
    sameLineIfFits(ImGui::CalcTextSize("Step 00 / 00").x);
    if (n > 0)
        ImGui::Text("Step %d / %d", player.current() + 1, n);
    else
        ImGui::TextDisabled("No steps yet");
    const float listHeight = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(std::min(n, 8) + 1);
    if (n > 0 && ImGui::BeginListBox("##steps", ImVec2(-1.0f, listHeight))) {
        for (int i = 0; i < n; ++i) {
            // One line a step, ended with "..." where it is longer than the list is wide.
            const std::string caption =
                std::to_string(i + 1) + ". " + shortLabel(player.tour().steps[static_cast<std::size_t>(i)].caption);
            const std::string label =
                elideToWidth(caption, ImGui::GetContentRegionAvail().x) + "##step" + std::to_string(i);
            if (ImGui::Selectable(label.c_str(), i == player.current())) actions.goTo = i;
            // The list is as wide as the sidebar: the whole caption shows on hover.
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", player.tour().steps[static_cast<std::size_t>(i)].caption.c_str());
        }
        ImGui::EndListBox();
    }
}

void authoring(TourPanelState& state, const TourPlayer& player, TourActions& actions) {
    if (!ImGui::CollapsingHeader("Edit this tour")) return;
    if (!state.titleLoaded) {
        copyInto(state.title, sizeof state.title, player.tour().title);
        state.titleLoaded = true;
    }
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputTextWithHint("##title", "Title", state.title, sizeof state.title)) actions.title = state.title;
    if (ImGui::Button("Add this view")) actions.addStep = true;
    ImGui::BeginDisabled(player.empty());
    if (flowButton("Update step")) actions.replaceStep = true;
    if (flowButton("Delete step")) actions.removeStep = true;
    sameLineIfFits(2.0f * ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x);
    ImGui::BeginDisabled(player.atFirst());
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) actions.move = -1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(player.atLast());
    if (ImGui::ArrowButton("##down", ImGuiDir_Down)) actions.move = 1;
    ImGui::EndDisabled();
    ImGui::EndDisabled();

    if (const TourStep* step = player.currentStep()) {
        if (state.captionStep != player.current()) {
            copyInto(state.caption, sizeof state.caption, step->caption);
            state.captionStep = player.current();
        }
        ImGui::TextUnformatted("Caption");
        if (ImGui::InputTextMultiline("##caption", state.caption, sizeof state.caption,
                                      ImVec2(-1.0f, ImGui::GetTextLineHeight() * 4.0f)))
            actions.caption = std::string(state.caption);
    }
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    ImGui::InputTextWithHint("##file", "file name", state.fileName, sizeof state.fileName);
    ImGui::SameLine();
    ImGui::BeginDisabled(player.empty() || state.fileName[0] == 0);
    if (ImGui::Button("Save as my tour")) actions.saveAs = std::string(state.fileName);
    ImGui::EndDisabled();
    if (!state.confirmReplace.empty()) {
        ImGui::TextWrapped("You already have a tour saved as '%s'. Replace it?",
                           shortLabel(state.confirmReplace).c_str());
        if (ImGui::Button("Replace it")) {
            actions.saveAs = state.confirmReplace;
            actions.replace = true;
            state.confirmReplace.clear();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep it")) state.confirmReplace.clear();
    }
}

}  // namespace

void drawTourContent(TourPanelState& state, const std::vector<TourListEntry>& tours, const TourPlayer& player,
                     const std::string& chooserLabel, TourActions& actions) {
    tourChooser(state, tours, chooserLabel, actions);
    ImGui::Separator();
    playback(player, actions);
    authoring(state, player, actions);
    ImGui::Separator();
    if (ImGui::Button("Copy view as JSON")) actions.copyView = true;
    if (flowButton("Paste view")) actions.pasteView = true;
}

}  // namespace la::ui
