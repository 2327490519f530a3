#include "ui/RichTextView.h"

#include <string>

#include "ui/Fonts.h"

namespace la::ui {

namespace {

ImFont* spanFont(const TextSpan& s) {
    if (s.bold) return font(FontRole::Bold);
    if (s.italic) return font(FontRole::Italic);
    return font(FontRole::Regular);
}

// Lays out spans word by word so that fonts can change inside a wrapped paragraph.
void drawFlow(const std::vector<TextSpan>& spans, float indent) {
    const float left = ImGui::GetCursorPosX() + indent;
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SetCursorPosX(left);
    bool lineStart = true;
    bool spaceBefore = true;  // the text so far ends with a space (a line may break before the next word)
    float x = left;
    // Punctuation that follows a span without a space ("lumborum" in bold, then ", or") stays on its line,
    // hanging into the window padding, rather than start a line of its own.
    const auto onlyPunctuation = [](const std::string& w) {
        return !w.empty() && w.find_first_not_of(",.;:!?)]'\"") == std::string::npos;
    };
    const ImVec4 linkColour(0.15f, 0.3f, 0.65f, 1.0f);
    for (const auto& span : spans) {
        ImFont* f = spanFont(span);
        ImGui::PushFont(f);
        if (span.link) ImGui::PushStyleColor(ImGuiCol_Text, linkColour);
        std::size_t i = 0;
        const std::string& t = span.text;
        while (i < t.size()) {
            // A word with the spaces that follow it.
            std::size_t j = i;
            while (j < t.size() && t[j] != ' ') ++j;
            std::size_t k = j;
            while (k < t.size() && t[k] == ' ') ++k;
            const std::string word = t.substr(i, j - i);
            const float w = ImGui::CalcTextSize(word.c_str()).x;
            const float space = ImGui::CalcTextSize(" ").x * static_cast<float>(k - j);
            const bool hangs = i == 0 && !spaceBefore && onlyPunctuation(word);
            if (!lineStart) {
                if (x + w > right && x > left && !hangs) {
                    // The previous item ended the line; start the next one at the indent.
                    ImGui::SetCursorPosX(left);
                    x = left;
                } else {
                    ImGui::SameLine(0.0f, 0.0f);
                }
            }
            ImGui::TextUnformatted(word.c_str());
            x += w + space;
            if (k > j) {
                ImGui::SameLine(0.0f, 0.0f);
                ImGui::TextUnformatted(t.c_str() + j, t.c_str() + k);
            }
            lineStart = false;
            spaceBefore = k > j;
            i = k;
        }
        if (span.link) ImGui::PopStyleColor();
        ImGui::PopFont();
    }
}

}  // namespace

void drawRichText(const RichText& text, const RichTextOptions& options) {
    std::size_t first = 0, end = text.blocks.size();
    if (options.onlySection >= 0) {
        const auto sections = listSections(text);
        if (static_cast<std::size_t>(options.onlySection) >= sections.size()) return;
        const auto& s = sections[static_cast<std::size_t>(options.onlySection)];
        first = options.skipTitleOfSection ? s.firstBlock : s.heading;
        end = s.endBlock;
    }
    bool inTherapist = false;
    int drawn = 0;
    for (std::size_t b = first; b < end && b < text.blocks.size(); ++b) {
        const TextBlock& block = text.blocks[b];
        if (block.therapistOnly && !options.therapist) continue;
        if (options.maxBlocks >= 0 && drawn++ >= options.maxBlocks) break;
        if (block.therapistOnly != inTherapist) {
            inTherapist = block.therapistOnly;
            if (inTherapist) {
                ImGui::PushFont(font(FontRole::Italic));
                ImGui::TextColored(ImVec4(0.45f, 0.2f, 0.15f, 1.0f), "For therapists");
                ImGui::PopFont();
            }
        }
        switch (block.kind) {
            case BlockKind::Heading: {
                ImGui::Spacing();
                ImGui::PushFont(font(block.level <= 2 ? FontRole::Title : FontRole::Bold));
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.12f, 0.1f, 1.0f));
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted(plainText(block).c_str());
                ImGui::PopTextWrapPos();
                ImGui::PopStyleColor();
                ImGui::PopFont();
                break;
            }
            case BlockKind::Paragraph:
                drawFlow(block.spans, inTherapist ? 8.0f : 0.0f);
                ImGui::Spacing();
                break;
            case BlockKind::BulletItem: {
                const float indent = 14.0f * static_cast<float>(block.depth + 1) + (inTherapist ? 8.0f : 0.0f);
                const ImVec2 p = ImGui::GetCursorScreenPos();
                const float h = ImGui::GetTextLineHeight();
                ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + indent - 8.0f, p.y + h * 0.5f), 2.5f,
                                                            ImGui::GetColorU32(ImGuiCol_Text));
                drawFlow(block.spans, indent);
                break;
            }
            case BlockKind::Rule:
                ImGui::Separator();
                break;
        }
    }
}

}  // namespace la::ui
