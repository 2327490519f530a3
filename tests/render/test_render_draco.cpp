// A Draco-compressed glTF (encoded by the test with libdraco) is drawn like its uncompressed self: the
// textured quad facing +Z shows its four quadrants where they belong.
#include <doctest/doctest.h>

#include "../support/DracoScenes.h"
#include "../support/MaterialScenes.h"
#include "../support/Shoot.h"

using namespace la::test;

TEST_CASE("a Draco-compressed textured quad shows its quadrants in place") {
    const auto dir = tempDir("render_draco");
    writeQuadrantPng(dir / "quadrants.png");
    DracoInput quad;
    quad.positions = {-0.5f, 0.5f, 0, 0.5f, 0.5f, 0, 0.5f, -0.5f, 0, -0.5f, -0.5f, 0};
    quad.normals = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
    quad.uvs = {0, 0, 1, 0, 1, 1, 0, 1};
    quad.indices = {0, 3, 2, 0, 2, 1};
    const DracoEncoded enc = dracoEncode(quad);
    REQUIRE(!enc.bytes.empty());
    const auto file = writeDracoGltf(dir, "quad", enc, R"({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}},
                                         "extensions": {"KHR_materials_unlit": {}}})",
                                     R"({"uri": "quadrants.png"})");
    const RunResult r = runViewer(shellQuoted(file) + " --size 640x480 --screenshot " + shellQuoted(dir / "d.png"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Image img = readPng((dir / "d.png").string());
    REQUIRE(img.ok());
    auto at = [&](double fx, double fy) { return img.at(static_cast<int>(fx * img.w), static_cast<int>(fy * img.h)); };
    const std::uint8_t *tl = at(0.45, 0.43), *tr = at(0.55, 0.43), *bl = at(0.45, 0.57), *br = at(0.55, 0.57);
    INFO(int(tl[0]) << "," << int(tl[1]) << "," << int(tl[2]));
    CHECK((tl[0] > 240 && tl[1] < 15 && tl[2] < 15));   // red
    CHECK((tr[1] > 240 && tr[0] < 15 && tr[2] < 15));   // green
    CHECK((bl[2] > 240 && bl[0] < 15 && bl[1] < 15));   // blue
    CHECK((br[0] > 240 && br[1] > 240 && br[2] < 15));  // yellow
}
