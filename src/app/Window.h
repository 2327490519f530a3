#pragma once
// GLFW window with an OpenGL 3.3 core context (MSAA 4x, vsync), owned RAII. Hidden for headless rendering.
#include <memory>
#include <string>

#include "core/Result.h"
#include "core/WindowPlacement.h"

struct GLFWwindow;

namespace la::app {

class Window {
public:
    static Result<std::unique_ptr<Window>> create(int width, int height, bool visible, const std::string& title,
                                                  int samples = 0);
    // A visible window at `place` fitted to its monitor's work area (core/WindowPlacement), created at that
    // size, moved there and maximized if asked while still hidden, then shown, and only then its context
    // made current: its first frame is drawn at its final size and place.
    static Result<std::unique_ptr<Window>> create(const Placement& place, bool maximized, const std::string& title,
                                                  int samples = 0);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* handle() const { return window_; }
    float contentScale() const;  // the monitor's UI scale, at least 1

private:
    Window() = default;
    GLFWwindow* window_ = nullptr;
};

}  // namespace la::app
