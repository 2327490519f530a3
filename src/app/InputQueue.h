#pragma once
// Key presses and releases, mouse buttons, typed characters and wheel turns as GLFW reports them, kept
// in order until the frame takes them. ImGui 1.86 samples key and button state once per frame, so a
// press and its release inside one frame are lost (a presentation clicker's quick tap, a quick click on
// a checkbox, BackSpace while a software renderer takes 300 ms a frame); it also clears io.MouseWheel
// before the app's input handling runs, and its mouse position is unknown (-FLT_MAX) in a frame where
// the window has neither focus nor a cursor-enter event. So these events are kept: core::InputFeed
// hands them to ImGui one change per key or button per frame (ImGuiLayer::newFrame), and the app reads
// the same events for its own keys and clicks; cursor moves are queued too, and a button event carries
// the cursor position of the motion event before it.
// Attach after ImGui's backend has installed its callbacks: the key, button and character callbacks
// are ours from then on (ImGui gets those through the feed), the scroll callback chains to ImGui's.
#include <string>
#include <vector>

#include "core/InputFeed.h"

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

    // Installs the key, character, mouse button, cursor, scroll and file-drop callbacks (uses the window's
    // user pointer).
    void attach(GLFWwindow* window);
    // Removes them again (before the window goes).
    void detach();
    // Every event since the last call, oldest first (auto-repeat is not an event: ImGui repeats held keys).
    std::vector<InputEvent> take();
    // Vertical wheel steps since the last call (positive = away from the user).
    float takeScroll();
    // Events waiting for take() (a wait that delivered some has something to draw), drops included.
    bool hasEvents() const { return !events_.empty() || scroll_ != 0.0f || !drops_.empty(); }
    // Files dropped on the window since the last call, one list per drop (paths as GLFW decoded them).
    std::vector<std::vector<std::string>> takeDrops();

    // As GLFW reports them: a modifier or a plain printable key does not edit (see InputEvent::editing).
    static bool isEditingKey(int key, int mods);

private:
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void onChar(GLFWwindow* window, unsigned int c);
    static void onMouseButton(GLFWwindow* window, int button, int action, int mods);
    static void onScroll(GLFWwindow* window, double dx, double dy);
    static void onCursor(GLFWwindow* window, double x, double y);
    static void onDrop(GLFWwindow* window, int count, const char** paths);
    GLFWwindow* window_ = nullptr;
    void (*chainedScroll_)(GLFWwindow*, double, double) = nullptr;  // ImGui's
    std::vector<InputEvent> events_;
    float scroll_ = 0.0f;
    std::vector<std::vector<std::string>> drops_;
    // Where the cursor was at the last motion event: glfwGetCursorPos asks the X server where it is now,
    // which after a slow frame is not where a queued click happened.
    double cursorX_ = 0.0, cursorY_ = 0.0;
};

// The presses and button events among one frame's events.
std::vector<KeyPress> keyPresses(const std::vector<InputEvent>& events);
std::vector<MouseButtonEvent> buttonEvents(const std::vector<InputEvent>& events);

}  // namespace la::app
