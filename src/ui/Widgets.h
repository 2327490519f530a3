#pragma once
// Small layout helpers shared by the panels.
#include <algorithm>
#include <string>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>  // the line's text offset (wrappedSelectable)

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
// Width of a check box with this label.
inline float checkboxWidth(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}
// `text` as it fits in `width` at the current font: whole, else cut at a character boundary and ended
// with "..." (a one-line field that ImGui would otherwise cut mid-letter at its edge).
inline std::string elideToWidth(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::size_t cut = text.size();
    std::string out;
    do {
        do --cut;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80);  // whole UTF-8 characters
        out = text.substr(0, cut) + "...";
    } while (cut > 0 && ImGui::CalcTextSize(out.c_str()).x > width);
    return out;
}
// A button after the previous item, wrapped to a new line when it does not fit. True when clicked.
inline bool flowButton(const char* label) {
    sameLineIfFits(buttonWidth(label));
    return ImGui::Button(label);
}

// The text size (a factor, 1 = the font's own, at least 0.5) at which no word of `text` in `font` is
// cut by wrapping: the first word fits in `firstLine` (what is left of the line it starts on), every
// word in `fullLine`.
inline float wordsFitScale(const ImFont& font, std::string_view text, float firstLine, float fullLine) {
    const float size = font.FontSize * ImGui::GetIO().FontGlobalScale;
    float scale = 1.0f;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        // As drawn (the global text scale) and a pixel to spare for ImGui's own rounding at the wrap.
        const float w = font.CalcTextSizeA(size, 1e9f, 0.0f, text.data() + at, text.data() + end).x + 2.0f;
        const float room = at == 0 ? firstLine : fullLine;
        if (w > room && w > 0.0f) scale = std::min(scale, room / w);
        at = end + 1;
    }
    return std::max(scale, 0.5f);  // below half the text is no longer readable: then a word breaks
}

// Wrapped text drawn at `scale` of the current font (see wordsFitScale).
inline void wrappedWords(std::string_view text, float scale) {
    if (scale < 1.0f) ImGui::SetWindowFontScale(scale);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    if (scale < 1.0f) ImGui::SetWindowFontScale(1.0f);
}

// Wrapped text that never breaks inside a word: smaller when a word is wider than its line (a narrow
// column with a large text size).
inline void wrappedWords(std::string_view text) {
    const float line = ImGui::GetContentRegionAvail().x;  // what is left of the current line
    const float full = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    wrappedWords(text, wordsFitScale(*ImGui::GetFont(), text, line, full));
}

// A check box whose label wraps onto further lines instead of running out of a narrow column; a click
// on the label toggles it as on the box. True when it changed.
inline bool wrappedCheckbox(const char* label, bool* value) {
    ImGui::PushID(label);
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", label);
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
        *value = !*value;
        changed = true;
    }
    ImGui::PopID();
    return changed;
}

// A selectable row whose label wraps onto further lines when it is wider than what is left of the line
// (a long name in a narrow sidebar or at a large text size), instead of being cut at the edge. The whole
// wrapped block is the click target. True when clicked.
inline bool wrappedSelectable(const char* label, bool selected) {
    const float room = ImGui::GetContentRegionAvail().x;
    if (ImGui::CalcTextSize(label, nullptr, true).x <= room) return ImGui::Selectable(label, selected);
    const ImVec2 block = ImGui::CalcTextSize(label, nullptr, true, room);
    // Where Selectable puts its text: below the cursor by the line's text offset (AlignTextToFramePadding
    // beside a button), so that a wrapped name's first line sits level with a one-line name.
    ImVec2 at = ImGui::GetCursorScreenPos();
    at.y += ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
    ImGui::PushID(label);
    const bool clicked = ImGui::Selectable("##wrapped", selected, ImGuiSelectableFlags_None, ImVec2(room, block.y));
    ImGui::PopID();
    if (ImGui::IsItemVisible())
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                            ImGui::GetColorU32(ImGuiCol_Text), label, nullptr, room);
    return clicked;
}

}  // namespace la::ui
