#include "io/BundledData.h"

#include <filesystem>
#include <system_error>

namespace la::io {

namespace fs = std::filesystem;

namespace {
std::optional<std::string> absoluteVar(const EnvLookup& env, std::string_view name) {
    auto v = env(name);
    if (!v || v->empty() || (*v)[0] != '/') return std::nullopt;
    return v;
}

std::string appDir(const fs::path& base) {
    return (base / std::string(kAppDirName)).lexically_normal().string();
}
}  // namespace

std::vector<std::string> bundledDataCandidates(const std::string& exePath, const EnvLookup& env) {
    std::vector<std::string> out;
    if (auto d = env("LA_DATA_DIR"); d && !d->empty()) out.push_back(*d);
    if (!exePath.empty()) {
        const fs::path exeDir = fs::path(exePath).parent_path();
        out.push_back(appDir(exeDir / ".." / "share"));
        out.push_back(appDir(exeDir / "share"));
    }
    if (auto v = absoluteVar(env, "XDG_DATA_HOME")) {
        out.push_back(appDir(*v));
    } else {
        out.push_back(appDir(fs::path(homeDir(env)) / ".local" / "share"));
    }
    std::string dirs = "/usr/local/share:/usr/share";
    if (auto v = env("XDG_DATA_DIRS"); v && !v->empty()) dirs = *v;
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const auto colon = dirs.find(':', start);
        const std::string one = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!one.empty() && one[0] == '/') out.push_back(appDir(one));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return out;
}

bool looksLikeBundledData(const std::string& dir) {
    std::error_code ec;
    const fs::path d(dir);
    return fs::is_regular_file(d / "models" / "lower_body.glb", ec) &&
           fs::is_directory(d / "content" / "structures", ec);
}

std::optional<std::string> findBundledData(const std::string& exePath, const EnvLookup& env, DirCheck holdsData) {
    for (const auto& c : bundledDataCandidates(exePath, env))
        if (holdsData(c)) return c;
    return std::nullopt;
}

std::string executablePath() {
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.string();
}

}  // namespace la::io
