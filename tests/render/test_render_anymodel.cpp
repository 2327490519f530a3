// Models made elsewhere, end to end: a BodyParts3D-style export (mm, Z up, far origin, FJ/BP/FMA names,
// no skin) and a Z-Anatomy-style one, both written by the test from our own geometry, are registered to
// the landmark frame and then named, picked, selected and painted like the bundled model.
#include <doctest/doctest.h>

#include "../support/Shoot.h"
#include "../support/ThirdPartyModels.h"

using namespace la::test;

namespace {

// Strongly violet pixels (the pain zones, as in test_render_pain): blue well above red and green; muscle
// is red-brown, bone ivory, the background a pale grey-blue.
bool painViolet(const std::uint8_t* p) {
    return p[2] > 110 && p[2] > p[0] + 40 && p[2] > p[1] + 70;
}

long countViolet(const Image& img, int x0, int x1) {
    long n = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = x0; x < x1; ++x) n += painViolet(img.at(x, y));
    return n;
}

std::vector<std::string> pickLines(const std::string& out) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while ((at = out.find("pick ", at)) != std::string::npos) {
        const std::size_t end = out.find('\n', at);
        lines.push_back(out.substr(at, end - at));
        at = end;
    }
    return lines;
}

}  // namespace

TEST_CASE("a BodyParts3D-style export: registered, picked and selected by catalogue ids, painted") {
    const auto dir = tempDir("render_anymodel");
    REQUIRE(writeThirdPartyModels(dir));
    const std::string bp = shellQuoted(dir / "bodyparts3d.glb");
    std::string picks;
    for (int y = 150; y < 600; y += 50)
        for (int x = 150; x < 650; x += 50) picks += " --pick " + std::to_string(x) + "," + std::to_string(y);
    const std::string common = " --view posterior --size 800x600 --time 0.9";

    // The same picks on the bundled model without its skin (our names, our frame) and on the export:
    // the same structures.
    auto m = la::io::loadModel(bundledModelPath().string());
    REQUIRE(m.ok());
    auto noSkin = [](const std::string& n) { return bodyParts3dName(n).empty() ? std::string() : n; };
    writeGlb(dir / "ours.glb", bakedNodes(*m, noSkin, glm::mat4(1.0f)));
    const RunResult ours =
        runViewer(shellQuoted(dir / "ours.glb") + common + picks + " --screenshot " + shellQuoted(dir / "ours.png"));
    const RunResult theirs = runViewer(bp + common + picks + " --screenshot " + shellQuoted(dir / "bp.png"));
    INFO(theirs.err);
    REQUIRE(ours.exitCode == 0);
    REQUIRE(theirs.exitCode == 0);
    CHECK(theirs.out.find("bodyparts3d.glb: Registered from the hip bones: scale 0.001") != std::string::npos);
    const auto a = pickLines(ours.out), b = pickLines(theirs.out);
    REQUIRE(a.size() == 90);
    REQUIRE(b.size() == 90);
    int same = 0, muscles = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        same += a[i] == b[i];
        muscles +=
            b[i].find("quadratus_lumborum.") != std::string::npos || b[i].find("gluteus_medius.") != std::string::npos;
    }
    CHECK(same >= 87);  // a pixel on an outline may go either way
    CHECK(muscles > 5);
    CHECK(theirs.out.find("FJ") == std::string::npos);  // node names stay a detail

    // --select by catalogue id; without registration the model is where BodyParts3D put it.
    const RunResult sel =
        runViewer(bp + " --select quadratus_lumborum.L" + common + " --screenshot " + shellQuoted(dir / "sel.png"));
    CHECK(sel.exitCode == 0);
    const Image own = shoot(bp + " --no-register" + common, dir / "own.png");
    const Image reg = readPng((dir / "bp.png").string());
    CHECK(meanDifference(own, reg) > 0.02);

    // Both featured muscles' referred pain shows on a model without a skin: zones on its outermost
    // surfaces, on both sides. At 1600x1000 from behind the body spans about x 580-1020 with the spine at
    // x 800 (the patient's left is the left half), clear of the legend at the bottom right (x > 1130).
    const std::string wide = " --view posterior --size 1600x1000 --time 0.9";
    const Image plain = shoot(bp + wide, dir / "plain.png");
    const Image painted = shoot(bp + " --pain quadratus_lumborum,gluteus_medius" + wide, dir / "pain.png");
    CHECK(countViolet(painted, 0, 795) > countViolet(plain, 0, 795) + 10000);
    CHECK(countViolet(painted, 805, 1100) > countViolet(plain, 805, 1100) + 10000);
    // One side only: the other half stays clear.
    const Image left = shoot(bp + " --pain quadratus_lumborum.L" + wide, dir / "pain_left.png");
    CHECK(countViolet(left, 0, 795) > countViolet(plain, 0, 795) + 5000);
    CHECK(countViolet(left, 805, 1100) <= countViolet(plain, 805, 1100) + 50);
}

TEST_CASE("a Z-Anatomy-style export: registered from a root node's scale and a floor origin") {
    const auto dir = tempDir("render_zanatomy");
    REQUIRE(writeThirdPartyModels(dir));
    const RunResult r = runViewer(shellQuoted(dir / "zanatomy.glb") +
                                  " --select gluteus_medius.R --view posterior --size 640x480 --pick 320,240"
                                  " --screenshot " +
                                  shellQuoted(dir / "za.png"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("zanatomy.glb: Registered from the hip bones") != std::string::npos);
    CHECK(r.out.find("pick 320,240: ") != std::string::npos);
    CHECK(r.out.find("pick 320,240: none") == std::string::npos);
}
