#include "ui/ArticlePanel.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>

#include "ui/Fonts.h"
#include "ui/RichTextView.h"

namespace la::ui {

bool drawArticlePanels(const std::vector<ArticleView>& articles, bool therapist, float top, float bottom, int& closed) {
    bool any = false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float scale = ImGui::GetFontSize() / 17.0f;
    float y = vp->Pos.y + top + 12.0f;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const StructureInfo* a = articles[i].info;
        if (!a) continue;
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 12.0f, y), ImGuiCond_Always);
        // At most 38 % of the width: the presenter's large text wraps instead of covering the body.
        const float width = std::min(400.0f * scale, std::max(320.0f, 0.38f * vp->Size.x));
        ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
        const float room = std::max(vp->Pos.y + vp->Size.y - bottom - 12.0f - y, 80.0f);
        ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(FLT_MAX, room));
        ImGui::SetNextWindowBgAlpha(0.95f);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                       ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoFocusOnAppearing;
        const std::string id = "##article_" + a->id;
        if (ImGui::Begin(id.c_str(), nullptr, flags)) {
            ImGui::PushFont(font(FontRole::Title));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.12f, 0.1f, 1.0f));
            ImGui::TextWrapped("%s", a->name.c_str());
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
            y += ImGui::GetWindowSize().y + 10.0f;
        }
        ImGui::End();
    }
    return any;
}

}  // namespace la::ui
