// Registration to the landmark frame: the similarity fit, the hip landmarks, and whole models written
// the BodyParts3D and Z-Anatomy way from our own geometry.
#include <random>

#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "../support/ThirdPartyModels.h"
#include "core/Registration.h"
#include "io/CatalogueLoader.h"

using namespace la;
using namespace la::test;

namespace {

const Catalogue& realCatalogue() {
    static const Catalogue c = io::loadCatalogueDir(std::string(LA_SOURCE_DIR) + "/content/structures").catalogue;
    return c;
}

float maxDistance(const Model& a, const Model& b) {
    float worst = 0.0f;
    for (std::size_t i = 0; i < a.nodes.size() && i < b.nodes.size(); ++i) {
        const Node &na = a.nodes[i], &nb = b.nodes[i];
        if (na.mesh < 0 || nb.mesh < 0) continue;
        const auto& pa = a.meshes[static_cast<std::size_t>(na.mesh)].primitives.front().positions;
        const auto& pb = b.meshes[static_cast<std::size_t>(nb.mesh)].primitives.front().positions;
        for (std::size_t v = 0; v < pa.size() && v < pb.size(); v += 97)
            worst = std::max(worst, glm::length(glm::vec3(na.world * glm::vec4(pa[v], 1.0f)) -
                                                glm::vec3(nb.world * glm::vec4(pb[v], 1.0f))));
    }
    return worst;
}

}  // namespace

TEST_CASE("registration: the similarity fit recovers a known transform") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-1.0f, 1.0f);
    std::vector<glm::vec3> src, dst;
    const glm::mat4 truth = glm::translate(glm::mat4(1.0f), glm::vec3(0.3f, -1.2f, 4.0f)) *
                            glm::rotate(glm::mat4(1.0f), 1.1f, glm::normalize(glm::vec3(0.2f, 1.0f, -0.4f))) *
                            glm::scale(glm::mat4(1.0f), glm::vec3(0.001f));
    for (int i = 0; i < 6; ++i) {
        src.push_back(glm::vec3(u(rng), u(rng), u(rng)) * 300.0f);
        dst.push_back(glm::vec3(truth * glm::vec4(src.back(), 1.0f)));
    }
    auto fit = fitSimilarity(src, dst);
    REQUIRE(fit);
    CHECK(fit->scale == doctest::Approx(0.001f).epsilon(1e-4));
    CHECK(fit->rotationDegrees() == doctest::Approx(glm::degrees(1.1f)).epsilon(1e-3));
    CHECK(rmsError(*fit, src, dst) < 1e-5f);
    CHECK(glm::determinant(fit->rotation) == doctest::Approx(1.0f).epsilon(1e-4));
    // Collinear points leave a rotation undetermined; too few points too.
    CHECK_FALSE(fitSimilarity({{0, 0, 0}, {1, 0, 0}, {2, 0, 0}}, {{0, 0, 0}, {0, 1, 0}, {0, 2, 0}}));
    CHECK_FALSE(fitSimilarity({{0, 0, 0}, {1, 0, 0}}, {{0, 0, 0}, {0, 1, 0}}));
}

