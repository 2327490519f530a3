#include "ui/SceneOverlays.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include <imgui.h>

namespace la::ui {

void drawHoverTooltip(const SceneNode* n) {
    if (!n || ImGui::GetIO().WantCaptureMouse) return;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(n->label.c_str());
    if (n->info && !n->info->latin.empty()) ImGui::TextDisabled("%s", n->info->latin.c_str());
    // A model made elsewhere: its own node name, as a detail.
    if (n->ref && n->name != n->uniqueName()) ImGui::TextDisabled("Node: %s", n->name.c_str());
    ImGui::EndTooltip();
}

namespace {
// One arm of an X, solid or in four dashes.
void xArm(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thick, bool dashed) {
    if (!dashed) {
        dl->AddLine(a, b, col, thick);
        return;
    }
    for (int i = 0; i < 4; ++i) {
        const float t0 = static_cast<float>(2 * i) / 7.0f, t1 = static_cast<float>(2 * i + 1) / 7.0f;
        dl->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                    ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), col, thick);
    }
}
}  // namespace

glm::vec2 triggerNumberSize(int number, float textScale) {
    const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize() * textScale, FLT_MAX, 0.0f,
                                                        std::to_string(number).c_str());
    return {size.x + 1.0f, size.y + 1.0f};  // with its white shadow, one pixel down and right
}

void drawTriggerMark(glm::vec2 s, float w, bool behind, std::optional<glm::vec2> skin, int number, float glow,
                     std::optional<glm::vec2> numberAt, float scale, float textScale) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float k = std::max(scale, 1.0f);
    const float r = kTriggerMarkRadius * k;
    const int alpha = static_cast<int>(255.0f * std::clamp(w, 0.0f, 1.0f) * (behind ? 0.7f : 1.0f));
    if (glow > 0.0f)
        dl->AddCircleFilled(ImVec2(s.x, s.y), r * 2.0f, IM_COL32(230, 200, 255, static_cast<int>(150.0f * glow * w)),
                            24);
    for (int pass = 0; pass < 2; ++pass) {
        const ImU32 col = pass == 0 ? IM_COL32(255, 255, 255, alpha) : IM_COL32(15, 10, 25, alpha);
        const float thick = (pass == 0 ? 5.5f : 3.0f) * k;
        xArm(dl, ImVec2(s.x - r, s.y - r), ImVec2(s.x + r, s.y + r), col, thick, behind);
        xArm(dl, ImVec2(s.x - r, s.y + r), ImVec2(s.x + r, s.y - r), col, thick, behind);
    }
    if (number > 0) {
        const std::string label = std::to_string(number);
        const ImVec2 at = numberAt ? ImVec2(numberAt->x, numberAt->y) : ImVec2(s.x + r + 2.0f, s.y - r - 6.0f);
        const float size = ImGui::GetFontSize() * textScale;
        dl->AddText(ImGui::GetFont(), size, ImVec2(at.x + 1, at.y + 1), IM_COL32(255, 255, 255, alpha), label.c_str());
        dl->AddText(ImGui::GetFont(), size, at, IM_COL32(15, 10, 25, alpha), label.c_str());
    }
    if (skin) {  // where a therapist would press
        const float ring = kTriggerRingRadius * k;
        dl->AddCircle(ImVec2(skin->x, skin->y), ring, IM_COL32(255, 255, 255, alpha), 16, 3.5f * k);
        dl->AddCircle(ImVec2(skin->x, skin->y), ring, IM_COL32(15, 10, 25, alpha), 16, 1.6f * k);
    }
}

}  // namespace la::ui
