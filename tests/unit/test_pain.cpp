// Referred pain: chart outlines, zones, mirroring, coverage, animation and the loader (the real content:
// test_pain_content.cpp).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "core/PainField.h"
#include "io/ModelLoader.h"
#include "io/PainLoader.h"

using namespace la;

namespace {

// A square outline on the trunk chart: angles a0..a1 degrees, heights h0..h1 metres.
ChartOutline box(float a0, float a1, float h0, float h1, float soft = kDefaultSoftEdge,
                 ChartKind chart = ChartKind::Trunk) {
    return ChartOutline{chart, {{a0, h0}, {a1, h0}, {a1, h1}, {a0, h1}}, soft};
}

// A point on a cylinder of radius r round the trunk axis at chart (angle, height).
glm::vec3 onTrunk(float angleDeg, float height, float r = 0.13f) {
    return fromTrunkChart(angleDeg, height, r);
}

PainPattern twoTriggerPattern() {
    TriggerPoint a;
    a.id = "a";
    a.name = "A";
    a.position = {0.05f, 0.1f, -0.1f};
    a.essential.outlines.push_back(box(30, 70, -0.03f, 0.03f));
    a.spillover.outlines.push_back(box(60, 100, -0.20f, -0.05f));
    TriggerPoint b;
    b.id = "b";
    b.name = "B";
    b.position = {0.02f, 0.0f, -0.1f};
    b.essential.outlines.push_back(box(45, 55, -0.01f, 0.01f, 0.005f));
    return PainPattern{"test_muscle", {a, b}};
}

bool has(const std::vector<CoverageEntry>& c, const std::string& inst, const std::string& trp, ZoneKind kind) {
    return std::any_of(c.begin(), c.end(), [&](const CoverageEntry& e) {
        return e.instance == inst && e.triggerPoint == trp && e.kind == kind;
    });
}

std::string describe(const std::vector<CoverageEntry>& c) {
    std::ostringstream ss;
    if (c.empty()) ss << "(nothing)";
    for (const auto& e : c)
        ss << e.instance << "/" << e.triggerPoint << " " << (e.kind == ZoneKind::Essential ? "essential" : "spillover")
           << " " << e.weight << "; ";
    return ss.str();
}

std::string writeTemp(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
    std::filesystem::create_directories(dir);
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
}

std::filesystem::path freshDir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("la_test_pain_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("pain charts: trunk and thigh coordinates") {
    // Trunk: 0 deg behind, +90 the body's left (+x), 180 in front, negative across to the right.
    const ChartAxes axes;
    CHECK(trunkChart({0.0f, 0.1f, axes.trunkAxisZ - 0.1f}).angleDeg == doctest::Approx(0.0f));
    CHECK(trunkChart({0.1f, 0.1f, axes.trunkAxisZ}).angleDeg == doctest::Approx(90.0f));
    CHECK(trunkChart({-0.1f, 0.1f, axes.trunkAxisZ}).angleDeg == doctest::Approx(-90.0f));
    CHECK(std::abs(trunkChart({0.0f, 0.1f, axes.trunkAxisZ + 0.1f}).angleDeg) == doctest::Approx(180.0f));
    CHECK(trunkChart({0.1f, 0.25f, axes.trunkAxisZ}).along == doctest::Approx(0.25f));
    CHECK(trunkChart({0.06f, 0.0f, axes.trunkAxisZ - 0.08f}).radius == doctest::Approx(0.1f));
    // Inverse.
    for (float a : {-150.0f, -30.0f, 0.0f, 45.0f, 120.0f}) {
        const ChartPoint c = trunkChart(fromTrunkChart(a, 0.07f, 0.12f));
        CHECK(c.angleDeg == doctest::Approx(a).epsilon(1e-4));
        CHECK(c.along == doctest::Approx(0.07f));
        CHECK(c.radius == doctest::Approx(0.12f));
        const ChartPoint t = thighChart(fromThighChart(a, 0.15f, 0.08f));
        CHECK(t.angleDeg == doctest::Approx(a).epsilon(1e-4));
        CHECK(t.along == doctest::Approx(0.15f));
        CHECK(t.radius == doctest::Approx(0.08f));
    }
    // Thigh: the outer side of the left thigh is +90, its back 0, distance grows down the femur.
    const glm::vec3 below = fromThighChart(0.0f, 0.2f, 0.0f);  // on the axis, 20 cm down
    CHECK(thighChart(below + glm::vec3(0.07f, 0, 0)).angleDeg == doctest::Approx(90.0f).epsilon(0.03));
    CHECK(std::abs(thighChart(below + glm::vec3(0, 0, -0.07f)).angleDeg) < 3.0f);
    CHECK(thighChart(below).along == doctest::Approx(0.2f).epsilon(0.01));
    CHECK(below.y == doctest::Approx(axes.hipCentre.y - 0.2f).epsilon(0.01));  // the axis is nearly vertical
}

TEST_CASE("pain charts: an outline covers its inside, with the soft band just inside the edge") {
    const ChartOutline o = box(30, 70, -0.03f, 0.03f, 0.01f);
    CHECK(o.weight(onTrunk(50, 0.0f)) == doctest::Approx(1.0f));
    CHECK(o.weight(onTrunk(50, 0.031f)) == 0.0f);  // above
    CHECK(o.weight(onTrunk(75, 0.0f)) == 0.0f);    // beyond the lateral edge
    CHECK(o.weight(onTrunk(-50, 0.0f)) == 0.0f);   // the mirror image on the right
    // Half way through the soft band, 5 mm inside the top edge.
    CHECK(o.weight(onTrunk(50, 0.025f)) == doctest::Approx(0.5f).epsilon(0.02));
    // Angles count as arc length at the point's radius: 1 degree at 0.13 m = 2.27 mm.
    const float r = 0.13f, inside = 0.005f / (r * 3.14159265f / 180.0f);
    CHECK(o.weight(onTrunk(70.0f - inside, 0.0f, r)) == doctest::Approx(0.5f).epsilon(0.03));
    // The same chart point on a deeper surface (smaller radius) is covered too: every surface shows it.
    CHECK(o.weight(onTrunk(50, 0.0f, 0.06f)) == doctest::Approx(1.0f));
    // But not a point on the axis itself, whose angle means nothing (the skin of the perineum crosses it).
    CHECK(o.weight(onTrunk(50, 0.0f, 0.002f)) == 0.0f);
    CHECK(o.rampAt(trunkChart(onTrunk(50, 0.0f, 0.002f)), 0.01f) == 0.0f);
    // Signed distance.
    CHECK(o.signedDistance(trunkChart(onTrunk(50, 0.05f))) == doctest::Approx(0.02f).epsilon(0.01));
    CHECK(o.signedDistance(trunkChart(onTrunk(50, 0.0f))) < 0.0f);
    // A concave outline (an L): the notch is outside.
    const ChartOutline l{ChartKind::Trunk, {{0, 0}, {40, 0}, {40, 0.02f}, {20, 0.02f}, {20, 0.08f}, {0, 0.08f}}, 0.0f};
    CHECK(l.weight(onTrunk(10, 0.05f)) == 1.0f);
    CHECK(l.weight(onTrunk(30, 0.05f)) == 0.0f);
    CHECK(l.weight(onTrunk(30, 0.01f)) == 1.0f);
    // A thigh outline covers only the left thigh (the right one is the right-side instance's).
    const ChartOutline t = box(60, 120, 0.05f, 0.20f, 0.01f, ChartKind::Thigh);
    CHECK(t.weight(fromThighChart(90, 0.1f, 0.09f)) == doctest::Approx(1.0f));
    CHECK(t.weight(mirrorX(fromThighChart(90, 0.1f, 0.09f))) == 0.0f);
    CHECK(t.weight(fromThighChart(0, 0.1f, 0.09f)) == 0.0f);
}

TEST_CASE("pain: the right side is the mirror image") {
    const PainPattern left = twoTriggerPattern();
    const PainField field({left});
    int coveredLeft = 0;
    for (int i = 0; i < 4000; ++i) {
        const float fx = std::fmod(static_cast<float>(i) * 0.6180339f, 1.0f);
        const float fy = std::fmod(static_cast<float>(i) * 0.4142135f, 1.0f);
        const float fz = std::fmod(static_cast<float>(i) * 0.7320508f, 1.0f);
        const glm::vec3 p{0.02f + 0.16f * fx, -0.25f + 0.32f * fy, -0.20f + 0.20f * fz};
        const glm::vec3 m = mirrorX(p);
        for (const TriggerPoint& t : left.triggerPoints) {
            const ZoneWeights l = evaluate(t, Side::Left, p);
            const ZoneWeights r = evaluate(t, Side::Right, m);
            CHECK(l.essential == doctest::Approx(r.essential));
            CHECK(l.spillover == doctest::Approx(r.spillover));
            // Zones at angles 30...100 on the left: the right instance never covers these points.
            CHECK(evaluate(t, Side::Right, p).essential == 0.0f);
            CHECK(evaluate(t, Side::Left, m).essential == 0.0f);
            if (l.essential > 0.0f) ++coveredLeft;
        }
        const auto cl = field.coverage(p);
        const auto cr = field.coverage(m);
        REQUIRE(cl.size() == cr.size());
        for (std::size_t k = 0; k < cl.size(); ++k) {
            CHECK(cl[k].instance == "test_muscle.L");
            CHECK(cr[k].instance == "test_muscle.R");
            CHECK(cl[k].triggerPoint == cr[k].triggerPoint);
        }
    }
    CHECK(coveredLeft > 50);  // the scatter did hit the zones
    CHECK(left.mirrored().triggerPoints[0].position.x == doctest::Approx(-0.05f));
}

TEST_CASE("pain: instance keys") {
    CHECK(instanceKey("quadratus_lumborum", Side::Left) == "quadratus_lumborum.L");
    CHECK(instanceKey("quadratus_lumborum", Side::Right) == "quadratus_lumborum.R");
    const auto k = parsePainInstanceKey("gluteus_medius.R");
    REQUIRE(k);
    CHECK(k->muscle == "gluteus_medius");
    CHECK(k->side == Side::Right);
    CHECK_FALSE(parsePainInstanceKey("gluteus_medius"));
    CHECK_FALSE(parsePainInstanceKey(".X"));
}

TEST_CASE("pain: coverage lists essential before spillover, then by weight") {
    PainPattern p = twoTriggerPattern();
    // Trigger point b: a spillover overlapping a's essential zone, and a weaker essential edge.
    p.triggerPoints[1].spillover.outlines.push_back(box(20, 80, -0.06f, 0.06f));
    PainPattern other = twoTriggerPattern();
    other.muscle = "another";
    other.triggerPoints[0].essential.outlines[0] = box(30, 70, -0.03f, 0.03f, 0.2f);  // wide soft edge
    const PainField field({p, other});
    const glm::vec3 spot = onTrunk(50, 0.0f);
    const auto c = field.coverage(spot);
    INFO(describe(c));
    REQUIRE(c.size() == 5);
    // Essential first (a, b of test_muscle at 1, another's a and b), spillover last.
    for (std::size_t i = 0; i + 1 < c.size(); ++i) {
        CHECK(static_cast<int>(c[i].kind) <= static_cast<int>(c[i + 1].kind));
        if (c[i].kind == c[i + 1].kind) CHECK(c[i].weight >= c[i + 1].weight);
    }
    CHECK(c.back().kind == ZoneKind::Spillover);
    CHECK(c.back().triggerPoint == "b");
    CHECK(has(c, "another.L", "a", ZoneKind::Essential));
    CHECK(c[3].instance == "another.L");  // the soft one: lowest essential weight
    CHECK(c[3].weight < 1.0f);
    // Outside everything.
    CHECK(field.coverage({0.5f, 0.5f, 0.5f}).empty());
    // A PainState filters instances and trigger points.
    PainState state;
    state.patternsOn = {"test_muscle.L"};
    state.triggerPointsOff = {"test_muscle.L/b"};
    const auto f = field.coverage(spot, &state);
    REQUIRE(f.size() == 1);
    CHECK(f[0].triggerPoint == "a");
    state.leftOn = false;
    CHECK(field.coverage(spot, &state).empty());
}

TEST_CASE("pain: flat trigger list, legend numbers") {
    const PainPattern p = twoTriggerPattern();
    PainPattern q = twoTriggerPattern();
    q.muscle = "second";
    const PainField field({p, q});
    const PainFlat flat = field.flatten();
    REQUIRE(flat.instances.size() == 4);
    CHECK(flat.instances[0].key == "test_muscle.L");
    CHECK(flat.instances[1].key == "test_muscle.R");
    CHECK(flat.instances[1].side == Side::Right);
    REQUIRE(flat.triggers.size() == 8);
    CHECK(flat.triggers[2].instance == 1);
    CHECK(flat.triggers[2].position.x == doctest::Approx(-0.05f));  // side applied
    CHECK(flat.triggers[3].name == "B");
    // The legend numbers trigger points shown on either side, pattern by pattern.
    PainState state;
    state.patternsOn = {"second.R"};
    auto legend = legendEntries(field, state);
    REQUIRE(legend.size() == 2);
    CHECK(legendNumber(legend, 1, 1) == 2);
    CHECK(legendNumber(legend, 0, 0) == 0);
    state.patternsOn.insert("test_muscle.L");
    state.triggerPointsOff = {"test_muscle.L/a"};
    legend = legendEntries(field, state);
    REQUIRE(legend.size() == 3);
    CHECK(legendNumber(legend, 0, 1) == 1);  // b of the first pattern
    CHECK(legendNumber(legend, 1, 0) == 2);
}

TEST_CASE("pain: the link animation takes the shown trigger points in turn, dark at each switch") {
    CHECK(painLinkAt(0.5f, 1.0f, 0).turn == -1);
    CHECK(painLinkAt(0.5f, 0.0f, 3).turn == -1);
    CHECK(painLinkAt(0.5f, 1.0f, 3).turn == 0);
    CHECK(painLinkAt(1.5f, 1.0f, 3).turn == 1);
    CHECK(painLinkAt(3.5f, 1.0f, 3).turn == 0);   // round again
    CHECK(painLinkAt(0.75f, 2.0f, 3).turn == 1);  // two turns a second
    CHECK(painLinkAt(0.5f, 1.0f, 3).brightness == doctest::Approx(1.0f));
    CHECK(painLinkAt(0.0f, 1.0f, 3).brightness == doctest::Approx(0.0f));
    CHECK(painLinkAt(0.9999f, 1.0f, 3).brightness == doctest::Approx(0.0f).epsilon(1e-3));
    // Continuous in time, also across the switch from one trigger point to the next.
    float last = painLinkAt(0.0f, 1.0f, 4).brightness;
    for (float t = 0.001f; t < 8.0f; t += 0.001f) {
        const float b = painLinkAt(t, 1.0f, 4).brightness;
        CHECK(std::abs(b - last) < 0.02f);
        CHECK(b >= 0.0f);
        CHECK(b <= 1.0f);
        last = b;
    }
}

TEST_CASE("pain: fade eases in and out") {
    CHECK(easeInOut(0.0f) == 0.0f);
    CHECK(easeInOut(1.0f) == 1.0f);
    CHECK(easeInOut(0.5f) == doctest::Approx(0.5f));
    CHECK(easeInOut(-1.0f) == 0.0f);
    CHECK(easeInOut(2.0f) == 1.0f);
    const float h = 1e-3f;
    CHECK((easeInOut(h) - easeInOut(0.0f)) / h == doctest::Approx(0.0f).epsilon(0.01));  // zero slope at 0
    CHECK((easeInOut(1.0f) - easeInOut(1.0f - h)) / h == doctest::Approx(0.0f).epsilon(0.01));
    CHECK((easeInOut(0.5f + h) - easeInOut(0.5f - h)) / (2 * h) > 1.0f);  // steepest in the middle

    Fade fade(0.4f);
    CHECK(fade.value() == 0.0f);
    CHECK(fade.settled());
    fade.set(true);
    CHECK_FALSE(fade.settled());
    float last = fade.value();
    int steps = 0;
    while (!fade.settled() && steps < 1000) {
        fade.update(1.0f / 60.0f);
        CHECK(fade.value() >= last);
        last = fade.value();
        ++steps;
    }
    CHECK(fade.value() == 1.0f);
    CHECK(steps == doctest::Approx(24).epsilon(0.1));  // about 0.4 s at 60 Hz
    // First and last frames move less than the middle ones (ease-in-out).
    Fade f2(0.4f);
    f2.set(true);
    f2.update(0.02f);
    const float firstStep = f2.value();
    f2.update(0.18f);
    const float before = f2.value();
    f2.update(0.02f);
    const float middleStep = f2.value() - before;
    CHECK(firstStep < middleStep / 4.0f);
    // Switching off midway reverses smoothly from where it is.
    f2.set(false);
    const float at = f2.value();
    f2.update(0.01f);
    CHECK(f2.value() < at);
    CHECK(f2.value() > at - 0.1f);
    f2.update(1.0f);
    CHECK(f2.value() == 0.0f);
}

TEST_CASE("pain: PainState is data with simple queries") {
    PainState s;
    CHECK_FALSE(s.shows("quadratus_lumborum.L"));
    s.patternsOn.insert("quadratus_lumborum.L");
    CHECK(s.shows("quadratus_lumborum.L"));
    CHECK(s.shows("quadratus_lumborum.L", "deep_upper"));
    s.triggerPointsOff.insert("quadratus_lumborum.L/deep_upper");
    CHECK_FALSE(s.shows("quadratus_lumborum.L", "deep_upper"));
    CHECK(s.shows("quadratus_lumborum.L", "deep_lower"));
    CHECK_FALSE(s.shows("quadratus_lumborum"));  // not an instance key
    s.palette = PainPalette::ColourBlindSafe;
    CHECK(s.palette == PainPalette::ColourBlindSafe);
}

// ---- Loader --------------------------------------------------------------------------------

TEST_CASE("pain loader: a valid file") {
    const std::string text = R"({
  "muscle": "m",
  "trigger_points": [
    {
      "id": "t1",
      "position": [0.1, 0.2, 0.3],
      "notes": "ignored",
      "summary": "Over the hip",
      "essential": [ { "chart": "trunk", "outline": [[30, 0.0], [60, 0.02], [45, 0.06]], "soft": 0.02 } ],
      "spillover": [ { "chart": "thigh", "outline": [[60, 0.05], [120, 0.05], [120, 0.2], [60, 0.2]] } ]
    },
    { "id": "t2", "name": "Two", "position": [0, 0, 0], "essential": [] }
  ]
})";
    auto r = io::parsePainPattern(text, "m.json");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    CHECK(r->muscle == "m");
    REQUIRE(r->triggerPoints.size() == 2);
    const TriggerPoint& t = r->triggerPoints[0];
    CHECK(t.name == "t1");  // name defaults to the id
    CHECK(t.position.y == doctest::Approx(0.2f));
    CHECK(t.summary == "Over the hip");
    REQUIRE(t.essential.outlines.size() == 1);
    CHECK(t.essential.outlines[0].chart == ChartKind::Trunk);
    CHECK(t.essential.outlines[0].soft == doctest::Approx(0.02f));
    REQUIRE(t.essential.outlines[0].points.size() == 3);
    CHECK(t.essential.outlines[0].points[2].x == doctest::Approx(45.0f));
    CHECK(t.essential.outlines[0].points[2].y == doctest::Approx(0.06f));
    REQUIRE(t.spillover.outlines.size() == 1);
    CHECK(t.spillover.outlines[0].chart == ChartKind::Thigh);
    CHECK(t.spillover.outlines[0].soft == doctest::Approx(kDefaultSoftEdge));
    CHECK(r->triggerPoints[1].name == "Two");
    CHECK(r->triggerPoints[1].summary.empty());
    CHECK(r->triggerPoints[1].spillover.outlines.empty());
}

