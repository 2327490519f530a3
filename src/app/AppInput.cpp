// App's input: the UI's actions, dropped files, the keys' commands (core/KeyMap through ctrl) and the
// mouse over the view (orbit, pan, zoom, click), each frame's share of the queued events.
#include <algorithm>
#include <cmath>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/App.h"
#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "core/ModelFiles.h"
#include "ui/Screen.h"

namespace la::app {

void App::handleActions(const ui::UiActions& a) {
    if (a.openModel) startLoad(*a.openModel);  // the current model stays until the new one is ready
    viewer_->handleSceneActions(a, aspect());
    if (a.togglePresenter) pending_.presenter = !viewer_->tours.presenter.active;
    if (a.screenshot) pending_.screenshotWithUi = *a.screenshot;
    if (a.fontScale) pending_.fontScale = *a.fontScale;
    if (a.quit) quit_ = true;
    if (a.remeasured) remeasured_ = true;
}

void App::openDropped(const std::vector<std::string>& paths) {
    const DropChoice choice = chooseDroppedModel(paths);
    if (!choice.open) {
        if (!choice.problem.empty()) viewer_->say(choice.problem, true);
        return;
    }
    ui::UiActions a;
    a.openModel = *choice.open;  // the open dialog's path: load, keep the old model on failure, recent files
    handleActions(a);
}

ctrl::Key keyFromGlfw(int k) {
    if ((k >= GLFW_KEY_A && k <= GLFW_KEY_Z) || (k >= GLFW_KEY_0 && k <= GLFW_KEY_9)) return static_cast<ctrl::Key>(k);
    switch (k) {
        case GLFW_KEY_SPACE:
            return ctrl::Key::Space;
        case GLFW_KEY_PERIOD:
            return ctrl::Key::Period;
        case GLFW_KEY_ESCAPE:
            return ctrl::Key::Escape;
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
            return ctrl::Key::Enter;
        case GLFW_KEY_BACKSPACE:
            return ctrl::Key::Backspace;
        case GLFW_KEY_LEFT:
            return ctrl::Key::Left;
        case GLFW_KEY_RIGHT:
            return ctrl::Key::Right;
        case GLFW_KEY_UP:
            return ctrl::Key::Up;
        case GLFW_KEY_DOWN:
            return ctrl::Key::Down;
        case GLFW_KEY_PAGE_UP:
            return ctrl::Key::PageUp;
        case GLFW_KEY_PAGE_DOWN:
            return ctrl::Key::PageDown;
        case GLFW_KEY_HOME:
            return ctrl::Key::Home;
        case GLFW_KEY_END:
            return ctrl::Key::End;
        case GLFW_KEY_F1:
            return ctrl::Key::F1;
        case GLFW_KEY_F3:
            return ctrl::Key::F3;
        case GLFW_KEY_F5:
            return ctrl::Key::F5;
        case GLFW_KEY_F11:
            return ctrl::Key::F11;
        case GLFW_KEY_F12:
            return ctrl::Key::F12;
        default:
            return ctrl::Key::Unknown;
    }
}

bool App::runCommand(const ctrl::CommandEvent& c) {
    ctrl::Viewer& v = *viewer_;
    ctrl::TourController& t = v.tours;
    static const ViewPreset kPresets[] = {ViewPreset::Posterior, ViewPreset::Anterior, ViewPreset::Left,
                                          ViewPreset::Right,     ViewPreset::Superior, ViewPreset::Oblique};
    switch (c.command) {
        case ctrl::Command::ViewPreset:
            v.applyPreset(kPresets[c.preset], aspect(), true);
            return true;
        case ctrl::Command::FrameAll:
            v.frameAll(aspect());
            return true;
        case ctrl::Command::OpenDialog:
            v.ui.openDialog.open = true;
            return true;
        case ctrl::Command::Quit:
            quit_ = true;
            return true;
        case ctrl::Command::TogglePainPanel:
            ui::toggleSidebarTab(v.ui, SidebarTab::Pain);
            return true;
        case ctrl::Command::TogglePresenter:
            pending_.presenter = !pending_.presenter.value_or(t.presenter.active);
            return true;
        case ctrl::Command::Screenshot:
            pending_.screenshotWithUi = c.withUi;
            return false;
        case ctrl::Command::ToggleBlack:
            t.presenter.screen = t.presenter.blank() ? ctrl::Screen::Scene : ctrl::Screen::Black;
            return true;
        case ctrl::Command::ToggleWhite:
            t.presenter.screen = t.presenter.blank() ? ctrl::Screen::Scene : ctrl::Screen::White;
            return true;
        case ctrl::Command::LeavePresenter:
            pending_.presenter = false;
            return true;
        case ctrl::Command::CloseDialog:  // one thing per press: the top dialog, the lookup, the debug overlay
            if (!ui::closeTopOverlay(v.ui)) {
                if (v.pain.lookupOpen())
                    v.pain.closeLookup();
                else
                    v.ui.debugOverlay = false;
            }
            return true;
        case ctrl::Command::ShowKeys:
            v.ui.showKeys = !v.ui.showKeys;
            return true;
        case ctrl::Command::ToggleDebugOverlay:
            v.ui.debugOverlay = !v.ui.debugOverlay;
            return true;
        case ctrl::Command::ResetView:
            v.applyPreset(v.firstView(options_.view, options_.viewGiven), aspect(), true);
            return true;
        case ctrl::Command::LastStep:
            return t.last();
        case ctrl::Command::ClearSelection:
            v.scene.select(NodeId{});
            return true;
        case ctrl::Command::NextStep:
            return t.next();
        case ctrl::Command::PreviousStep:
            return t.previous();
        case ctrl::Command::FirstStep:
            return t.first();
        case ctrl::Command::None:
            break;
    }
    return false;
}

bool App::handleInput() {
    ctrl::Viewer& v = *viewer_;
    ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    const glm::ivec2 fb = framebufferSize();
    int winW = 0, winH = 0;
    glfwGetWindowSize(window_->handle(), &winW, &winH);
    const glm::vec2 viewport(static_cast<float>(std::max(winW, 1)), static_cast<float>(std::max(winH, 1)));
    // Clicks come from the queue with the cursor position GLFW gave with them, in the frame ImGui sees
    // them (see InputQueue.h).
    const std::vector<MouseButtonEvent> buttons = buttonEvents(frame_.events);
    // The cursor where this frame's events left it (a drag that came within one slow frame still orbits
    // by its whole length); with nothing queued, where it is now.
    if (frame_.mousePos) {
        fedCursor_ = *frame_.mousePos;
    } else if (!feed_.pending()) {
        double cx = 0.0, cy = 0.0;
        glfwGetCursorPos(window_->handle(), &cx, &cy);
        fedCursor_ = glm::vec2(static_cast<float>(cx), static_cast<float>(cy));
    }
    const glm::vec2 cursor = fedCursor_;
    const glm::vec2 toFb(io.DisplayFramebufferScale.x, io.DisplayFramebufferScale.y);
    const glm::vec2 delta = cursor - lastCursor_;
    lastCursor_ = cursor;
    if (!io.WantCaptureMouse) {
        const bool moved = delta.x != 0.0f || delta.y != 0.0f;
        if (moved && leftHeld_ && !io.KeyShift) {
            v.camera.orbit(-delta.x * 0.4f, delta.y * 0.4f);
            changed = true;
        } else if (moved && (ImGui::IsMouseDown(ImGuiMouseButton_Right) ||
                             ImGui::IsMouseDown(ImGuiMouseButton_Middle) || (leftHeld_ && io.KeyShift))) {
            v.camera.pan(delta, viewport);
            changed = true;
        }
        for (const MouseButtonEvent& e : buttons) {
            if (e.button != GLFW_MOUSE_BUTTON_LEFT) continue;
            const glm::vec2 at(e.x, e.y);
            if (e.press) {
                leftHeld_ = true;
                pressPos_ = at;
                dragged_ = false;
            } else if (leftHeld_) {
                leftHeld_ = false;
                if (dragged_ || glm::length(at - pressPos_) > 4.0f) continue;  // the end of an orbit
                v.click(at * toFb, fb);
                changed = true;
            }
        }
        if (leftHeld_ && glm::length(cursor - pressPos_) > 4.0f) dragged_ = true;
        // The hover follows the camera too: after a fly-to, zoom or orbit, another structure is under the
        // cursor (the tooltip must not keep naming the old one).
        const CameraPose& pose = v.camera.pose;
        const bool cameraMoved = pose.target != hoverPose_.target || pose.yawDeg != hoverPose_.yawDeg ||
                                 pose.pitchDeg != hoverPose_.pitchDeg || pose.distance != hoverPose_.distance;
        if (moved || changed || cameraMoved) {
            hoverPose_ = pose;
            const bool inside = cursor.x >= 0.0f && cursor.y >= 0.0f && cursor.x < viewport.x && cursor.y < viewport.y;
            const bool pickable = inside && !leftHeld_;
            changed |= v.hover(pickable ? std::optional<glm::vec2>(cursor * toFb) : std::nullopt, fb);
        }
        // From the queue: ImGui has already cleared io.MouseWheel by the time this runs.
        if (const float wheel = input_.takeScroll(); wheel != 0.0f) {
            v.camera.zoomToCursor(std::pow(0.88f, wheel), cursor, viewport);
            changed = true;
        }
    }
    // Every press of this frame, none lost. Presses withheld from ImGui are the app's; the others only when
    // ImGui wanted the keyboard neither before nor after this frame (Enter that ends a text edit is not a
    // clicker's Enter).
    const bool imguiKeys = keysWereImGuis_ || imguiWantsKeys();
    std::vector<ctrl::KeyEvent> events;
    for (const InputEvent& k : frame_.events)
        if (k.kind == InputEvent::Kind::Key && k.down && (!k.toUi || !imguiKeys))
            events.push_back({keyFromGlfw(k.code), (k.mods & GLFW_MOD_CONTROL) != 0, (k.mods & GLFW_MOD_SHIFT) != 0,
                              (k.mods & GLFW_MOD_ALT) != 0});
    if (!events.empty()) {
        ctrl::KeyContext context;
        context.presenter = pending_.presenter.value_or(v.tours.presenter.active);  // F5 is done between frames
        context.tourReady = v.tours.ready();
        context.hasSelection = v.scene.selected().valid();
        context.dialogOpen = ui::anyOverlayOpen(v.ui) || v.pain.lookupOpen() || v.ui.debugOverlay;
        bool stepped = false;
        for (const ctrl::CommandEvent& c : ctrl::commandsFor(events, context)) {
            const bool did = runCommand(c);
            changed |= did;
            const bool step = c.command == ctrl::Command::NextStep || c.command == ctrl::Command::PreviousStep ||
                              c.command == ctrl::Command::FirstStep || c.command == ctrl::Command::LastStep;
            stepped |= step && did;
        }
        if (stepped) applyTourStep(true);
    }
    if (io.WantCaptureMouse) {
        input_.takeScroll();  // the wheel scrolled a panel, not the view
        for (const MouseButtonEvent& e : buttons)
            if (e.button == GLFW_MOUSE_BUTTON_LEFT && !e.press) leftHeld_ = false;  // released over a panel
        changed |= v.scene.setHovered(NodeId{});
    }
    return changed;
}

bool App::imguiWantsKeys() const {
    const ImGuiIO& io = ImGui::GetIO();
    // Typing, keyboard navigation, or a popup (menu, modal dialog). Not a widget merely held or left
    // active by the mouse (ImGui's WantCaptureKeyboard is set for any active item): right after a drag
    // Ctrl+Q was taken for ImGui's and lost (an item still active from the previous frame).
    return io.WantTextInput || io.NavVisible ||
           (io.WantCaptureKeyboard &&
            ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
}

}  // namespace la::app
