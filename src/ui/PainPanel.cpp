#include "ui/PainPanel.h"

#include <algorithm>

#include <imgui.h>

#include "ui/Fonts.h"
#include "ui/Widgets.h"

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
    sameLineIfFits(checkboxWidth("Right side"));  // else below (a narrow sidebar, a large text size)
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
    if (wrappedCheckbox("Colour-blind safe colours", &cb))
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
            const char* side = suffix[1] == 'L' ? "left" : "right";
            // Both boxes beside the name, else both on the line below it.
            sameLineIfFits(suffix[1] == 'L'
                               ? checkboxWidth("left") + ImGui::GetStyle().ItemSpacing.x + checkboxWidth("right")
                               : checkboxWidth(side));
            if (ImGui::Checkbox(side, &on)) {
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
const char* const kShortLegendLines[] = {"Trigger point", "Pain usually felt", "Pain may spread"};
const char* const kLegendNote = "The glow links the knot to where you feel it.";

// The legend's forms, largest first; a small room gets the first one that fits. Names: each trigger
// point by number and name (its description as a tooltip); Short: short swatch labels and the names
// before their parentheses ("Superficial, upper"); Titles: the trigger-point list folded to the
// patterns' titles; Swatches: only what the three marks mean (the article panels name the muscles).
enum class LegendForm { Descriptions, Names, Short, Titles, Swatches };
constexpr LegendForm kForms[] = {LegendForm::Descriptions, LegendForm::Names, LegendForm::Short, LegendForm::Titles,
                                 LegendForm::Swatches};
// When no form fits the room at the UI's text size, the legend's text shrinks to these, but never below
// kSmallestLegendText pixels (1x: 17).
constexpr float kLegendScales[] = {1.0f, 0.85f, 0.7f};
constexpr float kSmallestLegendText = 14.0f;

struct LegendChoice {
    LegendForm form = LegendForm::Descriptions;
    float scale = 1.0f;  // of the text, against the UI's
};

// "Superficial, upper (below the 12th rib)" -> "Superficial, upper".
std::string shortName(const std::string& name) {
    const auto cut = name.find(" (");
    return cut == std::string::npos || cut == 0 ? name : name.substr(0, cut);
}

// The lines after the three swatches: each shown pattern's title, then its trigger points by number.
struct LegendRow {
    std::string text, tooltip;
    bool title = false;
};
std::vector<LegendRow> legendRows(const PainField& field, const PainState& state, LegendForm form) {
    std::vector<LegendRow> rows;
    if (form == LegendForm::Swatches) return rows;
    const auto legend = legendEntries(field, state);
    int lastPattern = -1;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const PainPattern& p = field.patterns()[static_cast<std::size_t>(legend[i].pattern)];
        if (legend[i].pattern != lastPattern) {
            const bool l = state.shows(p.muscle + ".L"), r = state.shows(p.muscle + ".R");
            rows.push_back({displayName(p.muscle) + (l && r ? " (both sides)" : l ? " (left)" : " (right)"), {}, true});
            lastPattern = legend[i].pattern;
        }
        if (form == LegendForm::Titles || form == LegendForm::Swatches) continue;
        const TriggerPoint& t = p.triggerPoints[static_cast<std::size_t>(legend[i].triggerPoint)];
        const std::string name = form == LegendForm::Short ? shortName(t.name) : t.name;
        LegendRow row{std::to_string(i + 1) + "  " + name, form == LegendForm::Short ? t.name : t.summary, false};
        if (form == LegendForm::Descriptions && !t.summary.empty()) {
            row.text += ": " + t.summary;
            row.tooltip.clear();
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

const char* const* swatchLines(LegendForm form) {
    return form == LegendForm::Descriptions || form == LegendForm::Names ? kLegendLines : kShortLegendLines;
}
bool withNote(const PainState& state, LegendForm form) {
    return state.playing && (form == LegendForm::Descriptions || form == LegendForm::Names);
}

// The size of the legend's content with its text wrapped at `wrap` pixels (as legendBody draws it), the
// text at `scale` times the current font's size (the spacing between items does not scale).
glm::vec2 legendContentSize(const PainField& field, const PainState& state, float wrap, LegendChoice choice) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const LegendForm form = choice.form;
    const float k = choice.scale;
    const float h = ImGui::GetTextLineHeight() * k, swatchW = h * 1.4f + st.ItemSpacing.x;
    float w = 0.0f, y = 0.0f;
    int items = 0;
    auto add = [&](const char* text, float indent, float wrapAt) {
        // Text at k times the size wraps at wrapAt as text at the font's size wraps at wrapAt / k.
        const ImVec2 natural = ImGui::CalcTextSize(text);
        const ImVec2 s = ImGui::CalcTextSize(text, nullptr, false, wrapAt / k);
        w = std::max(w, indent + std::min(natural.x * k, std::max(s.x * k, wrapAt)));
        y += std::max(s.y * k, h);
        ++items;
    };
    ImGui::PushFont(font(FontRole::Bold));
    add("Referred pain", 0.0f, wrap);
    ImGui::PopFont();
    for (int i = 0; i < 3; ++i) add(swatchLines(form)[i], swatchW, wrap - swatchW);
    for (const auto& row : legendRows(field, state, form)) {
        if (row.title) ImGui::PushFont(font(FontRole::Bold));
        add(row.text.c_str(), 0.0f, wrap);
        if (row.title) ImGui::PopFont();
    }
    if (withNote(state, form)) add(kLegendNote, 0.0f, wrap);
    return {w, y + static_cast<float>(items - 1) * st.ItemSpacing.y};
}

// Draws the legend into the current window (its text at the choice's scale from here on).
void legendBody(const PainField& field, const PainState& state, float wrap, LegendChoice choice) {
    const LegendForm form = choice.form;
    ImGui::SetWindowFontScale(choice.scale);
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
        wrapped(swatchLines(form)[i]);
    }
    // The knots by number, as on the X marks, in words.
    for (const auto& row : legendRows(field, state, form)) {
        if (row.title) ImGui::PushFont(font(FontRole::Bold));
        wrapped(row.text.c_str());
        if (row.title) ImGui::PopFont();
        if (!row.tooltip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.tooltip.c_str());
    }
    if (withNote(state, form)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped(kLegendNote);
        ImGui::PopStyleColor();
    }
}

glm::vec2 legendPadding() {
    const ImGuiStyle& st = ImGui::GetStyle();
    return {2.0f * st.WindowPadding.x + 2.0f, 2.0f * st.WindowPadding.y + 2.0f};
}

// The wrap width for a room: at most 20 characters' worth of lines, and inside the room when it is narrow.
float legendWrap(glm::vec2 room, float scale) {
    const float pad = legendPadding().x, font = ImGui::GetFontSize() * scale;
    return std::max(5.0f * font, std::min(20.0f * font, room.x - pad));
}

// The first form that fits the room whole at the UI's text size, else at the first smaller size where one
// does; when none does, the smallest form at the smallest size, and it scrolls.
LegendChoice legendChoice(const PainField& field, const PainState& state, glm::vec2 room) {
    LegendChoice last{LegendForm::Swatches, 1.0f};
    for (const float k : kLegendScales) {
        if (k < 1.0f && ImGui::GetFontSize() * k < kSmallestLegendText) break;
        last.scale = k;
        const float wrap = legendWrap(room, k);
        for (const LegendForm f : kForms)
            if (legendContentSize(field, state, wrap, {f, k}).y + legendPadding().y <= room.y + 0.5f) return {f, k};
    }
    return last;
}
}  // namespace

