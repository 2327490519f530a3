// The bundled model models/lower_body.glb (written by tools/modelgen): names, kinds, budget, closed manifold
// meshes, exact left/right symmetry, attachments and layering (issue 3), determinism of the generator.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "../../tools/modelgen/landmarks.h"
#include "../support/BundledModel.h"
#include "io/ModelLoader.h"

#if __has_include(<modelgen_generator.h>)
#include <modelgen_generator.h>
#define LA_HAVE_MODELGEN 1
#endif

using namespace la;
using namespace la::bundledmodel;

namespace {

const std::vector<std::string> kSided = {"hip_bone",
                                         "rib_11",
                                         "rib_12",
                                         "femur",
                                         "quadratus_lumborum",
                                         "gluteus_medius",
                                         "gluteus_minimus",
                                         "gluteus_maximus",
                                         "multifidus",
                                         "longissimus_thoracis",
                                         "iliocostalis_lumborum",
                                         "psoas_major",
                                         "iliacus",
                                         "piriformis",
                                         "obturator_internus",
                                         "gemellus_superior",
                                         "gemellus_inferior",
                                         "quadratus_femoris",
                                         "tensor_fasciae_latae",
                                         "transversus_abdominis",
                                         "internal_oblique",
                                         "external_oblique",
                                         "serratus_posterior_inferior",
                                         "latissimus_dorsi",
                                         "thoracolumbar_fascia",
                                         "iliotibial_band",
                                         "iliolumbar_ligament",
                                         "sacrotuberous_ligament",
                                         "kidney",
                                         "sciatic_nerve",
                                         "superior_gluteal_nerve",
                                         "superior_gluteal_vessels"};
// Sided structures whose right side is not the mirror of the left (the right kidney lies lower).
const std::vector<std::string> kAsymmetric = {"kidney"};
const std::vector<std::string> kMidline = {"sacrum",          "coccyx",      "vertebra_T12", "vertebra_L1",
                                           "vertebra_L2",     "vertebra_L3", "vertebra_L4",  "vertebra_L5",
                                           "interpubic_disc", "skin"};

std::vector<std::string> allNames() {
    std::vector<std::string> n = kMidline;
    for (const auto& s : kSided) {
        n.push_back(s + ".L");
        n.push_back(s + ".R");
    }
    return n;
}

std::string kindOf(const std::string& name) {
    if (name == "skin") return "skin";
    for (const auto& [prefix, kind] :
         std::vector<std::pair<std::string, std::string>>{{"interpubic_disc", "disc"},
                                                          {"thoracolumbar_fascia", "fascia"},
                                                          {"iliotibial_band", "fascia"},
                                                          {"iliolumbar_ligament", "ligament"},
                                                          {"sacrotuberous_ligament", "ligament"},
                                                          {"kidney", "organ"},
                                                          {"sciatic_nerve", "nerve"},
                                                          {"superior_gluteal_nerve", "nerve"},
                                                          {"superior_gluteal_vessels", "vessel"}})
        if (name.rfind(prefix, 0) == 0) return kind;
    for (const char* m : {"quadratus", "gluteus", "multifidus", "longissimus", "iliocostalis", "psoas", "iliacus",
                          "piriformis", "obturator", "gemellus", "tensor", "transversus", "internal_oblique",
                          "external_oblique", "serratus", "latissimus"})
        if (name.rfind(m, 0) == 0) return "muscle";
    return "bone";
}

}  // namespace

TEST_CASE("bundled model: parses, every structure is a named node with kind, layer and material") {
    const Model& m = bundled();
    const std::map<std::string, int> layers = {{"skin", 0},
                                               {"gluteus_maximus", 1},
                                               {"longissimus_thoracis", 1},
                                               {"iliocostalis_lumborum", 1},
                                               {"multifidus", 2},
                                               {"tensor_fasciae_latae", 1},
                                               {"gluteus_medius", 2},
                                               {"piriformis", 2},
                                               {"gemellus_superior", 2},
                                               {"gemellus_inferior", 2},
                                               {"quadratus_femoris", 2},
                                               {"obturator_internus", 3},
                                               {"quadratus_lumborum", 3},
                                               {"gluteus_minimus", 3},
                                               {"psoas_major", 4},
                                               {"iliacus", 4},
                                               {"latissimus_dorsi", 1},
                                               {"external_oblique", 1},
                                               {"serratus_posterior_inferior", 1},
                                               {"internal_oblique", 2},
                                               {"transversus_abdominis", 3},
                                               {"thoracolumbar_fascia", 1},
                                               {"iliotibial_band", 1},
                                               {"sacrotuberous_ligament", 2},
                                               {"sciatic_nerve", 2},
                                               {"superior_gluteal_nerve", 3},
                                               {"superior_gluteal_vessels", 3},
                                               {"iliolumbar_ligament", 4},
                                               {"kidney", 4}};
    for (const std::string& name : allNames()) {
        CAPTURE(name);
        const int n = m.findNode(name);
        REQUIRE(n >= 0);
        const Node& node = m.nodes[static_cast<std::size_t>(n)];
        REQUIRE(node.mesh >= 0);
        CHECK(node.extra("kind") == kindOf(name));
        const std::string id = name.substr(0, name.find('.'));
        const int layer = layers.count(id) ? layers.at(id) : 5;
        CHECK(node.extra("layer") == std::to_string(layer));
        const Mesh& mesh = m.meshes[static_cast<std::size_t>(node.mesh)];
        REQUIRE(mesh.primitives.size() == 1);
        const Primitive& p = mesh.primitives[0];
        CHECK(p.normals.size() == p.positions.size());
        if (kindOf(name) == "muscle") {
            REQUIRE(p.fibres.size() == p.positions.size());
            for (const glm::vec3& f : p.fibres) REQUIRE(std::fabs(glm::length(f) - 1.0f) < 1e-3f);
        } else {
            CHECK(p.fibres.empty());
        }
        REQUIRE(p.material >= 0);
        const Material& mat = m.materials[static_cast<std::size_t>(p.material)];
        CHECK(mat.name == kindOf(name));
        if (name == "skin") {
            CHECK(mat.alphaMode == AlphaMode::Blend);
            CHECK(mat.baseColor.w == doctest::Approx(0.3f));
            CHECK_FALSE(mat.doubleSided);
        } else {
            CHECK(mat.alphaMode == AlphaMode::Opaque);
        }
    }
}

