#pragma once
// ImGui context with the GLFW and OpenGL 3 backends and a real TTF font, owned RAII.
struct GLFWwindow;

namespace la {
class InputFeed;
struct FedFrame;
}  // namespace la

namespace la::app {

class ImGuiLayer {
public:
    // installCallbacks=false for headless rendering (no input); window may be null (no window at all: a
    // surfaceless context), then the caller gives the display size to newFrame.
    ImGuiLayer(GLFWwindow* window, float contentScale, bool installCallbacks);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    // Rebuilds the font atlas at basePixels * scale (crisp text at any size).
    void setFontScale(float scale);
    // display size overrides the window's (offscreen). With a feed (the window), ImGui's keys and mouse
    // buttons come from it instead of GLFW's polled state, with the frame's characters and the position
    // of its last click (see InputQueue.h); the characters are taken, so a second frame does not repeat them.
    void newFrame(int displayWidth, int displayHeight, const InputFeed* feed = nullptr, FedFrame* frame = nullptr);
    void render();

private:
    void buildFonts(float pixels);
    float contentScale_ = 1.0f;
    bool withGlfw_ = false;
};

}  // namespace la::app
