// App: presenter mode (full screen on a chosen monitor, large text, no chrome, clicker keys, blank
// screen) and screenshots (F12 with the panels, Ctrl+F12 the scene only) into the pictures folder.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <GLFW/glfw3.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include "app/App.h"
#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "io/XdgPaths.h"
#include "render/OffscreenTarget.h"

namespace la::app {

namespace fs = std::filesystem;

std::string screenshotFileName(int year, int month, int day, int hour, int minute, int second) {
    char name[64];
    std::snprintf(name, sizeof name, "lumbar-atlas-%04d%02d%02d-%02d%02d%02d.png", year, month, day, hour, minute,
                  second);
    return name;
}

std::string exportFileName(int stepIndex) {
    char name[32];
    std::snprintf(name, sizeof name, "step-%02d.png", stepIndex + 1);
    return name;
}

bool App::handleTourKeys(const std::vector<KeyPress>& keys) {
    bool changed = false, moved = false;
    const bool tourReady = tour_.loaded && !tour_.player.empty();
    TourPlayer& p = tour_.player;
    // In order, each press counts: two quick clicks on a clicker move two steps.
    for (const KeyPress& k : keys) {
        switch (k.key) {
            case GLFW_KEY_F5:
                pending_.presenter = !pending_.presenter.value_or(presenter_.active);
                changed = true;
                break;
            case GLFW_KEY_F12:
                pending_.screenshotWithUi = (k.mods & GLFW_MOD_CONTROL) == 0;
                break;
            case GLFW_KEY_B:
                if (presenter_.active) {
                    presenter_.blank = !presenter_.blank;
                    changed = true;
                }
                break;
            case GLFW_KEY_ESCAPE:
                if (presenter_.active) {
                    pending_.presenter = false;
                    changed = true;
                }
                break;
            // Presentation clickers send Right / PageDown (next), Left / PageUp (previous); Space and Home as
            // keyboards do.
            case GLFW_KEY_RIGHT:
            case GLFW_KEY_PAGE_DOWN:
            case GLFW_KEY_SPACE:
                if (tourReady) moved |= p.next();
                break;
            case GLFW_KEY_LEFT:
            case GLFW_KEY_PAGE_UP:
                if (tourReady) moved |= p.previous();
                break;
            case GLFW_KEY_HOME:
                if (tourReady) moved |= p.first();
                break;
            default:
                break;
        }
    }
    if (moved) applyTourStep(true);
    return changed || moved;
}

void App::setPresenter(bool on) {
    GLFWwindow* w = window_->handle();
    if (on) {
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        if (!monitors || count == 0) {
            ui_.message = "Presenter mode: no monitor found";
            ui_.messageIsError = true;
            return;
        }
        GLFWmonitor* monitor = monitors[std::clamp(ui_.presenterMonitor, 0, count - 1)];
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        if (!mode) {
            ui_.message = "Presenter mode: the monitor reports no video mode";
            ui_.messageIsError = true;
            return;
        }
        glfwGetWindowPos(w, &presenter_.savedX, &presenter_.savedY);
        glfwGetWindowSize(w, &presenter_.savedW, &presenter_.savedH);
        glfwSetWindowMonitor(w, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(w, nullptr, presenter_.savedX, presenter_.savedY, std::max(presenter_.savedW, 320),
                             std::max(presenter_.savedH, 240), 0);
        presenter_.blank = false;
    }
    presenter_.active = on;
    ui_.presenter = on;
    ui_.scene.hovered = -1;
    imgui_->setFontScale(ui_.fontScale * (on ? presenter_.fontScale : 1.0f));
}

void App::doPendingWork() {
    ui_.monitors.clear();
    int count = 0;
    if (GLFWmonitor** monitors = glfwGetMonitors(&count))
        for (int i = 0; i < count; ++i) {
            const char* name = glfwGetMonitorName(monitors[i]);
            ui_.monitors.emplace_back(name ? name : "monitor");
        }
    if (pending_.presenter) {
        const bool on = *pending_.presenter;
        pending_.presenter.reset();
        if (on != presenter_.active) setPresenter(on);
    }
    if (pending_.fontScale) {
        ui_.fontScale = std::clamp(*pending_.fontScale, Settings::kMinFontScale, Settings::kMaxFontScale);
        pending_.fontScale.reset();
        imgui_->setFontScale(ui_.fontScale * (presenter_.active ? presenter_.fontScale : 1.0f));
    }
    if (pending_.screenshotWithUi) {
        const bool withUi = *pending_.screenshotWithUi;
        pending_.screenshotWithUi.reset();
        takeScreenshot(withUi);
    }
    saveSettings(false);
}

void App::updateWindowTitle() {
    std::string title = "Lumbar Atlas";
    if (tour_.loaded && !tour_.player.empty()) {
        const Tour& t = tour_.player.tour();
        title += " \u2014 " + (t.title.empty() ? std::string("Untitled tour") : t.title) + " \u2014 step " +
                 std::to_string(tour_.player.current() + 1) + "/" + std::to_string(t.steps.size());
    } else if (!model_.name.empty()) {
        title += " \u2014 " + model_.name;
    }
    if (title == windowTitle_) return;
    windowTitle_ = title;
    glfwSetWindowTitle(window_->handle(), title.c_str());
}

void App::takeScreenshot(bool withUi) {
    auto fail = [this](const std::string& text) {
        std::fprintf(stderr, "%s\n", text.c_str());
        ui_.message = text;
        ui_.messageIsError = true;
    };
    const glm::ivec2 fb = framebufferSize();
    if (fb.x <= 0 || fb.y <= 0) return;
    auto target = render::OffscreenTarget::create(fb.x, fb.y, 4);
    if (!target) return fail(target.error());
    target->bind();
    renderFrame(fb, withUi);
    const auto pixels = target->readPixels();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);

    // The pictures folder, else the data folder.
    std::error_code ec;
    std::string folder = io::picturesDir(io::processEnv);
    if (!fs::create_directories(folder, ec) && !fs::is_directory(folder, ec)) {
        folder = io::dataDir(io::processEnv);
        fs::create_directories(folder, ec);
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const std::string name = screenshotFileName(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour,
                                                local.tm_min, local.tm_sec);
    fs::path path = fs::path(folder) / name;
    for (int n = 2; fs::exists(path, ec) && n < 100; ++n)  // two in the same second
        path = fs::path(folder) / (name.substr(0, name.size() - 4) + "-" + std::to_string(n) + ".png");
    if (auto ok = render::writePng(path.string(), fb.x, fb.y, pixels); !ok) return fail(ok.error());
    ui_.message = "Screenshot saved: " + path.string();
    ui_.messageIsError = false;
}

}  // namespace la::app