TEST_CASE("bundled model: triangle budget and file size") {
    const Model& m = bundled();
    const std::size_t tris = m.triangleCount();
    CHECK(tris >= 100000);
    CHECK(tris <= 600000);
    CHECK(std::filesystem::file_size(kModelPath) <= 20u * 1024u * 1024u);
    // Metres, origin between the ASIS: the whole model is about a lower torso in size.
    const Aabb b = m.worldBounds();
    CHECK(b.size().y > 0.5f);
    CHECK(b.size().y < 0.8f);
    CHECK(b.size().x > 0.3f);
    CHECK(b.size().x < 0.5f);
}

TEST_CASE("bundled model: every mesh is closed, 2-manifold and outward facing") {
    for (const std::string& name : allNames()) {
        CAPTURE(name);
        const Surface& s = surface(name);
        std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
        bool degenerate = false;
        for (std::size_t t = 0; t < s.idx.size(); t += 3)
            for (int e = 0; e < 3; ++e) {
                const std::uint32_t a = s.idx[t + e], b = s.idx[t + (e + 1) % 3];
                degenerate = degenerate || a == b;
                ++directed[{a, b}];
            }
        CHECK_FALSE(degenerate);
        std::size_t bad = 0;
        for (const auto& [e, count] : directed) {
            auto rev = directed.find({e.second, e.first});
            if (count != 1 || rev == directed.end() || rev->second != 1) ++bad;
        }
        CHECK(bad == 0);
        // Positive enclosed volume = normals point outwards.
        double vol = 0.0;
        for (std::size_t t = 0; t < s.idx.size(); t += 3)
            vol += glm::dot(glm::dvec3(s.pos[s.idx[t]]),
                            glm::cross(glm::dvec3(s.pos[s.idx[t + 1]]), glm::dvec3(s.pos[s.idx[t + 2]]))) /
                   6.0;
        CHECK(vol > 0.0);
    }
}

TEST_CASE("bundled model: right structures are exact mirror images of the left ones") {
    for (const std::string& id : kSided) {
        CAPTURE(id);
        if (std::find(kAsymmetric.begin(), kAsymmetric.end(), id) != kAsymmetric.end()) continue;
        const Surface& l = surface(id + ".L");
        const Surface& r = surface(id + ".R");
        REQUIRE(l.pos.size() == r.pos.size());
        REQUIRE(l.idx.size() == r.idx.size());
        auto key = [](glm::vec3 p) { return std::array<float, 3>{p.x, p.y, p.z}; };
        std::vector<std::array<float, 3>> a, b;
        for (const glm::vec3& p : l.pos) a.push_back(key(glm::vec3(-p.x, p.y, p.z)));
        for (const glm::vec3& p : r.pos) b.push_back(key(p));
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        float worst = 0.0f;
        for (std::size_t i = 0; i < a.size(); ++i)
            for (int k = 0; k < 3; ++k) worst = std::max(worst, std::fabs(a[i][k] - b[i][k]));
        CHECK(worst < 1e-6f);
        CHECK(l.lo.x > -0.005f);  // left structures stay on the left (+x)
    }
}

TEST_CASE("bundled model: bones sit on the measured landmarks") {
    struct Check {
        std::string bone;
        const char* lm;
        float tol;
    };
    const Check checks[] = {{"hip_bone.L", "asis", 0.01f},
                            {"hip_bone.L", "iliac_tubercle", 0.01f},
                            {"hip_bone.L", "crest_top", 0.01f},
                            {"hip_bone.L", "psis", 0.01f},
                            {"hip_bone.L", "ischial_tuberosity", 0.01f},
                            {"hip_bone.L", "symphysis", 0.01f},
                            {"femur.L", "gt_lateral", 0.01f},
                            {"femur.L", "gt_top", 0.012f},
                            {"rib_12.L", "rib12_tip", 0.01f},
                            {"rib_12.L", "rib12_head", 0.01f},
                            {"sacrum", "promontory", 0.012f}};
    for (const Check& c : checks) {
        CAPTURE(c.bone);
        const std::string lm = c.lm;
        CAPTURE(lm);
        CHECK(distanceTo(surface(c.bone), landmark(c.lm)) < c.tol);
    }
    for (const std::string lv : {"T12", "L1", "L2", "L3", "L4", "L5"}) {
        CAPTURE(lv);
        const Surface& v = surface("vertebra_" + lv);
        CHECK(distanceTo(v, landmark((lv + "_tp").c_str())) < 0.006f);
        CHECK(distanceTo(v, landmark((lv + "_sp").c_str())) < 0.006f);
        CHECK(inside(v, landmark((lv + "_body").c_str())));
    }
    // The femoral head is seated in the acetabulum: head centre inside the femur, about one radius from
    // its surface, and the hip bone's socket just around it.
    const glm::vec3 h = landmark("femoral_head");
    CHECK(inside(surface("femur.L"), h));
    CHECK(distanceTo(surface("femur.L"), h) == doctest::Approx(0.022f).epsilon(0.12));
    CHECK(distanceTo(surface("hip_bone.L"), h) < 0.028f);
}

