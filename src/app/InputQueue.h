#pragma once
// Key presses and wheel turns as GLFW reports them, kept until the frame handles them.
// ImGui 1.86 samples key state once per frame, so a press and its release inside one frame are lost (a
// presentation clicker's quick tap, or any key while a software renderer takes 100 ms a frame), and it
// clears io.MouseWheel at the end of its frame, before the app's input handling runs. These events are
// kept. Attach before ImGui installs its callbacks; ImGui's backend chains to ours.
#include <vector>

struct GLFWwindow;

namespace la::app {

struct KeyPress {
    int key = 0;   // GLFW_KEY_*
    int mods = 0;  // GLFW_MOD_*
};

class InputQueue {
public:
    InputQueue() = default;
    ~InputQueue();
    InputQueue(const InputQueue&) = delete;
    InputQueue& operator=(const InputQueue&) = delete;

    // Installs the key and scroll callbacks on the window (uses the window's user pointer).
    void attach(GLFWwindow* window);
    // The presses since the last call, oldest first (auto-repeat is not a press).
    std::vector<KeyPress> takeKeys();
    // Vertical wheel steps since the last call (positive = away from the user).
    float takeScroll();

private:
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void onScroll(GLFWwindow* window, double dx, double dy);
    GLFWwindow* window_ = nullptr;
    std::vector<KeyPress> presses_;
    float scroll_ = 0.0f;
};

// Helpers for one frame's presses.
bool wasPressed(const std::vector<KeyPress>& presses, int key);
bool wasPressedWithCtrl(const std::vector<KeyPress>& presses, int key);

}  // namespace la::app
