#include "ui/ArticlePanel.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "ui/Fonts.h"
#include "ui/RichTextView.h"
#include "ui/Widgets.h"

namespace la::ui {

namespace {
std::string keyOf(const ArticleView& a) {
    return (a.info ? a.info->id : std::string()) + "#" + a.section;
}
}  // namespace

std::vector<glm::vec2> articleSizes(const std::vector<ArticleView>& articles, const ArticleHeights& heights) {
    const float em = ImGui::GetFontSize();
    std::vector<glm::vec2> out;
    for (const auto& a : articles) {
        if (!a.info) {
            out.emplace_back(0.0f, 0.0f);
            continue;
        }
        const auto it = heights.find(keyOf(a));
        out.emplace_back(24.0f * em, it != heights.end() ? it->second : 14.0f * em);
    }
    return out;
}

bool drawArticlePanels(const std::vector<ArticleView>& articles, const std::vector<Rect>& rects, bool therapist,
                       ArticleHeights& heights, int& closed) {
    bool any = false;
    for (std::size_t i = 0; i < articles.size() && i < rects.size(); ++i) {
        const StructureInfo* a = articles[i].info;
        const Rect& r = rects[i];
        if (!a || !r.valid()) continue;
        // At whole pixels, so a panel that only moved draws the same pixels (core/UiLayerCache.h).
        ImGui::SetNextWindowPos(ImVec2(std::round(r.min.x), std::round(r.min.y)), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(r.size().x, r.size().y), ImGuiCond_Always);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                       ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoFocusOnAppearing;
        const std::string id = "##article_" + a->id;
        if (ImGui::Begin(id.c_str(), nullptr, flags)) {
            ImGui::PushFont(font(FontRole::Title));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.12f, 0.1f, 1.0f));
            wrappedWords(a->name);
            ImGui::PopStyleColor();
            ImGui::PopFont();
            if (articles[i].interactive && ImGui::SmallButton("Close")) {
                closed = static_cast<int>(i);
                any = true;
            }
            ImGui::Separator();
            RichTextOptions o;
            o.therapist = therapist;
            // The section the step asked for, with its heading; else the first, like a collapsed panel.
            const int asked = articles[i].section.empty() ? -1 : findSection(a->body, articles[i].section);
            o.onlySection = asked >= 0 ? asked : 0;
            o.skipTitleOfSection = asked <= 0;
            drawRichText(a->body, o);
            // The whole content's height (scrolled or not), for next frame's layout.
            heights[keyOf(articles[i])] =
                ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
        }
        ImGui::End();
    }
    return any;
}

}  // namespace la::ui
