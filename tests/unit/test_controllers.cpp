// Feature controllers without a window: selection & article panels, referred pain, tours & presenter,
// settings, the key map, and the flows between them in ctrl::Viewer (click -> pick -> select -> pain
// lookup; tour step -> camera, visibility, selection, panels, pain).
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <thread>
#include <type_traits>
#include <unistd.h>

#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include "../support/CoreFixtures.h"
#include "core/PainSurface.h"
#include "core/PanelAnchor.h"
#include "core/TourApply.h"
#include "ctrl/KeyMap.h"
#include "ctrl/SettingsController.h"
#include "ctrl/Viewer.h"
#include "io/TourLoader.h"

using namespace la;
namespace fs = std::filesystem;

namespace {

// Two unit squares facing +Z, side by side: gluteus_medius.L at x in [0.1, 1.1], .R at [-1.1, -0.1];
// a sacrum square behind both (z = -0.5) and a skin square in front (z = 0.3) that is translucent.
Model twoMuscles() {
    Model m;
    Mesh quad;
    Primitive p;
    p.positions = {{0, -0.5f, 0}, {1, -0.5f, 0}, {1, 0.5f, 0}, {0, 0.5f, 0}};
    p.normals.assign(4, {0, 0, 1});
    p.indices = {0, 1, 2, 0, 2, 3};
    p.bounds.add({0, -0.5f, 0});
    p.bounds.add({1, 0.5f, 0});
    quad.primitives.push_back(p);
    m.meshes.push_back(quad);
    Mesh skin = quad;
    skin.primitives[0].material = 0;
    m.meshes.push_back(skin);
    Material glass;
    glass.alphaMode = AlphaMode::Blend;
    m.materials.push_back(glass);
    auto add = [&](const std::string& name, glm::vec3 at, float widthScale, int mesh) {
        Node n;
        n.name = name;
        n.mesh = mesh;
        n.world = glm::scale(glm::translate(glm::mat4(1.0f), at), glm::vec3(widthScale, 1.0f, 1.0f));
        m.roots.push_back(static_cast<int>(m.nodes.size()));
        m.nodes.push_back(n);
    };
    add("gluteus_medius.L", {0.1f, 0, 0}, 1.0f, 0);   // node 0
    add("gluteus_medius.R", {-1.1f, 0, 0}, 1.0f, 0);  // node 1
    add("sacrum", {-2.0f, 0, -0.5f}, 4.0f, 0);        // node 2
    add("skin", {-2.0f, 0, 0.3f}, 4.0f, 1);           // node 3
    m.name = "two muscles";
    return m;
}

Catalogue catalogue() {
    Catalogue c;
    StructureInfo gmed = test::structureEntry("gluteus_medius", "Gluteus medius", "muscle", 2, true);
    gmed.featured = true;
    c.add(gmed);
    c.add(test::structureEntry("sacrum", "Sacrum", "bone", 5, false));
    c.add(test::structureEntry("skin", "Skin", "skin", 0, false));
    return c;
}

// One trigger point on the left gluteus medius whose essential zone covers the middle of its square.
PainPattern gmedPattern() {
    TriggerPoint t;
    t.id = "trp1";
    t.name = "Upper";
    t.position = {0.6f, 0.0f, 0.0f};
    // On the trunk chart the point (0.6, 0, 0) lies at about 97 degrees, the skin in front of it (z = 0.3) at about
    // 123 (the body's left side, towards the front), height 0.
    t.essential.outlines.push_back(
        ChartOutline{ChartKind::Trunk, {{80, -0.2f}, {140, -0.2f}, {140, 0.2f}, {80, 0.2f}}});
    return PainPattern{"gluteus_medius", {t}};
}

// A viewer looking at the squares from +Z, 2.5 units away, the whole of them in view.
void setUp(ctrl::Viewer& v) {
    v.setCatalogue(catalogue());
    v.setModel(twoMuscles(), "");
    v.pain.setPatterns({gmedPattern()});
    v.camera.pose = CameraPose{{0, 0, 0}, 0.0f, 0.0f, 6.0f};
    v.scene.updateViewState();
}

// The window builds the pick BVH in the background once the model's first frame is drawn: start it and
// wait for it (a bounded wait, not a timing check).
void waitForPicking(ctrl::Viewer& v) {
    v.afterFrame();
    for (int i = 0; i < 20000 && !v.scene.pickReady(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    REQUIRE(v.scene.pickReady());
}

// Framebuffer pixel of a world point for the viewer's camera.
glm::vec2 pixelOf(const ctrl::Viewer& v, glm::vec3 p, glm::ivec2 fb) {
    const glm::vec4 c = v.camera.projection(static_cast<float>(fb.x) / fb.y) * v.camera.view() * glm::vec4(p, 1.0f);
    return {(c.x / c.w * 0.5f + 0.5f) * fb.x, (0.5f - c.y / c.w * 0.5f) * fb.y};
}

fs::path tempDir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("la_ctrl_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

const glm::ivec2 kFb(1200, 800);

}  // namespace

TEST_CASE("scene: a click picks through the translucent skin, selects, and a click on nothing clears") {
    ctrl::Viewer v(false);
    setUp(v);
    const SceneNode& leftNode = *v.scene.index().findKey("gluteus_medius.L");
    const NodeId left = leftNode.id;
    v.click(pixelOf(v, {0.6f, 0.0f, 0.0f}, kFb), kFb);
    CHECK(v.scene.selected() == left);
    CHECK(v.scene.view().nodes.size() == 4);
    v.scene.updateViewState();
    CHECK(v.scene.view().nodes[left.index()].outline);
    CHECK(v.pain.lookupOpen() == false);  // no pattern shown, no pain panel: no lookup

    v.click(pixelOf(v, {0.0f, 3.0f, 0.0f}, kFb), kFb);  // above everything
    CHECK_FALSE(v.scene.selected().valid());
}

TEST_CASE("scene: hidden structures are not picked; ghosted ones are clicked through") {
    ctrl::Viewer v(false);
    setUp(v);
    const SceneNode& leftNode = *v.scene.index().findKey("gluteus_medius.L");
    const NodeId left = leftNode.id;
    const SceneNode& sacrumNode = *v.scene.index().findKey("sacrum");
    const NodeId sacrum = sacrumNode.id;
    v.scene.setMode({leftNode.node}, PickMode::Hidden);
    v.scene.updateViewState();
    v.click(pixelOf(v, {0.6f, 0.0f, 0.0f}, kFb), kFb);
    CHECK(v.scene.selected() == sacrum);
    CHECK(v.scene.view().nodes[left.index()].hidden);
}

TEST_CASE("scene: hover follows the pixel and reports a change once") {
    ctrl::Viewer v(false);
    setUp(v);
    const SceneNode& rightNode = *v.scene.index().findKey("gluteus_medius.R");
    const NodeId right = rightNode.id;
    CHECK(v.hover(pixelOf(v, {-0.6f, 0.0f, 0.0f}, kFb), kFb));
    CHECK(v.scene.hovered() == right);
    CHECK_FALSE(v.hover(pixelOf(v, {-0.5f, 0.1f, 0.0f}, kFb), kFb));
    CHECK(v.hover(std::nullopt, kFb));  // over a panel
    CHECK_FALSE(v.scene.hovered().valid());
}

TEST_CASE("scene: article panels for the selection and explain mode, placed on screen, closed by their button") {
    ctrl::Viewer v(false);
    setUp(v);
    const SceneNode& leftNode = *v.scene.index().findKey("gluteus_medius.L");
    const NodeId left = leftNode.id;
    ctrl::PanelFrame frame;
    frame.viewport = kFb;
    frame.size = [](const ui::PanelState&, float, float) { return glm::vec2(300, 150); };
    CHECK(v.scene.layoutArticlePanels(v.camera, frame).empty());

    v.scene.select(left);
    auto placed = v.scene.layoutArticlePanels(v.camera, frame);
    REQUIRE(placed.size() == 1);
    REQUIRE(v.ui.scene.panels.size() == 1);
    CHECK(v.ui.scene.panels[0].node == left);
    CHECK(placed[0].rect.min.x >= 0.0f);
    CHECK(placed[0].rect.max.x <= static_cast<float>(kFb.x));
    CHECK(placed[0].hasLeader);
    // The leader line ends on the muscle: its anchor projects inside the square's screen rectangle.
    const glm::vec2 lo = pixelOf(v, {0.1f, -0.5f, 0}, kFb), hi = pixelOf(v, {1.1f, 0.5f, 0}, kFb);
    CHECK(placed[0].leaderTo.x >= lo.x - 1);
    CHECK(placed[0].leaderTo.x <= hi.x + 1);

    v.ui.scene.explain = true;  // both featured sides
    placed = v.scene.layoutArticlePanels(v.camera, frame);
    REQUIRE(placed.size() == 2);
    CHECK_FALSE(placed[0].rect.overlaps(placed[1].rect));

    v.scene.closePanel(left);  // a featured muscle's close button leaves explain mode and the selection
    CHECK_FALSE(v.scene.selected().valid());
    CHECK_FALSE(v.ui.scene.explain);
    CHECK(v.scene.layoutArticlePanels(v.camera, frame).empty());
}

TEST_CASE("scene: a new model resets visibility, selection and panels") {
    ctrl::Viewer v(false);
    setUp(v);
    v.scene.select(v.scene.model().nodeId(1));
    v.scene.setMode({0}, PickMode::Ghosted);
    v.setModel(twoMuscles(), "second.glb");
    CHECK_FALSE(v.scene.selected().valid());
    CHECK(v.ui.scene.visibility == PickFilter(4, PickMode::Visible));
    CHECK(v.ui.recentFiles.front() == "second.glb");
    CHECK(v.status.modelName == "two muscles");
}

TEST_CASE("ids: a selection, panel, tour step, hover or anchor id kept across a reload is rejected") {
    ctrl::Viewer v(false);
    setUp(v);
    const NodeId old = v.scene.index().findKey("gluteus_medius.L")->id;
    TourStep step;
    step.select = "gluteus_medius.R";
    step.panels = {"gluteus_medius.L"};
    const StepScene oldStep = resolveStep(step, v.scene.index(), v.scene.catalogue(), v.scene.model().nodes.size());
    REQUIRE(oldStep.selected.valid());
    v.scene.select(old);
    REQUIRE(v.scene.selected() == old);

    v.setModel(twoMuscles(), "second.glb");  // the same file again: every structure at the same index
    const NodeId now = v.scene.index().findKey("gluteus_medius.L")->id;
    CHECK(now.index() == old.index());
    CHECK(now != old);
    CHECK(v.scene.model().node(old) == nullptr);
    CHECK(v.scene.model().node(now) == &v.scene.model().nodes[now.index()]);
    CHECK(v.scene.index().find(old) == nullptr);
    CHECK(v.scene.model().meshOf(old) == MeshId{});
    CHECK(anchorCandidates(v.scene.model(), old).empty());
    CHECK_FALSE(anchorCandidates(v.scene.model(), now).empty());

    v.scene.select(old);  // e.g. a selection a panel held on to
    CHECK_FALSE(v.scene.selected().valid());
    CHECK_FALSE(v.scene.setHovered(old));
    CHECK_FALSE(v.scene.hovered().valid());

    // A panel state from before the reload opens nothing and is dropped.
    ui::PanelState stale;
    stale.node = old;
    stale.pinned = true;
    v.ui.scene.panels = {stale};
    ctrl::PanelFrame frame;
    frame.viewport = kFb;
    frame.size = [](const ui::PanelState&, float, float) { return glm::vec2(300, 150); };
    CHECK(v.scene.layoutArticlePanels(v.camera, frame).empty());
    CHECK(v.ui.scene.panels.empty());

    // A tour step resolved against the old model selects and pins nothing in the new one.
    v.scene.applyStep(oldStep, {glm::vec2(10.0f)});
    CHECK_FALSE(v.scene.selected().valid());
    CHECK(v.ui.scene.panels.empty());

    // The old id closes nothing of the new model; a pick names the new model's node.
    v.scene.select(now);
    v.scene.closePanel(old);
    CHECK(v.scene.selected() == now);
    v.scene.updateViewState();
    const auto hit = v.scene.pickAt(v.camera, pixelOf(v, {0.6f, 0.0f, 0.0f}, kFb), kFb);
    REQUIRE(hit);
    CHECK(hit->node == now);
    const glm::vec3 eye = v.camera.position();
    const glm::mat4 viewProj = v.camera.projection(1.5f) * v.camera.view();
    const auto candidates = anchorCandidates(v.scene.model(), now);
    CHECK(chooseAnchor(v.scene.pickScene(), v.scene.pickFilter(), now, candidates, eye, viewProj).visible);
    CHECK_FALSE(chooseAnchor(v.scene.pickScene(), v.scene.pickFilter(), old, candidates, eye, viewProj).visible);
}

TEST_CASE("ids: node and mesh ids name one model; pain baked for another model names other meshes") {
    Model a = twoMuscles();
    a.generation = Model::newGeneration();
    Model b = a;
    b.generation = Model::newGeneration();
    const NodeId n = a.nodeId(1);
    CHECK(a.owns(n));
    CHECK_FALSE(b.owns(n));
    CHECK_FALSE(a.owns(a.nodeId(99)));  // out of range: invalid
    CHECK_FALSE(a.nodeId(99).valid());
    CHECK(a.meshOf(n) == a.meshId(0));
    CHECK(a.mesh(a.meshOf(n)) == &a.meshes[0]);
    CHECK(b.mesh(a.meshOf(n)) == nullptr);
    static_assert(!std::is_convertible_v<NodeId, MeshId> && !std::is_convertible_v<int, NodeId>);
    PainBake bake;
    bake.generation = a.generation;
    CHECK(bake.meshId(0) == a.meshId(0));
    CHECK_FALSE(b.owns(bake.meshId(0)));
}

TEST_CASE("pain: patterns by key, by id for both sides, all; an unknown one changes nothing") {
    ctrl::PainController p;
    p.setPatterns({gmedPattern()});
    REQUIRE(p.show({"gluteus_medius"}));
    CHECK(p.state().patternsOn == std::set<std::string>{"gluteus_medius.L", "gluteus_medius.R"});
    auto bad = p.show({"gluteus_medius.L", "piriformis"});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("piriformis") != std::string::npos);
    CHECK(p.state().patternsOn.size() == 2);
    REQUIRE(p.show({"gluteus_medius.R"}));
    CHECK(p.state().patternsOn == std::set<std::string>{"gluteus_medius.R"});
    p.toggle("gluteus_medius.R");
    CHECK(p.state().patternsOn.empty());
}

TEST_CASE("pain: a shown pattern fades in over time in the window, at once in a still") {
    ctrl::Viewer v(true);
    setUp(v);
    v.pain.update(0.0f, true, v.scene.index(), v.scene.view());  // fades start settled (off)
    REQUIRE(v.pain.show({"gluteus_medius.L"}));
    v.scene.updateViewState();
    CHECK(v.pain.update(0.1f, true, v.scene.index(), v.scene.view()));  // animating
    const float partway = v.scene.view().pain.triggerWeight.at(0);
    CHECK(partway > 0.0f);
    CHECK(partway < 1.0f);
    const float t0 = v.pain.state().time;
    v.pain.update(0.5f, true, v.scene.index(), v.scene.view());
    CHECK(v.scene.view().pain.triggerWeight.at(0) == doctest::Approx(1.0f));
    CHECK(v.pain.state().time == doctest::Approx(t0 + 0.5f));  // the link animation's clock runs
    // Zones go on the skin while it is shown.
    const int skin = v.scene.index().findKey("skin")->node;
    CHECK(v.scene.view().nodes[static_cast<std::size_t>(skin)].painSurface);
    CHECK_FALSE(v.scene.view().nodes[0].painSurface);
    // With the skin hidden, on the solid surfaces only: not on an x-ray one (a ghosted veil over them).
    v.scene.setMode({skin}, PickMode::Hidden);
    v.scene.setMode({1}, PickMode::Ghosted);
    v.scene.updateViewState();
    v.pain.update(0.1f, true, v.scene.index(), v.scene.view());
    CHECK_FALSE(v.scene.view().nodes[static_cast<std::size_t>(skin)].painSurface);
    CHECK(v.scene.view().nodes[0].painSurface);
    CHECK_FALSE(v.scene.view().nodes[1].painSurface);
    CHECK(v.scene.view().nodes[2].painSurface);

    ctrl::Viewer still(false);
    setUp(still);
    REQUIRE(still.pain.show({"gluteus_medius.L"}));
    still.pain.update(0.0f, false, still.scene.index(), still.scene.view());
    CHECK(still.scene.view().pain.triggerWeight.at(0) == doctest::Approx(1.0f));
    const auto marks = still.pain.triggerMarks(still.camera.projection(1.5f) * still.camera.view(), glm::vec2(kFb),
                                               still.scene.view());
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].pixel.x == doctest::Approx(pixelOf(still, {0.6f, 0, 0}, kFb).x).epsilon(0.01));
}

