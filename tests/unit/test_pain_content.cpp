// The bundled referred-pain charts on the bundled model: named skin points inside and outside each
// trigger point's zones (FACTS.md section 2, Travell & Simons vol. 2 ch. 4 and 8), each essential zone one
// connected region of the skin, the crest band on the iliac crest, and the per-vertex bake.
#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../../tools/modelgen/landmarks.h"
#include "core/PainSurface.h"
#include "io/ModelLoader.h"
#include "io/PainLoader.h"

using namespace la;

namespace {

struct Fixture {
    Model model;
    PainField field;
    std::vector<glm::vec3> skin;                  // welded skin vertices (world)
    std::vector<std::vector<std::uint32_t>> adj;  // their neighbours over the triangles
    std::vector<glm::uvec3> tris;                 // skin triangles over welded ids
    std::vector<glm::vec3> hipBone;               // hip_bone.L vertices (world)

    static const Fixture& get() {
        static const Fixture f = make();
        return f;
    }

private:
    static Fixture make() {
        Fixture f;
        auto m = io::loadModel(std::string(LA_SOURCE_DIR) + "/models/lower_body.glb");
        REQUIRE_MESSAGE(m.ok(), (m.ok() ? "" : m.error()));
        f.model = std::move(*m);
        const auto loaded = io::loadPainDir(std::string(LA_SOURCE_DIR) + "/content/referred_pain");
        for (const auto& e : loaded.errors) FAIL_CHECK(e);
        f.field = PainField(loaded.patterns);
        std::map<std::tuple<long, long, long>, std::uint32_t> weld;
        for (const Node& n : f.model.nodes) {
            if (n.mesh < 0) continue;
            for (const Primitive& p : f.model.meshes[static_cast<std::size_t>(n.mesh)].primitives) {
                std::vector<glm::vec3> w;
                for (const glm::vec3& v : p.positions) w.push_back(glm::vec3(n.world * glm::vec4(v, 1.0f)));
                if (n.name == "hip_bone.L") f.hipBone.insert(f.hipBone.end(), w.begin(), w.end());
                if (n.name != "skin") continue;
                std::vector<std::uint32_t> id(w.size());
                for (std::size_t i = 0; i < w.size(); ++i) {
                    const auto key = std::make_tuple(std::lround(w[i].x * 1e4), std::lround(w[i].y * 1e4),
                                                     std::lround(w[i].z * 1e4));
                    auto [it, fresh] = weld.try_emplace(key, static_cast<std::uint32_t>(f.skin.size()));
                    if (fresh) f.skin.push_back(w[i]);
                    id[i] = it->second;
                }
                for (std::size_t i = 0; i + 2 < p.indices.size(); i += 3)
                    f.tris.push_back({id[p.indices[i]], id[p.indices[i + 1]], id[p.indices[i + 2]]});
            }
        }
        f.adj.resize(f.skin.size());
        for (const auto& t : f.tris)
            for (int k = 0; k < 3; ++k) {
                f.adj[t[k]].push_back(t[(k + 1) % 3]);
                f.adj[t[(k + 1) % 3]].push_back(t[k]);
            }
        return f;
    }
};

glm::vec3 landmark(const char* name) {
    const auto* l = mg::landmarks::find(name);
    REQUIRE_MESSAGE(l, name);
    return glm::vec3(l->x, l->y, l->z) * 0.01f;
}

// The sacroiliac joint's posterior line lies just medial to and below the PSIS (EST: 1.2 cm in, 2 cm down).
glm::vec3 siJoint() {
    return landmark("psis") + glm::vec3(-0.012f, -0.02f, 0.0f);
}

float rayTriangle(glm::vec3 o, glm::vec3 d, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
    const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(d, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-12f) return -1.0f;
    const glm::vec3 s = o - a;
    const float u = glm::dot(s, p) / det;
    if (u < 0.0f || u > 1.0f) return -1.0f;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(d, q) / det;
    if (v < 0.0f || u + v > 1.0f) return -1.0f;
    return glm::dot(e2, q) / det;
}

// The skin over a point: outwards from the trunk's vertical axis, level with the point, at its angle.
glm::vec3 skinOver(glm::vec3 p) {
    const Fixture& f = Fixture::get();
    const ChartPoint c = trunkChart(p);
    const glm::vec3 o = fromTrunkChart(c.angleDeg, c.along, 0.0f), d = trunkOutward(c.angleDeg);
    float best = -1.0f;
    for (const auto& t : f.tris) best = std::max(best, rayTriangle(o, d, f.skin[t.x], f.skin[t.y], f.skin[t.z]));
    REQUIRE_MESSAGE(best > 0.0f, "no skin over the point");
    return o + d * best;
}

// Highest hip-bone vertex within +-1.5 degrees of the angle: the iliac crest there.
float crestHeight(float angleDeg) {
    float h = -1e9f;
    for (const glm::vec3& v : Fixture::get().hipBone)
        if (std::abs(trunkChart(v).angleDeg - angleDeg) < 1.5f) h = std::max(h, v.y);
    return h;
}

const TriggerPoint& trp(const char* muscle, const char* id) {
    const PainPattern* p = Fixture::get().field.find(muscle);
    REQUIRE_MESSAGE(p, muscle);
    const int i = p->findTriggerPoint(id);
    REQUIRE_MESSAGE(i >= 0, id);
    return p->triggerPoints[static_cast<std::size_t>(i)];
}

struct Named {
    const char* what;
    glm::vec3 skin;
};

// Inside the essential zone on both sides (the right by mirroring); outside: neither zone of a one-sided
// pattern (or only the essential one when the pattern may cross the midline).
void checkPoints(const char* muscle, const char* id, const std::vector<Named>& inside,
                 const std::vector<Named>& outside, bool oneSided = true) {
    const TriggerPoint& t = trp(muscle, id);
    for (const Named& n : inside) {
        INFO(muscle, " ", id, " inside: ", n.what);
        CHECK(evaluate(t, Side::Left, n.skin).essential > 0.3f);
        CHECK(evaluate(t, Side::Right, mirrorX(n.skin)).essential > 0.3f);
        CHECK(evaluate(t, Side::Right, n.skin).essential == 0.0f);
    }
    for (const Named& n : outside) {
        INFO(muscle, " ", id, " outside: ", n.what);
        const ZoneWeights w = evaluate(t, Side::Left, n.skin);
        CHECK(w.essential == 0.0f);
        if (oneSided) CHECK(w.spillover == 0.0f);
    }
}

}  // namespace

