#include "ui/MainMenu.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // RenderTextEllipsis

#include "core/BarFit.h"
#include "ui/StatusLine.h"

namespace la::ui {

void addRecentFile(UiState& state, const std::string& path, std::size_t maxCount) {
    auto& r = state.recentFiles;
    r.erase(std::remove(r.begin(), r.end(), path), r.end());
    r.insert(r.begin(), path);
    if (r.size() > maxCount) r.resize(maxCount);
}

namespace {
// Presenter mode, its monitor and the text size (View menu).
void drawPresenterMenu(UiState& state, UiActions& actions) {
    ImGui::Separator();
    if (ImGui::MenuItem("Presenter mode", "F5", state.presenter)) actions.togglePresenter = true;
    if (state.monitors.size() > 1 && ImGui::BeginMenu("Presenter monitor")) {
        for (std::size_t i = 0; i < state.monitors.size(); ++i) {
            const std::string label = std::to_string(i + 1) + ". " + state.monitors[i];
            if (ImGui::MenuItem(label.c_str(), nullptr, static_cast<int>(i) == state.presenterMonitor))
                state.presenterMonitor = static_cast<int>(i);
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Text size")) {
        if (ImGui::MenuItem("Larger")) actions.fontScale = state.fontScale * 1.15f;
        if (ImGui::MenuItem("Smaller")) actions.fontScale = state.fontScale / 1.15f;
        if (ImGui::MenuItem("Normal")) actions.fontScale = 1.0f;
        ImGui::EndMenu();
    }
}

void sidebarItem(UiState& state, const char* label, const char* key, SidebarTab tab) {
    const bool shown = state.sidebarOpen && state.sidebarTab == tab;
    if (ImGui::MenuItem(label, key, shown)) toggleSidebarTab(state, tab);
}
}  // namespace

void drawMainMenu(UiState& state, UiActions& actions) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open model...", "Ctrl+O")) state.openDialog.open = true;
        if (ImGui::BeginMenu("Recent files", !state.recentFiles.empty())) {
            for (const auto& f : state.recentFiles)
                if (ImGui::MenuItem(std::filesystem::path(f).filename().string().c_str())) actions.openModel = f;
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Screenshot", "F12")) actions.screenshot = true;
        if (ImGui::MenuItem("Screenshot of the scene only", "Ctrl+F12")) actions.screenshot = false;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) actions.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        const std::pair<const char*, ViewPreset> presets[] = {
            {"Posterior", ViewPreset::Posterior}, {"Anterior", ViewPreset::Anterior}, {"Left", ViewPreset::Left},
            {"Right", ViewPreset::Right},         {"Superior", ViewPreset::Superior}, {"Oblique", ViewPreset::Oblique}};
        int key = 1;
        for (const auto& [label, preset] : presets) {
            const std::string shortcut = std::to_string(key++);
            if (ImGui::MenuItem(label, shortcut.c_str())) actions.viewPreset = preset;
        }
        if (ImGui::BeginMenu("Body position")) {
            for (const Posture p : kAllPostures)
                if (ImGui::MenuItem(std::string(postureLabel(p)).c_str(), nullptr, state.posture == p))
                    actions.posture = p;
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Frame all", "F")) actions.frameAll = true;
        ImGui::Separator();
        ImGui::MenuItem("Sidebar", nullptr, &state.sidebarOpen);
        sidebarItem(state, "Structures", nullptr, SidebarTab::Structures);
        sidebarItem(state, "Referred pain", "P", SidebarTab::Pain);
        sidebarItem(state, "Tours", nullptr, SidebarTab::Tours);
        ImGui::MenuItem("Status bar", nullptr, &state.showStatusBar);
        drawPresenterMenu(state, actions);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys and mouse", "H")) state.showKeys = true;
        ImGui::MenuItem("Debug overlay", "F11", &state.debugOverlay);
        ImGui::Separator();
        if (ImGui::MenuItem("About Lumbar Atlas")) state.showAbout = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

namespace {
constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar;

// A turning arc at the start of the line while work is in progress (it moves with the wall clock,
// redrawn a few times a second).
void drawSpinner() {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 centre(at.x + h * 0.5f, at.y + h * 0.5f);
    const auto start = static_cast<float>(ImGui::GetTime() * 4.0);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PathArcTo(centre, h * 0.36f, start, start + 4.2f, 16);
    draw->PathStroke(ImGui::GetColorU32(ImGuiCol_Text), 0, std::max(1.5f, h * 0.12f));
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
}
}  // namespace

void drawStatusBar(const UiState& state, const StatusInfo& info, const Rect& rect, std::vector<DrawnItem>* drawn) {
    if (!state.showStatusBar || !rect.valid()) return;
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y));
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x * 1.5f, ImGui::GetStyle().FramePadding.y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
    if (ImGui::Begin("##status", nullptr, kBarFlags)) {
        if (!info.loading.empty()) drawSpinner();
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float end = rect.max.x - ImGui::GetStyle().WindowPadding.x;
        const auto forms = statusForms(info);
        std::vector<LineItem> items;
        // The hint at the right end keeps at least a separator's width from the rest.
        const LineFit fit = fitStatusLine(
            info, [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; }, end - start.x, &items);
        const float sep = ImGui::CalcTextSize(kStatusSeparator).x;
        std::string line;
        float x = start.x;
        for (int i = 0; i < kStatusHint; ++i) {
            const int f = fit.form[static_cast<std::size_t>(i)];
            if (f < 0) continue;
            if (!line.empty()) {
                line += kStatusSeparator;
                x += sep;
            }
            const std::string& t = forms[static_cast<std::size_t>(i)][static_cast<std::size_t>(f)];
            line += t;
            const float w = items[static_cast<std::size_t>(i)].forms[static_cast<std::size_t>(f)];
            if (drawn)
                drawn->push_back({std::string("status/") + statusItemName(i),
                                  Rect::fromPosSize({x, start.y}, {std::min(w, std::max(end - x, 0.0f)),
                                                                   ImGui::GetTextLineHeight()})});
            x += w;
        }
        if (fit.fits) {
            ImGui::TextUnformatted(line.c_str());
        } else {  // what is left is cut with "..." at the bar's end, never mid-letter at the window's edge
            const ImVec2 size = ImGui::CalcTextSize(line.c_str());
            ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), start, ImVec2(end, start.y + size.y), end, end,
                                      line.c_str(), nullptr, &size);
            ImGui::Dummy(ImVec2(std::max(end - start.x, 0.0f), size.y));
            if (drawn) drawn->push_back({"status/elided", Rect{{start.x, start.y}, {end, start.y + size.y}}});
        }
        if (fit.form[kStatusHint] == 0) {
            const float w = items[kStatusHint].forms[0];
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
            ImGui::TextDisabled("%s", forms[kStatusHint][0].c_str());
            if (drawn)
                drawn->push_back(
                    {"status/hint", Rect::fromPosSize({end - w, start.y}, {w, ImGui::GetTextLineHeight()})});
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

namespace {
// Notices ("Screenshot saved: ...") go by themselves, so that they do not sit in front of a patient or in
// the next screenshot; errors stay until dismissed.
constexpr double kNoticeSeconds = 5.0;
constexpr std::size_t kMaxShown = 2000;  // characters of a message drawn (ImGui's 16-bit indices)
}  // namespace

glm::vec2 messageSize(UiState& state) {
    if (state.message.empty()) return {0.0f, 0.0f};
    if (state.message != state.messageShown) {
        state.messageShown = state.message;
        state.messageSince = ImGui::GetTime();
    }
    if (!state.messageIsError && ImGui::GetTime() - state.messageSince > kNoticeSeconds) {
        state.message.clear();
        return {0.0f, 0.0f};
    }
    const ImGuiStyle& st = ImGui::GetStyle();
    const float wrap = ImGui::GetIO().DisplaySize.x * 0.6f;
    const std::string& m = state.message;
    const ImVec2 text = ImGui::CalcTextSize(m.c_str(), m.c_str() + std::min(m.size(), kMaxShown), false, wrap);
    const float button = ImGui::CalcTextSize("OK").x + 2.0f * st.FramePadding.x;
    // drawMessage wraps at the same width (text.x) and starts the text FramePadding.y down (it is aligned
    // with the button), so every wrapped line measured here has room.
    return {text.x + st.ItemSpacing.x + button + 2.0f * st.WindowPadding.x + 2.0f,
            std::max(text.y + 2.0f * st.FramePadding.y, ImGui::GetFrameHeight()) + 2.0f * st.WindowPadding.y + 2.0f};
}

void drawMessage(UiState& state, const Rect& rect) {
    if (state.message.empty() || !rect.valid()) return;
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y), ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##message", nullptr, flags)) {
        ImGui::PushStyleColor(ImGuiCol_Text,
                              state.messageIsError ? ImVec4(0.70f, 0.10f, 0.08f, 1) : ImVec4(0.1f, 0.35f, 0.15f, 1));
        const float button = ImGui::CalcTextSize("OK").x + 2.0f * ImGui::GetStyle().FramePadding.x;
        // The wrap position is in window coordinates: from the text's start, the width left beside the button.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - button -
                               ImGui::GetStyle().ItemSpacing.x);
        ImGui::AlignTextToFramePadding();
        // Messages are one line, but may quote a long name from a file: never more than ImGui draws in one call.
        const std::string& m = state.message;
        ImGui::TextUnformatted(m.c_str(), m.c_str() + std::min(m.size(), kMaxShown));
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button);
        if (ImGui::Button("OK")) state.message.clear();
    }
    ImGui::End();
}

void drawDebugOverlay(const StatusInfo& info, const Rect& view, float scale) {
    char text[128];
    std::snprintf(text, sizeof text, "%.1f ms a frame  |  %zu triangles  |  scale %.2f",
                  static_cast<double>(info.frameMs), info.triangles, static_cast<double>(scale));
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 pos(view.max.x - size.x - 8.0f * scale, view.min.y + 4.0f * scale);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(ImVec2(pos.x - 4, pos.y - 2), ImVec2(pos.x + size.x + 4, pos.y + size.y + 2),
                      IM_COL32(0, 0, 0, 170));
    dl->AddText(pos, IM_COL32(255, 255, 255, 255), text);
}

}  // namespace la::ui