TEST_CASE("bundled model: the pubic symphysis is closed, its disc between the two pubic bodies") {
    const Surface& hip = surface("hip_bone.L");
    const Surface& disc = surface("interpubic_disc");
    const glm::vec3 sym = landmark("symphysis");
    // The symphyseal face of the pubic body: the hip bone's most medial point, about 0.5 cm from the midline.
    float medial = 1.0f;
    for (const glm::vec3& p : hip.pos) medial = std::min(medial, p.x);
    CHECK(medial > 0.003f);
    CHECK(medial < 0.007f);
    // The disc spans the midline and reaches into both faces: across the joint, left to right, the left bone's
    // face is met within a millimetre of the disc's edge, and the disc is the same on both sides.
    CHECK(disc.lo.x < -medial + 0.001f);
    CHECK(disc.hi.x > medial - 0.001f);
    CHECK(disc.lo.x == doctest::Approx(-disc.hi.x).epsilon(0.02));
    for (const float dy : {-0.006f, 0.0f, 0.006f}) {
        CAPTURE(dy);
        const glm::vec3 o(0.0f, sym.y + dy, sym.z);
        CHECK(inside(disc, o));
        const float toBone = firstHit(hip, o, glm::vec3(1, 0, 0));
        REQUIRE(toBone > 0.0f);
        CHECK(toBone < 0.008f);
        CHECK(distanceTo(disc, o + glm::vec3(toBone, 0, 0)) < 0.001f);
    }
    // And it is small: no larger than the pubic bodies it joins.
    CHECK(disc.hi.y - disc.lo.y < 0.04f);
    CHECK(disc.hi.z - disc.lo.z < 0.025f);
}

TEST_CASE("bundled model: L3 has the longest transverse process, measured from its root; L5's is short") {
    // The generator's description (landmarks.h): each process runs free from its root (the pedicle, or the broad
    // base on the pedicle and the body at L4/L5) to its measured tip. On the mesh: walking from the tip towards
    // the root and on, the bone stays a bar no taller than described until it widens into the pedicle or the
    // base (its cross-section grows); where that happens is the measured root.
    std::map<std::string, float> described, measured;
    for (const auto& tp : mg::landmarks::kTransverseProcesses) {
        const std::string lv = tp.level;
        CAPTURE(lv);
        const glm::vec3 root = glm::vec3(tp.x, tp.y, tp.z) * 0.01f;
        const glm::vec3 tip = landmark((lv + "_tp").c_str());
        const float len = glm::length(tip - root);
        described[lv] = len;
        const Surface& v = surface("vertebra_" + lv);
        const glm::vec3 dir = (root - tip) / len;
        float widens = -1.0f;
        for (float s = 0.004f; s < len + 0.015f; s += 0.0005f) {
            const glm::vec3 p = tip + dir * s;
            REQUIRE(inside(v, p));  // the process is solid bone from its tip to its root
            // Cross-section: vertical plus antero-posterior extent through the axis.
            const float extent = firstHit(v, p, glm::vec3(0, 1, 0)) + firstHit(v, p, glm::vec3(0, -1, 0)) +
                                 firstHit(v, p, glm::vec3(0, 0, 1)) + firstHit(v, p, glm::vec3(0, 0, -1));
            const float t = std::min(s / len, 1.0f);
            const float hr = 0.01f * (tp.hTip + tp.rTip + (tp.hRoot + tp.rRoot - tp.hTip - tp.rTip) * t);
            if (extent > 2.0f * hr + 0.004f) {
                widens = s;
                break;
            }
        }
        measured[lv] = widens;
        INFO(lv << ": free length described " << len * 100.0f << " cm, measured on the mesh " << widens * 100.0f
                << " cm");
        CHECK(widens > 0.0f);
        CHECK(std::fabs(widens - len) < 0.004f);
    }
    for (const std::string lv : {"L1", "L2", "L4", "L5"}) {
        CAPTURE(lv);
        CHECK(described.at("L3") > described.at(lv));
        CHECK(measured.at("L3") > measured.at(lv) + 0.001f);
    }
    // L5: its tip is the most lateral, its free part one of the shortest (broad root far out on the body).
    CHECK(measured.at("L5") < measured.at("L2"));
    CHECK(mg::landmarks::findTransverseProcess("L5")->x > mg::landmarks::findTransverseProcess("L3")->x + 1.0f);
}

