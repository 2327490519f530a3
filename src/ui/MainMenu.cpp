#include "ui/MainMenu.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <imgui.h>

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
        ImGui::Separator();
        if (ImGui::MenuItem("Frame all", "F")) actions.frameAll = true;
        ImGui::MenuItem("Structures panel", nullptr, &state.scene.showStructures);
        ImGui::MenuItem("Referred pain panel", "P", &state.showPainPanel);
        ImGui::MenuItem("Status bar", nullptr, &state.showStatusBar);
        ImGui::MenuItem("Tours panel", nullptr, &state.showTours);
        drawPresenterMenu(state, actions);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void drawStatusBar(const UiState& state, const StatusInfo& info) {
    if (!state.showStatusBar) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##status", nullptr, flags)) {
        ImGui::Text("%s   |   %zu triangles   |   %.1f ms", info.modelName.c_str(), info.triangles,
                    static_cast<double>(info.frameMs));
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

namespace {
bool isModelFile(const std::filesystem::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e == ".gltf" || e == ".glb" || e == ".obj" || e == ".fbx" || e == ".stl" || e == ".dae" || e == ".ply";
}
}  // namespace

void drawOpenDialog(UiState& state, UiActions& actions) {
    auto& d = state.openDialog;
    if (!d.open) return;
    namespace fs = std::filesystem;
    std::error_code ec;
    if (d.directory.empty()) d.directory = fs::current_path(ec).string();
    ImGui::SetNextWindowSize(ImVec2(620, 460), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Open model", &d.open)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("Folder: %s", d.directory.c_str());
    if (ImGui::Button("Up")) d.directory = fs::path(d.directory).parent_path().string();
    ImGui::BeginChild("##files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 2), true);
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(d.directory, fs::directory_options::skip_permission_denied, ec))
        if (e.is_directory(ec) || isModelFile(e.path())) entries.push_back(e);
    std::sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
        if (a.is_directory(ec) != b.is_directory(ec)) return a.is_directory(ec);
        return a.path().filename() < b.path().filename();
    });
    for (const auto& e : entries) {
        const bool dir = e.is_directory(ec);
        const std::string label = (dir ? "[dir] " : "") + e.path().filename().string();
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (dir) {
                d.directory = e.path().string();
            } else {
                std::snprintf(d.pathBuffer, sizeof d.pathBuffer, "%s", e.path().string().c_str());
                if (ImGui::IsMouseDoubleClicked(0)) {
                    actions.openModel = e.path().string();
                    d.open = false;
                }
            }
        }
    }
    ImGui::EndChild();
    ImGui::SetNextItemWidth(-120);
    const bool enter =
        ImGui::InputText("##path", d.pathBuffer, sizeof d.pathBuffer, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Open", ImVec2(100, 0)) || enter) && d.pathBuffer[0]) {
        actions.openModel = std::string(d.pathBuffer);
        d.open = false;
    }
    ImGui::End();
}

void drawMessage(UiState& state) {
    if (state.message.empty()) return;
    if (state.message != state.messageShown) {
        state.messageShown = state.message;
        state.messageSince = ImGui::GetTime();
    }
    // Notices ("Screenshot saved: ...") go by themselves, so that they do not sit in front of a patient or in
    // the next screenshot; errors stay until dismissed.
    constexpr double kNoticeSeconds = 5.0;
    if (!state.messageIsError && ImGui::GetTime() - state.messageSince > kNoticeSeconds) {
        state.message.clear();
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + ImGui::GetFrameHeight() * 1.6f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("##message", nullptr, flags)) {
        ImGui::PushStyleColor(ImGuiCol_Text,
                              state.messageIsError ? ImVec4(0.85f, 0.15f, 0.1f, 1) : ImVec4(0.1f, 0.35f, 0.15f, 1));
        ImGui::PushTextWrapPos(vp->Size.x * 0.6f);
        // Messages are one line, but may quote a long name from a file: never more than ImGui draws in one call.
        constexpr std::size_t kMaxShown = 2000;
        const std::string& m = state.message;
        ImGui::TextUnformatted(m.c_str(), m.c_str() + std::min(m.size(), kMaxShown));
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton("OK")) state.message.clear();
    }
    ImGui::End();
}

}  // namespace la::ui
