// User data under hostile conditions (issue 18): stale temporary files, unknown settings keys, a symlinked
// settings file, a settings file that is a FIFO. The tests write their own files.
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <doctest/doctest.h>

#include "../support/TestGltf.h"
#include "io/AtomicFile.h"
#include "io/SettingsStore.h"

using namespace la;
using namespace la::test;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("settings: keys this version does not know survive a save") {
    const auto dir = tempDir("data_unknown_keys");
    writeText(dir / "settings.json",
              R"({"palette":"standard","from_a_newer_version":{"level":3},"my_note":"keep me"})");
    const io::SettingsStore store(dir.string());
    auto loaded = store.load();
    REQUIRE(loaded.fromFile);
    Settings s = loaded.settings;
    s.fontScale = 1.5f;
    REQUIRE(store.save(s).ok());
    const std::string text = readAll(dir / "settings.json");
    CHECK(text.find(R"("from_a_newer_version")") != std::string::npos);
    CHECK(text.find(R"("level": 3)") != std::string::npos);
    CHECK(text.find(R"("my_note": "keep me")") != std::string::npos);
    auto again = store.load();
    REQUIRE(again.fromFile);
    CHECK(again.settings.fontScale == doctest::Approx(1.5f));
}

TEST_CASE("settings: a symlinked settings file is written through and stays a link") {
    const auto dir = tempDir("data_symlink");
    fs::create_directories(dir / "dotfiles");
    fs::create_directories(dir / "config");
    writeText(dir / "dotfiles" / "settings.json", R"({"palette":"standard"})");
    fs::create_symlink(dir / "dotfiles" / "settings.json", dir / "config" / "settings.json");
    const io::SettingsStore store((dir / "config").string());
    Settings s;
    s.palette = PainPalette::ColourBlindSafe;
    REQUIRE(store.save(s).ok());
    CHECK(fs::is_symlink(dir / "config" / "settings.json"));
    CHECK(readAll(dir / "dotfiles" / "settings.json").find("colour_blind_safe") != std::string::npos);
    CHECK(store.load().settings.palette == PainPalette::ColourBlindSafe);
    // No temporary file is left beside either.
    for (const auto& folder : {dir / "dotfiles", dir / "config"})
        for (const auto& e : fs::directory_iterator(folder))
            CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("settings: stale temporary files of a killed save are removed, recent ones kept") {
    const auto dir = tempDir("data_stale_tmp");
    writeText(dir / ".settings.json.tmp-AbC123", "{\"half");
    writeText(dir / ".settings.json.tmp-Recent", "{\"half");
    writeText(dir / ".other.json.tmp-XyZ999", "not ours");
    fs::last_write_time(dir / ".settings.json.tmp-AbC123", fs::file_time_type::clock::now() - std::chrono::hours(2));
    const io::SettingsStore store(dir.string());
    store.load();
    CHECK_FALSE(fs::exists(dir / ".settings.json.tmp-AbC123"));
    CHECK(fs::exists(dir / ".settings.json.tmp-Recent"));  // may be another instance's save in progress
    CHECK(fs::exists(dir / ".other.json.tmp-XyZ999"));
    CHECK(io::removeStaleTemporaries((dir / "settings.json").string(), std::chrono::seconds(0)) == 1);
}

TEST_CASE("settings: a settings file that is a FIFO gives defaults and one line, without blocking") {
    const auto dir = tempDir("data_fifo");
    REQUIRE(::mkfifo((dir / "settings.json").c_str(), 0600) == 0);
    const io::SettingsStore store(dir.string());
    auto loaded = store.load();
    CHECK_FALSE(loaded.fromFile);
    REQUIRE(loaded.warning);
    CHECK(loaded.warning->find("not a regular file") != std::string::npos);
}
