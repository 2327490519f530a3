#pragma once
// Key presses as GLFW reports them, kept until the frame handles them.
// ImGui 1.86 samples key state once per frame, so a press and its release inside one frame are lost:
// a presentation clicker's quick tap, or any key while a software renderer takes 100 ms a frame. These
// events are not. Attach before ImGui installs its callbacks; ImGui's backend chains to ours.
#include <vector>

struct GLFWwindow;

namespace la::app {

struct KeyPress {
    int key = 0;   // GLFW_KEY_*
    int mods = 0;  // GLFW_MOD_*
};

class KeyQueue {
public:
    KeyQueue() = default;
    ~KeyQueue();
    KeyQueue(const KeyQueue&) = delete;
    KeyQueue& operator=(const KeyQueue&) = delete;

    // Installs the key callback on the window (uses the window's user pointer).
    void attach(GLFWwindow* window);
    // The presses since the last call, oldest first (auto-repeat is not a press).
    std::vector<KeyPress> take();

private:
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    GLFWwindow* window_ = nullptr;
    std::vector<KeyPress> presses_;
};

// Helpers for one frame's presses.
bool wasPressed(const std::vector<KeyPress>& presses, int key);
bool wasPressedWithCtrl(const std::vector<KeyPress>& presses, int key);

}  // namespace la::app
