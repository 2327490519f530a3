#include "ui/Dialogs.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <imgui.h>

#include "core/ModelFiles.h"
#include "la_version.h"
#include "ui/Fonts.h"

namespace la::ui {

const std::vector<KeyRow>& keyRows() {
    static const std::vector<KeyRow> rows = {
        {"H, F1", "this sheet of keys and mouse"},
        {"Esc", "close a dialog, the lookup or the debug overlay; else leave presenter mode; else clear the selection"},
        {"1 ... 6", "posterior, anterior, left, right, superior, oblique view"},
        {"F", "frame all"},
        {"P", "Referred pain tab of the sidebar (with a tour open: previous step)"},
        {"Ctrl+O", "open a model (or drop a file on the window)"},
        {"F5", "presenter mode on / off"},
        {"Right, Page Down, Space, Enter, N", "next tour step"},
        {"Left, Page Up, Backspace, P", "previous tour step"},
        {"Home, End", "first, last tour step (Home without a tour: the start view)"},
        {"B or .  /  W", "presenter mode: black / white screen (press again to show the view)"},
        {"F12 / Ctrl+F12", "screenshot with the panels / of the scene only"},
        {"F11", "debug overlay (frame time)"},
        {"Ctrl+Q", "quit"},
    };
    return rows;
}

const std::vector<KeyRow>& mouseRows() {
    static const std::vector<KeyRow> rows = {
        {"Left drag", "orbit around the body"},
        {"Right or middle drag, Shift + left drag", "pan"},
        {"Wheel", "zoom towards the cursor"},
        {"Click", "select the structure under the cursor (the skin is clicked through)"},
        {"Click with pain shown", "also: which muscles can send pain to that spot"},
        {"Eye button in Structures", "shown, x-ray, hidden (click to cycle)"},
    };
    return rows;
}

bool isModelFile(const std::filesystem::path& p) {
    return la::isModelFile(p.string());
}

std::vector<DirEntry> listModelFolder(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::vector<DirEntry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        const bool d = it->is_directory(e2);
        if (d || isModelFile(it->path())) out.push_back({name, d});
    }
    std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) {
        if (a.directory != b.directory) return a.directory;
        return a.name < b.name;
    });
    return out;
}

std::string startFolder(const std::vector<std::string>& recentFiles, const char* home) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& f : recentFiles) {
        const fs::path dir = fs::absolute(fs::path(f), ec).parent_path();
        if (!ec && fs::is_directory(dir, ec)) return dir.string();
    }
    if (home && *home && fs::is_directory(home, ec)) return home;
    return fs::current_path(ec).string();
}

namespace {

enum class Which { None, Open, Keys, About };

Which topDialog(const UiState& s) {
    if (s.showAbout) return Which::About;
    if (s.showKeys) return Which::Keys;
    if (s.openDialog.open) return Which::Open;
    return Which::None;
}

bool escPressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

// A modal popup in `rect` that follows `open`: opened when it turns true, closed (with Esc, its close
// button, or from outside) when false. True while it is to be drawn; then call ImGui::EndPopup().
bool beginModal(const char* name, bool& open, const Rect& rect) {
    const bool isOpen = ImGui::IsPopupOpen(name);
    if (open && !isOpen) ImGui::OpenPopup(name);
    if (!open && !isOpen) return false;
    ImGui::SetNextWindowPos(ImVec2(rect.min.x, rect.min.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(rect.size().x, rect.size().y), ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
    if (!ImGui::BeginPopupModal(name, &open, flags)) {
        open = false;
        return false;
    }
    if (!open || escPressed()) {
        open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return false;
    }
    return true;
}

void keyTable(const char* id, const std::vector<KeyRow>& rows) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthStretch, 0.4f);
    ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch, 0.6f);
    for (const auto& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushFont(font(FontRole::Bold));
        ImGui::TextWrapped("%s", r.keys);
        ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.action);
    }
    ImGui::EndTable();
}