TEST_CASE("viewer: with a pattern on, a click on the body lists the muscles that send pain there") {
    ctrl::Viewer v(true);
    setUp(v);
    waitForPicking(v);
    REQUIRE(v.pain.show({"gluteus_medius.L"}));
    v.pain.state().triggerPointsOff.insert("gluteus_medius.L/trp1");
    v.click(pixelOf(v, {0.6f, 0.0f, 0.0f}, kFb), kFb);
    REQUIRE(v.pain.lookupOpen());
    REQUIRE(v.pain.lookup().size() == 1);
    CHECK(v.pain.lookup()[0].instance == "gluteus_medius.L");
    v.scene.select(NodeId{});
    v.chooseLookup(0);  // shows the pattern and its trigger point, selects the muscle
    CHECK(v.scene.selected() == v.scene.index().findKey("gluteus_medius.L")->id);
    CHECK(v.pain.state().triggerPointsOff.empty());
    CHECK_FALSE(v.pain.lookupOpen());
    // A click between the zones (the right side has the mirrored one) finds nothing and closes the list.
    v.click(pixelOf(v, {0.05f, 0.0f, 0.0f}, kFb), kFb);
    CHECK_FALSE(v.pain.lookupOpen());
}

TEST_CASE("viewer: a tour step sets camera, visibility, selection, pinned panels and pain") {
    const fs::path dir = tempDir("tour");
    std::ofstream(dir / "t.json") << R"({"title": "Test", "steps": [
        {"caption": "One", "camera": "posterior", "hide": ["skin"], "select": "gluteus_medius.R",
         "pain": ["gluteus_medius.L"]},
        {"caption": "Two", "camera": {"target": [0, 0, 0], "yaw": 30, "pitch": 10, "distance": 4},
         "ghost": ["sacrum"], "panels": ["gluteus_medius.L"]}]})";
    ctrl::Viewer v(false);
    setUp(v);
    REQUIRE(v.openTour((dir / "t.json").string()));
    v.applyTourStep(false, kFb, 1.0f);
    const SceneIndex& idx = v.scene.index();
    CHECK(v.camera.pose.yawDeg == doctest::Approx(180.0f));
    CHECK(v.scene.selected() == idx.findKey("gluteus_medius.R")->id);
    CHECK(v.ui.scene.visibility[static_cast<std::size_t>(idx.findKey("skin")->node)] == PickMode::Hidden);
    CHECK(v.pain.state().patternsOn == std::set<std::string>{"gluteus_medius.L"});
    CHECK(v.pain.state().time == doctest::Approx(0.5f));  // stills: the export pain time
    CHECK(v.tours.titleSuffix() == "Test \u2014 step 1/2");

    REQUIRE(v.tours.next());
    v.applyTourStep(false, kFb, 1.0f);
    CHECK(v.camera.pose.yawDeg == doctest::Approx(30.0f));
    CHECK_FALSE(v.scene.selected().valid());
    CHECK(v.pain.state().patternsOn.empty());
    CHECK(v.ui.scene.visibility[static_cast<std::size_t>(idx.findKey("sacrum")->node)] == PickMode::Ghosted);
    REQUIRE(v.ui.scene.panels.size() == 1);
    CHECK(v.ui.scene.panels[0].pinned);
    CHECK(v.ui.scene.panels[0].pinnedPos.x == doctest::Approx(1200.0f - 372.0f));

    // The view captured as a step reads back as the same step.
    const TourStep captured = v.captureView();
    CHECK(captured.ghost == std::vector<std::string>{"bones"});  // the only bone: the group
    CHECK(captured.panels == std::vector<std::string>{"gluteus_medius.L"});
    CHECK_FALSE(v.tours.next());  // the last step stays
    CHECK(v.tours.first());
    CHECK(v.tours.last());
    CHECK(v.tours.player().current() == 1);
    fs::remove_all(dir);
}

