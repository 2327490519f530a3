#pragma once
// Settings that persist between window runs: read once at start, then saved when they change and have
// been still for a second (dragging a window changes its geometry every frame), and on exit. Headless
// runs never create one, so their pictures do not depend on a user's settings. No GL, GLFW or ImGui:
// the app gives the current settings and the time.
#include <optional>
#include <string>

#include "core/Result.h"
#include "core/Settings.h"
#include "io/SettingsStore.h"

namespace la::ctrl {

class SettingsController {
public:
    explicit SettingsController(std::string configDir) : store_(std::move(configDir)) {}

    // The settings file (defaults when it is missing; a corrupt one is set aside with a warning).
    io::SettingsLoad load();
    const Settings& saved() const { return saved_; }

    // `now`: the settings as the viewer has them; `time` in seconds. Saves when they differ from the file
    // and have not changed for a second, or at once with force. Error: the save failed (reported once:
    // the same settings are not retried).
    Result<bool> update(const Settings& now, double time, bool force);
    bool waiting() const { return changedAt_ >= 0.0; }  // a change waits to be saved

private:
    io::SettingsStore store_;
    Settings saved_;           // what the file holds
    Settings pending_;         // unsaved settings, waiting to be still for a second
    double changedAt_ = -1.0;  // when `pending_` last changed, -1 = none
};

}  // namespace la::ctrl
