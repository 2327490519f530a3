#include "app/KeyQueue.h"

#include <algorithm>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace la::app {

KeyQueue::~KeyQueue() {
    if (window_) {
        glfwSetKeyCallback(window_, nullptr);
        glfwSetWindowUserPointer(window_, nullptr);
    }
}

void KeyQueue::attach(GLFWwindow* window) {
    window_ = window;
    glfwSetWindowUserPointer(window, this);
    glfwSetKeyCallback(window, &KeyQueue::onKey);
}

void KeyQueue::onKey(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
    auto* self = static_cast<KeyQueue*>(glfwGetWindowUserPointer(window));
    if (!self || action != GLFW_PRESS || key == GLFW_KEY_UNKNOWN) return;
    if (self->presses_.size() < 256) self->presses_.push_back({key, mods});  // bounded if nobody takes them
}

std::vector<KeyPress> KeyQueue::take() {
    std::vector<KeyPress> out;
    out.swap(presses_);
    return out;
}

bool wasPressed(const std::vector<KeyPress>& presses, int key) {
    return std::any_of(presses.begin(), presses.end(), [key](const KeyPress& p) { return p.key == key; });
}

bool wasPressedWithCtrl(const std::vector<KeyPress>& presses, int key) {
    return std::any_of(presses.begin(), presses.end(),
                       [key](const KeyPress& p) { return p.key == key && (p.mods & GLFW_MOD_CONTROL); });
}

}  // namespace la::app
