// Where the viewer looks for its bundled data: relative to the executable, never a compiled-in path.
#include <filesystem>
#include <fstream>
#include <map>

#include <doctest/doctest.h>

#include "io/BundledData.h"

namespace {
la::io::EnvLookup envOf(std::map<std::string, std::string> vars) {
    return [vars](std::string_view name) -> std::optional<std::string> {
        auto it = vars.find(std::string(name));
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}
}  // namespace

TEST_CASE("bundled data: candidates in order, override first, then next to the binary, then XDG") {
    auto c = la::io::bundledDataCandidates("/opt/la/bin/lumbar-atlas",
                                           envOf({{"HOME", "/home/ann"}, {"LA_DATA_DIR", "/srv/atlas"}}));
    REQUIRE(c.size() == 6);
    CHECK(c[0] == "/srv/atlas");
    CHECK(c[1] == "/opt/la/share/lumbar-atlas");
    CHECK(c[2] == "/opt/la/bin/share/lumbar-atlas");
    CHECK(c[3] == "/home/ann/.local/share/lumbar-atlas");
    CHECK(c[4] == "/usr/local/share/lumbar-atlas");
    CHECK(c[5] == "/usr/share/lumbar-atlas");
}

TEST_CASE("bundled data: XDG values are honoured, relative ones ignored") {
    auto c = la::io::bundledDataCandidates(
        "", envOf({{"HOME", "/h"}, {"XDG_DATA_HOME", "rel/data"}, {"XDG_DATA_DIRS", "/a:relative::/b/"}}));
    REQUIRE(c.size() == 3);
    CHECK(c[0] == "/h/.local/share/lumbar-atlas");
    CHECK(c[1] == "/a/lumbar-atlas");
    CHECK(c[2] == "/b/lumbar-atlas");
    auto d = la::io::bundledDataCandidates("", envOf({{"HOME", "/h"}, {"XDG_DATA_HOME", "/x"}}));
    CHECK(d.front() == "/x/lumbar-atlas");
}

TEST_CASE("bundled data: the first folder that holds the data wins; none gives nullopt") {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / "la-bundled-data-test";
    fs::remove_all(root);
    const fs::path prefix = root / "prefix";
    fs::create_directories(prefix / "bin");
    const auto env = envOf({{"HOME", (root / "home").string()}, {"XDG_DATA_DIRS", (root / "sys").string()}});
    const std::string exe = (prefix / "bin" / "lumbar-atlas").string();
    CHECK_FALSE(la::io::findBundledData(exe, env).has_value());

    // A folder with only content/ is not the data; one with the model and the structures is.
    const fs::path sys = root / "sys" / "lumbar-atlas";
    fs::create_directories(sys / "content" / "structures");
    CHECK_FALSE(la::io::findBundledData(exe, env).has_value());
    fs::create_directories(sys / "models");
    std::ofstream(sys / "models" / "lower_body.glb") << "glTF";
    CHECK(la::io::findBundledData(exe, env) == sys.string());

    // An install next to the binary takes precedence over the system folder.
    const fs::path mine = prefix / "share" / "lumbar-atlas";
    fs::create_directories(mine / "content" / "structures");
    fs::create_directories(mine / "models");
    std::ofstream(mine / "models" / "lower_body.glb") << "glTF";
    CHECK(la::io::findBundledData(exe, env) == mine.string());
    fs::remove_all(root);
}

TEST_CASE("bundled data: this program's own path is readable") {
    const auto p = la::io::executablePath();
    CHECK_FALSE(p.empty());
    CHECK(std::filesystem::exists(p));
}
