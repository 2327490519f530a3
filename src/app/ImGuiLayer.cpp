#include "app/ImGuiLayer.h"

#include <filesystem>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "core/InputFeed.h"

namespace la::app {

namespace {
// Debian's font packages; ImGui's built-in font when none is installed.
const char* const kFontCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
};
const char* const kBoldCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
};
const char* const kItalicCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Italic.ttf",
};
const char* firstExisting(const char* const* list, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (std::filesystem::exists(list[i])) return list[i];
    return nullptr;
}

void clinicalStyle() {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 6.0f;
    s.FrameRounding = 4.0f;
    s.GrabRounding = 4.0f;
    s.WindowBorderSize = 1.0f;
    s.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 0.96f);
    s.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.55f, 0.16f, 0.13f, 1.0f);
    s.Colors[ImGuiCol_TitleBg] = ImVec4(0.70f, 0.45f, 0.42f, 1.0f);
    s.Colors[ImGuiCol_Header] = ImVec4(0.85f, 0.62f, 0.58f, 0.55f);
    s.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.85f, 0.55f, 0.50f, 0.80f);
    s.Colors[ImGuiCol_CheckMark] = ImVec4(0.55f, 0.16f, 0.13f, 1.0f);
}
}  // namespace

ImGuiLayer::ImGuiLayer(GLFWwindow* window, float contentScale, bool installCallbacks) : contentScale_(contentScale) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout comes from our settings, not imgui.ini in the working folder
    // Tab, arrows, Space and Enter work the panels. Navigation does not claim the keyboard by itself: the
    // app's keys (clicker arrows) stay the app's until the user starts navigating (App::imguiWantsKeys).
    if (installCallbacks) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavNoCaptureKeyboard;
    clinicalStyle();
    ImGui::GetStyle().ScaleAllSizes(contentScale_);
    if (window) ImGui_ImplGlfw_InitForOpenGL(window, installCallbacks);
    withGlfw_ = window != nullptr;
    ImGui_ImplOpenGL3_Init("#version 330 core");
    buildFonts(17.0f * contentScale_);
}

ImGuiLayer::~ImGuiLayer() {
    ImGui_ImplOpenGL3_Shutdown();
    if (withGlfw_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiLayer::buildFonts(float pixels) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const char* regular = firstExisting(kFontCandidates, std::size(kFontCandidates));
    const char* bold = firstExisting(kBoldCandidates, std::size(kBoldCandidates));
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    // Latin with its supplement and extensions, and general punctuation: the articles use en and em dashes,
    // curly quotes and the ellipsis, which ImGui's default range (up to U+00FF) would draw as '?'.
    static const ImWchar kRanges[] = {0x0020, 0x024F, 0x2010, 0x205E, 0x2190, 0x21FF, 0};
    cfg.GlyphRanges = kRanges;
    if (!regular || !io.Fonts->AddFontFromFileTTF(regular, pixels, &cfg)) {
        ImFontConfig def;
        def.SizePixels = pixels;
        io.Fonts->AddFontDefault(&def);
    }
    // The order is ui::FontRole's: regular, bold, title (large bold), italic. Missing faces fall back.
    const char* italic = firstExisting(kItalicCandidates, std::size(kItalicCandidates));
    if (bold && regular) {
        io.Fonts->AddFontFromFileTTF(bold, pixels, &cfg);
        io.Fonts->AddFontFromFileTTF(bold, pixels * 1.3f, &cfg);
        if (italic) io.Fonts->AddFontFromFileTTF(italic, pixels, &cfg);
    }
    io.Fonts->Build();
}

void ImGuiLayer::setFontScale(float scale) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    buildFonts(17.0f * contentScale_ * scale);
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiLayer::newFrame(int displayWidth, int displayHeight, const InputFeed* feed, FedFrame* frame) {
    ImGui_ImplOpenGL3_NewFrame();
    if (withGlfw_) ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (feed) {
        for (int i = 0; i < IM_ARRAYSIZE(io.MouseDown); ++i) io.MouseDown[i] = feed->buttonDown(i);
        for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k) io.KeysDown[k] = feed->keyDown(k);
        io.KeyCtrl = feed->keyDown(GLFW_KEY_LEFT_CONTROL) || feed->keyDown(GLFW_KEY_RIGHT_CONTROL);
        io.KeyShift = feed->keyDown(GLFW_KEY_LEFT_SHIFT) || feed->keyDown(GLFW_KEY_RIGHT_SHIFT);
        io.KeyAlt = feed->keyDown(GLFW_KEY_LEFT_ALT) || feed->keyDown(GLFW_KEY_RIGHT_ALT);
        io.KeySuper = feed->keyDown(GLFW_KEY_LEFT_SUPER) || feed->keyDown(GLFW_KEY_RIGHT_SUPER);
    }
    if (frame) {
        for (unsigned c : frame->chars) io.AddInputCharacter(c);
        frame->chars.clear();
        if (frame->mousePos) io.MousePos = ImVec2(frame->mousePos->x, frame->mousePos->y);
    }
    if (!withGlfw_) io.DeltaTime = 1.0f / 60.0f;  // no window backend to measure it; stills do not animate UI
    if (displayWidth > 0 && displayHeight > 0) {
        io.DisplaySize = ImVec2(static_cast<float>(displayWidth), static_cast<float>(displayHeight));
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
}

void ImGuiLayer::render() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace la::app