TEST_CASE("bundled model: quadratus lumborum attaches to the 12th rib, L1-L4 transverse processes, iliac crest") {
    const Surface& ql = surface("quadratus_lumborum.L");
    const float top = ql.hi.y;
    const float bottom = ql.lo.y;
    // Upper border on the lower border of the 12th rib.
    CHECK(gap(ql, surface("rib_12.L"), [&](glm::vec3 p) { return p.y > top - 0.01f; }) < 0.01f);
    // Medial slips to the tips of the L1-L4 transverse processes.
    for (const std::string lv : {"L1", "L2", "L3", "L4"}) {
        CAPTURE(lv);
        CHECK(distanceTo(ql, landmark((lv + "_tp").c_str())) < 0.01f);
    }
    // Lower border on the iliac crest (the part of the hip bone above the sacroiliac joint).
    CHECK(gap(ql, surface("hip_bone.L"), [&](glm::vec3 p) { return p.y < bottom + 0.01f; }) < 0.01f);
    // Measured extents (left side, cm) within a few centimetres.
    for (const auto& e : mg::landmarks::kMuscleExtents) {
        const std::string muscle = e.muscle;
        CAPTURE(muscle);
        const Surface& s = surface(std::string(e.muscle) + ".L");
        const glm::vec3 lo(e.x0, e.y0, e.z0), hi(e.x1, e.y1, e.z1);
        const glm::vec3 c = (lo + hi) * 0.005f;
        const glm::vec3 sc = (s.lo + s.hi) * 0.5f;
        CHECK(glm::length(c - sc) < 0.035f);
    }
}

TEST_CASE("bundled model: gluteus medius runs from the gluteal surface to the greater trochanter") {
    const Surface& gm = surface("gluteus_medius.L");
    const Surface& hip = surface("hip_bone.L");
    // Origin: outer surface of the iliac wing below the crest (above the acetabulum, lateral).
    CHECK(gap(gm, hip, [](glm::vec3 p) { return p.y > 0.0f && p.x > 0.08f; }) < 0.01f);
    // Insertion: the greater trochanter (femur near its measured lateral point).
    const glm::vec3 gt = landmark("gt_lateral");
    CHECK(gap(gm, surface("femur.L"), [&](glm::vec3 p) { return glm::length(p - gt) < 0.035f; }) < 0.01f);
    // It is a fan: wide above, narrow below.
    float wideTop = 0, wideBottom = 0;
    {
        float lo = 1, hi = -1, lo2 = 1, hi2 = -1;
        for (const glm::vec3& p : gm.pos) {
            if (std::fabs(p.y - 0.0f) < 0.01f) lo = std::min(lo, p.z), hi = std::max(hi, p.z);
            if (std::fabs(p.y + 0.08f) < 0.01f) lo2 = std::min(lo2, p.z), hi2 = std::max(hi2, p.z);
        }
        wideTop = hi - lo;
        wideBottom = hi2 - lo2;
    }
    CHECK(wideTop > 1.5f * wideBottom);
}

// Rays given by `ray` over a grid (steps of 5 mm); pairs of `order` hit by the same ray must be met in that order.
int wrongOrder(const std::vector<std::string>& order,
               const std::function<std::pair<glm::vec3, glm::vec3>(float, float)>& ray, float a0, float a1, float b0,
               float b1, int& compared) {
    int wrong = 0;
    for (float a = a0; a <= a1 + 1e-6f; a += 0.005f)
        for (float b = b0; b <= b1 + 1e-6f; b += 0.005f) {
            const auto [o, d] = ray(a, b);
            std::vector<float> t;
            for (const auto& n : order) t.push_back(firstHit(surface(n), o, d));
            for (std::size_t i = 0; i < t.size(); ++i)
                for (std::size_t j = i + 1; j < t.size(); ++j)
                    if (t[i] > 0 && t[j] > 0) {
                        ++compared;
                        if (t[i] > t[j] + 1e-4f) {
                            ++wrong;
                            MESSAGE(order[i] << " behind " << order[j] << " at " << a << ", " << b);
                        }
                    }
        }
    return wrong;
}

// Rays from behind (+z direction); pairs hit by the same ray must be met in the expected order.
void checkOrder(const std::vector<std::string>& order, float x0, float x1, float y0, float y1) {
    const auto fromBehind = [](float x, float y) { return std::make_pair(glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1)); };
    int compared = 0;
    CHECK(wrongOrder(order, fromBehind, x0, x1, y0, y1, compared) == 0);
    CHECK(compared > 200);
}

TEST_CASE("bundled model: layers from behind are bone, minimus, medius, maximus, skin" * doctest::test_suite("slow")) {
    // Over the gluteal surface of the ilium, all five layers stack.
    checkOrder({"skin", "gluteus_maximus.L", "gluteus_medius.L", "gluteus_minimus.L", "hip_bone.L"}, 0.04f, 0.145f,
               -0.05f, 0.05f);
    // Over the whole buttock, down to the trochanter (below the acetabular roof the minimus tendon runs in
    // front of the hip joint, beside rather than under the medius tendon).
    checkOrder({"skin", "gluteus_maximus.L", "gluteus_medius.L"}, 0.02f, 0.15f, -0.2f, 0.05f);
}

// The structures of `names` a ray o + t d meets, in the order it first meets them.
std::vector<std::string> stackAlong(const std::vector<std::string>& names, const glm::vec3& o, const glm::vec3& d) {
    std::vector<std::pair<float, std::string>> met;
    for (const auto& n : names) {
        const float t = firstHit(surface(n), o, d);
        if (t > 0) met.emplace_back(t, n);
    }
    std::sort(met.begin(), met.end());
    std::vector<std::string> out;
    for (const auto& m : met) out.push_back(m.second);
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& n : v) s += (s.empty() ? "" : " > ") + n;
    return s;
}

