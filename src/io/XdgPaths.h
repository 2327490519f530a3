#pragma once
// Where the viewer keeps its files, per the XDG base directory spec. Pure functions of an
// environment lookup (and a file reader for user-dirs.dirs) so tests need no real environment.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace la::io {

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
using TextReader = std::function<std::optional<std::string>(const std::string& path)>;

std::optional<std::string> processEnv(std::string_view name);       // std::getenv
std::optional<std::string> readWholeFile(const std::string& path);  // nullopt when unreadable

constexpr std::string_view kAppDirName = "lumbar-atlas";

// $HOME ("." when unset or empty).
std::string homeDir(const EnvLookup& env);
// ($XDG_CONFIG_HOME or ~/.config)/lumbar-atlas; relative XDG values are ignored, as the spec says.
std::string configDir(const EnvLookup& env);
// ($XDG_DATA_HOME or ~/.local/share)/lumbar-atlas
std::string dataDir(const EnvLookup& env);
// XDG_PICTURES_DIR from ($XDG_CONFIG_HOME or ~/.config)/user-dirs.dirs, else dataDir(env).
std::string picturesDir(const EnvLookup& env, const TextReader& read = readWholeFile);

// The value of `key` in user-dirs.dirs text (KEY="$HOME/Pictures"), $HOME expanded; nullopt when
// absent, not absolute, or equal to $HOME itself (which the spec uses to disable a directory).
std::optional<std::string> parseUserDir(std::string_view text, std::string_view key, const std::string& home);

}  // namespace la::io