TEST_CASE("pain content: named skin points inside and outside each trigger point's essential zone") {
    const glm::vec3 si = skinOver(siJoint()), otherSi = skinOver(mirrorX(siJoint()));
    const glm::vec3 oppositeFlank = skinOver(fromTrunkChart(-90.0f, 0.10f, 0.05f));
    const glm::vec3 trochanter = skinOver(landmark("gt_lateral"));
    const glm::vec3 crestTop = skinOver(landmark("crest_top"));
    const glm::vec3 psis = skinOver(landmark("psis"));
    const glm::vec3 sacrumMidline = skinOver(glm::vec3(0.0f, -0.02f, -0.13f));
    // QL superficial upper: the crest from the PSIS round to the iliac tubercle.
    std::vector<Named> crest;
    const float a0 = trunkChart(landmark("psis")).angleDeg, a1 = trunkChart(landmark("iliac_tubercle")).angleDeg;
    for (float a = a0 + 2.0f; a <= a1 - 2.0f; a += 4.0f)
        crest.push_back({"iliac crest", skinOver(fromTrunkChart(a, crestHeight(a), 0.05f))});
    REQUIRE(crest.size() > 10);
    checkPoints("quadratus_lumborum", "superficial_upper", crest,
                {{"12th rib tip", skinOver(landmark("rib12_tip"))},
                 {"greater trochanter", trochanter},
                 {"the other SI joint", otherSi},
                 {"opposite flank", oppositeFlank}});
    checkPoints("quadratus_lumborum", "superficial_lower", {{"greater trochanter", trochanter}},
                {{"crest high point", crestTop},
                 {"the other SI joint", otherSi},
                 {"opposite flank", oppositeFlank},
                 {"the other trochanter", skinOver(mirrorX(landmark("gt_lateral")))}});
    checkPoints("quadratus_lumborum", "deep_upper", {{"SI joint of that side", si}},
                {{"the other SI joint", otherSi},
                 {"sacrum at the midline", sacrumMidline},
                 {"opposite flank", oppositeFlank},
                 {"greater trochanter", trochanter}});
    // Lower buttock: behind the ischial tuberosity, 3 cm higher and 1.5 cm lateral.
    const glm::vec3 lowerButtock =
        skinOver(glm::vec3(landmark("ischial_tuberosity").x + 0.015f, landmark("ischial_tuberosity").y + 0.03f, -0.3f));
    checkPoints("quadratus_lumborum", "deep_lower", {{"lower buttock", lowerButtock}},
                {{"SI joint", si},
                 {"the other SI joint", otherSi},
                 {"opposite flank", oppositeFlank},
                 {"greater trochanter", trochanter}});
    // Gluteus medius.
    checkPoints(
        "gluteus_medius", "trp1",
        {{"SI joint", si},
         {"PSIS", psis},
         {"posterior crest", skinOver(fromTrunkChart(42.0f, crestHeight(42.0f), 0.05f))}},
        {{"the other SI joint", otherSi}, {"greater trochanter", trochanter}, {"opposite flank", oppositeFlank}});
    const ChartPoint top = trunkChart(landmark("crest_top")), gt = trunkChart(landmark("gt_lateral"));
    const glm::vec3 lateralButtock =
        skinOver(fromTrunkChart(0.5f * (top.angleDeg + gt.angleDeg), 0.5f * (top.along + gt.along), 0.05f));
    checkPoints("gluteus_medius", "trp2", {{"side of the buttock, between crest and trochanter", lateralButtock}},
                {{"SI joint", si}, {"the other SI joint", otherSi}, {"opposite flank", oppositeFlank}});
    checkPoints(
        "gluteus_medius", "trp3",
        {{"crest high point", crestTop}, {"low back beside L5", skinOver(landmark("L5_sp") + glm::vec3(0.02f, 0, 0))}},
        {{"greater trochanter", trochanter}, {"opposite flank", oppositeFlank}, {"the other SI joint", otherSi}},
        false);  // its spillover may be felt across the midline
}