// Over a grid of rays (two coordinates in metres, a0..a1 and b0..b1 in steps of 5 mm; `ray` makes origin and
// direction), the fraction whose stack is exactly one of `expected`.
double fractionStacked(const std::vector<std::string>& names, const std::vector<std::vector<std::string>>& expected,
                       const std::function<std::pair<glm::vec3, glm::vec3>(float, float)>& ray, float a0, float a1,
                       float b0, float b1) {
    int n = 0, ok = 0;
    for (float a = a0; a <= a1 + 1e-6f; a += 0.005f)
        for (float b = b0; b <= b1 + 1e-6f; b += 0.005f) {
            const auto [o, d] = ray(a, b);
            const auto got = stackAlong(names, o, d);
            ++n;
            if (std::find(expected.begin(), expected.end(), got) != expected.end())
                ++ok;
            else
                MESSAGE("at " << a << ", " << b << ": " << joined(got));
        }
    return n ? static_cast<double>(ok) / n : 0.0;
}

TEST_CASE("bundled model: gluteal layers at named points" * doctest::test_suite("slow")) {
    const std::vector<std::string> all = {"skin", "gluteus_maximus.L", "gluteus_medius.L", "gluteus_minimus.L",
                                          "hip_bone.L"};
    const auto fromBehind = [](float x, float y) { return std::make_pair(glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1)); };
    const auto fromLeft = [](float z, float y) { return std::make_pair(glm::vec3(1.0f, y, z), glm::vec3(-1, 0, 0)); };
    const glm::vec3 tubercle = landmark("iliac_tubercle"), psis = landmark("psis");
    // From behind just below the iliac tubercle's height, 2.5-3.5 cm medial to it: the anterior part of the
    // medius lies under the skin (and fascia) only, the minimus under it, then the ilium.
    CHECK(fractionStacked(all, {{"skin", "gluteus_medius.L", "gluteus_minimus.L", "hip_bone.L"}}, fromBehind,
                          tubercle.x - 0.035f, tubercle.x - 0.025f, tubercle.y - 0.01f, tubercle.y - 0.005f) > 0.9);
    // From the side, 1.5-3 cm behind the tubercle and below it: the medius shows under the skin, in front of
    // the maximus's upper border.
    CHECK(fractionStacked(all, {{"skin", "gluteus_medius.L", "gluteus_minimus.L", "hip_bone.L"}}, fromLeft,
                          tubercle.z - 0.03f, tubercle.z - 0.015f, tubercle.y - 0.03f, tubercle.y - 0.015f) > 0.9);
    // Over the posterior gluteal line, 2-3 cm lateral to the PSIS and just below it: the maximus over the
    // medius's posterior part (the minimus's posterior edge may lie under it), the ilium under them.
    CHECK(fractionStacked(all,
                          {{"skin", "gluteus_maximus.L", "gluteus_medius.L", "hip_bone.L"},
                           {"skin", "gluteus_maximus.L", "gluteus_medius.L", "gluteus_minimus.L", "hip_bone.L"}},
                          fromBehind, psis.x + 0.02f, psis.x + 0.03f, psis.y - 0.025f, psis.y - 0.015f) > 0.9);
    // Low over the ischium, from behind: under the maximus the quadratus femoris (the maximus is draped over
    // the deep rotators).
    const std::vector<std::string> deep = {"skin", "gluteus_maximus.L", "gluteus_medius.L", "quadratus_femoris.L"};
    const auto ischium = stackAlong(deep, glm::vec3(0.085f, -0.125f, -1.0f), glm::vec3(0, 0, 1));
    INFO(joined(ischium));
    REQUIRE(ischium.size() >= 3);
    CHECK(ischium[1] == "gluteus_maximus.L");
    CHECK(ischium[2] == "quadratus_femoris.L");
}

