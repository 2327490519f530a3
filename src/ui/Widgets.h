#pragma once
// Small layout helpers shared by the panels.
#include <imgui.h>

namespace la::ui {

// Puts the next item on the line of the previous one when `width` more pixels fit, else on a new line
// (a narrow sidebar or a large text size wraps a row of buttons instead of clipping it).
inline void sameLineIfFits(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lastRight = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (lastRight + style.ItemSpacing.x + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}
// Width of a button with this label.
inline float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}
// A button after the previous item, wrapped to a new line when it does not fit. True when clicked.
inline bool flowButton(const char* label) {
    sameLineIfFits(buttonWidth(label));
    return ImGui::Button(label);
}

}  // namespace la::ui