TEST_CASE("pain content: each essential zone is one connected region of the skin") {
    const Fixture& f = Fixture::get();
    REQUIRE(f.skin.size() > 1000);
    for (const PainPattern& p : f.field.patterns())
        for (const TriggerPoint& t : p.triggerPoints)
            for (const Zone* z : {&t.essential, &t.spillover}) {
                std::vector<char> in(f.skin.size());
                std::size_t count = 0;
                for (std::size_t i = 0; i < f.skin.size(); ++i) count += (in[i] = z->weight(f.skin[i]) > 0.0f);
                if (z->kind == ZoneKind::Spillover && count == 0) continue;  // no spillover
                INFO(p.muscle, " ", t.id, z->kind == ZoneKind::Essential ? " essential" : " spillover");
                REQUIRE(count > 10);  // the zone reaches the skin
                int components = 0;
                std::vector<char> seen(f.skin.size());
                for (std::size_t s = 0; s < f.skin.size(); ++s) {
                    if (!in[s] || seen[s]) continue;
                    ++components;
                    std::queue<std::uint32_t> q;
                    q.push(static_cast<std::uint32_t>(s));
                    seen[s] = 1;
                    while (!q.empty()) {
                        const std::uint32_t v = q.front();
                        q.pop();
                        for (std::uint32_t n : f.adj[v])
                            if (in[n] && !seen[n]) {
                                seen[n] = 1;
                                q.push(n);
                            }
                    }
                }
                INFO(count, " skin vertices in ", components, " regions");
                if (z->kind == ZoneKind::Essential) CHECK(components == 1);
                if (z->kind == ZoneKind::Spillover) CHECK(components <= 2);
            }
}

