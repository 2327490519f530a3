#include "app/InputQueue.h"

#include <algorithm>

#include <GLFW/glfw3.h>

namespace la::app {

InputQueue::~InputQueue() {
    if (window_) {
        glfwSetKeyCallback(window_, nullptr);
        glfwSetScrollCallback(window_, nullptr);
        glfwSetMouseButtonCallback(window_, nullptr);
        glfwSetWindowUserPointer(window_, nullptr);
    }
}

void InputQueue::attach(GLFWwindow* window) {
    window_ = window;
    glfwSetWindowUserPointer(window, this);
    glfwSetKeyCallback(window, &InputQueue::onKey);
    glfwSetScrollCallback(window, &InputQueue::onScroll);
    glfwSetMouseButtonCallback(window, &InputQueue::onMouseButton);
}

void InputQueue::onKey(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self || action != GLFW_PRESS || key == GLFW_KEY_UNKNOWN) return;
    if (self->presses_.size() < 256) self->presses_.push_back({key, mods});  // bounded if nobody takes them
}

void InputQueue::onMouseButton(GLFWwindow* window, int button, int action, int mods) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self || (action != GLFW_PRESS && action != GLFW_RELEASE)) return;
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    if (self->buttons_.size() < 256)
        self->buttons_.push_back({button, action == GLFW_PRESS, mods, static_cast<float>(x), static_cast<float>(y)});
}

void InputQueue::onScroll(GLFWwindow* window, double /*dx*/, double dy) {
    if (auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window)))
        self->scroll_ += static_cast<float>(dy);
}

std::vector<KeyPress> InputQueue::takeKeys() {
    std::vector<KeyPress> out;
    out.swap(presses_);
    return out;
}

std::vector<MouseButtonEvent> InputQueue::takeButtons() {
    std::vector<MouseButtonEvent> out;
    out.swap(buttons_);
    return out;
}

float InputQueue::takeScroll() {
    const float s = scroll_;
    scroll_ = 0.0f;
    return s;
}

bool wasPressed(const std::vector<KeyPress>& presses, int key) {
    return std::any_of(presses.begin(), presses.end(), [key](const KeyPress& p) { return p.key == key; });
}

bool wasPressedWithCtrl(const std::vector<KeyPress>& presses, int key) {
    return std::any_of(presses.begin(), presses.end(),
                       [key](const KeyPress& p) { return p.key == key && (p.mods & GLFW_MOD_CONTROL); });
}

}  // namespace la::app