TEST_CASE("viewer: scene options given with a tour go on top of its first step; the next step is the tour's own") {
    const fs::path dir = tempDir("tour_options");
    std::ofstream(dir / "t.json") << R"({"title": "Test", "steps": [
        {"caption": "One", "camera": "posterior", "hide": ["skin"], "select": "gluteus_medius.R",
         "pain": ["gluteus_medius.L"]},
        {"caption": "Two", "camera": "posterior"}]})";
    ctrl::Viewer v(false);
    setUp(v);
    REQUIRE(v.openTour((dir / "t.json").string()));
    ctrl::SceneOptions o;
    o.pain = "gluteus_medius.R";
    o.explain = true;
    o.select = "gluteus_medius.L";
    o.ghost = "sacrum";
    REQUIRE(v.applyTourStepWithOptions(o, false, kFb, 1.0f));
    const SceneIndex& idx = v.scene.index();
    // Both the step's pattern and the command line's; the command line's selection; both visibilities.
    CHECK(v.pain.state().patternsOn == std::set<std::string>{"gluteus_medius.L", "gluteus_medius.R"});
    CHECK(v.ui.scene.explain);
    CHECK(v.scene.selected() == idx.findKey("gluteus_medius.L")->id);
    CHECK(v.ui.scene.visibility[static_cast<std::size_t>(idx.findKey("skin")->node)] == PickMode::Hidden);
    CHECK(v.ui.scene.visibility[static_cast<std::size_t>(idx.findKey("sacrum")->node)] == PickMode::Ghosted);
    CHECK(v.pain.state().time == doctest::Approx(0.5f));  // --time not given: the step's (a still's) pain time
    o.time = 2.0f;
    o.timeGiven = true;
    REQUIRE(v.applyTourStepWithOptions(o, false, kFb, 1.0f));
    CHECK(v.pain.state().time == doctest::Approx(2.0f));
    // A bad option is one line naming it, as without a tour.
    ctrl::SceneOptions bad;
    bad.pain = "no_such_muscle";
    const auto err = v.applyTourStepWithOptions(bad, false, kFb, 1.0f);
    REQUIRE_FALSE(err);
    CHECK(err.error().find("--pain") == 0);
    // The next step is as the tour has it.
    REQUIRE(v.tours.next());
    v.applyTourStep(false, kFb, 1.0f);
    CHECK(v.pain.state().patternsOn.empty());
    CHECK_FALSE(v.ui.scene.explain);
    CHECK_FALSE(v.scene.selected().valid());
    fs::remove_all(dir);
}

