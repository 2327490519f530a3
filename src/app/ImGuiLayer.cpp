#include "app/ImGuiLayer.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "core/InputFeed.h"
#include "core/ScreenLayout.h"

namespace la::app {

PreparedFonts ImGuiLayer::prepareFonts(float scale) {
    PreparedFonts p;
    p.files = ui::findSansFonts();
    p.atlas = std::make_unique<ImFontAtlas>();
    ui::loadFonts(*p.atlas, p.files, uiMetrics(scale).font);
    p.scale = scale;
    return p;
}

ImGuiLayer::ImGuiLayer(GLFWwindow* window, float contentScale, bool installCallbacks, PreparedFonts prepared,
                       float fontScale)
    : contentScale_(contentScale), fontScale_(fontScale) {
    IMGUI_CHECKVERSION();
    const bool usePrepared = prepared.atlas && prepared.scale == contentScale_ * fontScale_;
    if (usePrepared) atlas_ = std::move(prepared.atlas);
    ImGui::CreateContext(atlas_.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout comes from our settings, not imgui.ini in the working folder
    // Tab, arrows, Space and Enter work the panels. Navigation does not claim the keyboard by itself: the
    // app's keys (clicker arrows) stay the app's until the user starts navigating (App::imguiWantsKeys).
    if (installCallbacks) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavNoCaptureKeyboard;
    if (window) ImGui_ImplGlfw_InitForOpenGL(window, installCallbacks);
    withGlfw_ = window != nullptr;
    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (usePrepared) {
        fonts_ = std::move(prepared.files);
        ui::applyTheme(uiMetrics(contentScale_ * fontScale_));
    } else {
        fonts_ = prepared.atlas ? std::move(prepared.files) : ui::findSansFonts();
        rebuild();
    }
}

ImGuiLayer::~ImGuiLayer() {
    ImGui_ImplOpenGL3_Shutdown();
    if (withGlfw_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiLayer::rebuild() {
    const float scale = contentScale_ * fontScale_;
    ui::applyTheme(uiMetrics(scale));
    ui::loadFonts(fonts_, uiMetrics(scale).font);
}

void ImGuiLayer::setFontScale(float scale) {
    if (scale == fontScale_) return;
    fontScale_ = scale;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    rebuild();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiLayer::setContentScale(float scale) {
    if (scale == contentScale_) return;
    contentScale_ = scale;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    rebuild();
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
