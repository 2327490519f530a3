// Atomic file replacement, XDG paths, settings persistence.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/stat.h>

#include <doctest/doctest.h>

#include "core/Settings.h"
#include "io/AtomicFile.h"
#include "io/SettingsStore.h"
#include "io/XdgPaths.h"

using namespace la;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    const auto dir = fs::temp_directory_path() / ("la_test_atomic_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

std::size_t fileCount(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

io::EnvLookup envOf(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
        const auto it = vars.find(std::string(name));
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

io::TextReader filesOf(std::map<std::string, std::string> files) {
    return [files = std::move(files)](const std::string& path) -> std::optional<std::string> {
        const auto it = files.find(path);
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
}

}  // namespace

// ---- AtomicFile -------------------------------------------------------------------------------

TEST_CASE("atomic file: creates and replaces") {
    const auto dir = freshDir("basic");
    const auto target = dir / "a.json";
    auto r = io::writeFileAtomically(target.string(), "first");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    CHECK(*r == 5);
    CHECK(slurp(target) == "first");
    std::string big(1 << 20, 'x');
    big[12345] = '\0';
    r = io::writeFileAtomically(target.string(), big);
    REQUIRE(r.ok());
    CHECK(slurp(target) == big);
    CHECK(io::writeFileAtomically(target.string(), "").ok());
    CHECK(slurp(target).empty());
    CHECK(fileCount(dir) == 1);  // no temporary files left over
    fs::remove_all(dir);
}

TEST_CASE("atomic file: keeps the permissions of the replaced file") {
    const auto dir = freshDir("mode");
    const auto target = dir / "a.txt";
    spit(target, "old");
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    REQUIRE(io::writeFileAtomically(target.string(), "new").ok());
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    fs::remove_all(dir);
}

TEST_CASE("atomic file: a write failing halfway leaves the old file byte-identical") {
    const auto dir = freshDir("fail");
    const auto target = dir / "settings.json";
    const std::string old = "{\"old\": true}\n\xff\x00 binary"s;
    spit(target, old);
    const std::string next(100000, 'n');

    // A writer that writes half and then reports failure (like a full disk).
    const io::ChunkWriter halfThenFail = [](std::FILE* f, std::string_view bytes) {
        std::fwrite(bytes.data(), 1, bytes.size() / 2, f);
        std::fflush(f);
        errno = ENOSPC;
        return false;
    };
    auto r = io::writeFileAtomically(target.string(), next, halfThenFail);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == target.string() + ": cannot write: " + std::strerror(ENOSPC));
    CHECK(slurp(target) == old);
    CHECK(fileCount(dir) == 1);  // the temporary file was removed

    // A writer that throws.
    const io::ChunkWriter throws = [](std::FILE* f, std::string_view bytes) -> bool {
        std::fwrite(bytes.data(), 1, 10, f);
        throw std::runtime_error("boom");
    };
    r = io::writeFileAtomically(target.string(), next, throws);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().rfind(target.string() + ": cannot write: ", 0) == 0);
    CHECK(slurp(target) == old);
    CHECK(fileCount(dir) == 1);
    fs::remove_all(dir);
}

TEST_CASE("atomic file: failures to create or rename leave things as they were") {
    const auto dir = freshDir("paths");
    // The target's directory is a regular file: the temporary file cannot be created.
    spit(dir / "notadir", "I am a file");
    const auto r = io::writeFileAtomically((dir / "notadir" / "x.json").string(), "data");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().rfind((dir / "notadir" / "x.json").string() + ": cannot create a temporary file: ", 0) == 0);
    CHECK(r.error().find('\n') == std::string::npos);
    CHECK(slurp(dir / "notadir") == "I am a file");
    // The target is a non-empty directory: the rename fails and the temporary is removed.
    fs::create_directories(dir / "isdir" / "inner");
    const auto r2 = io::writeFileAtomically((dir / "isdir").string(), "data");
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.error().rfind((dir / "isdir").string() + ": cannot replace the file: ", 0) == 0);
    CHECK(fs::is_directory(dir / "isdir" / "inner"));
    CHECK(fileCount(dir) == 2);
    // No file name at all.
    CHECK_FALSE(io::writeFileAtomically("", "x").ok());
    CHECK_FALSE(io::writeFileAtomically((dir / "").string(), "x").ok());
    fs::remove_all(dir);
}

// ---- XDG paths --------------------------------------------------------------------------------

