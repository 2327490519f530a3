#pragma once
// Key presses, mouse buttons and wheel turns as GLFW reports them, kept until the frame handles them.
// ImGui 1.86 samples key state once per frame, so a press and its release inside one frame are lost (a
// presentation clicker's quick tap, or any key while a software renderer takes 100 ms a frame), and it
// clears io.MouseWheel at the end of its frame, before the app's input handling runs. Its mouse position
// is unknown (-FLT_MAX) in a frame where the window has neither focus nor a cursor-enter event, which
// happens after a full-screen switch; a button event here carries the cursor position GLFW reported with
// it. These events are kept. Attach before ImGui installs its callbacks; ImGui's backend chains to ours.
#include <vector>

struct GLFWwindow;

namespace la::app {

struct KeyPress {
    int key = 0;   // GLFW_KEY_*
    int mods = 0;  // GLFW_MOD_*
};

struct MouseButtonEvent {
    int button = 0;      // GLFW_MOUSE_BUTTON_*
    bool press = false;  // press, else release
    int mods = 0;        // GLFW_MOD_*
    float x = 0.0f;      // cursor position in window coordinates (screen points, origin top left)
    float y = 0.0f;
};

class InputQueue {
public:
    InputQueue() = default;
    ~InputQueue();
    InputQueue(const InputQueue&) = delete;
    InputQueue& operator=(const InputQueue&) = delete;

    // Installs the key, mouse button and scroll callbacks on the window (uses the window's user pointer).
    void attach(GLFWwindow* window);
    // The presses since the last call, oldest first (auto-repeat is not a press).
    std::vector<KeyPress> takeKeys();
    // Mouse button presses and releases since the last call, oldest first.
    std::vector<MouseButtonEvent> takeButtons();
    // Vertical wheel steps since the last call (positive = away from the user).
    float takeScroll();

private:
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void onMouseButton(GLFWwindow* window, int button, int action, int mods);
    static void onScroll(GLFWwindow* window, double dx, double dy);
    GLFWwindow* window_ = nullptr;
    std::vector<KeyPress> presses_;
    std::vector<MouseButtonEvent> buttons_;
    float scroll_ = 0.0f;
};

// Helpers for one frame's presses.
bool wasPressed(const std::vector<KeyPress>& presses, int key);
bool wasPressedWithCtrl(const std::vector<KeyPress>& presses, int key);

}  // namespace la::app
