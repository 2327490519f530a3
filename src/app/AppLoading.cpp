// App: the window's model loads. A load runs on a worker thread (ctrl::ModelLoads); the start-up load
// is started with the window run but reads only once the window's first frame is swapped, so that it
// does not take the 2 cores from the window, its context and the fonts being made (README: first frame
// in the window); the window draws its background and UI meanwhile, with the progress in the status
// line, and puts the model on the GPU in the frame after it arrived. Opening another model (File > Open,
// drop, recent files) goes the same way: the old model stays until the new one is ready; a failed load
// keeps it and says why in one line.
#include <cstdio>
#include <filesystem>
#include <string>

#include <GLFW/glfw3.h>

#include "app/App.h"
#include "app/Window.h"

namespace la::app {

io::LoadOptions App::loadOptions() const {
    io::LoadOptions load;
    load.trustPaths = options_.trustPaths;
    load.scene = options_.scene;
    return load;
}

void App::startLoad(const std::string& path, bool afterFirstFrame) {
    viewer_->registerModels = !options_.noRegister;
    viewer_->beginOpenModel(path, loadOptions(), afterFirstFrame ? firstFrameShown_ : std::shared_future<void>{});
    updateLoadStatus();
}

bool App::takeFinishedLoad() {
    ctrl::Viewer& v = *viewer_;
    const auto outcome = v.pollModelLoad();
    updateLoadStatus();
    if (outcome == ctrl::Viewer::LoadOutcome::None) return false;
    const bool loaded = outcome == ctrl::Viewer::LoadOutcome::Applied;
    if (loaded) {
        gpuScene_ =
            render::GpuScene::upload(v.scene.model(), renderer_ ? renderer_->mipmapsFor(v.scene.model()) : nullptr);
        v.pain.forceUpload();  // the GPU copy starts with no pain weights
        startLodBuild();       // the motion LOD, at low priority
    }
    if (startupPending_) {  // the command line's scene, view and tour are for the first model
        startupPending_ = false;
        if (!applyStartup(loaded)) startupFailed_ = true;
    } else if (loaded) {
        if (!v.ui.messageIsError) v.ui.message.clear();
        v.applyPreset(v.firstView(ViewPreset::Posterior, false), aspect(), true);
    }
    return true;
}

bool App::applyStartup(bool loaded) {
    ctrl::Viewer& v = *viewer_;
    if (loaded && !applySceneOptions()) return false;
    v.applyPreset(v.firstView(options_.view, options_.viewGiven), aspect(), false);
    if (!options_.tour.empty()) {
        if (auto ok = v.openTour(options_.tour); !ok) {
            v.say(ok.error(), true);
        } else if (auto on = v.applyTourStepWithOptions(sceneOptions(), true, framebufferSize(), tourFontScale());
                   !on) {
            v.say(on.error(), true);  // checked before the tour opened: not expected
        }
    }
    return true;
}

BackgroundWork App::backgroundWork() const {
    const ctrl::Viewer& v = *viewer_;
    BackgroundWork w;
    w.modelLoading = v.loads.loading();
    w.loadingSeconds = v.loads.loadingSeconds();
    w.loadingPath = v.loads.loadingPath();
    w.clickWaiting = v.clickWaiting();
    w.painBaking = v.pain.baking();
    w.painShown = !v.pain.state().patternsOn.empty();
    return w;
}

void App::updateLoadStatus() {
    const ProgressLine line = progressLine(backgroundWork());
    ui::StatusInfo& s = viewer_->status;
    s.modelLoading = line.modelLoading;
    s.loading = line.text;
    s.loadingSeconds = line.seconds;
}

bool App::backgroundBusy() const {
    return la::backgroundBusy(backgroundWork());
}

void App::writeFrameStats() const {
    if (options_.frameStats.empty()) return;
    std::string out = "frames " + std::to_string(framesDrawn_) + "\n";
    const ctrl::Viewer& v = *viewer_;
    // For benchmarks and tests: what the window shows, and whether picking is ready for it.
    if (v.loads.loading()) out += "loading " + std::filesystem::path(v.loads.loadingPath()).filename().string() + "\n";
    if (gpuScene_ && !v.scene.model().name.empty()) out += "model " + v.scene.model().name + "\n";
    if (gpuScene_ && v.scene.pickReady()) out += "picking ready\n";
    // The first frame that showed a model (the window draws its background and UI before that).
    if (firstModelFrame_ > 0) out += "first model frame " + std::to_string(firstModelFrame_) + "\n";
    if (*frameReason_) out += std::string("last frame for ") + frameReason_ + "\n";
    // Written beside it and renamed over it, so that a reader (a test polling it) never sees it half
    // written: a test once read it empty, truncated for the next frame's lines.
    const std::string temp = options_.frameStats + ".tmp";
    if (std::FILE* f = std::fopen(temp.c_str(), "w")) {
        const bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
        if (std::fclose(f) == 0 && ok) std::rename(temp.c_str(), options_.frameStats.c_str());
    }
}

void App::wake() const {
    // From worker threads: only while the window exists (glfwPostEmptyEvent is thread-safe then).
    std::lock_guard<std::mutex> lock(wakeMutex_);
    if (wakeable_) glfwPostEmptyEvent();
}

void App::setWakeable(bool on) {
    std::lock_guard<std::mutex> lock(wakeMutex_);
    wakeable_ = on;
}

}  // namespace la::app