TEST_CASE("tours: the chooser shows the open tour's title, however its path was spelled") {
    const fs::path dir = tempDir("chooser");
    fs::create_directories(dir / "bundled");
    std::ofstream(dir / "bundled" / "t.json") << R"({"title": "Back basics", "steps": [
        {"caption": "One", "camera": "posterior"}]})";
    ctrl::Viewer v(false);
    setUp(v);
    v.scanTours((dir / "bundled").string(), (dir / "user").string());
    REQUIRE(v.tours.list().size() == 1);
    CHECK(v.tours.chooserLabel() == "(choose a tour)");
    // Opened from the command line by another spelling of the same file: the list's entry is the open one.
    REQUIRE(v.openTour((dir / "bundled" / "." / "t.json").string()));
    CHECK(v.tours.panel().chosen == 0);
    CHECK(v.tours.chooserLabel() == "Back basics");
    v.tours.close();
    CHECK(v.tours.panel().chosen == -1);
    CHECK(v.tours.chooserLabel() == "(choose a tour)");
    // A tour that is not in the list (another folder, or a new one) still shows its title.
    std::ofstream(dir / "elsewhere.json") << R"({"title": "Elsewhere", "steps": [
        {"caption": "One", "camera": "posterior"}]})";
    REQUIRE(v.openTour((dir / "elsewhere.json").string()));
    CHECK(v.tours.panel().chosen == -1);
    CHECK(v.tours.chooserLabel() == "Elsewhere");
    v.tours.newTour();
    CHECK(v.tours.chooserLabel() == "My tour");
    fs::remove_all(dir);
}

