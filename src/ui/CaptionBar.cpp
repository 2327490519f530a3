#include "ui/CaptionBar.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include <imgui.h>

#include "ui/Fonts.h"

namespace la::ui {

// Drawn on the foreground draw list, not in a window: the bar stays on top of the article panels and
// never takes a click from the view.
float drawCaptionBar(const CaptionView& view) {
    if (view.text.empty() && view.count == 0) return 0.0f;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImFont* title = font(FontRole::Title);
    const float size = title->FontSize;
    const float pad = ImGui::GetFontSize() * 0.9f;

    char counter[32] = "";
    if (view.step > 0) std::snprintf(counter, sizeof counter, "%d / %d", view.step, view.count);
    const ImVec2 counterSize = ImGui::CalcTextSize(counter);
    const float wrap = std::max(vp->Size.x - counterSize.x - pad * 5.0f, vp->Size.x * 0.5f);
    const char* text = view.text.empty() ? " " : view.text.c_str();  // keeps one line while a caption fades
    const ImVec2 textSize = title->CalcTextSizeA(size, FLT_MAX, wrap, text);
    const float height = std::max(textSize.y, size) + pad * 2.0f;

    const float bottom = vp->Pos.y + vp->Size.y - view.bottomOffset;
    const ImVec2 a(vp->Pos.x, bottom - height), b(vp->Pos.x + vp->Size.x, bottom);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(0.07f, 0.07f, 0.09f, 0.92f)));
    const float alpha = std::clamp(view.alpha, 0.0f, 1.0f);
    dl->AddText(title, size, ImVec2(a.x + pad * 1.5f, a.y + pad),
                ImGui::GetColorU32(ImVec4(0.97f, 0.96f, 0.93f, alpha)), text, nullptr, wrap);
    if (counter[0])
        dl->AddText(ImVec2(b.x - pad * 1.5f - counterSize.x, a.y + pad + (size - counterSize.y) * 0.5f),
                    ImGui::GetColorU32(ImVec4(0.75f, 0.74f, 0.72f, 1.0f)), counter);
    return height;
}

}  // namespace la::ui
