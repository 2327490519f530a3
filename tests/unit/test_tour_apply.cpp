// TourApply: a tour step resolved against a model (visibility, selection, panels, articles) and the
// current view captured as a step; the caption cross-fade during a step change.
#include <doctest/doctest.h>

#include "../support/CoreFixtures.h"
#include "core/TourApply.h"

using namespace la;

namespace {

StructureInfo entry(const std::string& id, const std::string& kind, int layer, bool sided) {
    return test::structureEntry(id, id, kind, layer, sided);
}

Catalogue catalogue() {
    Catalogue c;
    c.add(entry("skin", "skin", 0, false));
    c.add(entry("gluteus_maximus", "muscle", 1, true));
    c.add(entry("gluteus_medius", "muscle", 2, true));
    c.add(entry("psoas_major", "muscle", 3, true));  // in the catalogue, not in the model
    c.add(entry("sacrum", "bone", 5, false));
    c.add(entry("lower_back_strain", "article", 0, false));
    return c;
}

// Nodes: 0 skin, 1 gmax.L, 2 gmax.R, 3 gmed.L, 4 gmed.R, 5 sacrum, 6 an unmapped blob, 7 no mesh.
Model model() {
    Model m = test::modelWithNamedTriangles({"skin", "gluteus_maximus.L", "gluteus_maximus.R", "gluteus_medius.L",
                                             "gluteus_medius.R", "sacrum", "mystery_blob"});
    m.nodes.push_back(Node{});
    return m;
}

constexpr PickMode V = PickMode::Visible, G = PickMode::Ghosted, H = PickMode::Hidden;

}  // namespace

TEST_CASE("a step is absolute: what it neither hides nor ghosts is visible; hide wins over ghost") {
    const Model m = model();
    const Catalogue c = catalogue();
    const SceneIndex idx(m, c);
    TourStep step;
    step.hide = {"skin", "gluteus_medius.L"};
    step.ghost = {"gluteus_maximus", "gluteus_medius"};
    const StepScene s = resolveStep(step, idx, c, m.nodes.size());
    CHECK(s.visibility == PickFilter{H, G, G, H, G, V, V, V});
    CHECK(s.warnings.empty());
    CHECK_FALSE(s.selected.valid());

    const StepScene empty = resolveStep(TourStep{}, idx, c, m.nodes.size());
    CHECK(empty.visibility == PickFilter(m.nodes.size(), V));
}

TEST_CASE("groups in a step: muscles and bones") {
    const Model m = model();
    const Catalogue c = catalogue();
    const SceneIndex idx(m, c);
    TourStep step;
    step.hide = {"muscles"};
    step.ghost = {"bones"};
    const StepScene s = resolveStep(step, idx, c, m.nodes.size());
    CHECK(s.visibility == PickFilter{V, H, H, H, H, G, V, V});
}

TEST_CASE("selection, panels beside structures, article panels and explain") {
    const Model m = model();
    const Catalogue c = catalogue();
    const SceneIndex idx(m, c);
    TourStep step;
    step.select = "gluteus_medius.R";
    step.panels = {"gluteus_medius.R", "gluteus_maximus.L", "lower_back_strain"};
    step.explain = true;
    const StepScene s = resolveStep(step, idx, c, m.nodes.size());
    CHECK(s.selected == StructureRef{"gluteus_medius.R", m.nodeId(4)});
    REQUIRE(s.panels.size() == 1);  // the selection's panel opens with the selection
    CHECK(s.panels[0] == StructureRef{"gluteus_maximus.L", m.nodeId(1)});
    CHECK(s.articles == std::vector<std::string>{"lower_back_strain"});
    CHECK(s.explain);

    step.select = "gluteus_maximus";  // both sides: the first is selected
    CHECK(resolveStep(step, idx, c, m.nodes.size()).selected.node == m.nodeId(1));
}

TEST_CASE("ids the model lacks become warnings; the rest of the step still applies") {
    const Model m = model();
    const Catalogue c = catalogue();
    const SceneIndex idx(m, c);
    TourStep step;
    step.hide = {"psoas_major", "skin"};
    step.select = "psoas_major.L";
    const StepScene s = resolveStep(step, idx, c, m.nodes.size());
    CHECK(s.visibility[0] == H);
    CHECK_FALSE(s.selected.valid());
    REQUIRE(s.warnings.size() == 2);
    CHECK(s.warnings[0].find("psoas_major") != std::string::npos);
}

TEST_CASE("compact ids: groups when complete, ids without side when both sides agree, else instance keys") {
    const Model m = model();
    const Catalogue c = catalogue();
    const SceneIndex idx(m, c);
    CHECK(compactIds(idx, {V, H, H, H, H, V, V, V}, H) == std::vector<std::string>{"muscles"});
    CHECK(compactIds(idx, {H, H, H, H, V, V, V, V}, H) ==
          std::vector<std::string>{"skin", "gluteus_maximus", "gluteus_medius.L"});
    CHECK(compactIds(idx, {V, V, V, V, V, H, H, V}, H) == std::vector<std::string>{"bones"});  // the blob is unnamed
    CHECK(compactIds(idx, PickFilter(m.nodes.size(), V), H).empty());
}

