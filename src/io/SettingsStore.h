#pragma once
// Settings as JSON in <config dir>/settings.json, saved atomically. A settings file that is not
// JSON (or not an object) is renamed aside to settings.json.corrupt-<n> and defaults are used;
// single bad values fall back to their defaults. Never throws.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/Result.h"
#include "core/Settings.h"

namespace la::io {

// `previous` (the file's current content, if any): its keys that Settings does not know are kept.
std::string settingsToJson(const Settings& s, const nlohmann::json* previous = nullptr);

struct SettingsParse {
    Settings settings;
    std::optional<std::string> warning;  // one line: values that were ignored
};
// Error only when the text is not a JSON object at all ("<file>:<line>: ...").
Result<SettingsParse> parseSettings(std::string_view text, const std::string& file);

struct SettingsLoad {
    Settings settings;
    bool fromFile = false;                // false: defaults (no file, or it was set aside)
    std::optional<std::string> warning;   // one line for the log / status bar
    std::optional<std::string> setAside;  // where a corrupt file was moved
};

class SettingsStore {
public:
    explicit SettingsStore(std::string configDir);  // e.g. io::configDir(processEnv)

    const std::string& path() const { return path_; }
    SettingsLoad load() const;
    // Creates the config directory when needed. Error: "<path>: <problem>".
    Result<std::size_t> save(const Settings& s) const;

private:
    std::string dir_;
    std::string path_;
};

}  // namespace la::io
