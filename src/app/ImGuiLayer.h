#pragma once
// ImGui context with the GLFW and OpenGL 3 backends and a real TTF font, owned RAII.
struct GLFWwindow;

namespace la::app {

class ImGuiLayer {
public:
    // installCallbacks=false for headless rendering (no input).
    ImGuiLayer(GLFWwindow* window, float contentScale, bool installCallbacks);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    // Rebuilds the font atlas at basePixels * scale (crisp text at any size).
    void setFontScale(float scale);
    void newFrame(int displayWidth, int displayHeight);  // display size overrides the window's (offscreen)
    void render();

private:
    void buildFonts(float pixels);
    float contentScale_ = 1.0f;
};

}  // namespace la::app