TEST_CASE("registration: the bundled model's hip landmarks are the references, so it stays as it is") {
    auto m = io::loadModel(bundledModelPath().string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    const SceneIndex idx(*m, realCatalogue());
    std::vector<glm::vec3> left;
    for (const auto& s : idx.nodes())
        if (s.key == "hip_bone.L") {
            const Node& n = m->nodes[static_cast<std::size_t>(s.node)];
            for (const auto& p : m->meshes[static_cast<std::size_t>(n.mesh)].primitives)
                for (const auto& v : p.positions) left.push_back(glm::vec3(n.world * glm::vec4(v, 1.0f)));
        }
    const auto lm = findHipLandmarks(left);
    REQUIRE(lm);
    const HipLandmarks ref = referenceHipLandmarks();
    MESSAGE("ASIS " << lm->asis.x << " " << lm->asis.y << " " << lm->asis.z << ", PSIS " << lm->psis.x << " "
                    << lm->psis.y << " " << lm->psis.z << ", crest " << lm->crestTop.x << " " << lm->crestTop.y << " "
                    << lm->crestTop.z);
    CHECK(glm::length(lm->asis - ref.asis) < 0.003f);
    CHECK(glm::length(lm->psis - ref.psis) < 0.003f);
    CHECK(glm::length(lm->crestTop - ref.crestTop) < 0.003f);
    // Near the landmark table (tools/modelgen/landmarks.h): ASIS 11.8/0/0 cm, PSIS 4.5/1.3/-13.8 cm.
    CHECK(glm::length(ref.asis - glm::vec3(0.118f, 0.0f, 0.0f)) < 0.015f);
    CHECK(glm::length(ref.psis - glm::vec3(0.045f, 0.013f, -0.138f)) < 0.015f);
    const Registration reg = computeRegistration(*m, idx);
    CHECK(reg.basis == RegistrationBasis::HipBones);
    CHECK(reg.alreadyInFrame);
    CHECK_FALSE(reg.applies());
    CHECK(reg.residual < 0.003f);
}

TEST_CASE("registration: a BodyParts3D-style export (mm, Z up, far origin) lands on the bundled model") {
    const auto dir = tempDir("registration_bp3d");
    REQUIRE(writeThirdPartyModels(dir));
    auto ours = io::loadModel(bundledModelPath().string());
    auto bp = io::loadModel((dir / "bodyparts3d.glb").string());
    REQUIRE_MESSAGE(bp.ok(), (bp.ok() ? std::string() : bp.error()));
    const SceneIndex idx(*bp, realCatalogue());
    // Every node is recognised, with its side.
    std::vector<std::string> keys;
    for (const auto& s : idx.nodes()) {
        CHECK_MESSAGE(s.ref.has_value(), s.name);
        keys.push_back(s.uniqueName());
    }
    for (const char* want :
         {"quadratus_lumborum.L", "quadratus_lumborum.R", "gluteus_medius.L", "gluteus_medius.R", "gluteus_maximus.R",
          "hip_bone.L", "hip_bone.R", "rib_12.R", "lumbar_vertebra:L1", "lumbar_vertebra:L5", "sacrum", "vertebra_T12"})
        CHECK_MESSAGE(std::find(keys.begin(), keys.end(), want) != keys.end(), want);
    const SceneNode* l1 = nullptr;
    for (const auto& s : idx.nodes())
        if (s.uniqueName() == "lumbar_vertebra:L1") l1 = &s;
    REQUIRE(l1);
    CHECK(l1->label == realCatalogue().find("lumbar_vertebra")->name + " (L1)");

    const Registration reg = computeRegistration(*bp, idx);
    MESSAGE(reg.describe());
    CHECK(reg.basis == RegistrationBasis::HipBones);
    REQUIRE(reg.applies());
    CHECK(reg.transform.scale == doctest::Approx(0.001f).epsilon(0.01));
    CHECK(reg.transform.rotationDegrees() == doctest::Approx(90.0f).epsilon(0.02));
    applyRegistration(*bp, reg.transform);
    // Node i of the export is node i of ours whenever ours has no skin before it: compare by name.
    Model oursNoSkin = *ours;
    std::vector<Node> kept;
    for (const auto& n : oursNoSkin.nodes)
        if (n.mesh >= 0 && !bodyParts3dName(n.name).empty()) kept.push_back(n);
    std::vector<Node> bpMeshNodes;
    for (const auto& n : bp->nodes)
        if (n.mesh >= 0) bpMeshNodes.push_back(n);
    REQUIRE(kept.size() == bpMeshNodes.size());
    oursNoSkin.nodes = kept;
    Model bpNodes = *bp;
    bpNodes.nodes = bpMeshNodes;
    const float worst = maxDistance(oursNoSkin, bpNodes);
    MESSAGE("largest vertex distance after registration: " << worst * 1000.0f << " mm");
    CHECK(worst < 0.005f);
}

TEST_CASE("registration: a Z-Anatomy-style export (root node scale, origin at the floor, turned)") {
    const auto dir = tempDir("registration_zanatomy");
    REQUIRE(writeThirdPartyModels(dir));
    auto za = io::loadModel((dir / "zanatomy.glb").string());
    REQUIRE_MESSAGE(za.ok(), (za.ok() ? std::string() : za.error()));
    const SceneIndex idx(*za, realCatalogue());
    for (const auto& s : idx.nodes()) CHECK_MESSAGE(s.ref.has_value(), s.name);
    const Registration reg = computeRegistration(*za, idx);
    MESSAGE(reg.describe());
    REQUIRE(reg.applies());
    CHECK(reg.transform.rotationDegrees() == doctest::Approx(8.0f).epsilon(0.05));
    applyRegistration(*za, reg.transform);
    // The sacrum's centre is where ours is.
    auto ours = io::loadModel(bundledModelPath().string());
    auto centreOf = [](const Model& m, const std::string& name) {
        const Node& n = m.nodes[static_cast<std::size_t>(m.findNode(name))];
        return glm::vec3(n.world *
                         glm::vec4(m.meshes[static_cast<std::size_t>(n.mesh)].primitives[0].bounds.center(), 1.0f));
    };
    CHECK(glm::length(centreOf(*za, "Sacrum") - centreOf(*ours, "sacrum")) < 0.004f);
    CHECK(glm::length(centreOf(*za, "Gluteus medius muscle.l") - centreOf(*ours, "gluteus_medius.L")) < 0.004f);
}

TEST_CASE("registration: without hip bones the sacrum and lumbar spine place the model; nothing known, nothing moves") {
    const auto dir = tempDir("registration_spine");
    auto m = io::loadModel(bundledModelPath().string());
    REQUIRE(m.ok());
    auto spineOnly = [](const std::string& n) {
        const std::string name = bodyParts3dName(n);
        return name.find("hip bone") != std::string::npos ? std::string() : name;
    };
    writeGlb(dir / "spine.glb", bakedNodes(*m, spineOnly, bodyParts3dFrame()));
    auto sp = io::loadModel((dir / "spine.glb").string());
    REQUIRE_MESSAGE(sp.ok(), (sp.ok() ? std::string() : sp.error()));
    const SceneIndex idx(*sp, realCatalogue());
    const Registration reg = computeRegistration(*sp, idx);
    MESSAGE(reg.describe());
    CHECK(reg.basis == RegistrationBasis::Spine);
    CHECK(reg.transform.scale == doctest::Approx(0.001f).epsilon(0.03));
    CHECK(reg.transform.rotationDegrees() == doctest::Approx(90.0f).epsilon(0.05));
    applyRegistration(*sp, reg.transform);
    const Node& sacrum = sp->nodes[static_cast<std::size_t>(sp->findNode("FJ50_BP4200_FMA16202_Sacrum"))];
    const glm::vec3 c(sacrum.world *
                      glm::vec4(sp->meshes[static_cast<std::size_t>(sacrum.mesh)].primitives[0].bounds.center(), 1.0f));
    const Node& own = m->nodes[static_cast<std::size_t>(m->findNode("sacrum"))];
    const glm::vec3 o(own.world *
                      glm::vec4(m->meshes[static_cast<std::size_t>(own.mesh)].primitives[0].bounds.center(), 1.0f));
    CHECK(glm::length(c - o) < 0.01f);

    // A cube named "Cube": no anatomy, its own frame.
    auto unknown = [](const std::string& n) { return n == "sacrum" ? std::string("Cube") : std::string(); };
    writeGlb(dir / "cube.glb", bakedNodes(*m, unknown, bodyParts3dFrame()));
    auto cube = io::loadModel((dir / "cube.glb").string());
    REQUIRE(cube.ok());
    const Registration none = computeRegistration(*cube, SceneIndex(*cube, realCatalogue()));
    CHECK(none.basis == RegistrationBasis::None);
    CHECK_FALSE(none.applies());
}

TEST_CASE("registration: muscles only (no bones) are placed from the bounds: units and axes, centred") {
    const auto dir = tempDir("registration_bounds");
    auto m = io::loadModel(bundledModelPath().string());
    REQUIRE(m.ok());
    auto musclesOnly = [](const std::string& n) {
        const std::string name = bodyParts3dName(n);
        return name.find("quadratus") != std::string::npos || name.find("gluteus") != std::string::npos ? name
                                                                                                        : std::string();
    };
    writeGlb(dir / "muscles.glb", bakedNodes(*m, musclesOnly, bodyParts3dFrame()));
    auto mu = io::loadModel((dir / "muscles.glb").string());
    REQUIRE_MESSAGE(mu.ok(), (mu.ok() ? std::string() : mu.error()));
    const Registration reg = computeRegistration(*mu, SceneIndex(*mu, realCatalogue()));
    MESSAGE(reg.describe());
    CHECK(reg.basis == RegistrationBasis::Bounds);
    CHECK(reg.transform.scale == doctest::Approx(0.001f));
    CHECK(reg.transform.rotationDegrees() == doctest::Approx(90.0f).epsilon(1e-3));
    applyRegistration(*mu, reg.transform);
    // Left is +X, up is +Y, the front +Z: the left gluteus medius lies left of and below the left QL.
    auto centre = [&](const char* name) {
        const Node& n = mu->nodes[static_cast<std::size_t>(mu->findNode(name))];
        return glm::vec3(n.world *
                         glm::vec4(mu->meshes[static_cast<std::size_t>(n.mesh)].primitives[0].bounds.center(), 1.0f));
    };
    const glm::vec3 ql = centre("FJ618_BP4582_FMA22349_Left_quadratus_lumborum");
    const glm::vec3 gmed = centre("FJ498_BP2768_FMA22331_Left_gluteus_medius");
    CHECK(ql.x > 0.02f);
    CHECK(gmed.x > ql.x);
    CHECK(gmed.y < ql.y - 0.05f);
    CHECK(glm::length(mu->worldBounds().center() - glm::vec3(0.0f, -0.02f, -0.08f)) < 0.02f);
}
