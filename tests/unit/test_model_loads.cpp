// Model loads that never block the window (ctrl::ModelLoads through ctrl::Viewer), with fake loaders held
// at a gate the test opens: frames keep coming while a load runs, its result is applied once, a superseded
// result is dropped, a failure keeps the old model; picks wait for the background BVH; the pain bake runs
// in the background and gives what the bake in place gives. No timing: waits are bounded loops.
#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <doctest/doctest.h>

#include "../support/CoreFixtures.h"
#include "core/PainSurface.h"
#include "ctrl/ModelLoads.h"
#include "ctrl/Viewer.h"
#include "io/IsolatedImport.h"

using namespace la;

namespace {

// A load held until its gate opens; it records whether it was told to cancel.
struct Gate {
    std::promise<void> open;
    std::shared_future<void> opened = open.get_future().share();
    std::atomic<bool> sawCancel{false};
};

Model namedModel(const std::string& name) {
    Model m = test::modelWithNamedTriangles({"sacrum"});
    m.name = name;
    return m;
}

ctrl::ModelLoads::Work heldLoad(Gate& gate, const std::string& name, bool fail = false) {
    return [&gate, name, fail](const std::atomic<bool>& cancel) -> Result<ctrl::LoadedModel> {
        gate.opened.wait();
        gate.sawCancel = cancel.load();
        if (fail) return Error{name + ": not a model file"};
        return ctrl::LoadedModel{namedModel(name), {}, false};
    };
}

// Frames until the load is handed out (at most 20 s of 1 ms frames); the outcome of the frame that took it.
ctrl::Viewer::LoadOutcome framesUntilDone(ctrl::Viewer& v, int& frames) {
    for (frames = 0; frames < 20000; ++frames) {
        const auto outcome = v.pollModelLoad();
        v.prepareFrame(0.001f);
        if (outcome != ctrl::Viewer::LoadOutcome::None) return outcome;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return ctrl::Viewer::LoadOutcome::None;
}

void waitUntil(const std::function<bool()>& done) {
    for (int i = 0; i < 20000 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

}  // namespace

TEST_CASE("model loads: frames keep coming while a load runs, and its result is applied once") {
    ctrl::Viewer v(true);
    v.setModel(namedModel("old.glb"), "old.glb");
    Gate gate;
    v.loads.start("new.glb", heldLoad(gate, "new.glb"));
    CHECK(v.loads.loading());
    CHECK(v.loads.loadingPath() == "new.glb");
    for (int frame = 0; frame < 50; ++frame) {  // the load cannot finish: each frame returns at once
        CHECK(v.pollModelLoad() == ctrl::Viewer::LoadOutcome::None);
        v.prepareFrame(0.016f);
    }
    CHECK(v.scene.model().name == "old.glb");  // the old model stays meanwhile
    gate.open.set_value();
    int frames = 0;
    CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Applied);
    CHECK(v.scene.model().name == "new.glb");
    CHECK_FALSE(v.loads.loading());
    CHECK(v.ui.recentFiles.front() == "new.glb");
    const auto generation = v.scene.model().generation;
    for (int frame = 0; frame < 5; ++frame) CHECK(v.pollModelLoad() == ctrl::Viewer::LoadOutcome::None);
    CHECK(v.scene.model().generation == generation);  // applied once, not again
}

TEST_CASE("model loads: a superseded load is cancelled and its result dropped, whichever finishes first") {
    SUBCASE("the newer one finishes first") {
        ctrl::Viewer v(true);
        Gate first, second;
        v.loads.start("a.glb", heldLoad(first, "a.glb"));
        v.loads.start("b.glb", heldLoad(second, "b.glb"));
        second.open.set_value();
        int frames = 0;
        CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Applied);
        CHECK(v.scene.model().name == "b.glb");
        first.open.set_value();
        waitUntil([&] {
            v.pollModelLoad();
            return v.loads.dropped() == 1;
        });
        CHECK(v.loads.dropped() == 1);
        CHECK(first.sawCancel);  // told that nobody waits for it
        CHECK_FALSE(second.sawCancel);
        CHECK(v.scene.model().name == "b.glb");  // the stale one never shows
    }
    SUBCASE("the older one finishes first") {
        ctrl::Viewer v(true);
        Gate first, second;
        v.loads.start("a.glb", heldLoad(first, "a.glb"));
        v.loads.start("b.glb", heldLoad(second, "b.glb"));
        first.open.set_value();
        waitUntil([&] {
            CHECK(v.pollModelLoad() == ctrl::Viewer::LoadOutcome::None);
            return v.loads.dropped() == 1;
        });
        CHECK(v.loads.dropped() == 1);
        CHECK(v.loads.loading());  // still waiting for b
        CHECK(v.scene.model().name.empty());
        second.open.set_value();
        int frames = 0;
        CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Applied);
        CHECK(v.scene.model().name == "b.glb");
    }
}