TEST_CASE("xdg: config and data dirs") {
    CHECK(io::configDir(envOf({{"HOME", "/home/ann"}})) == "/home/ann/.config/lumbar-atlas");
    CHECK(io::dataDir(envOf({{"HOME", "/home/ann/"}})) == "/home/ann/.local/share/lumbar-atlas");
    const auto env = envOf({{"HOME", "/home/ann"}, {"XDG_CONFIG_HOME", "/cfg"}, {"XDG_DATA_HOME", "/data/"}});
    CHECK(io::configDir(env) == "/cfg/lumbar-atlas");
    CHECK(io::dataDir(env) == "/data/lumbar-atlas");
    // Relative or empty XDG values are ignored (XDG base directory spec).
    const auto rel = envOf({{"HOME", "/h"}, {"XDG_CONFIG_HOME", "cfg"}, {"XDG_DATA_HOME", ""}});
    CHECK(io::configDir(rel) == "/h/.config/lumbar-atlas");
    CHECK(io::dataDir(rel) == "/h/.local/share/lumbar-atlas");
    // No HOME at all: relative to the working directory rather than failing.
    CHECK(io::configDir(envOf({})) == "./.config/lumbar-atlas");
    CHECK(io::configDir(io::EnvLookup{}) == "./.config/lumbar-atlas");
    // The real environment works too.
    CHECK_FALSE(io::configDir(io::processEnv).empty());
}

TEST_CASE("xdg: pictures dir from user-dirs.dirs") {
    const auto env = envOf({{"HOME", "/home/ann"}});
    const std::string dirs =
        "# This file is written by xdg-user-dirs-update\n"
        "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
        "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n";
    CHECK(io::picturesDir(env, filesOf({{"/home/ann/.config/user-dirs.dirs", dirs}})) == "/home/ann/Bilder");
    // With XDG_CONFIG_HOME the file is looked for there.
    const auto env2 = envOf({{"HOME", "/home/ann"}, {"XDG_CONFIG_HOME", "/cfg"}});
    CHECK(io::picturesDir(env2, filesOf({{"/cfg/user-dirs.dirs", "XDG_PICTURES_DIR=\"/srv/pics/\"\n"}})) ==
          "/srv/pics");
    // Absent file, absent key, relative value, or $HOME itself (disabled): the data dir.
    CHECK(io::picturesDir(env, filesOf({})) == "/home/ann/.local/share/lumbar-atlas");
    CHECK(io::picturesDir(env, filesOf({{"/home/ann/.config/user-dirs.dirs", "XDG_DESKTOP_DIR=\"$HOME/D\"\n"}})) ==
          "/home/ann/.local/share/lumbar-atlas");
    CHECK(io::picturesDir(env, filesOf({{"/home/ann/.config/user-dirs.dirs", "XDG_PICTURES_DIR=\"Pictures\"\n"}})) ==
          "/home/ann/.local/share/lumbar-atlas");
    CHECK(io::picturesDir(env, filesOf({{"/home/ann/.config/user-dirs.dirs", "XDG_PICTURES_DIR=\"$HOME/\"\n"}})) ==
          "/home/ann/.local/share/lumbar-atlas");
    // Parsing details: spaces, escapes, the last assignment wins, $HOMEX is not $HOME.
    CHECK(io::parseUserDir("  XDG_PICTURES_DIR = \"$HOME/My \\\"Pics\\\"\"\r\n", "XDG_PICTURES_DIR", "/h") ==
          std::optional<std::string>("/h/My \"Pics\""));
    CHECK(io::parseUserDir("XDG_PICTURES_DIR=\"/a\"\nXDG_PICTURES_DIR=\"/b\"", "XDG_PICTURES_DIR", "/h") ==
          std::optional<std::string>("/b"));
    CHECK_FALSE(io::parseUserDir("XDG_PICTURES_DIR=\"$HOMEX/p\"", "XDG_PICTURES_DIR", "/h"));
    CHECK_FALSE(io::parseUserDir("#XDG_PICTURES_DIR=\"/p\"", "XDG_PICTURES_DIR", "/h"));
}

// ---- Settings ---------------------------------------------------------------------------------

TEST_CASE("settings: recent files") {
    Settings s;
    for (int i = 0; i < 15; ++i) s.addRecentFile("/m/" + std::to_string(i) + ".glb");
    CHECK(s.recentFiles.size() == Settings::kMaxRecentFiles);
    CHECK(s.recentFiles.front() == "/m/14.glb");
    s.addRecentFile("/m/10.glb");
    CHECK(s.recentFiles.front() == "/m/10.glb");
    CHECK(s.recentFiles.size() == Settings::kMaxRecentFiles);
    CHECK(std::count(s.recentFiles.begin(), s.recentFiles.end(), "/m/10.glb") == 1);
    s.addRecentFile("");
    CHECK(s.recentFiles.front() == "/m/10.glb");
}

