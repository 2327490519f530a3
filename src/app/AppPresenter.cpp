// App: presenter mode on a monitor (GLFW full screen), work between frames, screenshots (F12 with the
// panels, Ctrl+F12 the scene only) into the pictures folder, the window title, and the settings that
// persist between window runs (ctrl::SettingsController decides when to save).
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
#include "io/PngWriter.h"
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

void App::setPresenter(bool on) {
    ctrl::Viewer& v = *viewer_;
    ctrl::PresenterState& p = v.tours.presenter;
    GLFWwindow* w = window_->handle();
    if (on) {
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        if (!monitors || count == 0) return v.say("Presenter mode: no monitor found", true);
        GLFWmonitor* monitor = monitors[std::clamp(v.ui.presenterMonitor, 0, count - 1)];
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        if (!mode) return v.say("Presenter mode: the monitor reports no video mode", true);
        glfwGetWindowPos(w, &savedX_, &savedY_);
        glfwGetWindowSize(w, &savedW_, &savedH_);
        glfwSetWindowMonitor(w, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(w, nullptr, savedX_, savedY_, std::max(savedW_, 320), std::max(savedH_, 240), 0);
        p.screen = ctrl::Screen::Scene;
    }
    p.active = on;
    v.ui.presenter = on;
    v.scene.setHovered(NodeId{});
    imgui_->setFontScale(v.ui.fontScale * (on ? p.fontScale : 1.0f));
}

void App::doPendingWork() {
    ctrl::Viewer& v = *viewer_;
    v.ui.monitors.clear();
    int count = 0;
    if (GLFWmonitor** monitors = glfwGetMonitors(&count))
        for (int i = 0; i < count; ++i) {
            const char* name = glfwGetMonitorName(monitors[i]);
            v.ui.monitors.emplace_back(name ? name : "monitor");
        }
    if (pending_.presenter) {
        const bool on = *pending_.presenter;
        pending_.presenter.reset();
        if (on != v.tours.presenter.active) setPresenter(on);
    }
    if (pending_.fontScale) {
        v.ui.fontScale = std::clamp(*pending_.fontScale, Settings::kMinFontScale, Settings::kMaxFontScale);
        pending_.fontScale.reset();
        imgui_->setFontScale(v.ui.fontScale * (v.tours.presenter.active ? v.tours.presenter.fontScale : 1.0f));
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
    const std::string tour = viewer_->tours.titleSuffix();
    if (!tour.empty())
        title += " \u2014 " + tour;
    else if (!viewer_->scene.model().name.empty())
        title += " \u2014 " + viewer_->scene.model().name;
    if (title == windowTitle_) return;
    windowTitle_ = title;
    glfwSetWindowTitle(window_->handle(), title.c_str());
}

void App::takeScreenshot(bool withUi) {
    const glm::ivec2 fb = framebufferSize();
    if (fb.x <= 0 || fb.y <= 0) return;
    auto target = stillTarget(fb.x, fb.y);
    if (!target) return viewer_->say(target.error(), true);
    renderFrame(target->target(), withUi);
    const auto pixels = target->readPixels();

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
    if (auto ok = io::writePng(path.string(), fb.x, fb.y, pixels); !ok) return viewer_->say(ok.error(), true);
    viewer_->say("Screenshot saved: " + path.string(), false);
}

// Settings: window runs only. Headless runs (--screenshot, --export-dir) never call these, so their output
// does not depend on a user's settings.
void App::loadSettings() {
    ctrl::Viewer& v = *viewer_;
    settings_.emplace(io::configDir(io::processEnv));
    const io::SettingsLoad load = settings_->load();
    if (load.warning) v.say(*load.warning, true);
    const Settings& s = load.settings;
    v.ui.recentFiles = s.recentFiles;
    v.pain.state().palette = s.palette;
    if (s.detailLevel == DetailLevel::Therapist) options_.therapist = true;  // applySceneOptions copies it
    v.ui.scene.therapist = options_.therapist;
    std::error_code ec;
    if (options_.model.empty() && !s.lastModel.empty() && fs::is_regular_file(s.lastModel, ec))
        options_.model = s.lastModel;
    v.ui.fontScale = std::clamp(s.fontScale, Settings::kMinFontScale, Settings::kMaxFontScale);
    if (load.fromFile) windowSettings_ = s;  // first run: the window keeps its default size
}

void App::applyWindowSettings() {
    ctrl::Viewer& v = *viewer_;
    if (v.ui.fontScale != 1.0f) imgui_->setFontScale(v.ui.fontScale);  // the geometry was the window's at creation
}

Settings App::currentSettings() const {
    const ctrl::Viewer& v = *viewer_;
    Settings s = settings_->saved();
    const std::string front = v.ui.recentFiles.empty() ? std::string() : v.ui.recentFiles.front();
    s.lastModel = front == bundledModelPath() ? std::string() : front;  // empty = the bundled model
    s.palette = v.pain.state().palette;
    s.fontScale = v.ui.fontScale;
    s.detailLevel = v.ui.scene.therapist ? DetailLevel::Therapist : DetailLevel::Patient;
    s.recentFiles.clear();
    std::for_each(v.ui.recentFiles.rbegin(), v.ui.recentFiles.rend(),
                  [&s](const std::string& f) { s.addRecentFile(f); });
    GLFWwindow* w = window_->handle();
    if (!v.tours.presenter.active && !glfwGetWindowAttrib(w, GLFW_ICONIFIED)) {  // full screen is not the window's size
        s.maximized = glfwGetWindowAttrib(w, GLFW_MAXIMIZED) != 0;
        if (!s.maximized) {
            glfwGetWindowPos(w, &s.windowX, &s.windowY);
            glfwGetWindowSize(w, &s.windowW, &s.windowH);
        }
    }
    return s;
}

void App::saveSettings(bool force) {
    if (!settings_) return;
    if (auto ok = settings_->update(currentSettings(), glfwGetTime(), force); !ok) viewer_->say(ok.error(), true);
}

}  // namespace la::app