TEST_CASE("bundled model: the neighbours lie where the body has them (fascia, kidneys, nerves)") {
    const auto fromBehind = [](float x, float y) { return std::make_pair(glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1)); };
    // The thoracolumbar fascia over the erector spinae: 1-4 cm from the midline, L1 to L4, the first thing met
    // from behind (under the skin), a column of the erector spinae or the multifidus next.
    const std::vector<std::string> back = {"thoracolumbar_fascia.L",
                                           "longissimus_thoracis.L",
                                           "iliocostalis_lumborum.L",
                                           "multifidus.L",
                                           "quadratus_lumborum.L",
                                           "vertebra_L2",
                                           "vertebra_L3"};
    const float l1 = landmark("L1_body").y, l4 = landmark("L4_body").y;
    int over = 0, rays = 0;
    for (float x = 0.01f; x <= 0.04f + 1e-6f; x += 0.005f)
        for (float y = l4; y <= l1 + 1e-6f; y += 0.005f) {
            const auto [o, d] = fromBehind(x, y);
            const auto stack = stackAlong(back, o, d);
            ++rays;
            if (stack.size() >= 2 && stack[0] == "thoracolumbar_fascia.L" &&
                (stack[1] == "longissimus_thoracis.L" || stack[1] == "iliocostalis_lumborum.L" ||
                 stack[1] == "multifidus.L"))
                ++over;
            else
                MESSAGE("at " << x << ", " << y << ": " << joined(stack));
        }
    CHECK(over >= rays * 95 / 100);
    // Kidneys: between T11 and L3, the right one 1.5 cm lower and otherwise its mirror image; from behind
    // the QL (or a rib) lies in front of the eye before the kidney, over the middle of the kidney.
    const Surface& kl = surface("kidney.L");
    const Surface& kr = surface("kidney.R");
    CHECK(kl.hi.y < landmark("T12_body").y + 0.04f);
    CHECK(kl.lo.y > landmark("L3_body").y - 0.015f);
    CHECK(kr.lo.y == doctest::Approx(kl.lo.y - 0.015f).epsilon(0.002));
    CHECK(kr.hi.y == doctest::Approx(kl.hi.y - 0.015f).epsilon(0.002));
    CHECK(kr.lo.x == doctest::Approx(-kl.hi.x).epsilon(0.002));
    // From behind, over the kidney: the posterior abdominal wall first (QL, psoas at its medial border, the
    // transversus aponeurosis at its lateral border, the 12th rib above), the kidney in front of it; in the
    // middle of it the QL directly behind it (measured: 78 of 90 rays meet the wall first, 10 the QL just behind;
    // the rest pass beside the QL's narrow lateral border).
    const std::vector<std::string> wall = {
        "quadratus_lumborum.L", "psoas_major.L", "transversus_abdominis.L", "rib_12.L", "rib_11.L", "kidney.L"};
    int onKidney = 0, wallFirst = 0, qlBehind = 0;
    for (float x = kl.lo.x + 0.01f; x <= kl.hi.x - 0.01f; x += 0.005f)
        for (float y = kl.lo.y + 0.02f; y <= kl.hi.y - 0.02f; y += 0.005f) {
            const auto stack = stackAlong(wall, glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1));
            const auto k = std::find(stack.begin(), stack.end(), "kidney.L");
            if (k == stack.end()) continue;
            ++onKidney;
            if (k != stack.begin()) ++wallFirst;
            if (k != stack.begin() && *(k - 1) == "quadratus_lumborum.L") ++qlBehind;
        }
    REQUIRE(onKidney > 20);
    CHECK(wallFirst >= onKidney * 8 / 10);
    CHECK(qlBehind >= onKidney / 12);
    // The sciatic nerve, seen from behind between the ischial tuberosity and the greater trochanter: under
    // the gluteus maximus, over the quadratus femoris.
    const float tub = landmark("ischial_tuberosity").y;
    const Surface& sciatic = surface("sciatic_nerve.L");
    glm::vec3 onNerve(0.0f);
    int count = 0;
    for (const glm::vec3& p : sciatic.pos)
        if (std::fabs(p.y - (tub + 0.025f)) < 0.003f) {
            onNerve += p;
            ++count;
        }
    REQUIRE(count > 0);
    onNerve /= static_cast<float>(count);
    CHECK(onNerve.x > landmark("ischial_tuberosity").x);
    CHECK(onNerve.x < landmark("gt_lateral").x);
    const auto overNerve = stackAlong({"skin", "gluteus_maximus.L", "sciatic_nerve.L", "quadratus_femoris.L"},
                                      glm::vec3(onNerve.x, onNerve.y, -1.0f), glm::vec3(0, 0, 1));
    INFO(joined(overNerve));
    REQUIRE(overNerve.size() >= 3);
    CHECK(overNerve[1] == "gluteus_maximus.L");
    CHECK(overNerve[2] == "sciatic_nerve.L");
    // It leaves the pelvis below the piriformis; the superior gluteal nerve above it, and runs on the minimus
    // under the medius (seen along the line from its point out of the hip).
    CHECK(sciatic.hi.y < surface("piriformis.L").hi.y);
    const Surface& sgn = surface("superior_gluteal_nerve.L");
    CHECK(sgn.lo.y > surface("sciatic_nerve.L").hi.y);
    int between = 0, tried = 0;
    for (std::size_t i = 0; i < sgn.pos.size(); i += 50) {
        const glm::vec3 p = sgn.pos[i];
        if (p.x < 0.09f) continue;  // the branches on the minimus, lateral to the notch
        const glm::vec3 out = glm::normalize(glm::vec3(p.x - 0.04f, (p.y + 0.05f) * 0.35f, p.z + 0.04f));
        const auto stack =
            stackAlong({"gluteus_medius.L", "superior_gluteal_nerve.L", "gluteus_minimus.L"}, p + out * 0.1f, -out);
        ++tried;
        if (stack.size() == 3 && stack[0] == "gluteus_medius.L" && stack[1] == "superior_gluteal_nerve.L") ++between;
    }
    REQUIRE(tried > 5);
    CHECK(between >= tried * 7 / 10);
}

TEST_CASE("bundled model: quadratus lumborum is deep to erector spinae, its lateral border beside it") {
    const Surface& ql = surface("quadratus_lumborum.L");
    // The erector spinae's superficial columns as one surface.
    Surface es = surface("longissimus_thoracis.L");
    {
        const Surface& ic = surface("iliocostalis_lumborum.L");
        const auto base = static_cast<std::uint32_t>(es.pos.size());
        es.pos.insert(es.pos.end(), ic.pos.begin(), ic.pos.end());
        for (std::uint32_t i : ic.idx) es.idx.push_back(base + i);
        es.lo = glm::min(es.lo, ic.lo);
        es.hi = glm::max(es.hi, ic.hi);
    }
    int both = 0, qlFirst = 0, qlOnly = 0;
    for (float x = 0.01f; x <= 0.08f; x += 0.004f)
        for (float y = 0.04f; y <= 0.18f; y += 0.01f) {
            const glm::vec3 o(x, y, -1.0f), d(0, 0, 1);
            const float tq = firstHit(ql, o, d), te = firstHit(es, o, d);
            if (tq > 0 && te > 0) {
                ++both;
                if (tq < te) ++qlFirst;
            } else if (tq > 0) {
                ++qlOnly;
            }
        }
    CHECK(both > 20);
    CHECK(qlFirst == 0);
    CHECK(qlOnly > 5);  // seen from behind, lateral to erector spinae
}