TEST_CASE("model loads: a failed load keeps the old model and says why in one line") {
    ctrl::Viewer v(true);
    v.setModel(namedModel("old.glb"), "old.glb");
    const auto generation = v.scene.model().generation;
    Gate gate;
    gate.open.set_value();
    v.loads.start("broken.obj", heldLoad(gate, "broken.obj", true));
    int frames = 0;
    CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Failed);
    CHECK(v.scene.model().name == "old.glb");
    CHECK(v.scene.model().generation == generation);
    CHECK(v.ui.message == "broken.obj: not a model file");
    CHECK(v.ui.messageIsError);
    CHECK(v.ui.recentFiles.front() == "old.glb");
}

TEST_CASE("model loads: a real file through beginOpenModel, and a missing one") {
    ctrl::Viewer v(true);
    v.beginOpenModel("/nonexistent/folder/model.glb");
    int frames = 0;
    CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Failed);
    CHECK(v.ui.message.find("model.glb") != std::string::npos);
    CHECK(v.scene.model().nodes.empty());
}

TEST_CASE("model loads: an isolated import that is cancelled ends its child and says so") {
    std::atomic<bool> cancel{true};
    io::IsolationLimits limits;
    limits.cancel = &cancel;
    limits.seconds = 60.0;
    const auto r = io::runIsolated(
        "slow.obj",
        [] {
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));  // an importer that never returns
            return Result<Model>(Error{"unreachable"});
        },
        limits);
    REQUIRE_FALSE(r);
    CHECK(r.error() == "slow.obj: the import was cancelled");
}

TEST_CASE("model loads: picks before the background BVH is ready wait, and are answered once it is") {
    ctrl::Viewer v(true);
    v.setModel(test::modelWithNamedTriangles({"sacrum"}), "");
    v.camera.pose = CameraPose{{0.3f, 0.3f, 0.0f}, 0.0f, 0.0f, 3.0f};
    v.scene.updateViewState();
    const glm::ivec2 fb(200, 200);
    CHECK_FALSE(v.scene.pickReady());  // not before the model's first frame
    CHECK_FALSE(v.scene.pickAt(v.camera, {100, 100}, fb));
    v.click({100, 100}, fb);
    CHECK(v.clickWaiting());
    CHECK_FALSE(v.scene.selected().valid());
    v.camera.pose.yawDeg = 90.0f;  // the camera moves on meanwhile: the click keeps its own
    v.afterFrame();
    waitUntil([&] { return v.scene.pickReady(); });
    REQUIRE(v.scene.pickReady());
    v.prepareFrame(0.0f);
    CHECK_FALSE(v.clickWaiting());
    CHECK(v.scene.selected() == v.scene.model().nodeId(0));
}