TEST_CASE("capturing the view gives a step that resolves back to the same view") {
    const Model m = model();
    const Catalogue c = catalogue();
    const SceneIndex idx(m, c);
    const std::vector<PickFilter> views = {
        {V, V, V, V, V, V, V, V}, {H, G, G, V, V, V, V, V}, {H, G, V, H, G, G, V, V},
        {G, H, H, H, H, H, V, V}, {V, V, G, V, H, V, V, V},
    };
    for (const auto& vis : views) {
        ViewCapture v;
        v.pose.target = {0.1f, 0.2f, -0.3f};
        v.pose.yawDeg = 150.0f;
        v.pose.pitchDeg = 12.0f;
        v.pose.distance = 0.8f;
        v.visibility = vis;
        v.selected = m.nodeId(3);
        v.panelNodes = {m.nodeId(3), m.nodeId(2)};
        v.pain = {"gluteus_medius.L"};
        v.caption = "A view";
        const TourStep step = captureStep(v, idx);
        CHECK(step.caption == "A view");
        REQUIRE(std::holds_alternative<CameraPose>(step.camera));
        CHECK(std::get<CameraPose>(step.camera).yawDeg == 150.0f);
        CHECK(step.select == std::optional<std::string>("gluteus_medius.L"));
        CHECK(step.panels == std::vector<std::string>{"gluteus_maximus.R"});
        CHECK(step.pain == std::vector<std::string>{"gluteus_medius.L"});
        const StepScene back = resolveStep(step, idx, c, m.nodes.size());
        CHECK(back.visibility == vis);
        CHECK(back.selected.node == m.nodeId(3));
        REQUIRE(back.panels.size() == 1);
        CHECK(back.panels[0].node == m.nodeId(2));
        CHECK(back.warnings.empty());
    }
}

TEST_CASE(
    "structures that start as x-ray: a step starts with them ghosted, 'show' makes them solid, views round-trip") {
    Catalogue c = catalogue();
    StructureInfo fascia = entry("thoracolumbar_fascia", "fascia", 1, true);
    fascia.startGhosted = true;
    c.add(fascia);
    StructureInfo kidney = entry("kidney", "organ", 4, true);
    kidney.startGhosted = true;
    c.add(kidney);
    // Nodes: 0 skin, 1 gmax.L, 2 fascia.L, 3 fascia.R, 4 kidney.L, 5 kidney.R, 6 sacrum.
    const Model m = test::modelWithNamedTriangles({"skin", "gluteus_maximus.L", "thoracolumbar_fascia.L",
                                                   "thoracolumbar_fascia.R", "kidney.L", "kidney.R", "sacrum"});
    const SceneIndex idx(m, c);
    CHECK(idx.startVisibility(m.nodes.size()) == PickFilter{V, V, G, G, G, G, V});
    TourStep step;
    step.hide = {"skin", "kidney.R"};
    StepScene s = resolveStep(step, idx, c, m.nodes.size());
    CHECK(s.visibility == PickFilter{H, V, G, G, G, H, V});
    step.show = {"thoracolumbar_fascia.L", "organs"};
    s = resolveStep(step, idx, c, m.nodes.size());
    CHECK(s.visibility == PickFilter{H, V, V, G, V, H, V});  // hide still wins
    CHECK(s.warnings.empty());
    const std::vector<PickFilter> views = {
        {V, V, G, G, G, G, V}, {V, V, V, V, V, V, V}, {H, G, V, G, H, V, V}, {V, H, G, V, V, G, G}};
    for (const auto& vis : views) {
        ViewCapture v;
        v.visibility = vis;
        const TourStep captured = captureStep(v, idx);
        CHECK(resolveStep(captured, idx, c, m.nodes.size()).visibility == vis);
    }
    ViewCapture start;
    start.visibility = idx.startVisibility(m.nodes.size());
    const TourStep plain = captureStep(start, idx);
    CHECK(plain.show.empty());  // the start view needs no list
    CHECK(plain.ghost == std::vector<std::string>{"thoracolumbar_fascia", "kidney"});
}

TEST_CASE("caption cross-fade: the old caption fades out, then the new one fades in") {
    Tour t;
    t.title = "t";
    t.steps.resize(2);
    TourPlayer p(t, 1.0f);
    CHECK(captionFade(p).step == 0);
    CHECK(captionFade(p).alpha == 1.0f);
    REQUIRE(p.next());
    p.update(0.25f);
    CHECK(captionFade(p).step == 0);
    CHECK(captionFade(p).alpha == doctest::Approx(0.5f));
    p.update(0.5f);
    CHECK(captionFade(p).step == 1);
    CHECK(captionFade(p).alpha == doctest::Approx(0.5f));
    p.update(1.0f);
    CHECK(captionFade(p).step == 1);
    CHECK(captionFade(p).alpha == 1.0f);
    CHECK(captionFade(TourPlayer{}).step == -1);
}