TEST_CASE("viewer: a therapists' tour shows the therapist detail while it is open, a patients' tour does not") {
    const fs::path dir = tempDir("audience");
    std::ofstream(dir / "th.json") << R"({"title": "T", "audience": "therapists", "steps": [
        {"caption": "One", "camera": "posterior"}]})";
    std::ofstream(dir / "pa.json") << R"({"title": "P", "audience": "patients", "steps": [
        {"caption": "One", "camera": "posterior"}]})";
    ctrl::Viewer v(false);
    setUp(v);
    CHECK_FALSE(v.therapistDetail());
    REQUIRE(v.openTour((dir / "th.json").string()));
    CHECK(v.therapistDetail());
    v.tours.close();
    CHECK_FALSE(v.therapistDetail());
    REQUIRE(v.openTour((dir / "pa.json").string()));
    CHECK_FALSE(v.therapistDetail());
    v.ui.scene.therapist = true;  // the user's own toggle still works
    CHECK(v.therapistDetail());
    fs::remove_all(dir);
}

TEST_CASE("viewer: the Tours panel's authoring buttons add a step from the view and save the tour") {
    const fs::path dir = tempDir("author");
    ctrl::Viewer v(true);
    setUp(v);
    v.scanTours((dir / "bundled").string(), (dir / "user").string());
    v.scene.select(v.scene.model().nodeId(0));
    ui::TourActions add;
    add.addStep = true;
    v.handleTourActions(add, "", kFb, 1.0f);  // no tour yet: a new one with this view
    REQUIRE(v.tours.player().stepCount() == 1);
    CHECK(v.tours.player().tour().steps[0].select == "gluteus_medius.L");
    ui::TourActions caption;
    caption.caption = "The left one";
    v.handleTourActions(caption, "", kFb, 1.0f);
    ui::TourActions save;
    save.saveAs = "My first tour";
    v.handleTourActions(save, "", kFb, 1.0f);
    const fs::path written = dir / "user" / "My_first_tour.json";
    REQUIRE(fs::exists(written));
    auto back = io::loadTour(written.string());
    REQUIRE(back);
    CHECK(back->steps[0].caption == "The left one");
    REQUIRE(v.tours.list().size() == 1);  // listed as the user's
    CHECK(v.tours.list()[0].user);
    CHECK(v.ui.message.find("Tour saved") == 0);

    // Another tour under the same name: the user is asked first, and the file is replaced only on "Replace it".
    ui::TourActions fresh;
    fresh.newTour = true;
    fresh.addStep = true;
    v.handleTourActions(fresh, "", kFb, 1.0f);
    ui::TourActions other;
    other.caption = "Another tour";
    v.handleTourActions(other, "", kFb, 1.0f);
    v.handleTourActions(save, "", kFb, 1.0f);
    CHECK(v.tours.panel().confirmReplace == "My first tour");
    CHECK(io::loadTour(written.string())->steps[0].caption == "The left one");
    ui::TourActions replace = save;
    replace.replace = true;
    v.handleTourActions(replace, "", kFb, 1.0f);
    CHECK(io::loadTour(written.string())->steps[0].caption == "Another tour");
    v.handleTourActions(save, "", kFb, 1.0f);  // the open tour saved again: no question
    CHECK(v.ui.message.find("Tour saved") == 0);

    ui::TourActions bad;
    bad.saveAs = "///";
    v.handleTourActions(bad, "", kFb, 1.0f);
    CHECK(v.ui.messageIsError);

    ui::TourActions copy;
    copy.copyView = true;
    const auto out = v.handleTourActions(copy, "", kFb, 1.0f);
    REQUIRE(out.clipboard);
    ui::TourActions paste;
    paste.pasteView = true;
    v.handleTourActions(paste, "not json", kFb, 1.0f);
    CHECK(v.ui.messageIsError);
    CHECK_FALSE(v.camera.animating());
    v.handleTourActions(paste, *out.clipboard, kFb, 1.0f);
    CHECK(v.camera.animating());
    fs::remove_all(dir);
}

