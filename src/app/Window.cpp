#include "app/Window.h"

#include <cstdio>
#include <vector>

#include <GLFW/glfw3.h>

#include "render/gl/Debug.h"

namespace la::app {

namespace {
std::string lastGlfwError() {
    const char* text = nullptr;
    glfwGetError(&text);
    return text ? text : "no detail from GLFW";
}
}  // namespace

namespace {

Result<GLFWwindow*> openWindow(int width, int height, bool visible, const std::string& title, int samples) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, visible ? samples : 0);
    // A visible window without MSAA gets no depth or stencil buffer: the scene is drawn into a target of
    // our own and only the upscale, the filter and the UI reach the window. llvmpipe runs rectangles
    // (the upscale, the UI's glyphs) through its faster 8-bit linear path only into a target without depth.
    const bool depth = !visible || samples > 0;
    glfwWindowHint(GLFW_DEPTH_BITS, depth ? 24 : 0);
    glfwWindowHint(GLFW_STENCIL_BITS, depth ? 8 : 0);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown by the caller once it is in place
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, la::gl::debugRequested() ? GLFW_TRUE : GLFW_FALSE);  // LA_GL_DEBUG=1
    GLFWwindow* w = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!w) {
        glfwTerminate();
        return Error{"display: cannot create an OpenGL 3.3 core window (" + lastGlfwError() + ")"};
    }
    return w;
}

std::vector<ScreenRect> workAreas(std::size_t& primary) {
    std::vector<ScreenRect> areas;
    primary = 0;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* main = glfwGetPrimaryMonitor();
    for (int i = 0; i < count; ++i) {
        ScreenRect r;
        glfwGetMonitorWorkarea(monitors[i], &r.x, &r.y, &r.w, &r.h);
        if (monitors[i] == main) primary = areas.size();
        areas.push_back(r);
    }
    return areas;
}

}  // namespace

Result<std::unique_ptr<Window>> Window::create(int width, int height, bool visible, const std::string& title,
                                               int samples) {
    if (!glfwInit()) return Error{"display: cannot initialise GLFW (" + lastGlfwError() + "); is DISPLAY set?"};
    auto win = openWindow(width, height, visible, title, samples);
    if (!win) return Error{win.error()};
    std::unique_ptr<Window> w(new Window());
    w->window_ = *win;
    if (visible) glfwShowWindow(w->window_);
    // A move to a monitor of another scale (or a changed desktop scale) wakes the loop, which then reads
    // the new scale (Window::contentScale) and rebuilds fonts and sizes before the next frame.
    glfwSetWindowContentScaleCallback(w->window_, [](GLFWwindow*, float, float) { glfwPostEmptyEvent(); });
    glfwMakeContextCurrent(w->window_);
    glfwSwapInterval(1);
    if (visible) w->copy_ = gl::CopyPresent::forCurrentWindow();
    return w;
}

Result<std::unique_ptr<Window>> Window::create(const Placement& place, bool maximized, const std::string& title,
                                               int samples) {
    if (!glfwInit()) return Error{"display: cannot initialise GLFW (" + lastGlfwError() + "); is DISPLAY set?"};
    std::size_t primary = 0;
    const std::vector<ScreenRect> areas = workAreas(primary);
    const Placement fitted = fitToWorkArea(place, areas, primary);
    auto win = openWindow(fitted.w, fitted.h, true, title, samples);
    if (!win) return Error{win.error()};
    std::unique_ptr<Window> w(new Window());
    w->window_ = *win;
    if (fitted.x && fitted.y) glfwSetWindowPos(w->window_, *fitted.x, *fitted.y);
    if (maximized) glfwMaximizeWindow(w->window_);
    glfwShowWindow(w->window_);
    glfwSetWindowContentScaleCallback(w->window_, [](GLFWwindow*, float, float) { glfwPostEmptyEvent(); });
    glfwMakeContextCurrent(w->window_);
    glfwSwapInterval(1);
    w->copy_ = gl::CopyPresent::forCurrentWindow();
    return w;
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

void Window::present(glm::ivec2 drawn) {
    int w = 0, h = 0;
    if (copy_.available()) glfwGetFramebufferSize(window_, &w, &h);
    keptLast_ = copy_.available() && drawn == glm::ivec2(w, h) && drawn == lastDrawn_;
    lastDrawn_ = drawn;
    if (keptLast_)
        copy_.present(drawn);
    else
        glfwSwapBuffers(window_);
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    // Never below 1: a monitor that reports a tiny DPI (Xvfb, some projectors) would shrink the text below
    // what a patient can read from a chair; the user's font scale goes up from here.
    return x > 1.0f ? x : 1.0f;
}

}  // namespace la::app
