#include "ui/PainPanel.h"

#include <imgui.h>

#include "ui/Fonts.h"

namespace la::ui {

namespace {

std::string displayName(const std::string& muscle) {
    std::string s = muscle;
    for (char& c : s)
        if (c == '_') c = ' ';
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

// The colours of shaders/mesh.frag (sRGB of its linear values).
ImU32 essentialColour(const PainState& s) {
    return s.palette == PainPalette::Standard ? IM_COL32(124, 48, 206, 255) : IM_COL32(200, 20, 160, 255);
}
ImU32 spillColour(const PainState& s) {
    return s.palette == PainPalette::Standard ? IM_COL32(111, 39, 188, 255) : IM_COL32(15, 80, 240, 255);
}

}  // namespace

void drawPainPanel(const PainField& field, PainState& state, bool& open) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - 370, vp->Pos.y + ImGui::GetFrameHeight() + 10),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(360, 460), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Referred pain", &open)) {
        ImGui::End();
        return;
    }
    ImGui::Checkbox("Left side", &state.leftOn);
    ImGui::SameLine();
    ImGui::Checkbox("Right side", &state.rightOn);
    if (ImGui::Button(state.playing ? "Pause" : "Play")) state.playing = !state.playing;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-60);
    ImGui::SliderFloat("Speed", &state.speed, 0.25f, 2.0f, "%.2f Hz");
    ImGui::SetNextItemWidth(-60);
    ImGui::SliderFloat("Strength", &state.intensity, 0.1f, 1.0f, "%.2f");
    bool cb = state.palette == PainPalette::ColourBlindSafe;
    if (ImGui::Checkbox("Colour-blind safe colours", &cb))
        state.palette = cb ? PainPalette::ColourBlindSafe : PainPalette::Standard;
    ImGui::Separator();
    for (const auto& pattern : field.patterns()) {
        ImGui::PushID(pattern.muscle.c_str());
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextUnformatted(displayName(pattern.muscle).c_str());
        ImGui::PopFont();
        for (const char* suffix : {".L", ".R"}) {
            const std::string key = pattern.muscle + suffix;
            bool on = state.patternsOn.count(key) > 0;
            ImGui::SameLine();
            if (ImGui::Checkbox(suffix[1] == 'L' ? "left" : "right", &on)) {
                if (on)
                    state.patternsOn.insert(key);
                else
                    state.patternsOn.erase(key);
            }
        }
        ImGui::Indent();
        for (const auto& trp : pattern.triggerPoints) {
            const std::string offKey = "/" + trp.id;
            bool on = state.triggerPointsOff.count(pattern.muscle + ".L" + offKey) == 0;
            const bool changed = ImGui::Checkbox(trp.name.c_str(), &on);
            if (!trp.summary.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trp.summary.c_str());
            if (changed)
                for (const char* suffix : {".L", ".R"}) {
                    const std::string k = pattern.muscle + suffix + offKey;
                    if (on)
                        state.triggerPointsOff.erase(k);
                    else
                        state.triggerPointsOff.insert(k);
                }
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextWrapped("Click the body to see which muscles can send pain to that spot.");
    ImGui::End();
}

namespace {
void legendWindow(const PainField& field, const PainState& state, float wrapWidth);
}

void drawPainLegend(const PainField& field, const PainState& state, float bottomMargin) {
    if (state.patternsOn.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x - 12, vp->Pos.y + vp->Size.y - 12 - bottomMargin),
                            ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    legendWindow(field, state, ImGui::GetFontSize() * 26.0f);
}

void drawPainLegendAt(const PainField& field, const PainState& state, float x, float y, float wrapWidth) {
    if (state.patternsOn.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + x, vp->Pos.y + y), ImGuiCond_Always);
    legendWindow(field, state, wrapWidth);
}

namespace {
void legendWindow(const PainField& field, const PainState& state, float wrap) {
    ImGui::SetNextWindowBgAlpha(0.9f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    if (!ImGui::Begin("##painlegend", nullptr, flags)) {
        ImGui::End();
        return;
    }
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    auto swatch = [&](int kind) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 q(p.x + h * 1.4f, p.y + h);
        if (kind == 0) {  // trigger point
            dl->AddLine(ImVec2(p.x + 3, p.y + 2), ImVec2(q.x - 3, q.y - 2), IM_COL32(20, 20, 20, 255), 3.0f);
            dl->AddLine(ImVec2(p.x + 3, q.y - 2), ImVec2(q.x - 3, p.y + 2), IM_COL32(20, 20, 20, 255), 3.0f);
        } else if (kind == 1) {
            dl->AddRectFilled(p, q, essentialColour(state), 3.0f);
        } else {
            dl->AddRect(p, q, IM_COL32(160, 160, 160, 255), 3.0f);
            for (float y = p.y + 3; y < q.y - 1; y += 5)
                for (float x = p.x + 3; x < q.x - 1; x += 5)
                    dl->AddCircleFilled(ImVec2(x, y), 1.4f, spillColour(state));
        }
        ImGui::Dummy(ImVec2(h * 1.4f, h));
        ImGui::SameLine();
    };
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted("Referred pain");
    ImGui::PopFont();
    swatch(0);
    ImGui::TextUnformatted("Trigger point (a tender knot in the muscle)");
    swatch(1);
    ImGui::TextUnformatted("Where the pain is usually felt");
    swatch(2);
    ImGui::TextUnformatted("Where it can spread");
    // The knots by number, as on the X marks, in words.
    const auto legend = legendEntries(field, state);
    int lastPattern = -1;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const PainPattern& p = field.patterns()[static_cast<std::size_t>(legend[i].pattern)];
        if (legend[i].pattern != lastPattern) {
            const bool l = state.shows(p.muscle + ".L"), r = state.shows(p.muscle + ".R");
            const std::string title = displayName(p.muscle) + (l && r ? " (both sides)" : l ? " (left)" : " (right)");
            ImGui::PushFont(font(FontRole::Bold));
            ImGui::TextUnformatted(title.c_str());
            ImGui::PopFont();
            lastPattern = legend[i].pattern;
        }
        const TriggerPoint& t = p.triggerPoints[static_cast<std::size_t>(legend[i].triggerPoint)];
        const std::string line = std::to_string(i + 1) + "  " + t.name + (t.summary.empty() ? "" : ": " + t.summary);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopTextWrapPos();
    }
    if (state.playing) ImGui::TextDisabled("The glow links the knot to where you feel it.");
    ImGui::End();
}

}  // namespace

}  // namespace la::ui
