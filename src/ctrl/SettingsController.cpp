#include "ctrl/SettingsController.h"

namespace la::ctrl {

io::SettingsLoad SettingsController::load() {
    io::SettingsLoad l = store_.load();
    saved_ = l.settings;
    return l;
}

Result<bool> SettingsController::update(const Settings& s, double time, bool force) {
    if (s == saved_) {
        changedAt_ = -1.0;
        return false;
    }
    if (!force) {
        if (changedAt_ < 0.0 || !(s == pending_)) {
            pending_ = s;
            changedAt_ = time;
            return false;
        }
        if (time - changedAt_ < 1.0) return false;
    }
    auto ok = store_.save(s);
    saved_ = s;  // also on failure: do not retry (and report) every frame
    changedAt_ = -1.0;
    if (!ok) return Error{ok.error()};
    return true;
}

}  // namespace la::ctrl
