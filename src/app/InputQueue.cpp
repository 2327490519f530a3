#include "app/InputQueue.h"

#include <GLFW/glfw3.h>

namespace la::app {

namespace {
constexpr std::size_t kMaxQueued = 1024;  // bounded if nobody takes them
}

InputQueue::~InputQueue() {
    detach();
}

void InputQueue::attach(GLFWwindow* window) {
    window_ = window;
    glfwSetWindowUserPointer(window, this);
    glfwSetKeyCallback(window, &InputQueue::onKey);
    glfwSetCharCallback(window, &InputQueue::onChar);
    glfwSetMouseButtonCallback(window, &InputQueue::onMouseButton);
    glfwSetCursorPosCallback(window, &InputQueue::onCursor);
    glfwGetCursorPos(window, &cursorX_, &cursorY_);
    chainedScroll_ = glfwSetScrollCallback(window, &InputQueue::onScroll);
    glfwSetDropCallback(window, &InputQueue::onDrop);
}

void InputQueue::detach() {
    if (!window_) return;
    glfwSetKeyCallback(window_, nullptr);
    glfwSetCharCallback(window_, nullptr);
    glfwSetMouseButtonCallback(window_, nullptr);
    glfwSetCursorPosCallback(window_, nullptr);
    glfwSetScrollCallback(window_, chainedScroll_);
    glfwSetDropCallback(window_, nullptr);
    glfwSetWindowUserPointer(window_, nullptr);
    window_ = nullptr;
}

bool InputQueue::isEditingKey(int key, int mods) {
    if (key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_MENU) return false;  // modifiers
    if (key >= GLFW_KEY_ESCAPE) return true;                               // named keys: BackSpace, arrows, F keys ...
    return (mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) != 0;  // Ctrl+A, Ctrl+V ...
}

void InputQueue::onKey(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self || (action != GLFW_PRESS && action != GLFW_RELEASE) || key == GLFW_KEY_UNKNOWN) return;
    if (self->events_.size() >= kMaxQueued) return;
    InputEvent e;
    e.kind = InputEvent::Kind::Key;
    e.code = key;
    e.down = action == GLFW_PRESS;
    e.mods = mods;
    e.editing = isEditingKey(key, mods);
    self->events_.push_back(e);
}

void InputQueue::onChar(GLFWwindow* window, unsigned int c) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self || self->events_.size() >= kMaxQueued) return;
    InputEvent e;
    e.kind = InputEvent::Kind::Char;
    e.code = static_cast<int>(c);
    self->events_.push_back(e);
}

void InputQueue::onMouseButton(GLFWwindow* window, int button, int action, int mods) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self || (action != GLFW_PRESS && action != GLFW_RELEASE) || self->events_.size() >= kMaxQueued) return;
    InputEvent e;
    e.kind = InputEvent::Kind::Button;
    e.code = button;
    e.down = action == GLFW_PRESS;
    e.mods = mods;
    e.pos = {static_cast<float>(self->cursorX_), static_cast<float>(self->cursorY_)};
    self->events_.push_back(e);
}

void InputQueue::onDrop(GLFWwindow* window, int count, const char** paths) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self || count <= 0 || !paths || self->drops_.size() >= kMaxQueued) return;
    std::vector<std::string> files;
    for (int i = 0; i < count; ++i)
        if (paths[i]) files.emplace_back(paths[i]);  // GLFW frees its copies when the callback returns
    self->drops_.push_back(std::move(files));
}

std::vector<std::vector<std::string>> InputQueue::takeDrops() {
    std::vector<std::vector<std::string>> out;
    out.swap(drops_);
    return out;
}

void InputQueue::onCursor(GLFWwindow* window, double x, double y) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self) return;
    self->cursorX_ = x;
    self->cursorY_ = y;
    InputEvent e;
    e.kind = InputEvent::Kind::Move;
    e.pos = {static_cast<float>(x), static_cast<float>(y)};
    if (!self->events_.empty() && self->events_.back().kind == InputEvent::Kind::Move)
        self->events_.back().pos = e.pos;  // consecutive moves: the last one is enough
    else if (self->events_.size() < kMaxQueued)
        self->events_.push_back(e);
}

void InputQueue::onScroll(GLFWwindow* window, double dx, double dy) {
    auto* self = static_cast<InputQueue*>(glfwGetWindowUserPointer(window));
    if (!self) return;
    self->scroll_ += static_cast<float>(dy);
    if (self->chainedScroll_) self->chainedScroll_(window, dx, dy);
}

std::vector<InputEvent> InputQueue::take() {
    std::vector<InputEvent> out;
    out.swap(events_);
    return out;
}

float InputQueue::takeScroll() {
    const float s = scroll_;
    scroll_ = 0.0f;
    return s;
}

std::vector<KeyPress> keyPresses(const std::vector<InputEvent>& events) {
    std::vector<KeyPress> out;
    for (const auto& e : events)
        if (e.kind == InputEvent::Kind::Key && e.down) out.push_back({e.code, e.mods});
    return out;
}

std::vector<MouseButtonEvent> buttonEvents(const std::vector<InputEvent>& events) {
    std::vector<MouseButtonEvent> out;
    for (const auto& e : events)
        if (e.kind == InputEvent::Kind::Button) out.push_back({e.code, e.down, e.mods, e.pos.x, e.pos.y});
    return out;
}

}  // namespace la::app
