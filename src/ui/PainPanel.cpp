#include "ui/PainPanel.h"

#include <algorithm>

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

void drawPainContent(const PainField& field, PainState& state) {
    ImGui::Checkbox("Left side", &state.leftOn);
    ImGui::SameLine();
    ImGui::Checkbox("Right side", &state.rightOn);
    if (ImGui::Button(state.playing ? "Pause" : "Play")) state.playing = !state.playing;
    ImGui::SameLine();
    // Sliders leave room for their labels (the longer one), whatever the text size.
    const float label = ImGui::CalcTextSize("Strength").x + ImGui::GetStyle().ItemInnerSpacing.x;
    ImGui::SetNextItemWidth(-label);
    ImGui::SliderFloat("Speed", &state.speed, 0.25f, 2.0f, "%.2f Hz");
    ImGui::SetNextItemWidth(-label);
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
            // The box, then the name wrapped beside it (a check box's own label is one line, cut by the
            // sidebar's edge); a click on the name toggles too.
            ImGui::PushID(trp.id.c_str());
            bool changed = ImGui::Checkbox("##on", &on);
            bool hovered = ImGui::IsItemHovered();
            ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
            ImGui::AlignTextToFramePadding();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(trp.name.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopID();
            if (ImGui::IsItemClicked()) {
                on = !on;
                changed = true;
            }
            hovered = hovered || ImGui::IsItemHovered();
            if (!trp.summary.empty() && hovered) ImGui::SetTooltip("%s", trp.summary.c_str());
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
}

namespace {
constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove;
const char* const kLegendLines[] = {"Trigger point (a tender knot in the muscle)", "Where the pain is usually felt",
                                    "Where it can spread"};
const char* const kLegendNote = "The glow links the knot to where you feel it.";

// The lines after the three swatches: each shown pattern's title, then its trigger points by number.
struct LegendRow {
    std::string text, tooltip;
    bool title = false;
};
std::vector<LegendRow> legendRows(const PainField& field, const PainState& state, bool descriptions) {
    std::vector<LegendRow> rows;
    const auto legend = legendEntries(field, state);
    int lastPattern = -1;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const PainPattern& p = field.patterns()[static_cast<std::size_t>(legend[i].pattern)];
        if (legend[i].pattern != lastPattern) {
            const bool l = state.shows(p.muscle + ".L"), r = state.shows(p.muscle + ".R");
            rows.push_back({displayName(p.muscle) + (l && r ? " (both sides)" : l ? " (left)" : " (right)"), {}, true});
            lastPattern = legend[i].pattern;
        }
        const TriggerPoint& t = p.triggerPoints[static_cast<std::size_t>(legend[i].triggerPoint)];
        LegendRow row{std::to_string(i + 1) + "  " + t.name, t.summary, false};
        if (descriptions && !t.summary.empty()) {
            row.text += ": " + t.summary;
            row.tooltip.clear();
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// The size of the legend's content with its text wrapped at `wrap` pixels (as legendBody draws it).
glm::vec2 legendContentSize(const PainField& field, const PainState& state, float wrap, bool descriptions) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float h = ImGui::GetTextLineHeight(), swatchW = h * 1.4f + st.ItemSpacing.x;
    float w = 0.0f, y = 0.0f;
    int items = 0;
    auto add = [&](const char* text, float indent, float wrapAt) {
        const ImVec2 natural = ImGui::CalcTextSize(text);
        const ImVec2 s = ImGui::CalcTextSize(text, nullptr, false, wrapAt);
        w = std::max(w, indent + std::min(natural.x, std::max(s.x, wrapAt)));
        y += std::max(s.y, h);
        ++items;
    };
    ImGui::PushFont(font(FontRole::Bold));
    add("Referred pain", 0.0f, wrap);
    ImGui::PopFont();
    for (const char* line : kLegendLines) add(line, swatchW, wrap - swatchW);
    for (const auto& row : legendRows(field, state, descriptions)) {
        if (row.title) ImGui::PushFont(font(FontRole::Bold));
        add(row.text.c_str(), 0.0f, wrap);
        if (row.title) ImGui::PopFont();
    }
    if (state.playing) add(kLegendNote, 0.0f, wrap);
    return {w, y + static_cast<float>(items - 1) * st.ItemSpacing.y};
}

// Draws the legend into the current window.
void legendBody(const PainField& field, const PainState& state, float wrap, bool descriptions) {
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
    const float left = ImGui::GetCursorPosX();
    auto wrapped = [&](const char* text) {
        ImGui::PushTextWrapPos(left + wrap);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
    };
    ImGui::PushFont(font(FontRole::Bold));
    wrapped("Referred pain");
    ImGui::PopFont();
    for (int i = 0; i < 3; ++i) {
        swatch(i);
        wrapped(kLegendLines[i]);
    }
    // The knots by number, as on the X marks, in words.
    for (const auto& row : legendRows(field, state, descriptions)) {
        if (row.title) ImGui::PushFont(font(FontRole::Bold));
        wrapped(row.text.c_str());
        if (row.title) ImGui::PopFont();
        if (!row.tooltip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.tooltip.c_str());
    }
    if (state.playing) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped(kLegendNote);
        ImGui::PopStyleColor();
    }
}

float legendWrap(glm::vec2 room) {
    const ImGuiStyle& st = ImGui::GetStyle();
    return std::max(8.0f * ImGui::GetFontSize(),
                    std::min(20.0f * ImGui::GetFontSize(), room.x - 2.0f * st.WindowPadding.x - st.ScrollbarSize));
}
}  // namespace

glm::vec2 painLegendSize(const PainField& field, const PainState& state, glm::vec2 room) {
    if (state.patternsOn.empty()) return {0.0f, 0.0f};
    const ImGuiStyle& st = ImGui::GetStyle();
    const glm::vec2 pad(2.0f * st.WindowPadding.x + 2.0f, 2.0f * st.WindowPadding.y + 2.0f);
    const float wrap = legendWrap(room);
    const glm::vec2 full = legendContentSize(field, state, wrap, true) + pad;
    if (full.y <= room.y) return full;
    const glm::vec2 brief = legendContentSize(field, state, wrap, false) + pad;
    if (brief.y <= room.y) return brief;
    return {brief.x + st.ScrollbarSize, room.y};  // it scrolls
}

void drawPainLegend(const PainField& field, const PainState& state, const Rect& rect) {
    if (state.patternsOn.empty() || !rect.valid()) return;
    const ImGuiStyle& st = ImGui::GetStyle();
    // The same choice as painLegendSize made for this rectangle: descriptions when they fit.
    const float wrap = legendWrap(rect.size());
    const bool descriptions =
        legendContentSize(field, state, wrap, true).y + 2.0f * st.WindowPadding.y + 2.0f <= rect.size().y + 0.5f;
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y), ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##painlegend", nullptr, flags)) legendBody(field, state, wrap, descriptions);
    ImGui::End();
}

