// The bundled model against the measured reference shapes (shared/anatomy/reference_shapes.json, one adult,
// left side, cm): the silhouettes from behind (x spans) and from the side (z spans) every 1 cm of height,
// compared row by row as intersection over union, as shared/tools/shapecheck.py does. Skipped with a message
// when the reference file is not beside the repository.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "io/ModelLoader.h"

using namespace la;

namespace {

using Spans = std::vector<std::pair<float, float>>;

const std::string kRefPath = std::string(LA_SOURCE_DIR) + "/../shared/anatomy/reference_shapes.json";

// One structure's triangles in world space, cm.
struct Tris {
    std::vector<glm::vec3> v;  // three per triangle
    float ylo = 1e9f, yhi = -1e9f;
};

Tris trianglesOf(const Model& m, const std::string& name) {
    Tris t;
    const int n = m.findNode(name);
    if (n < 0) return t;
    const Node& node = m.nodes[static_cast<std::size_t>(n)];
    if (node.mesh < 0) return t;
    for (const Primitive& p : m.meshes[static_cast<std::size_t>(node.mesh)].primitives)
        for (std::uint32_t i : p.indices) {
            const glm::vec3 w = glm::vec3(node.world * glm::vec4(p.positions[i], 1.0f)) * 100.0f;
            t.v.push_back(w);
            t.ylo = std::min(t.ylo, w.y);
            t.yhi = std::max(t.yhi, w.y);
        }
    return t;
}

Spans merged(Spans s, float tol) {
    std::sort(s.begin(), s.end());
    Spans out;
    for (const auto& iv : s) {
        if (!out.empty() && iv.first <= out.back().second + tol)
            out.back().second = std::max(out.back().second, iv.second);
        else
            out.push_back(iv);
    }
    return out;
}

// The spans along axis `ax` (0 = x, 2 = z) that the projected triangles cover at height y, as shapecheck's
// 2 mm raster sees them: a pixel counts when the outline touches it (about half a pixel more at each end).
constexpr float kPixel = 0.2f;
Spans silhouetteRow(const Tris& t, int ax, float y) {
    Spans s;
    for (std::size_t i = 0; i + 2 < t.v.size(); i += 3) {
        float lo = 1e9f, hi = -1e9f;
        int cuts = 0;
        for (int e = 0; e < 3; ++e) {
            const glm::vec3 a = t.v[i + e], b = t.v[i + (e + 1) % 3];
            if ((a.y - y) * (b.y - y) > 0.0f || a.y == b.y) continue;
            const float u = a[ax] + (b[ax] - a[ax]) * (y - a.y) / (b.y - a.y);
            lo = std::min(lo, u);
            hi = std::max(hi, u);
            ++cuts;
        }
        if (cuts >= 2) s.emplace_back(lo - 0.5f * kPixel, hi + 0.5f * kPixel);
    }
    return merged(std::move(s), 0.0f);
}

float covered(const Spans& s, float x) {
    for (const auto& [a, b] : s)
        if (a <= x && x < b) return 1.0f;
    return 0.0f;
}

// Sum over rows of overlap and union lengths.
void rowIou(const Spans& ref, const Spans& got, double& inter, double& uni) {
    std::vector<float> xs;
    for (const auto& [a, b] : ref) xs.insert(xs.end(), {a, b});
    for (const auto& [a, b] : got) xs.insert(xs.end(), {a, b});
    std::sort(xs.begin(), xs.end());
    for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
        const float m = 0.5f * (xs[i] + xs[i + 1]), w = xs[i + 1] - xs[i];
        const float a = covered(ref, m), b = covered(got, m);
        inter += w * a * b;
        uni += w * std::max(a, b);
    }
}

struct Iou {
    bool present = false;
    double back = 0.0, side = 0.0;
};

Iou compare(const Model& m, const nlohmann::json& r, const std::string& id, float modelLo) {
    Iou out;
    Tris t = trianglesOf(m, id + ".L");
    if (t.v.empty()) t = trianglesOf(m, id);
    if (t.v.empty()) return out;
    out.present = true;
    for (const auto& [key, ax, dst] : {std::tuple{"back_rows_x", 0, &out.back}, {"side_rows_z", 2, &out.side}}) {
        double inter = 0.0, uni = 0.0;
        std::set<long> refRows;
        for (const auto& row : r.at(key)) {
            const float y = row.at("y").get<float>();
            if (y < modelLo) continue;
            refRows.insert(std::lround(y * 10.0f));
            Spans ref;
            for (const auto& s : row.at("spans")) ref.emplace_back(s.at(0).get<float>(), s.at(1).get<float>());
            rowIou(ref, silhouetteRow(t, ax, y), inter, uni);
        }
        // Rows the model covers but the reference does not count against it.
        for (float y = std::ceil(t.ylo); y < t.yhi; y += 1.0f)
            if (!refRows.count(std::lround(y * 10.0f))) rowIou({}, silhouetteRow(t, ax, y), inter, uni);
        *dst = uni > 0.0 ? inter / uni : 0.0;
    }
    return out;
}

}  // namespace

