// App: settings that persist between window runs (io::SettingsStore in the XDG config folder): last
// model, pain palette, text size, detail level, window geometry, recent files. Headless runs
// (--screenshot, --export-dir) never call these, so their output does not depend on a user's settings.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <GLFW/glfw3.h>

#include "app/App.h"
#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "io/SettingsStore.h"
#include "io/XdgPaths.h"

namespace la::app {

void App::loadSettings() {
    settings_.enabled = true;
    const io::SettingsStore store(io::configDir(io::processEnv));
    io::SettingsLoad load = store.load();
    if (load.warning) {
        std::fprintf(stderr, "%s\n", load.warning->c_str());
        ui_.message = *load.warning;
        ui_.messageIsError = true;
    }
    const Settings& s = load.settings;
    settings_.saved = s;
    ui_.recentFiles = s.recentFiles;
    painState_.palette = s.palette;
    if (s.detailLevel == DetailLevel::Therapist) options_.therapist = true;  // applySceneOptions copies it
    ui_.scene.therapist = options_.therapist;
    std::error_code ec;
    if (options_.model.empty() && !s.lastModel.empty() && std::filesystem::is_regular_file(s.lastModel, ec))
        options_.model = s.lastModel;
    ui_.fontScale = std::clamp(s.fontScale, Settings::kMinFontScale, Settings::kMaxFontScale);
    if (ui_.fontScale != 1.0f) imgui_->setFontScale(ui_.fontScale);
    if (!load.fromFile) return;  // first run: the window keeps its default size
    GLFWwindow* w = window_->handle();
    glfwSetWindowSize(w, std::max(s.windowW, 320), std::max(s.windowH, 240));
    if (s.windowX != Settings::kUnsetPosition && s.windowY != Settings::kUnsetPosition)
        glfwSetWindowPos(w, s.windowX, s.windowY);
    if (s.maximized) glfwMaximizeWindow(w);
}

void App::saveSettings(bool force) {
    if (!settings_.enabled) return;
    Settings s = settings_.saved;
    const std::string front = ui_.recentFiles.empty() ? std::string() : ui_.recentFiles.front();
    s.lastModel = front == bundledModelPath() ? std::string() : front;  // empty = the bundled model
    s.palette = painState_.palette;
    s.fontScale = ui_.fontScale;
    s.detailLevel = ui_.scene.therapist ? DetailLevel::Therapist : DetailLevel::Patient;
    s.recentFiles.clear();
    for (auto it = ui_.recentFiles.rbegin(); it != ui_.recentFiles.rend(); ++it) s.addRecentFile(*it);
    GLFWwindow* w = window_->handle();
    if (!presenter_.active && !glfwGetWindowAttrib(w, GLFW_ICONIFIED)) {  // full screen is not the window's size
        s.maximized = glfwGetWindowAttrib(w, GLFW_MAXIMIZED) != 0;
        if (!s.maximized) {
            glfwGetWindowPos(w, &s.windowX, &s.windowY);
            glfwGetWindowSize(w, &s.windowW, &s.windowH);
        }
    }
    if (s == settings_.saved) {
        settings_.changedAt = -1.0;
        return;
    }
    // Dragging a window changes its geometry every frame: save once the settings have been still for a second.
    const double now = glfwGetTime();
    if (!force) {
        if (settings_.changedAt < 0.0 || !(s == settings_.pending)) {
            settings_.pending = s;
            settings_.changedAt = now;
            return;
        }
        if (now - settings_.changedAt < 1.0) return;
    }
    const io::SettingsStore store(io::configDir(io::processEnv));
    if (auto ok = store.save(s); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        ui_.message = ok.error();
        ui_.messageIsError = true;
    }
    settings_.saved = s;  // also on failure: do not retry (and report) every frame
    settings_.changedAt = -1.0;
}

}  // namespace la::app
