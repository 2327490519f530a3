#include "ui/ArticlePanel.h"

#include <string>

#include <imgui.h>

#include "ui/Fonts.h"
#include "ui/RichTextView.h"

namespace la::ui {

bool drawArticlePanels(const std::vector<const StructureInfo*>& articles, bool therapist, float top, int& closed) {
    bool any = false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float scale = ImGui::GetFontSize() / 17.0f;
    float y = vp->Pos.y + top + 12.0f;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const StructureInfo* a = articles[i];
        if (!a) continue;
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 12.0f, y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(400.0f * scale, 0.0f), ImGuiCond_Always);
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
            if (ImGui::SmallButton("Close")) {
                closed = static_cast<int>(i);
                any = true;
            }
            ImGui::Separator();
            RichTextOptions o;
            o.therapist = therapist;
            o.onlySection = 0;  // the first section, like a collapsed structure panel
            o.skipTitleOfSection = true;
            drawRichText(a->body, o);
            y += ImGui::GetWindowSize().y + 10.0f;
        }
        ImGui::End();
    }
    return any;
}

}  // namespace la::ui
