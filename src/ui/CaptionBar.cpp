#include "ui/CaptionBar.h"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/Fonts.h"

namespace la::ui {

namespace {

// The lines ImGui would wrap `text` into, at most `maxLines` (the last then ends in "..."). Each line is drawn by
// its own AddText call: one call for a whole 25,000-character caption needs more vertices than ImGui's 16-bit
// indices can address and aborts on an assertion.
std::vector<std::string> wrapLines(ImFont* font, float size, float wrap, std::string_view text, std::size_t maxLines) {
    std::vector<std::string> lines;
    const float scale = size / font->FontSize;
    std::size_t start = 0;
    while (start <= text.size() && lines.size() <= maxLines) {
        const std::size_t nl = std::min(text.find('\n', start), text.size());
        const char* s = text.data() + start;
        const char* end = text.data() + nl;
        do {
            const char* eol = font->CalcWordWrapPositionA(scale, s, end, wrap);
            if (eol == s && s < end)  // not even one character fits: take one whole UTF-8 character
                do ++eol;
                while (eol < end && (static_cast<unsigned char>(*eol) & 0xC0) == 0x80);
            lines.emplace_back(s, eol);
            s = eol;
            while (s < end && (*s == ' ' || *s == '\t')) ++s;  // wrapping skips the blanks that follow
        } while (s < end && lines.size() <= maxLines);
        start = nl + 1;
    }
    if (lines.size() > maxLines) {
        lines.resize(maxLines);
        std::string& last = lines.back();
        while (!last.empty() && font->CalcTextSizeA(size, FLT_MAX, 0.0f, (last + "...").c_str()).x > wrap)
            last.pop_back();
        while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80) last.pop_back();
        if (!last.empty()) last.pop_back();  // the lead byte of a character cut above, or one more character
        last += "...";
    }
    return lines;
}

}  // namespace

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
    // " " keeps one line while a caption fades.
    const std::string_view text = view.text.empty() ? std::string_view(" ") : std::string_view(view.text);
    // A caption longer than a third of the screen is cut with "..." (captions are meant to be a sentence or two).
    const auto maxLines = static_cast<std::size_t>(std::max(2.0f, vp->Size.y / 3.0f / size));
    const std::vector<std::string> lines = wrapLines(title, size, wrap, text, maxLines);
    const float height = std::max(static_cast<float>(lines.size()) * size, size) + pad * 2.0f;

    const float bottom = vp->Pos.y + vp->Size.y - view.bottomOffset;
    const ImVec2 a(vp->Pos.x, bottom - height), b(vp->Pos.x + vp->Size.x, bottom);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(0.07f, 0.07f, 0.09f, 0.92f)));
    const float alpha = std::clamp(view.alpha, 0.0f, 1.0f);
    const ImU32 colour = ImGui::GetColorU32(ImVec4(0.97f, 0.96f, 0.93f, alpha));
    for (std::size_t i = 0; i < lines.size(); ++i)
        dl->AddText(title, size, ImVec2(a.x + pad * 1.5f, a.y + pad + static_cast<float>(i) * size), colour,
                    lines[i].c_str());
    if (counter[0])
        dl->AddText(ImVec2(b.x - pad * 1.5f - counterSize.x, a.y + pad + (size - counterSize.y) * 0.5f),
                    ImGui::GetColorU32(ImVec4(0.75f, 0.74f, 0.72f, 1.0f)), counter);
    return height;
}

}  // namespace la::ui