TEST_CASE("pain content: QL's crest band lies on the iliac crest, its medial end at the PSIS") {
    const Fixture& f = Fixture::get();
    const TriggerPoint& t = trp("quadratus_lumborum", "superficial_upper");
    // Band on the skin: per 4-degree column, the mean height of the covered skin (weight > 0.5).
    const float a0 = trunkChart(landmark("psis")).angleDeg, a1 = trunkChart(landmark("iliac_tubercle")).angleDeg;
    float medial = 1e9f;
    for (const glm::vec3& v : f.skin)
        if (t.essential.weight(v) > 0.5f) medial = std::min(medial, trunkChart(v).angleDeg);
    INFO("medial end at ", medial, " deg; PSIS at ", a0, " deg");
    CHECK(medial < a0 + 3.0f);  // it reaches the PSIS
    for (float a = medial + 1.0f; a < a1; a += 4.0f) {
        double sum = 0.0;
        int n = 0;
        for (const glm::vec3& v : f.skin)
            if (const ChartPoint c = trunkChart(v); std::abs(c.angleDeg - a) < 2.0f && t.essential.weight(v) > 0.5f) {
                sum += c.along;
                ++n;
            }
        REQUIRE(n > 0);
        const float band = static_cast<float>(sum / n), crest = crestHeight(a);
        INFO("at ", a, " deg: band centre ", band, " m, crest ", crest, " m");
        // The medial end within 1.5 cm of the crest; along the rest of the crest within 2 cm.
        CHECK(std::abs(band - crest) < (a < medial + 4.0f ? 0.015f : 0.02f));
    }
}