TEST_CASE("settings store: save and load round trip") {
    const auto dir = freshDir("store") / "nested" / "lumbar-atlas";
    const io::SettingsStore store(dir.string());
    CHECK(store.path() == (dir / "settings.json").string());
    // Nothing saved yet: defaults, quietly.
    const auto none = store.load();
    CHECK_FALSE(none.fromFile);
    CHECK_FALSE(none.warning);
    CHECK(none.settings == Settings{});

    Settings s;
    s.lastModel = "models/lower_body.glb";
    s.palette = PainPalette::ColourBlindSafe;
    s.fontScale = 1.25f;
    s.detailLevel = DetailLevel::Therapist;
    s.windowX = 10;
    s.windowY = -20;
    s.windowW = 1600;
    s.windowH = 900;
    s.maximized = true;
    s.recentFiles = {"/a.glb", "/b é.obj"};
    const auto saved = store.save(s);
    REQUIRE_MESSAGE(saved.ok(), (saved.ok() ? "" : saved.error()));
    const auto loaded = store.load();
    CHECK(loaded.fromFile);
    CHECK_FALSE(loaded.warning);
    CHECK(loaded.settings == s);
    // Saving again replaces the file atomically and leaves no temporary files.
    s.fontScale = 2.0f;
    REQUIRE(store.save(s).ok());
    CHECK(store.load().settings.fontScale == 2.0f);
    CHECK(fileCount(dir) == 1);
    fs::remove_all(dir.parent_path().parent_path());
}

TEST_CASE("settings store: a corrupt file is set aside and defaults are used") {
    const auto dir = freshDir("corrupt");
    const io::SettingsStore store(dir.string());
    spit(dir / "settings.json", "{\n  \"font_scale\": 1.5,\n  \"palette\": \n");
    auto r = store.load();
    CHECK_FALSE(r.fromFile);
    CHECK(r.settings == Settings{});
    REQUIRE(r.setAside);
    CHECK(*r.setAside == (dir / "settings.json.corrupt-1").string());
    REQUIRE(r.warning);
    CHECK(r.warning->rfind((dir / "settings.json").string() + ":4: malformed JSON: ", 0) == 0);
    CHECK(r.warning->find("moved to settings.json.corrupt-1, using defaults") != std::string::npos);
    CHECK(r.warning->find('\n') == std::string::npos);
    CHECK_FALSE(fs::exists(dir / "settings.json"));
    CHECK(slurp(dir / "settings.json.corrupt-1") == "{\n  \"font_scale\": 1.5,\n  \"palette\": \n");
    // A second corrupt file does not overwrite the first one set aside.
    spit(dir / "settings.json", "[1, 2, 3]");
    r = store.load();
    REQUIRE(r.setAside);
    CHECK(*r.setAside == (dir / "settings.json.corrupt-2").string());
    CHECK(r.warning->find(":1: expected a JSON object") != std::string::npos);
    CHECK(fs::exists(dir / "settings.json.corrupt-1"));
    // Saving afterwards works normally.
    CHECK(store.save(Settings{}).ok());
    CHECK(store.load().fromFile);
    fs::remove_all(dir);
}

TEST_CASE("settings store: bad values fall back to defaults, the rest is kept") {
    const auto dir = freshDir("badvalues");
    const io::SettingsStore store(dir.string());
    spit(dir / "settings.json",
         "{\n"
         "  \"last_model\": \"m.glb\",\n"
         "  \"font_scale\": 40,\n"
         "  \"palette\": \"rainbow\",\n"
         "  \"window\": {\"x\": 5, \"w\": \"wide\"},\n"
         "  \"recent_files\": [\"/a\", 3, \"/b\"],\n"
         "  \"future_option\": {\"anything\": 1}\n"
         "}\n");
    const auto r = store.load();
    CHECK(r.fromFile);
    CHECK_FALSE(r.setAside);
    CHECK(r.settings.lastModel == "m.glb");
    CHECK(r.settings.fontScale == 1.0f);
    CHECK(r.settings.palette == PainPalette::Standard);
    CHECK(r.settings.windowX == 5);
    CHECK(r.settings.windowW == Settings{}.windowW);
    CHECK(r.settings.recentFiles == std::vector<std::string>{"/a", "/b"});
    REQUIRE(r.warning);
    CHECK(*r.warning ==
          (dir / "settings.json").string() +
              ":3: ignored invalid settings font_scale, palette, window/w, recent_files/1 (defaults used)");
    CHECK(fs::exists(dir / "settings.json"));
    fs::remove_all(dir);
}

TEST_CASE("settings store: saving where it cannot does not crash") {
    const auto dir = freshDir("cannot");
    spit(dir / "file", "x");
    const io::SettingsStore store((dir / "file" / "lumbar-atlas").string());
    const auto r = store.save(Settings{});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().rfind((dir / "file" / "lumbar-atlas").string() + ": cannot create directory: ", 0) == 0);
    CHECK(store.load().settings == Settings{});
    fs::remove_all(dir);
}