glm::vec2 painLegendSize(const PainField& field, const PainState& state, glm::vec2 room) {
    if (state.patternsOn.empty()) return {0.0f, 0.0f};
    const LegendChoice choice = legendChoice(field, state, room);
    const glm::vec2 size = legendContentSize(field, state, legendWrap(room, choice.scale), choice) + legendPadding();
    if (size.y <= room.y + 0.5f) return size;
    return {size.x + ImGui::GetStyle().ScrollbarSize, room.y};  // it scrolls
}

void drawPainLegend(const PainField& field, const PainState& state, const Rect& rect, std::vector<DrawnItem>* drawn) {
    if (state.patternsOn.empty() || !rect.valid()) return;
    // The same choice as painLegendSize made for this rectangle.
    const glm::vec2 room = rect.size();
    const LegendChoice choice = legendChoice(field, state, room);
    float wrap = std::min(legendWrap(room, choice.scale), room.x - legendPadding().x);
    // A legend taller than its room scrolls: its text wraps short of the scroll bar.
    if (legendContentSize(field, state, wrap, choice).y + legendPadding().y > room.y + 0.5f)
        wrap = std::min(wrap, room.x - legendPadding().x - ImGui::GetStyle().ScrollbarSize);
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y), ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##painlegend", nullptr, flags)) {
        legendBody(field, state, wrap, choice);
        // For the layout report: a legend cut short (the rest only seen by scrolling), or drawn smaller.
        if (drawn && ImGui::GetScrollMaxY() > 0.0f) drawn->push_back({"painlegend/scrolls", rect});
        if (drawn && choice.scale < 1.0f) drawn->push_back({"painlegend/smaller", rect});
    }
    ImGui::End();
}

