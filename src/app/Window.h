#pragma once
// GLFW window with an OpenGL 3.3 core context (MSAA 4x, vsync), owned RAII. Hidden for headless rendering.
#include <memory>
#include <string>

#include "core/Result.h"

struct GLFWwindow;

namespace la::app {

class Window {
public:
    static Result<std::unique_ptr<Window>> create(int width, int height, bool visible, const std::string& title,
                                                  int samples = 0);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    float contentScale() const;  // the monitor's UI scale, at least 1
    // Shrinks and moves the window onto the work area of the monitor it is on (or the primary one) when it
    // is larger than that or off it: a 1400x900 first window, or one saved on a bigger screen, must not
    // put the status bar and the sidebar's foot off a 1280x720 screen.
    void fitToMonitor();

private:
    Window() = default;
    GLFWwindow* window_ = nullptr;
};

}  // namespace la::app
