// Files dropped on the window: which one opens, and the one line when none is a model.
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <doctest/doctest.h>

#include "core/ModelFiles.h"

using namespace la;

TEST_CASE("model files by extension, any case") {
    CHECK(isModelFile("/a/b/body.glb"));
    CHECK(isModelFile("Body.GLTF"));
    CHECK(isModelFile("x.Fbx"));
    CHECK(isModelFile("scan.stl"));
    CHECK_FALSE(isModelFile("notes.txt"));
    CHECK_FALSE(isModelFile("glb"));
    CHECK_FALSE(isModelFile("archive.glb.zip"));
}

TEST_CASE("a drop opens its first model file; without one, one line naming the file") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("la_drop_" + std::to_string(::getpid()));
    fs::create_directories(dir / "folder.glb");  // a folder that looks like a model
    std::ofstream(dir / "notes.txt") << "text";

    const DropChoice one = chooseDroppedModel({(dir / "notes.txt").string(), "/m/first.obj", "/m/second.glb"});
    REQUIRE(one.open);
    CHECK(*one.open == "/m/first.obj");
    CHECK(one.problem.empty());

    const DropChoice none = chooseDroppedModel({(dir / "notes.txt").string()});
    CHECK_FALSE(none.open);
    CHECK(none.problem.rfind((dir / "notes.txt").string() + ": not a model file", 0) == 0);
    CHECK(none.problem.find(".glb") != std::string::npos);
    CHECK(none.problem.find('\n') == std::string::npos);

    const DropChoice folder = chooseDroppedModel({(dir / "folder.glb").string(), (dir / "notes.txt").string()});
    CHECK_FALSE(folder.open);
    CHECK(folder.problem.find("folder.glb: a folder") != std::string::npos);
    CHECK(folder.problem.find("1 other file") != std::string::npos);

    CHECK_FALSE(chooseDroppedModel({}).open);
    CHECK(chooseDroppedModel({}).problem.empty());
    fs::remove_all(dir);
}