void drawPainLegendAt(const PainField& field, const PainState& state, float x, float y, float wrapWidth) {
    if (state.patternsOn.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + x, vp->Pos.y + y), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.9f);
    if (ImGui::Begin("##painlegend", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoNav))
        legendBody(field, state, wrapWidth, true);
    ImGui::End();
}

std::vector<LookupLine> lookupLines(const std::vector<CoverageEntry>& entries, const SceneIndex& index,
                                    const PainField& field) {
    std::vector<LookupLine> out;
    for (const auto& e : entries) {
        LookupLine l;
        const SceneNode* node = index.findKey(e.instance);
        const auto inst = parsePainInstanceKey(e.instance);
        const std::string muscle = inst ? inst->muscle : e.instance;
        l.muscle = node ? node->label : displayName(muscle);
        l.triggerPoint = e.triggerPoint;
        if (const PainPattern* p = field.find(muscle)) {
            const int t = p->findTriggerPoint(e.triggerPoint);
            if (t >= 0) l.triggerPoint = p->triggerPoints[static_cast<std::size_t>(t)].name;
        }
        l.triggerPoint += " trigger point";
        l.kind = e.kind == ZoneKind::Essential ? "where the pain is usually felt" : "where it can spread";
        out.push_back(std::move(l));
    }
    return out;
}

namespace {
constexpr const char* kLookupTitle = "Pain at this spot can come from";
}

glm::vec2 painLookupSize(const std::vector<LookupLine>& lines) {
    if (lines.empty()) return {0.0f, 0.0f};
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushFont(font(FontRole::Bold));
    float w = ImGui::CalcTextSize(kLookupTitle).x + ImGui::GetFrameHeight() + st.ItemSpacing.x;
    float boldW = 0.0f;
    for (const auto& l : lines) boldW = std::max(boldW, ImGui::CalcTextSize(l.muscle.c_str()).x);
    ImGui::PopFont();
    w = std::max(w, boldW);
    for (const auto& l : lines) w = std::max(w, ImGui::CalcTextSize((l.triggerPoint + ", " + l.kind).c_str()).x);
    const float line = ImGui::GetTextLineHeight();
    const float rows = static_cast<float>(lines.size());
    const float h = ImGui::GetFrameHeight() + st.ItemSpacing.y +                               // title and close button
                    rows * (2.0f * line + st.ItemSpacing.y * 2.0f) + st.ItemSpacing.y + line;  // hint line
    return {w + 2.0f * st.WindowPadding.x + st.ScrollbarSize + 4.0f, h + 2.0f * st.WindowPadding.y + 4.0f};
}

std::optional<std::size_t> drawPainLookup(const std::vector<LookupLine>& lines, const Rect& rect, bool& open) {
    if (!open || lines.empty() || !rect.valid()) return std::nullopt;
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y), ImGuiCond_Always);
    std::optional<std::size_t> chosen;
    if (ImGui::Begin("##painlookup", nullptr, kFixed)) {
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(kLookupTitle);
        ImGui::PopFont();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight());
        if (ImGui::Button("x##close", ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()))) open = false;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const ImVec2 start = ImGui::GetCursorPos();
            const float rowH = 2.0f * ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.y;
            if (ImGui::Selectable("##row", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0.0f, rowH)))
                chosen = i;
            ImGui::SetCursorPos(start);
            ImGui::PushFont(font(FontRole::Bold));
            ImGui::TextUnformatted(lines[i].muscle.c_str());
            ImGui::PopFont();
            ImGui::Text("%s, %s", lines[i].triggerPoint.c_str(), lines[i].kind.c_str());
            ImGui::PopID();
        }
        ImGui::TextDisabled("Click a line to show that pattern.");
    }
    ImGui::End();
    if (chosen) open = false;
    return chosen;
}

}  // namespace la::ui
