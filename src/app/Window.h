#pragma once
// GLFW window with an OpenGL 3.3 core context (MSAA 4x, vsync), owned RAII. Hidden for headless rendering.
#include <memory>
#include <string>

#include "core/Result.h"
#include "core/WindowPlacement.h"
#include "render/gl/Present.h"

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
    // Shows the frame drawn in the back buffer at `drawn` pixels: copied into the window where that keeps
    // the back buffer (Mesa's software rasterisers, render/gl/Present.h), else swapped. Swapped also when
    // the window's size is not the frame's or the last frame's: only a swap makes Mesa take the window's
    // new size for the next frame's buffers, and a copy larger than the buffer is an X error.
    void present(glm::ivec2 drawn);
    // The last present() kept the back buffer as it was: the next frame may draw only what changed.
    bool keepsBackBuffer() const { return keptLast_; }

private:
    Window() = default;
    GLFWwindow* window_ = nullptr;
    gl::CopyPresent copy_;
    glm::ivec2 lastDrawn_{0};  // the size of the frame last shown
    bool keptLast_ = false;
};

}  // namespace la::app
