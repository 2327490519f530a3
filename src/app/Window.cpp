#include "app/Window.h"

#include <algorithm>
#include <cstdio>

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

Result<std::unique_ptr<Window>> Window::create(int width, int height, bool visible, const std::string& title,
                                               int samples) {
    if (!glfwInit()) return Error{"display: cannot initialise GLFW (" + lastGlfwError() + "); is DISPLAY set?"};
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, visible ? samples : 0);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, la::gl::debugRequested() ? GLFW_TRUE : GLFW_FALSE);  // LA_GL_DEBUG=1
    std::unique_ptr<Window> w(new Window());
    w->window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (!w->window_) {
        glfwTerminate();
        return Error{"display: cannot create an OpenGL 3.3 core window (" + lastGlfwError() + ")"};
    }
    // A move to a monitor of another scale (or a changed desktop scale) wakes the loop, which then reads
    // the new scale (Window::contentScale) and rebuilds fonts and sizes before the next frame.
    glfwSetWindowContentScaleCallback(w->window_, [](GLFWwindow*, float, float) { glfwPostEmptyEvent(); });
    glfwMakeContextCurrent(w->window_);
    glfwSwapInterval(1);
    return w;
}

void Window::fitToMonitor() {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetWindowPos(window_, &x, &y);
    glfwGetWindowSize(window_, &w, &h);
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {  // the monitor holding the window's centre
        int mx = 0, my = 0, mw = 0, mh = 0;
        glfwGetMonitorWorkarea(monitors[i], &mx, &my, &mw, &mh);
        if (x + w / 2 >= mx && x + w / 2 < mx + mw && y + h / 2 >= my && y + h / 2 < my + mh) monitor = monitors[i];
    }
    if (!monitor) return;
    int mx = 0, my = 0, mw = 0, mh = 0;
    glfwGetMonitorWorkarea(monitor, &mx, &my, &mw, &mh);
    if (mw <= 0 || mh <= 0) return;
    const int fw = std::min(w, mw), fh = std::min(h, mh);
    const int fx = std::clamp(x, mx, mx + mw - fw), fy = std::clamp(y, my, my + mh - fh);
    if (fw != w || fh != h) glfwSetWindowSize(window_, fw, fh);
    if (fx != x || fy != y) glfwSetWindowPos(window_, fx, fy);
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    // Never below 1: a monitor that reports a tiny DPI (Xvfb, some projectors) would shrink the text below
    // what a patient can read from a chair; the user's font scale goes up from here.
    return x > 1.0f ? x : 1.0f;
}

}  // namespace la::app