void drawKeys(UiState& s, const Rect& rect) {
    if (!beginModal("Keys and mouse", s.showKeys, rect)) return;
    ImGui::BeginChild("##keys", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false);
    ImGui::PushFont(font(FontRole::Title));
    ImGui::TextUnformatted("Mouse");
    ImGui::PopFont();
    keyTable("##mouse", mouseRows());
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Title));
    ImGui::TextUnformatted("Keys");
    ImGui::PopFont();
    keyTable("##keytable", keyRows());
    ImGui::EndChild();
    if (ImGui::Button("Close")) {
        s.showKeys = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawAbout(UiState& s, const Rect& rect) {
    if (!beginModal("About Lumbar Atlas", s.showAbout, rect)) return;
    ImGui::BeginChild("##about", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false);
    ImGui::PushFont(font(FontRole::Title));
    ImGui::Text("Lumbar Atlas %s", LA_VERSION_STRING);
    ImGui::PopFont();
    ImGui::TextWrapped(
        "A 3D atlas of the lower back for massage therapists, physiotherapists, students and their "
        "patients: the muscles, bones and referred-pain patterns of the lumbar region.");
    ImGui::Spacing();
    ImGui::TextWrapped(
        "Licence: the program's code is free software under the MIT licence; the bundled content and model "
        "are CC BY-SA 4.0 (see LICENSE and CREDITS.md).");
    ImGui::Spacing();
    ImGui::PushFont(font(FontRole::Bold));
    ImGui::TextUnformatted("Sources of the data");
    ImGui::PopFont();
    ImGui::Bullet();
    ImGui::TextWrapped(
        "BodyParts3D reference figures, (c) The Database Center for Life Science (DBCLS), CC BY-SA 2.1 JP: "
        "the bundled model's shapes are fitted to silhouettes and sections measured from it. The model is "
        "generated by our own tool and contains no BodyParts3D file.");
    ImGui::Bullet();
    ImGui::TextWrapped(
        "Trigger points and referred-pain zones: Travell & Simons, Myofascial Pain and Dysfunction: The "
        "Trigger Point Manual, redrawn as our own outlines.");
    ImGui::Bullet();
    ImGui::TextWrapped(
        "What massage can and cannot do: Furlan et al. 2015, Massage for low-back pain, a Cochrane review.");
    ImGui::Spacing();
    ImGui::TextDisabled("For education; not a diagnosis.");
    ImGui::EndChild();
    if (ImGui::Button("Close")) {
        s.showAbout = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void drawOpen(UiState& state, UiActions& actions, const Rect& rect) {
    auto& d = state.openDialog;
    namespace fs = std::filesystem;
    if (d.open && d.directory.empty()) d.directory = startFolder(state.recentFiles, std::getenv("HOME"));
    if (!beginModal("Open model", d.open, rect)) return;
    ImGui::TextWrapped("Folder: %s", d.directory.c_str());
    if (ImGui::Button("Up")) d.directory = fs::path(d.directory).parent_path().string();
    ImGui::SameLine();
    if (ImGui::Button("Home"))
        if (const char* home = std::getenv("HOME")) d.directory = home;
    ImGui::SameLine();
    ImGui::TextDisabled("glTF, GLB, OBJ, FBX, STL, DAE, PLY");
    ImGui::BeginChild("##files", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.2f), true);
    const auto entries = listModelFolder(d.directory);
    if (entries.empty()) ImGui::TextDisabled("No model files or folders here.");
    for (const auto& e : entries) {
        const std::string label = (e.directory ? "[folder] " : "") + e.name;
        const fs::path full = fs::path(d.directory) / e.name;
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.directory) {
                d.directory = full.string();
            } else {
                std::snprintf(d.pathBuffer, sizeof d.pathBuffer, "%s", full.string().c_str());
                if (ImGui::IsMouseDoubleClicked(0)) {
                    actions.openModel = full.string();
                    d.open = false;
                }
            }
        }
    }
    ImGui::EndChild();
    const float buttons = ImGui::CalcTextSize("Open").x + ImGui::CalcTextSize("Cancel").x +
                          4.0f * ImGui::GetStyle().FramePadding.x + 2.0f * ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(-buttons);
    const bool enter =
        ImGui::InputText("##path", d.pathBuffer, sizeof d.pathBuffer, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Open") || enter) && d.pathBuffer[0]) {
        actions.openModel = std::string(d.pathBuffer);
        d.open = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) d.open = false;
    if (!d.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

glm::vec2 dialogSize(const UiState& state) {
    const float em = ImGui::GetFontSize();
    switch (topDialog(state)) {
        case Which::Open:
            return {40.0f * em, 28.0f * em};
        case Which::Keys:
            return {42.0f * em, 40.0f * em};
        case Which::About:
            return {34.0f * em, 26.0f * em};
        default:
            return {0.0f, 0.0f};
    }
}

void drawDialogs(UiState& state, UiActions& actions, const Rect& rect) {
    // One at a time, the top-most; the others wait behind it (About from the key sheet, say).
    switch (topDialog(state)) {
        case Which::About:
            drawAbout(state, rect);
            break;
        case Which::Keys:
            drawKeys(state, rect);
            break;
        case Which::Open:
            drawOpen(state, actions, rect);
            break;
        default:
            break;
    }
    // A dialog closed from outside (Esc handled by the app) closes its popup too.
    if (!state.openDialog.open && ImGui::IsPopupOpen("Open model")) drawOpen(state, actions, rect);
    if (!state.showKeys && ImGui::IsPopupOpen("Keys and mouse")) drawKeys(state, rect);
    if (!state.showAbout && ImGui::IsPopupOpen("About Lumbar Atlas")) drawAbout(state, rect);
}

}  // namespace la::ui