TEST_CASE("settings: a change is saved once it has been still for a second, or at once when forced") {
    const fs::path dir = tempDir("settings");
    ctrl::SettingsController c(dir.string());
    const auto loaded = c.load();
    CHECK_FALSE(loaded.fromFile);
    Settings s = c.saved();
    CHECK_FALSE(c.update(s, 0.0, false).value());  // unchanged: nothing to do
    s.windowX = 10;
    CHECK_FALSE(c.update(s, 1.0, false).value());  // changed: wait
    s.windowX = 20;                                // still moving
    CHECK_FALSE(c.update(s, 1.5, false).value());
    CHECK_FALSE(c.update(s, 2.0, false).value());
    CHECK_FALSE(fs::exists(dir / "settings.json"));
    CHECK(c.update(s, 2.6, false).value());  // still for a second
    CHECK(fs::exists(dir / "settings.json"));
    CHECK(c.saved().windowX == 20);
    s.fontScale = 1.5f;
    CHECK(c.update(s, 2.7, true).value());  // on exit
    ctrl::SettingsController again(dir.string());
    CHECK(again.load().settings.fontScale == doctest::Approx(1.5f));
    fs::remove_all(dir);
}

TEST_CASE("key map: clicker keys step only with a tour; Esc leaves presenter mode before it clears the selection") {
    using ctrl::Command;
    using ctrl::Key;
    auto commands = [](std::vector<ctrl::KeyEvent> keys, ctrl::KeyContext c) {
        std::vector<Command> out;
        for (const auto& e : ctrl::commandsFor(keys, c)) out.push_back(e.command);
        return out;
    };
    ctrl::KeyContext none;
    CHECK(commands({{Key::Right}}, none).empty());
    ctrl::KeyContext tour;
    tour.tourReady = true;
    CHECK(commands({{Key::Right}, {Key::PageDown}, {Key::Space}}, tour) ==
          std::vector<Command>{Command::NextStep, Command::NextStep, Command::NextStep});
    CHECK(commands({{Key::Left}, {Key::PageUp}, {Key::Home}}, tour) ==
          std::vector<Command>{Command::PreviousStep, Command::PreviousStep, Command::FirstStep});
    ctrl::KeyContext presenting = tour;
    presenting.presenter = true;
    presenting.hasSelection = true;
    CHECK(commands({{Key::Escape}}, presenting) == std::vector<Command>{Command::LeavePresenter});
    ctrl::KeyContext selected;
    selected.hasSelection = true;
    CHECK(commands({{Key::Escape}, {Key::Escape}}, selected) == std::vector<Command>{Command::ClearSelection});
    CHECK(commands({{ctrl::letterKey('B')}}, none).empty());  // black screen only while presenting
    CHECK(commands({{ctrl::letterKey('B')}}, presenting) == std::vector<Command>{Command::ToggleBlack});
    // F5 and B within one slow frame: B blanks the presenter's screen that F5 is about to open.
    CHECK(commands({{Key::F5}, {ctrl::letterKey('B')}}, tour) ==
          std::vector<Command>{Command::TogglePresenter, Command::ToggleBlack});
    const auto views = ctrl::commandsFor({{static_cast<Key>('3')}, {ctrl::letterKey('Q'), true}}, none);
    REQUIRE(views.size() == 2);
    CHECK(views[0].command == Command::ViewPreset);
    CHECK(views[0].preset == 2);
    CHECK(views[1].command == Command::Quit);
    // The rest of PowerPoint's clicker set.
    CHECK(commands({{ctrl::letterKey('N')}, {Key::Enter}, {Key::Backspace}, {Key::End}}, tour) ==
          std::vector<Command>{Command::NextStep, Command::NextStep, Command::PreviousStep, Command::LastStep});
    CHECK(commands({{Key::Period}, {ctrl::letterKey('W')}}, presenting) ==
          std::vector<Command>{Command::ToggleBlack, Command::ToggleWhite});
    // P: previous step while a tour is open, else the pain panel; Home: first step, else the start view.
    CHECK(commands({{ctrl::letterKey('P')}}, tour) == std::vector<Command>{Command::PreviousStep});
    CHECK(commands({{ctrl::letterKey('P')}}, none) == std::vector<Command>{Command::TogglePainPanel});
    CHECK(commands({{Key::Home}}, none) == std::vector<Command>{Command::ResetView});
    CHECK(commands({{Key::End}, {Key::Enter}, {Key::Backspace}}, none).empty());
    // Esc closes a dialog or overlay first, then leaves presenter mode, then clears the selection.
    ctrl::KeyContext dialog = presenting;
    dialog.dialogOpen = true;
    CHECK(commands({{Key::Escape}, {Key::Escape}, {Key::Escape}}, dialog) ==
          std::vector<Command>{Command::CloseDialog, Command::LeavePresenter, Command::ClearSelection});
    // H and F1: the sheet of keys and mouse; F11 the debug overlay; neither while presenting, nor Ctrl+H.
    CHECK(commands({{ctrl::letterKey('H')}, {Key::F1}, {Key::F11}}, selected) ==
          std::vector<Command>{Command::ShowKeys, Command::ShowKeys, Command::ToggleDebugOverlay});
    CHECK(commands({{ctrl::letterKey('H')}, {Key::F1}, {Key::F11}}, presenting).empty());
    CHECK(commands({{ctrl::letterKey('H'), true}}, none).empty());
    // The sheet (or the lookup) open over a selection: Esc closes it and keeps the selection; the next clears it.
    ctrl::KeyContext sheet = selected;
    sheet.dialogOpen = true;
    CHECK(commands({{Key::Escape}}, sheet) == std::vector<Command>{Command::CloseDialog});
    CHECK(commands({{Key::Escape}, {Key::Escape}}, sheet) ==
          std::vector<Command>{Command::CloseDialog, Command::ClearSelection});
    const auto shot = ctrl::commandsFor({{Key::F12, true}}, none);
    REQUIRE(shot.size() == 1);
    CHECK_FALSE(shot[0].withUi);
}