TEST_CASE("pain loader: errors name the file and line") {
    const std::string head =
        "{\n  \"muscle\": \"m\",\n  \"trigger_points\": [\n    {\n      \"id\": \"t\",\n"
        "      \"position\": [0, 0, 0],\n";  // lines 1-6
    struct Case {
        std::string body;
        std::string expected;
    };
    const Case cases[] = {
        {"      \"essential\": [\n        { \"chart\": \"leg\", \"outline\": [[0,0],[1,0],[1,1]] }\n      ]\n    }\n  "
         "]\n}\n",
         "p.json:8: unknown chart 'leg' (expected 'trunk' or 'thigh')"},
        {"      \"essential\": [\n        { \"chart\": \"trunk\",\n          \"outline\": [[0,0],[1,0]] }\n      ]\n   "
         " }\n"
         "  ]\n}\n",
         "p.json:9: 'outline' must be an array of at least 3 points [angle_deg, along_m]"},
        {"      \"essential\": [],\n      \"spillover\": [\n        { \"chart\": \"trunk\", \"outline\": "
         "[[0,0],[1,0],\n"
         "          [200, 0.1]] }\n      ]\n    }\n  ]\n}\n",
         "p.json:10: outline angle must be within -180...180 degrees"},
        {"      \"essential\": [\n        { \"chart\": \"trunk\", \"outline\": [[0,0],[1,0],[1,1]], \"soft\": -1 }\n   "
         "   ]\n"
         "    }\n  ]\n}\n",
         "p.json:8: soft must be within 0...0.2 m"},
        {"      \"essential\": [\n        { \"outline\": [[0,0],[1,0],[1,1]] }\n      ]\n    }\n  ]\n}\n",
         "p.json:8: missing key 'chart' in zone outline"},
        {"      \"essential\": [\n        { \"chart\": \"trunk\", \"outline\": [[0,0],[1,0],[1]] }\n      ]\n    }\n  "
         "]\n}\n",
         "p.json:8: an outline point must be [angle_deg, along_m] (2 numbers)"},
        {"      \"essential\": [\n        { \"ellipsoid\": { \"center\": [0,0,0] } }\n      ]\n    }\n  ]\n}\n",
         "p.json:8: unknown key 'ellipsoid' in zone outline"},
        {"      \"spillover\": []\n    }\n  ]\n}\n", "p.json:4: missing key 'essential' in trigger point"},
        {"      \"essential\": [],\n      \"spilover\": []\n    }\n  ]\n}\n",
         "p.json:8: unknown key 'spilover' in trigger point"},
        {"      \"essential\": [\n        { \"chart\": \"trunk\", \"outline\": [[0,0],[1,0],[1,1]], } \n      ]\n   "
         " }\n  ]\n}\n",
         "p.json:8: malformed JSON: "},
        {"      \"essential\": []\n    }\n  ]\n", "p.json:10: malformed JSON: "},  // truncated
    };
    for (const Case& c : cases) {
        const auto r = io::parsePainPattern(head + c.body, "p.json");
        REQUIRE_FALSE(r.ok());
        INFO(r.error());
        CHECK(r.error().rfind(c.expected, 0) == 0);
        CHECK(r.error().find('\n') == std::string::npos);
    }
    // Top-level problems.
    CHECK(io::parsePainPattern("[1, 2]", "x.json").error() == "x.json:1: expected a JSON object at the top level");
    CHECK(io::parsePainPattern("{\n\"muscle\": 3, \"trigger_points\": []}", "x.json").error() ==
          "x.json:2: 'muscle' must be a non-empty string");
    CHECK(io::parsePainPattern("{\n\"muscle\": \"m\"\n}", "x.json").error() ==
          "x.json:1: missing key 'trigger_points' in referred-pain file");
    CHECK(io::parsePainPattern("", "x.json").error().rfind("x.json:1: malformed JSON: ", 0) == 0);
    const std::string dup = R"({"muscle": "m", "trigger_points": [
      {"id": "t", "position": [0,0,0], "essential": []},
      {"id": "t", "position": [0,0,0], "essential": []}]})";
    CHECK(io::parsePainPattern(dup, "d.json").error() == "d.json:3: duplicate trigger point id 't'");
}

TEST_CASE("pain loader: a directory with good and bad files") {
    const auto dir = freshDir("dir");
    writeTemp(dir, "a.json",
              R"({"muscle": "a", "trigger_points": [{"id": "t", "position": [0,0,0], "essential": []}]})");
    writeTemp(dir, "b.json",
              "{\n  \"muscle\": \"b\",\n  \"trigger_points\": [\n    {\"id\": \"t\", \"position\": [0,0,0], "
              "\"essential\": [{\"chart\": \"arm\", \"outline\": []}]}]}");
    writeTemp(dir, "c.json",
              R"({"muscle": "a", "trigger_points": [{"id": "u", "position": [0,0,0], "essential": []}]})");
    writeTemp(dir, "readme.md", "not json");
    const auto r = io::loadPainDir(dir.string());
    REQUIRE(r.patterns.size() == 1);
    CHECK(r.patterns[0].muscle == "a");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0] == (dir / "b.json").string() + ":4: unknown chart 'arm' (expected 'trunk' or 'thigh')");
    CHECK(r.errors[1] == (dir / "c.json").string() + ":1: muscle 'a' is already defined by another file");
    CHECK(io::loadPainDir((dir / "missing").string()).errors.empty());
    std::filesystem::remove_all(dir);
}