TEST_CASE("pain content: the bake agrees with the zones; trigger points sit on their muscles under the skin") {
    const Fixture& f = Fixture::get();
    const PainFlat flat = f.field.flatten();
    const PainBake bake = bakePain(f.model, f.field, flat);
    REQUIRE(bake.meshes.size() == f.model.meshes.size());
    CHECK(bake.entryCount() > 1000);
    const int skinNode = f.model.findNode("skin");
    REQUIRE(skinNode >= 0);
    const std::size_t skinMesh = static_cast<std::size_t>(f.model.nodes[static_cast<std::size_t>(skinNode)].mesh);
    const Primitive& prim = f.model.meshes[skinMesh].primitives[0];
    // Every trigger point on, the first one linked.
    const std::vector<float> on(flat.triggers.size(), 1.0f);
    std::vector<glm::vec4> composed;
    composePain(bake.meshes[skinMesh][0], on, 0, composed);
    REQUIRE(composed.size() == prim.positions.size());
    for (std::size_t v = 0; v < prim.positions.size(); v += 7) {
        float e = 0.0f, s = 0.0f, link = 0.0f;
        for (std::size_t i = 0; i < flat.triggers.size(); ++i) {
            const auto& ft = flat.triggers[i];
            const auto& inst = flat.instances[static_cast<std::size_t>(ft.instance)];
            const auto& def = f.field.patterns()[static_cast<std::size_t>(inst.pattern)]
                                  .triggerPoints[static_cast<std::size_t>(ft.triggerPoint)];
            const ZoneWeights w = evaluate(def, inst.side, prim.positions[v]);
            e = std::max(e, w.essential);
            s = std::max(s, w.spillover);
            if (i == 0) link = std::max(w.essential, w.spillover);
        }
        // The ramps are above one half inside a zone and below it well outside.
        if (e > 0.05f) CHECK(composed[v].x > 0.5f);
        if (composed[v].x > 0.56f) CHECK(e > 0.0f);
        if (s > 0.05f) CHECK(composed[v].y > 0.5f);
        if (composed[v].y > 0.56f) CHECK(s > 0.0f);
        if (link > 0.05f) CHECK(composed[v].z > 0.5f);
        if (composed[v].z > 0.56f) CHECK(link > 0.0f);
        if (composed[v].x > 0.0f || composed[v].y > 0.0f) CHECK(composed[v].w == 1.0f);
    }
    // Switched off, nothing is left.
    composePain(bake.meshes[skinMesh][0], std::vector<float>(flat.triggers.size(), 0.0f), -1, composed);
    CHECK(std::all_of(composed.begin(), composed.end(), [](const glm::vec4& c) { return c == glm::vec4(0.0f); }));
    // Marks: the X on the trigger point's own muscle, the skin mark further out along the same ray.
    std::vector<int> skin{skinNode};
    for (const auto& ft : flat.triggers) {
        const auto& inst = flat.instances[static_cast<std::size_t>(ft.instance)];
        const int muscle = f.model.findNode(inst.key);
        REQUIRE(muscle >= 0);
        const TriggerSpot m = placeTriggerSpot(f.model, ft.position, muscle, skin);
        INFO(inst.key, " ", ft.id);
        REQUIRE(m.onMuscle);
        REQUIRE(m.onSkin);
        CHECK(glm::length(*m.onMuscle - ft.position) < 0.04f);
        const glm::vec3 mm = glm::vec3(std::abs(m.onMuscle->x), m.onMuscle->y, m.onMuscle->z);
        const glm::vec3 ms = glm::vec3(std::abs(m.onSkin->x), m.onSkin->y, m.onSkin->z);
        CHECK(trunkChart(ms).radius > trunkChart(mm).radius + 0.005f);
        CHECK((m.onMuscle->x > 0.0f) == (inst.side == Side::Left));
    }
}
TEST_CASE(
    "pain content: trigger points lie in their muscles on the bundled model; QL's superficial ones beside the erector "
    "spinae") {
    const auto loaded = io::loadPainDir(std::string(LA_SOURCE_DIR) + "/content/referred_pain");
    for (const auto& e : loaded.errors) FAIL_CHECK(e);
    auto model = io::loadModel(std::string(LA_SOURCE_DIR) + "/models/lower_body.glb");
    REQUIRE_MESSAGE(model.ok(), (model.ok() ? std::string() : model.error()));
    const auto vertices = [&](const std::string& name) {
        std::vector<glm::vec3> out;
        for (const Node& n : model->nodes)
            if (n.name == name && n.mesh >= 0)
                for (const Primitive& prim : model->meshes[static_cast<std::size_t>(n.mesh)].primitives)
                    for (const glm::vec3& v : prim.positions) out.push_back(glm::vec3(n.world * glm::vec4(v, 1.0f)));
        return out;
    };
    REQUIRE(loaded.patterns.size() >= 2);
    for (const PainPattern& pattern : loaded.patterns) {
        const auto muscle = vertices(pattern.muscle + ".L");  // definitions are for the left side
        REQUIRE_MESSAGE(!muscle.empty(), pattern.muscle);
        glm::vec3 lo(1e9f), hi(-1e9f);
        for (const glm::vec3& v : muscle) {
            lo = glm::min(lo, v);
            hi = glm::max(hi, v);
        }
        for (const TriggerPoint& t : pattern.triggerPoints) {
            INFO(pattern.muscle, " ", t.id);
            float nearest = 1e9f;
            for (const glm::vec3& v : muscle) nearest = std::min(nearest, glm::length(v - t.position));
            CHECK(nearest < 0.015f);  // at most 1.5 cm from its surface (a thick muscle's middle)
            CHECK(glm::all(glm::greaterThanEqual(t.position, lo - glm::vec3(0.003f))));
            CHECK(glm::all(glm::lessThanEqual(t.position, hi + glm::vec3(0.003f))));
        }
    }
    // Palpated in the angle between the 12th rib and the erector spinae, and above the crest: the
    // superficial QL points are at or beyond the erector spinae's lateral border at their height.
    auto es = vertices("longissimus_thoracis.L");
    for (const glm::vec3& v : vertices("iliocostalis_lumborum.L")) es.push_back(v);
    REQUIRE(!es.empty());
    const PainPattern* ql = nullptr;
    for (const PainPattern& p : loaded.patterns)
        if (p.muscle == "quadratus_lumborum") ql = &p;
    REQUIRE(ql);
    for (const char* id : {"superficial_upper", "superficial_lower"}) {
        const int i = ql->findTriggerPoint(id);
        REQUIRE(i >= 0);
        const glm::vec3 p = ql->triggerPoints[static_cast<std::size_t>(i)].position;
        float border = -1e9f;
        for (const glm::vec3& v : es)
            if (std::abs(v.y - p.y) < 0.01f) border = std::max(border, v.x);
        INFO(std::string(id), ": x ", p.x, ", erector spinae border ", border);
        CHECK(p.x >= border - 0.003f);
    }
}