TEST_CASE("tours in real time: the caption's text and its 'n / N' change together; slow frames skip ahead") {
    const fs::path dir = tempDir("realtime");
    std::ofstream(dir / "t.json") << R"({"title": "Test", "steps": [
        {"caption": "One", "camera": "posterior", "pain": ["gluteus_medius.L"]},
        {"caption": "Two", "camera": "left"}]})";
    ctrl::Viewer v(true);
    setUp(v);
    REQUIRE(v.openTour((dir / "t.json").string()));
    v.applyTourStep(true, kFb, 1.0f);
    v.tours.player().finishTransition();
    ui::CaptionView c = v.tours.caption();
    CHECK(c.text == "One");
    CHECK(c.step == 1);
    CHECK(c.count == 2);
    REQUIRE(v.tours.next());
    v.applyTourStep(true, kFb, 1.0f);
    // Frames of 0.3 s (a software renderer under load): the 1 s transition is over after four of them,
    // and at every frame the number shown is the number of the text shown.
    const float seconds = v.tours.player().transitionSeconds();
    int frames = 0;
    bool sawOld = false, sawNew = false;
    while (v.tours.player().transitioning() && frames < 100) {
        v.prepareFrame(0.3f);
        v.advance(0.3f);
        ++frames;
        c = v.tours.caption();
        CHECK(c.step == (c.text == "One" ? 1 : 2));
        sawOld |= c.text == "One";
        sawNew |= c.text == "Two";
    }
    CHECK(frames == static_cast<int>(std::ceil(seconds / 0.3f)));
    CHECK(sawOld);
    CHECK(sawNew);
    CHECK_FALSE(v.camera.animating());  // the flight took the same wall-clock time
    CHECK(v.camera.pose.yawDeg == doctest::Approx(90.0f));
    fs::remove_all(dir);
}

