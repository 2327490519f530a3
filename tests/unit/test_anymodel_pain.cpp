// Referred pain on a model made elsewhere: a BodyParts3D-style export without a skin (mm, Z up, far
// origin), registered to the landmark frame, gets the same zones on its surfaces and the same trigger
// Xs on its muscles as the bundled model without its skin.
#include <doctest/doctest.h>

#include "../support/ThirdPartyModels.h"
#include "ctrl/Viewer.h"

using namespace la;
using namespace la::test;

namespace {

const glm::ivec2 kFb(1600, 1000);

void open(ctrl::Viewer& v, const std::filesystem::path& model) {
    v.loadCatalogue(std::string(LA_SOURCE_DIR) + "/content/structures");
    CHECK(v.pain.load(std::string(LA_SOURCE_DIR) + "/content/referred_pain").empty());
    auto ok = v.openModel(model.string());
    REQUIRE_MESSAGE(ok.ok(), (ok.ok() ? std::string() : ok.error()));
    REQUIRE(v.pain.show({"quadratus_lumborum", "gluteus_medius"}).ok());
    v.applyPreset(ViewPreset::Posterior, static_cast<float>(kFb.x) / kFb.y, false);
    v.prepareFrame(0.0f);
}

std::vector<ctrl::TriggerMark> marks(const ctrl::Viewer& v) {
    const glm::mat4 vp = v.camera.projection(static_cast<float>(kFb.x) / kFb.y) * v.camera.view();
    return v.pain.triggerMarks(vp, glm::vec2(kFb), v.scene.view());
}

// Zone weights baked per vertex, summed over the model: how much of its surface is painted.
double paintedWeight(ctrl::Viewer& v) {
    double sum = 0.0;
    v.pain.uploadChanged([&](MeshId, std::size_t, const std::vector<glm::vec4>& w) {
        for (const auto& x : w) sum += static_cast<double>(x.x * x.w);
    });
    return sum;
}

}  // namespace

TEST_CASE("a registered BodyParts3D-style export without skin: the same trigger Xs and zones as ours") {
    const auto dir = tempDir("anymodel_pain");
    REQUIRE(writeThirdPartyModels(dir));
    auto m = io::loadModel(bundledModelPath().string());
    REQUIRE(m.ok());
    auto noSkin = [](const std::string& n) { return bodyParts3dName(n).empty() ? std::string() : n; };
    writeGlb(dir / "ours.glb", bakedNodes(*m, noSkin, glm::mat4(1.0f)));

    ctrl::Viewer ours(false), theirs(false);
    open(ours, dir / "ours.glb");
    open(theirs, dir / "bodyparts3d.glb");
    REQUIRE(theirs.registration.applies());
    // Nobody's skin: the zones go on every visible surface.
    for (const auto& n : theirs.scene.index().nodes()) CHECK(n.kind != "skin");

    const auto a = marks(ours), b = marks(theirs);
    // QL's four and gluteus medius' three trigger points, on both sides.
    REQUIRE(a.size() == 14);
    REQUIRE(b.size() == a.size());
    float worst = 0.0f;
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].number == b[i].number);
        worst = std::max(worst, glm::length(a[i].pixel - b[i].pixel));
    }
    MESSAGE("largest trigger X offset: " << worst << " px at 1600x1000");
    CHECK(worst < 3.0f);
    // The marks are spread over both sides of the picture (left and right muscles).
    int leftHalf = 0;
    for (const auto& k : b) leftHalf += k.pixel.x < kFb.x / 2.0f;
    CHECK(leftHalf == 7);

    const double wa = paintedWeight(ours), wb = paintedWeight(theirs);
    MESSAGE("painted vertex weight: ours " << wa << ", export " << wb);
    CHECK(wb > 1000.0);
    CHECK(std::abs(wa - wb) < 0.02 * wa);
}
