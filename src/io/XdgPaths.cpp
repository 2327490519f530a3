#include "io/XdgPaths.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/TextUtil.h"
#include "io/BoundedFile.h"

namespace la::io {

namespace {

// An absolute value of the variable, else nullopt.
std::optional<std::string> absoluteVar(const EnvLookup& env, std::string_view name) {
    if (!env) return std::nullopt;
    auto v = env(name);
    if (!v || v->empty() || (*v)[0] != '/') return std::nullopt;
    return v;
}

std::string join(std::string base, std::string_view leaf) {
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    return base + "/" + std::string(leaf);
}

std::string configHome(const EnvLookup& env) {
    if (auto v = absoluteVar(env, "XDG_CONFIG_HOME")) return *v;
    return join(homeDir(env), ".config");
}

std::string withoutTrailingSlash(std::string s) {
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

}  // namespace

std::optional<std::string> processEnv(std::string_view name) {
    const char* v = std::getenv(std::string(name).c_str());
    if (!v) return std::nullopt;
    return std::string(v);
}

std::optional<std::string> readWholeFile(const std::string& path) {
    std::string text, problem;
    if (!readBoundedFile(path, kTextFileLimit, text, problem)) return std::nullopt;
    return text;
}

std::string homeDir(const EnvLookup& env) {
    if (env)
        if (auto h = env("HOME"); h && !h->empty()) return withoutTrailingSlash(*h);
    return ".";
}

std::string configDir(const EnvLookup& env) {
    return join(configHome(env), kAppDirName);
}

std::string dataDir(const EnvLookup& env) {
    if (auto v = absoluteVar(env, "XDG_DATA_HOME")) return join(*v, kAppDirName);
    return join(join(homeDir(env), ".local/share"), kAppDirName);
}

std::optional<std::string> parseUserDir(std::string_view text, std::string_view key, const std::string& home) {
    std::optional<std::string> found;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (line.empty() || line[0] == '#') continue;
        const auto eq = line.find('=');
        if (eq == std::string_view::npos || trim(line.substr(0, eq)) != key) continue;
        std::string_view value = trim(line.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        std::string path;
        for (std::size_t i = 0; i < value.size(); ++i) {  // unescape \" \\ and expand a leading $HOME
            if (i == 0 && value.substr(0, 5) == "$HOME" && (value.size() == 5 || value[5] == '/')) {
                path += home;
                i += 4;
            } else if (value[i] == '\\' && i + 1 < value.size()) {
                path += value[++i];
            } else {
                path += value[i];
            }
        }
        found = path;  // the last assignment wins, as in a shell
    }
    if (!found || found->empty() || (*found)[0] != '/') return std::nullopt;
    const std::string dir = withoutTrailingSlash(*found);
    if (dir == withoutTrailingSlash(home)) return std::nullopt;
    return dir;
}

std::string picturesDir(const EnvLookup& env, const TextReader& read) {
    if (read)
        if (auto text = read(join(configHome(env), "user-dirs.dirs")))
            if (auto dir = parseUserDir(*text, "XDG_PICTURES_DIR", homeDir(env))) return *dir;
    return dataDir(env);
}

}  // namespace la::io