TEST_CASE("pain pulse in real time: the clock advances by the frame's wall-clock time, however long") {
    ctrl::Viewer v(true);
    setUp(v);
    REQUIRE(v.pain.show({"gluteus_medius.L"}));
    v.pain.state().time = 0.0f;
    v.prepareFrame(0.3f);
    v.prepareFrame(2.5f);  // a stalled frame: the pulse skips ahead instead of slowing down
    CHECK(v.pain.state().time == doctest::Approx(2.8f));
    CHECK(v.scene.view().pain.triggerWeight.at(0) == doctest::Approx(1.0f));  // the 0.4 s fade is done
}

TEST_CASE("viewer: a tour step lays the body prone on a table; picking and the step's camera follow the body") {
    const fs::path dir = tempDir("posture");
    std::ofstream(dir / "t.json") << R"({"title": "Positions", "steps": [
        {"caption": "Face down", "camera": "anterior", "position": "prone"},
        {"caption": "Standing again", "camera": "anterior"}]})";
    ctrl::Viewer v(false);
    setUp(v);
    REQUIRE(v.openTour((dir / "t.json").string()));
    v.applyTourStep(false, kFb, 1.0f);
    CHECK(v.posture() == Posture::Prone);
    CHECK(v.treatmentTable().size() == 5);
    // The anterior view of a prone body looks up at it from under the table.
    CHECK(v.camera.pose.pitchDeg < -85.0f);
    CHECK(glm::dot(v.camera.forward(), glm::vec3(0, 0, -1)) > 0.95f);
    // A click on the left gluteus medius still picks it (through the translucent skin).
    const SceneIndex& idx = v.scene.index();
    v.click(pixelOf(v, {0.6f, 0.0f, 0.0f}, kFb), kFb);
    CHECK(v.scene.selected() == idx.findKey("gluteus_medius.L")->id);
    // The view captured in this posture reads back as the same step.
    const TourStep captured = v.captureView();
    CHECK(captured.posture == Posture::Prone);
    CHECK(std::get<CameraPose>(captured.camera).pitchDeg == doctest::Approx(5.0f).epsilon(0.01));  // anterior

    REQUIRE(v.tours.next());
    v.applyTourStep(false, kFb, 1.0f);
    CHECK(v.posture() == Posture::Standing);
    CHECK(v.treatmentTable().empty());
    CHECK(v.camera.pose.pitchDeg == doctest::Approx(5.0f));
    fs::remove_all(dir);
}

TEST_CASE("viewer: View > Body position lays the body on its side and flies to a view that shows it") {
    ctrl::Viewer v(false);
    setUp(v);
    ui::UiActions a;
    a.posture = Posture::SideLyingRight;
    v.handleSceneActions(a, 1.5f);
    CHECK(v.posture() == Posture::SideLyingRight);
    CHECK(v.ui.posture == Posture::SideLyingRight);
    while (v.advance(0.1f)) {
    }
    // Lying on the right side: the body's left side faces up, the camera looks from above and behind.
    CHECK((glm::mat3(v.camera.bodyToRoom()) * glm::vec3(1, 0, 0)).y == doctest::Approx(1.0f));
    CHECK(v.camera.pose.pitchDeg > 10.0f);
    CHECK(glm::dot(v.camera.forward(), glm::vec3(0, 0, 1)) > 0.3f);  // from behind the body
    CHECK(v.treatmentTable().size() == 5);
    v.prepareFrame(0.0f);
    CHECK(v.scene.view().props.size() == 5);  // the renderer draws the table
}