TEST_CASE("bundled model: soft tissue does not pass through bone by more than 2 mm" * doctest::test_suite("slow")) {
    const std::vector<std::string> bones = {"hip_bone.L",   "femur.L",     "sacrum",      "coccyx",
                                            "vertebra_T12", "vertebra_L1", "vertebra_L2", "vertebra_L3",
                                            "vertebra_L4",  "vertebra_L5", "rib_11.L",    "rib_12.L"};
    for (const std::string& muscle : kSided) {
        if (kindOf(muscle) == "bone") continue;  // muscles, fascia, ligaments, organs, nerves, vessels
        const Surface& m = surface(muscle + ".L");
        for (const std::string& b : bones) {
            const Surface& bone = surface(b);
            float worst = 0.0f;
            for (std::size_t i = 0; i < m.pos.size(); i += 2)
                if (inside(bone, m.pos[i])) worst = std::max(worst, distanceTo(bone, m.pos[i]));
            CAPTURE(muscle);
            CAPTURE(b);
            CHECK(worst < 0.002f);
        }
    }
}

#ifdef LA_HAVE_MODELGEN
TEST_CASE("modelgen: deterministic, and the committed model is what the generator makes" *
          doctest::test_suite("slow")) {
    mg::GenerateOptions opt;
    opt.only = {"coccyx", "vertebra_L3", "rib_12", "psoas_major"};
    const auto a = mg::generateGlb(opt);
    const auto b = mg::generateGlb(opt);
    CHECK(a == b);
    const auto structures = mg::generateStructures(opt);
    for (const auto& s : structures) {
        CAPTURE(s.name);
        const Model& m = bundled();
        const int n = m.findNode(s.name);
        REQUIRE(n >= 0);
        const Primitive& p =
            m.meshes[static_cast<std::size_t>(m.nodes[static_cast<std::size_t>(n)].mesh)].primitives[0];
        REQUIRE(p.positions.size() == s.mesh.pos.size());
        bool same = p.indices == s.mesh.idx;
        for (std::size_t i = 0; i < p.positions.size() && same; ++i) same = p.positions[i] == s.mesh.pos[i] * 0.01f;
        CHECK_MESSAGE(same, "models/lower_body.glb is out of date: regenerate it (tools/modelgen/README.md)");
    }
}

TEST_CASE("modelgen: the committed model is byte for byte what the generator makes (every structure)" *
          doctest::test_suite("slow")) {
    // The whole model (about half a minute): the four-structure check above once missed a committed file
    // whose erector spinae had been meshed from an earlier state of the code.
    const auto generated = mg::generateGlb(mg::GenerateOptions{});
    std::ifstream in(kModelPath, std::ios::binary);
    REQUIRE(in);
    const std::vector<char> committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(committed.size() == generated.size());
    const bool same = committed.size() == generated.size() &&
                      std::equal(committed.begin(), committed.end(), generated.begin(),
                                 [](char c, std::uint8_t g) { return static_cast<std::uint8_t>(c) == g; });
    CHECK_MESSAGE(same, "models/lower_body.glb is out of date: regenerate it (tools/modelgen/README.md)");
}
#endif

TEST_CASE("bundled model: the trunk wall's layers, from the side and from behind" * doctest::test_suite("slow")) {
    const auto fromLeft = [](float z, float y) { return std::make_pair(glm::vec3(1.0f, y, z), glm::vec3(-1, 0, 0)); };
    const auto fromBehind = [](float x, float y) { return std::make_pair(glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1)); };
    int compared = 0;
    // The flank between the iliac crest and the ribs: the three flat muscles, outermost first.
    CHECK(wrongOrder({"skin", "external_oblique.L", "internal_oblique.L", "transversus_abdominis.L"}, fromLeft, -0.04f,
                     0.02f, 0.08f, 0.14f, compared) == 0);
    CHECK(compared > 300);
    // The lower back beside the spine: latissimus dorsi's aponeurosis over the erector spinae; the serratus
    // posterior inferior between them higher up; the quadratus lumborum deep to them all.
    compared = 0;
    CHECK(wrongOrder({"skin", "latissimus_dorsi.L", "longissimus_thoracis.L", "multifidus.L"}, fromBehind, 0.015f,
                     0.05f, 0.06f, 0.2f, compared) == 0);
    CHECK(compared > 300);
    compared = 0;
    CHECK(wrongOrder({"latissimus_dorsi.L", "serratus_posterior_inferior.L", "iliocostalis_lumborum.L",
                      "quadratus_lumborum.L"},
                     fromBehind, 0.02f, 0.08f, 0.12f, 0.2f, compared) == 0);
    CHECK(compared > 100);
}