void drawPainLegendAt(const PainField& field, const PainState& state, float x, float y, float wrapWidth) {
    if (state.patternsOn.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + x, vp->Pos.y + y), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.9f);
    if (ImGui::Begin("##painlegend", nullptr, kFixed | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoNav))
        legendBody(field, state, wrapWidth, {LegendForm::Descriptions, 1.0f});
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
constexpr const char* kLookupHint = "Click a line to show that pattern.";
}  // namespace

namespace {
// Each line of the lookup: the muscle in bold, then "<trigger point>, <where>" wrapped at `wrap`.
std::string lookupDetail(const LookupLine& l) {
    return l.triggerPoint + ", " + l.kind;
}
float lookupRowHeight(const LookupLine& l, float wrap) {
    ImGui::PushFont(font(FontRole::Bold));
    const float title = ImGui::CalcTextSize(l.muscle.c_str(), nullptr, false, wrap).y;
    ImGui::PopFont();
    const float detail = ImGui::CalcTextSize(lookupDetail(l).c_str(), nullptr, false, wrap).y;
    return title + ImGui::GetStyle().ItemSpacing.y + detail;
}
float lookupChrome() {  // padding, scroll bar and border beside the text
    return 2.0f * ImGui::GetStyle().WindowPadding.x + ImGui::GetStyle().ScrollbarSize + 4.0f;
}
}  // namespace

glm::vec2 painLookupSize(const std::vector<LookupLine>& lines, float maxWidth) {
    if (lines.empty()) return {0.0f, 0.0f};
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushFont(font(FontRole::Bold));
    float w = ImGui::CalcTextSize(kLookupTitle).x + ImGui::GetFrameHeight() + st.ItemSpacing.x;
    float boldW = 0.0f;
    for (const auto& l : lines) boldW = std::max(boldW, ImGui::CalcTextSize(l.muscle.c_str()).x);
    ImGui::PopFont();
    w = std::max(w, boldW);
    for (const auto& l : lines) w = std::max(w, ImGui::CalcTextSize(lookupDetail(l).c_str()).x);
    // Narrower when asked (the text wraps), never below about 12 characters' worth of text.
    const float wrap = std::max(std::min(w, maxWidth - lookupChrome()), 12.0f * ImGui::GetFontSize());
    ImGui::PushFont(font(FontRole::Bold));  // the title wraps beside the close button
    const float titleH =
        ImGui::CalcTextSize(kLookupTitle, nullptr, false, wrap - ImGui::GetFrameHeight() - st.ItemSpacing.x).y;
    ImGui::PopFont();
    float h = std::max(ImGui::GetFrameHeight(), titleH) + st.ItemSpacing.y;
    for (const auto& l : lines) h += lookupRowHeight(l, wrap) + st.ItemSpacing.y * 2.0f;
    h += st.ItemSpacing.y + ImGui::CalcTextSize(kLookupHint, nullptr, false, wrap).y;
    return {wrap + lookupChrome(), h + 2.0f * st.WindowPadding.y + 4.0f};
}

std::optional<std::size_t> drawPainLookup(const std::vector<LookupLine>& lines, const Rect& rect, bool& open) {
    if (!open || lines.empty() || !rect.valid()) return std::nullopt;
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y), ImGuiCond_Always);
    std::optional<std::size_t> chosen;
    if (ImGui::Begin("##painlookup", nullptr, kFixed)) {
        const float wrap = std::max(rect.size().x - lookupChrome(), 1.0f);
        const ImVec2 top = ImGui::GetCursorPos();
        const float closeX = ImGui::GetWindowContentRegionMax().x - ImGui::GetFrameHeight();
        ImGui::SetCursorPos(ImVec2(closeX, top.y));
        if (ImGui::Button("x##close", ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()))) open = false;
        ImGui::SetCursorPos(top);
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::PushTextWrapPos(closeX - ImGui::GetStyle().ItemSpacing.x);
        ImGui::TextUnformatted(kLookupTitle);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::SetCursorPosY(
            std::max(ImGui::GetCursorPosY(), top.y + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const ImVec2 start = ImGui::GetCursorPos();
            const float rowH = lookupRowHeight(lines[i], wrap);
            if (ImGui::Selectable("##row", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0.0f, rowH)))
                chosen = i;
            ImGui::SetCursorPos(start);
            ImGui::PushTextWrapPos(start.x + wrap);
            ImGui::PushFont(font(FontRole::Bold));
            ImGui::TextUnformatted(lines[i].muscle.c_str());
            ImGui::PopFont();
            ImGui::TextUnformatted(lookupDetail(lines[i]).c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopID();
        }
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
        ImGui::TextDisabled("%s", kLookupHint);
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    if (chosen) open = false;
    return chosen;
}

}  // namespace la::ui
