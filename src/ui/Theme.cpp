#include "ui/Theme.h"

#include <filesystem>
#include <fontconfig/fontconfig.h>

#include <imgui.h>

namespace la::ui {

void applyTheme(const UiMetrics& m) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    s.WindowPadding = ImVec2(m.windowPadding.x, m.windowPadding.y);
    s.FramePadding = ImVec2(m.framePadding.x, m.framePadding.y);
    s.ItemSpacing = ImVec2(m.itemSpacing.x, m.itemSpacing.y);
    s.ItemInnerSpacing = ImVec2(6.0f * m.scale, 4.0f * m.scale);
    s.IndentSpacing = 16.0f * m.scale;
    s.ScrollbarSize = 14.0f * m.scale;
    s.GrabMinSize = 12.0f * m.scale;
    s.WindowRounding = 6.0f * m.scale;
    s.ChildRounding = 4.0f * m.scale;
    s.FrameRounding = 4.0f * m.scale;
    s.PopupRounding = 4.0f * m.scale;
    s.GrabRounding = 4.0f * m.scale;
    s.TabRounding = 4.0f * m.scale;
    s.ScrollbarRounding = 6.0f * m.scale;
    // Borders one device pixel or more: a check box, text field or slider shows its outline on white.
    const float line = std::max(1.0f, std::floor(m.scale));
    s.WindowBorderSize = line;
    s.FrameBorderSize = line;
    s.PopupBorderSize = line;
    s.ChildBorderSize = line;
    s.TabBorderSize = line;
    s.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    s.DisplaySafeAreaPadding = ImVec2(0.0f, 0.0f);
    s.WindowMinSize = ImVec2(4.0f, 4.0f);  // the layout sizes every window; a bar is one frame high

    ImVec4* c = s.Colors;
    const ImVec4 ink(0.13f, 0.15f, 0.17f, 1.0f);
    const ImVec4 accent(0.16f, 0.38f, 0.52f, 1.0f);  // slate blue: calm, and apart from the red of pain
    const auto mix = [](ImVec4 a, float t) { return ImVec4(a.x, a.y, a.z, t); };
    c[ImGuiCol_Text] = ink;
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.44f, 0.46f, 1.0f);  // still 4.5:1 on the window colour
    c[ImGuiCol_WindowBg] = ImVec4(0.975f, 0.972f, 0.965f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.62f, 0.63f, 0.65f, 1.0f);
    c[ImGuiCol_BorderShadow] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.90f, 0.94f, 0.97f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.82f, 0.89f, 0.94f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.90f, 0.90f, 0.89f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.86f, 0.88f, 0.90f, 1.0f);
    c[ImGuiCol_TitleBgCollapsed] = c[ImGuiCol_TitleBg];
    c[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.93f, 0.92f, 1.0f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0.94f, 0.94f, 0.93f, 1.0f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.70f, 0.71f, 0.72f, 1.0f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = mix(accent, 0.85f);
    c[ImGuiCol_SliderGrabActive] = accent;
    c[ImGuiCol_Button] = ImVec4(0.91f, 0.92f, 0.93f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.84f, 0.89f, 0.93f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.74f, 0.83f, 0.90f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.84f, 0.89f, 0.93f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.88f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.76f, 0.85f, 0.91f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.80f, 0.80f, 0.80f, 1.0f);
    c[ImGuiCol_Tab] = ImVec4(0.90f, 0.90f, 0.89f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.88f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_TabActive] = ImVec4(0.975f, 0.972f, 0.965f, 1.0f);
    c[ImGuiCol_TabUnfocused] = c[ImGuiCol_Tab];
    c[ImGuiCol_TabUnfocusedActive] = c[ImGuiCol_TabActive];
    c[ImGuiCol_NavHighlight] = accent;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.10f, 0.11f, 0.12f, 0.45f);
    c[ImGuiCol_TextSelectedBg] = mix(accent, 0.30f);
}

namespace {
std::string fontconfigMatch(const char* pattern) {
    std::string out;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return out;
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
    if (pat) {
        FcConfigSubstitute(config, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult result = FcResultNoMatch;
        if (FcPattern* match = FcFontMatch(config, pat, &result)) {
            FcChar8* file = nullptr;
            // ImGui reads TrueType and OpenType files; Type 1 or bitmap fonts would not load.
            if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
                const std::string path = reinterpret_cast<const char*>(file);
                const std::string ext = std::filesystem::path(path).extension().string();
                if (ext == ".ttf" || ext == ".otf" || ext == ".TTF" || ext == ".OTF") out = path;
            }
            FcPatternDestroy(match);
        }
        FcPatternDestroy(pat);
    }
    FcConfigDestroy(config);
    return out;
}

std::string existing(const char* path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec) ? std::string(path) : std::string();
}
}  // namespace

FontFiles findSansFonts() {
    FontFiles f;
    f.regular = fontconfigMatch("sans-serif:style=Regular");
    f.bold = fontconfigMatch("sans-serif:weight=bold");
    f.italic = fontconfigMatch("sans-serif:slant=italic");
    const char* dejavu = "/usr/share/fonts/truetype/dejavu/";
    if (f.regular.empty()) f.regular = existing((std::string(dejavu) + "DejaVuSans.ttf").c_str());
    if (f.bold.empty() || f.bold == f.regular) f.bold = existing((std::string(dejavu) + "DejaVuSans-Bold.ttf").c_str());
    if (f.italic.empty() || f.italic == f.regular)
        f.italic = existing((std::string(dejavu) + "DejaVuSans-Oblique.ttf").c_str());
    return f;
}

void loadFonts(const FontFiles& files, float pixels) {
    loadFonts(*ImGui::GetIO().Fonts, files, pixels);
}

void loadFonts(ImFontAtlas& atlas, const FontFiles& files, float pixels) {
    ImFontAtlas* fonts = &atlas;
    fonts->Clear();
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    // Latin with its supplement and extensions, general punctuation and arrows: the articles use en and
    // em dashes, curly quotes and the ellipsis, which ImGui's default range (up to U+00FF) draws as '?'.
    static const ImWchar kRanges[] = {0x0020, 0x024F, 0x2010, 0x205E, 0x2190, 0x21FF, 0};
    cfg.GlyphRanges = kRanges;
    ImFont* regular = files.regular.empty() ? nullptr : fonts->AddFontFromFileTTF(files.regular.c_str(), pixels, &cfg);
    if (!regular) {
        ImFontConfig def;
        def.SizePixels = pixels;
        fonts->AddFontDefault(&def);
    }
    // The order is ui::FontRole's: regular, bold, title (large bold), italic. Missing faces fall back.
    if (regular && !files.bold.empty()) {
        fonts->AddFontFromFileTTF(files.bold.c_str(), pixels, &cfg);
        fonts->AddFontFromFileTTF(files.bold.c_str(), pixels * 1.3f, &cfg);
        if (!files.italic.empty()) fonts->AddFontFromFileTTF(files.italic.c_str(), pixels, &cfg);
    }
    fonts->Build();
}

}  // namespace la::ui