namespace {

// Along vertical lines (steps of 5 mm) the first hit on `name` from `ray`: the largest second difference of the
// depth between three neighbouring hits (a step or ridge where the sheet changes from level to level shows as
// several millimetres; a smooth curved wall as a fraction of one).
float worstBend(const std::string& name, const std::function<std::pair<glm::vec3, glm::vec3>(float, float)>& ray,
                float a0, float a1, float y0, float y1, int& lines) {
    float worst = 0.0f, worstA = 0.0f, worstY = 0.0f;
    for (float a = a0; a <= a1 + 1e-6f; a += 0.01f) {
        std::vector<float> t;
        for (float y = y0; y <= y1 + 1e-6f; y += 0.005f) {
            const auto [o, d] = ray(a, y);
            t.push_back(firstHit(surface(name), o, d));
        }
        for (std::size_t i = 1; i + 1 < t.size(); ++i)
            if (t[i - 1] > 0 && t[i] > 0 && t[i + 1] > 0) {
                ++lines;
                const float bend = std::fabs(t[i - 1] - 2.0f * t[i] + t[i + 1]);
                if (bend > worst) worst = bend, worstA = a, worstY = y0 + 0.005f * static_cast<float>(i);
            }
    }
    MESSAGE(name << ": largest bend " << worst * 1000.0f << " mm at " << worstA << ", y " << worstY);
    return worst;
}

}  // namespace

TEST_CASE("bundled model: the trunk wall's sheets are smooth from level to level" * doctest::test_suite("slow")) {
    const auto fromLeft = [](float z, float y) { return std::make_pair(glm::vec3(1.0f, y, z), glm::vec3(-1, 0, 0)); };
    const auto fromFront = [](float x, float y) { return std::make_pair(glm::vec3(x, y, 1.0f), glm::vec3(0, 0, -1)); };
    const auto fromBehind = [](float x, float y) { return std::make_pair(glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1)); };
    int lines = 0;
    // The flank between the crest and the ribs, and the front of the abdomen between the inguinal ligament and the
    // model's top: no ridges where the fitted levels meet (they once showed as horizontal steps of 3-8 mm).
    CHECK(worstBend("external_oblique.L", fromLeft, -0.03f, 0.01f, 0.07f, 0.28f, lines) < 0.0015f);
    CHECK(worstBend("external_oblique.L", fromFront, 0.02f, 0.08f, 0.0f, 0.28f, lines) < 0.0015f);
    CHECK(worstBend("internal_oblique.L", fromFront, 0.02f, 0.08f, 0.0f, 0.26f, lines) < 0.0015f);
    CHECK(worstBend("transversus_abdominis.L", fromFront, 0.02f, 0.08f, 0.0f, 0.21f, lines) <
          0.0015f);  // its front ends lower
    CHECK(worstBend("latissimus_dorsi.L", fromBehind, 0.02f, 0.08f, 0.06f, 0.28f, lines) < 0.0015f);
    CHECK(lines > 1000);
}

TEST_CASE("bundled model: the skin has a dimple over each PSIS") {
    const glm::vec3 psis = landmark("psis");
    const auto depth = [](float x, float y) {
        return firstHit(surface("skin"), glm::vec3(x, y, -1.0f), glm::vec3(0, 0, 1));
    };
    for (const float side : {1.0f, -1.0f}) {
        CAPTURE(side);
        const float x = side * psis.x, centre = depth(x, psis.y);
        REQUIRE(centre > 0.0f);
        // From behind, the skin over the PSIS lies deeper than 2 cm around it: a hollow, not a slope.
        float around = 0.0f;
        for (const glm::vec2 d : {glm::vec2(0.02f, 0), glm::vec2(-0.02f, 0), glm::vec2(0, 0.02f), glm::vec2(0, -0.02f)})
            around += 0.25f * depth(x + d.x, psis.y + d.y);
        CHECK(centre - around > 0.0015f);
    }
}

TEST_CASE("bundled model: the skin shows the iliac crest's contour, a soft ridge from the side and from behind") {
    // Points on the crest from the landmark table: the iliac tubercle, midway to the crest's highest point, the
    // highest point, and part of the way back towards the PSIS. Through each, a vertical line of rays coming in
    // horizontally from outside (away from the trunk's axis x = 0, z = -7 cm): the skin's distance out r(y). Over
    // the crest the skin stands out of the line through the points 2 cm above and below it (a ridge), and no
    // more than 1 cm away from where the crest is.
    const glm::vec3 tubercle = landmark("iliac_tubercle"), top = landmark("crest_top"), psis = landmark("psis");
    const std::vector<glm::vec3> crest = {tubercle, 0.5f * (tubercle + top) + glm::vec3(0.0f, 0.008f, 0.0f), top,
                                          top + 0.35f * (psis - top) + glm::vec3(0.0f, 0.006f, 0.0f)};
    for (const float side : {1.0f, -1.0f})
        for (const glm::vec3& c0 : crest) {
            const glm::vec3 c(side * c0.x, c0.y, c0.z);
            const glm::vec3 away = glm::normalize(glm::vec3(c.x, 0.0f, c.z + 0.07f));
            const auto r = [&](float y) {
                const glm::vec3 o = glm::vec3(c.x, y, c.z) + away * 0.3f;
                const float t = firstHit(surface("skin"), o, -away);
                REQUIRE(t > 0.0f);
                return 0.3f - t;
            };
            float ridge = -1.0f;
            for (float y = c.y - 0.01f; y <= c.y + 0.0151f; y += 0.0025f)
                ridge = std::max(ridge, r(y) - 0.5f * (r(y - 0.02f) + r(y + 0.02f)));
            CAPTURE(side);
            CAPTURE(c.x);
            CAPTURE(c.y);
            CHECK(ridge > 0.0025f);
        }
}
