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

struct CaptionText {
    char counter[32] = "";
    ImVec2 counterSize;
    float pad = 0.0f, wrap = 0.0f, height = 0.0f;
    std::vector<std::string> lines;
};

CaptionText measure(const CaptionView& view, float width) {
    CaptionText c;
    ImFont* title = font(FontRole::Title);
    const float size = title->FontSize;
    c.pad = ImGui::GetFontSize() * 0.9f;
    if (view.step > 0) std::snprintf(c.counter, sizeof c.counter, "%d / %d", view.step, view.count);
    c.counterSize = ImGui::CalcTextSize(c.counter);
    c.wrap = std::max(width - c.counterSize.x - c.pad * 5.0f, width * 0.5f);
    // " " keeps one line while a caption fades.
    const std::string_view text = view.text.empty() ? std::string_view(" ") : std::string_view(view.text);
    // A caption longer than a third of the screen is cut with "..." (captions are meant to be a sentence or two).
    const auto maxLines = static_cast<std::size_t>(std::max(2.0f, ImGui::GetIO().DisplaySize.y / 3.0f / size));
    c.lines = wrapLines(title, size, c.wrap, text, maxLines);
    c.height = std::max(static_cast<float>(c.lines.size()) * size, size) + c.pad * 2.0f;
    return c;
}

}  // namespace

float captionBarHeight(const CaptionView& view, float width) {
    if (view.text.empty() && view.count == 0) return 0.0f;
    return measure(view, width).height;
}

// Drawn on the background draw list, not in a window: the bar never takes a click from the view, covers
// the trigger marks drawn before it, and a modal dialog (the key sheet, About) covers it. The layout keeps
// every other window off it.
void drawCaptionBar(const CaptionView& view, const Rect& rect) {
    if ((view.text.empty() && view.count == 0) || !rect.valid()) return;
    const CaptionText c = measure(view, rect.size().x);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    ImFont* title = font(FontRole::Title);
    const float size = title->FontSize;
    const ImVec2 a(rect.min.x, rect.min.y), b(rect.max.x, rect.max.y);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImVec4(0.07f, 0.07f, 0.09f, 0.92f)));
    const float alpha = std::clamp(view.alpha, 0.0f, 1.0f);
    const ImU32 colour = ImGui::GetColorU32(ImVec4(0.97f, 0.96f, 0.93f, alpha));
    dl->PushClipRect(a, b, true);
    for (std::size_t i = 0; i < c.lines.size(); ++i)
        dl->AddText(title, size, ImVec2(a.x + c.pad * 1.5f, a.y + c.pad + static_cast<float>(i) * size), colour,
                    c.lines[i].c_str());
    if (c.counter[0])
        dl->AddText(ImVec2(b.x - c.pad * 1.5f - c.counterSize.x, a.y + c.pad + (size - c.counterSize.y) * 0.5f),
                    ImGui::GetColorU32(ImVec4(0.75f, 0.74f, 0.72f, 1.0f)), c.counter);
    dl->PopClipRect();
}

}  // namespace la::ui
