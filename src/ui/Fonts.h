#pragma once
#include <imgui.h>

namespace la::ui {

enum class FontRole { Regular = 0, Bold = 1, Title = 2, Italic = 3 };

// The font loaded for a role (app/ImGuiLayer loads them in this order); the default font when absent.
inline ImFont* font(FontRole role) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int i = static_cast<int>(role);
    return i < atlas->Fonts.Size ? atlas->Fonts[i] : ImGui::GetFont();
}

}  // namespace la::ui