TEST_CASE("bundled model: silhouettes match the measured reference shapes") {
    if (!std::filesystem::exists(kRefPath)) {
        MESSAGE("skipped: no reference shapes beside the repository (shared/anatomy/reference_shapes.json)");
        return;
    }
    std::ifstream in(kRefPath);
    const nlohmann::json ref = nlohmann::json::parse(in);
    auto loaded = io::loadModel(std::string(LA_SOURCE_DIR) + "/models/lower_body.glb");
    if (!loaded.ok()) FAIL(loaded.error());
    const Model& m = loaded.value();
    float modelLo = 1e9f;
    for (const Node& n : m.nodes)
        if (n.mesh >= 0) modelLo = std::min(modelLo, trianglesOf(m, n.name).ylo);

    // The figures reached (left side; back, side), just below what this slicing measures on the committed
    // model (shapecheck's raster reads a little differently on thin structures). The goals: QL and
    // gluteus medius at least 0.75 in both views (reached), every structure 0.6 (reached by shapecheck; the multifidus
    // although the top of the model (40 cm) cuts it 15 cm below its measured top: it lies on our sacrum, whose back is
    // where the measured one has it; the gemellus superior ends in the trochanteric fossa, where the measured one
    // reaches forward; the thinnest bones read lower here, L4 from behind). The other bones are built from the landmark
    // table of FACTS.md, the T12 and lumbar vertebrae's bodies and arches placed after the measured ones.
    const std::map<std::string, std::pair<double, double>> reached = {
        {"quadratus_lumborum", {0.82, 0.78}},
        {"gluteus_medius", {0.8, 0.75}},
        {"gluteus_minimus", {0.62, 0.7}},
        {"gluteus_maximus", {0.67, 0.57}},
        {"psoas_major", {0.69, 0.78}},  // (the measured left psoas reaches closer to the midline than our
                                        // symmetric bodies, whose left half is wider than the measured one)
        {"iliacus", {0.82, 0.82}},
        {"tensor_fasciae_latae", {0.75, 0.68}},
        {"piriformis", {0.7, 0.7}},
        {"obturator_internus", {0.74, 0.75}},
        {"gemellus_superior", {0.76, 0.64}},
        {"gemellus_inferior", {0.9, 0.62}},
        {"quadratus_femoris", {0.75, 0.83}},
        {"iliocostalis_lumborum", {0.75, 0.63}},
        {"longissimus_thoracis", {0.76, 0.62}},
        {"multifidus", {0.63, 0.6}},
        {"latissimus_dorsi", {0.84, 0.76}},
        {"serratus_posterior_inferior", {0.72, 0.6}},
        {"external_oblique", {0.84, 0.7}},
        {"internal_oblique", {0.88, 0.62}},
        {"transversus_abdominis", {0.8, 0.72}},
        {"hip_bone", {0.8, 0.77}},
        {"sacrum", {0.76, 0.65}},
        {"femur", {0.82, 0.83}},
        {"vertebra_T12", {0.74, 0.73}},  // its body and arch where the measured T12 has them
        {"vertebra_L1", {0.68, 0.7}},
        {"vertebra_L2", {0.63, 0.8}},
        {"vertebra_L3", {0.78, 0.79}},
        {"vertebra_L4", {0.55, 0.68}},
        {"vertebra_L5", {0.76, 0.71}},
        {"rib_12", {0.8, 0.73}},
        {"rib_11", {0.72, 0.68}},
    };
    for (const auto& [id, r] : ref.items()) {
        if (id.empty() || id[0] == '_') continue;
        const Iou iou = compare(m, r, id, modelLo);
        if (!iou.present) {
            MESSAGE(id << ": not in the model");
            CHECK_FALSE(reached.count(id));
            continue;
        }
        MESSAGE(id << ": back " << iou.back << ", side " << iou.side);
        const std::string& structure = id;  // (a structured binding cannot be captured)
        CAPTURE(structure);
        const auto it = reached.find(id);
        const std::pair<double, double> want = it != reached.end() ? it->second : std::pair{0.45, 0.45};
        CHECK(iou.back >= want.first);
        CHECK(iou.side >= want.second);
    }
}