TEST_CASE("model loads: the window's pain bake runs in the background and equals the bake in place") {
    TriggerPoint t;
    t.id = "trp1";
    t.position = {0.3f, 0.3f, 0.0f};
    // A zone round the whole trunk chart: every vertex is covered.
    t.essential.outlines.push_back(
        ChartOutline{ChartKind::Trunk, {{-179, -2.0f}, {179, -2.0f}, {179, 2.0f}, {-179, 2.0f}}});
    const PainPattern p{"sacrum", {t}};
    auto model = std::make_shared<const Model>(test::modelWithNamedTriangles({"sacrum"}));
    SceneIndex index(*model, Catalogue{});
    ctrl::PainController still, window;
    still.setPatterns({p});
    window.setPatterns({p});
    std::vector<std::vector<glm::vec4>> fromStill, fromWindow;
    still.prepare(model, index, false);  // a still with no pattern shown bakes nothing
    still.uploadChanged([&](MeshId, std::size_t, const std::vector<glm::vec4>& w) { fromStill.push_back(w); });
    CHECK(fromStill.empty());
    REQUIRE(still.show({"all"}));
    still.prepare(model, index, false);
    window.prepare(model, index, true);
    CHECK(window.baking());  // waits for the frame to be drawn
    window.uploadChanged([&](MeshId, std::size_t, const std::vector<glm::vec4>& w) { fromWindow.push_back(w); });
    CHECK(fromWindow.empty());  // nothing to draw before the bake is there
    window.forceUpload();
    window.startBackgroundWork(model, index);
    waitUntil([&] {
        window.prepare(model, index, true);
        return !window.baking();
    });
    CHECK_FALSE(window.baking());
    still.forceUpload();
    still.uploadChanged([&](MeshId, std::size_t, const std::vector<glm::vec4>& w) { fromStill.push_back(w); });
    window.uploadChanged([&](MeshId, std::size_t, const std::vector<glm::vec4>& w) { fromWindow.push_back(w); });
    REQUIRE(fromStill.size() == 1);
    CHECK(fromWindow == fromStill);
    CHECK(fromStill[0].size() == 3);
}

TEST_CASE("model loads: a load started after a first frame reads nothing until that frame, then loads") {
    ctrl::Viewer v(true);
    std::promise<void> firstFrame;
    std::atomic<int> reads{0};
    v.loads.start(
        "start.glb",
        [&reads](const std::atomic<bool>&) -> Result<ctrl::LoadedModel> {
            ++reads;
            return ctrl::LoadedModel{namedModel("start.glb"), {}, false};
        },
        firstFrame.get_future().share());
    for (int frame = 0; frame < 100; ++frame) {  // a load that is not held would be done within these
        CHECK(v.pollModelLoad() == ctrl::Viewer::LoadOutcome::None);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    CHECK(reads == 0);
    CHECK(v.loads.loading());  // the status line says it is loading meanwhile
    CHECK(v.loads.loadingPath() == "start.glb");
    firstFrame.set_value();
    int frames = 0;
    CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Applied);
    CHECK(reads == 1);
    CHECK(v.scene.model().name == "start.glb");
}

TEST_CASE("model loads: a held load superseded or abandoned before its frame never reads and never hangs") {
    std::atomic<int> reads{0};
    const auto counted = [&reads](const std::string& name) {
        return [&reads, name](const std::atomic<bool>&) -> Result<ctrl::LoadedModel> {
            ++reads;
            return ctrl::LoadedModel{namedModel(name), {}, false};
        };
    };
    {
        ctrl::Viewer v(true);
        std::promise<void> never;
        v.loads.start("held.glb", counted("held.glb"), never.get_future().share());
        v.loads.start("opened.glb", counted("opened.glb"));  // File > Open before the first frame
        int frames = 0;
        CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Applied);
        CHECK(v.scene.model().name == "opened.glb");
        waitUntil([&] {
            v.loads.poll();  // takes finished superseded loads out
            return v.loads.dropped() == 1;
        });
        CHECK(v.loads.dropped() == 1);  // the held one ended without reading
        CHECK(reads == 1);
    }
    {
        ctrl::Viewer v(true);
        std::promise<void> never;
        v.loads.start("held.glb", counted("held.glb"), never.get_future().share());
    }  // the viewer goes (a window that failed to open): the wait ends, nothing was read
    CHECK(reads == 1);
    {
        ctrl::Viewer v(true);
        {
            std::promise<void> gone;
            v.loads.start("orphan.glb", counted("orphan.glb"), gone.get_future().share());
        }  // the first frame's promise goes unset while the viewer stays: the load ends without reading
        int frames = 0;
        CHECK(framesUntilDone(v, frames) == ctrl::Viewer::LoadOutcome::Failed);
        CHECK(reads == 1);
    }
}
