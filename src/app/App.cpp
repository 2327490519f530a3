// App: what every frame does (the scene, the UI and its layout, the trigger marks, the leader lines),
// the content folders and their reload, the model's LOD. The window's loop is in AppWindow.cpp, input in
// AppInput.cpp, stills and exports in AppHeadless.cpp.
#include "app/App.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include <GLFW/glfw3.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "core/MarkLabels.h"
#include "core/TourApply.h"
#include "render/gl/State.h"
#include "ui/InfoPanels.h"
#include "ui/SceneOverlays.h"
#include "ui/Screen.h"

namespace la::app {

namespace fs = std::filesystem;

App::App(Options options) : options_(std::move(options)) {}
App::~App() {
    if (frameLog_) std::fclose(frameLog_);
    setWakeable(false);
    viewer_.reset();    // waits for its background work (a load in flight is cancelled)
    gpuScene_.reset();  // GL objects go before the context
    fxaa_.reset();
    uiLayer_.reset();
    renderer_.reset();
    input_.detach();
    imgui_.reset();
    egl_.reset();
    window_.reset();
    timeline_.mark("torn down");
}

Result<bool> App::loadModel(const std::string& path) {
    viewer_->registerModels = !options_.noRegister;
    if (auto ok = viewer_->openModel(path, loadOptions()); !ok) return ok;
    if (renderer_)
        gpuScene_ = render::GpuScene::upload(viewer_->scene.model(), renderer_->mipmapsFor(viewer_->scene.model()));
    viewer_->pain.forceUpload();  // the GPU copy starts with no pain weights
    if (renderer_ && !headless_) startLodBuild();
    return true;
}

void App::startLodBuild() {
    // The shown model (shared read-only, not copied), simplified at low priority (llvmpipe's threads draw
    // the first frames meanwhile). A build for a model replaced meanwhile finishes unawaited. Its end does
    // not wake the window: nothing shown changes, and a moving camera polls (pollLod) every frame.
    retiredLod_.add(std::move(lodJob_));
    lodJob_ = BackgroundTask<ModelLod>::start([model = viewer_->scene.sharedModel()] { return buildLod(*model); });
}

void App::pollLod() {
    retiredLod_.prune();
    if (!lodJob_.ready()) return;
    const ModelLod lod = lodJob_.take();
    if (gpuScene_) gpuScene_->setLod(lod);  // ignored when another model came meanwhile
}

void App::logFrame(const char* kind, float drawMs, glm::ivec2 sceneSize) {
    if (options_.frameLog.empty()) return;
    if (!frameLog_) frameLog_ = std::fopen(options_.frameLog.c_str(), "a");
    if (!frameLog_) return;
    const double now = glfwGetTime();
    const render::DrawStats& st = renderer_->lastStats();
    std::fprintf(frameLog_, "%s %.2f %.2f %zu %d %dx%d\n", kind, lastLogged_ < 0.0 ? 0.0 : 1000.0 * (now - lastLogged_),
                 static_cast<double>(drawMs), st.triangles, st.lodPrimitives > 0 ? 1 : 0, sceneSize.x, sceneSize.y);
    std::fflush(frameLog_);
    lastLogged_ = now;
}

void App::phaseMark(double& at) const {
    if (!phaseLog_) return;
    gl::finish();  // what the phase queued is rasterised before it is counted
    at = processCpuSeconds();
}

void App::countFrame() {
    ++framesDrawn_;
    if (framesDrawn_ == 1) firstFrame_.set_value();  // the start-up load may read now
    if (gpuScene_ && firstModelFrame_ == 0) firstModelFrame_ = framesDrawn_;
    writeFrameStats();
    if (framesDrawn_ == 1) timeline_.mark("first frame swapped");
}

ctrl::SceneOptions App::sceneOptions() const {
    ctrl::SceneOptions o;
    o.ghost = options_.ghost;
    o.show = options_.show;
    o.hide = options_.hide;
    o.select = options_.select;
    o.pain = options_.pain;
    o.time = options_.time;
    o.timeGiven = options_.timeGiven;
    o.explain = options_.explain;
    o.therapist = options_.therapist;
    o.position = options_.position;
    return o;
}

bool App::applySceneOptions() {
    if (auto ok = viewer_->applySceneOptions(sceneOptions()); !ok) {
        std::fprintf(stderr, "lumbar-atlas: %s\n", ok.error().c_str());
        return false;
    }
    return true;
}

glm::ivec2 App::framebufferSize() const {
    if (headless_) return {options_.width, options_.height};
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_->handle(), &w, &h);
    return {w, h};
}

float App::aspect() const {
    const glm::ivec2 fb = framebufferSize();
    return static_cast<float>(fb.x) / static_cast<float>(std::max(fb.y, 1));
}

void App::loadContent(bool catalogue) {
    const fs::path data(dataDir());
    if (catalogue && viewer_->scene.catalogue().empty())
        viewer_->loadCatalogue((data / "content" / "structures").string());
    if (!headless_)
        catalogueWatcher_ = std::make_unique<io::CatalogueWatcher>((data / "content" / "structures").string());
    const std::string painDir = (data / "content" / "referred_pain").string();
    for (const auto& e : viewer_->pain.load(painDir)) std::fprintf(stderr, "%s\n", e.c_str());
}

bool App::reloadContentIfChanged() {
    const double now = glfwGetTime();
    if (!catalogueWatcher_ || now - lastContentPoll_ < 1.0) return false;
    lastContentPoll_ = now;
    if (!catalogueWatcher_->poll().any()) return false;
    // A file that no longer parses keeps its last good version (the error line says so).
    io::CatalogueLoad load = io::loadCatalogueDir(catalogueWatcher_->dir(), &viewer_->scene.catalogue());
    for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.c_str());
    viewer_->ui.message = load.errors.empty() ? "Content reloaded." : load.errors.front();
    viewer_->ui.messageIsError = !load.errors.empty();
    viewer_->setCatalogue(std::move(load.catalogue));  // node indices are unchanged: selection and visibility stay
    return true;
}

float App::panelFontScale() const {
    return ImGui::GetIO().FontGlobalScale * (ImGui::GetFontSize() / 17.0f);
}

float App::tourFontScale() const {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.Size > 0 ? atlas->Fonts[0]->FontSize / 17.0f : 1.0f;
}

void App::applyTourStep(bool animate) {
    viewer_->applyTourStep(animate, framebufferSize(), tourFontScale());
}

void App::drawUi(ui::UiActions& actions) {
    ctrl::Viewer& v = *viewer_;
    ui::UiState& ui = v.ui;
    ctrl::TourController& t = v.tours;
    // The window's chrome (menus, sidebar, status bar); headless stills only with --sidebar.
    const bool chrome = (!headless_ || options_.sidebar) && !t.presenter.active;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const glm::ivec2 viewport(static_cast<int>(display.x), static_cast<int>(display.y));
    if (chartPart_ != ChartPart::None) {  // a part of a --chart: its caption, and the marks or the legend
        drawChartPart(viewport);
        return;
    }
    // The selected structure's panel already names it; a tooltip would only cover its leader line.
    if (chrome && ui.scene.hovered != ui.scene.selected) ui::drawHoverTooltip(v.scene.index().find(ui.scene.hovered));
    drawTriggerMarks(viewport);

    ui::ScreenFrame f;
    f.framebuffer = glm::vec2(viewport);
    f.chrome = chrome;
    f.presenter = t.presenter.active;
    f.sidebar = {&v.scene.index(), &v.pain.field(), &v.pain.state(), &t.panel(),
                 &t.list(),        &t.player(),     t.chooserLabel()};
    if (t.ready()) f.caption = t.caption();
    for (const auto& ref : t.articles()) {
        const PanelRef r = splitPanelRef(ref);
        f.articles.push_back({v.scene.catalogue().find(r.id), std::string(r.section), !exporting_});
    }
    ctrl::PanelFrame frame;
    frame.viewport = viewport;
    frame.fontScale = panelFontScale();
    frame.size = [](const ui::PanelState& s, float fs, float w) { return ui::panelSize(s, fs, w); };
    frame.compactSize = [](const ui::PanelState& s, float fs, float w) { return ui::compactPanelSize(s, fs, w); };
    frame.foldedSize = [](const ui::PanelState& s, float fs, float w) { return ui::foldedPanelSize(s, fs, w); };
    ctrl::PanelRequests panels = v.scene.articlePanelRequests(v.camera, frame);
    f.panelRequests = std::move(panels.requests);
    f.body = panels.body;
    for (auto& st : ui.scene.panels) {
        ui::PanelView pv;
        const SceneNode* sn = v.scene.index().find(st.node);
        pv.hasPainPattern = sn && sn->ref && v.pain.field().find(sn->ref->id) != nullptr;
        pv.painShown = pv.hasPainPattern && v.pain.state().patternsOn.count(sn->key) > 0;
        pv.state = &st;
        pv.node = sn;
        pv.interactive = !exporting_;  // handouts: nothing to click on paper
        f.panels.push_back(pv);
    }
    f.pain = &v.pain.state();
    f.painField = &v.pain.field();
    f.therapist = v.therapistDetail();
    if (chrome && v.pain.lookupOpen()) f.lookup = ui::lookupLines(v.pain.lookup(), v.scene.index(), v.pain.field());
    f.lookupOpen = &v.pain.lookupOpenFlag();
    const SceneNode* selected = v.scene.index().find(ui.scene.selected);
    v.status.selection = selected ? selected->label : std::string();
    v.status.tourSteps = t.ready() ? static_cast<int>(t.player().stepCount()) : 0;
    v.status.tourStep = t.player().current() + 1;
    v.status.tourTitle = t.ready() ? t.player().tour().title : std::string();
    f.status = &v.status;

    const ui::ScreenResult r = ui::drawScreen(ui, f, actions);
    layout_ = r.layout;
    drawnItems_ = r.drawn;
    if (r.tour.any()) {
        const char* clip = r.tour.pasteView ? ImGui::GetClipboardText() : nullptr;
        const auto out = v.handleTourActions(r.tour, clip ? clip : "", framebufferSize(), panelFontScale());
        if (out.clipboard) ImGui::SetClipboardText(out.clipboard->c_str());
        if (out.togglePresenter) pending_.presenter = !t.presenter.active;
    }
    if (r.closedArticle) t.articles().erase(t.articles().begin() + *r.closedArticle);
    if (r.lookupChosen) v.chooseLookup(*r.lookupChosen);
}

void App::drawTriggerMarks(glm::ivec2 viewport) {
    const ctrl::Viewer& v = *viewer_;
    markItems_.clear();
    if (!v.scene.view().pain.active) return;
    const glm::vec2 vp(viewport);
    const glm::mat4 viewProj = v.camera.projection(vp.x / std::max(vp.y, 1.0f)) * v.camera.view();
    bool skinShown = false;
    for (const auto& n : v.scene.index().nodes())
        if (n.kind == "skin" && !v.scene.view().style(static_cast<std::size_t>(n.node)).hidden) skinShown = true;
    const std::vector<ctrl::TriggerMark> marks = v.pain.triggerMarks(
        viewProj, vp, v.scene.view(), v.camera.position(), &v.scene.pickScene(), &v.scene.pickFilter(), skinShown);
    // The numbers clear of each other's X and number, of the rings on the skin and of the leader lines.
    // Points in plain view choose first, those behind other structures (drawn faded) after them.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < marks.size(); ++i)
        if (marks[i].number > 0) order.push_back(i);
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return !marks[i].behind; });
    std::vector<MarkLabel> labels;
    labels.reserve(order.size());
    // As drawTriggerMark draws them: the UI's scale, less over a small body.
    const float uiScale = std::max(layout_.metrics.scale, 1.0f);
    const float scale = layout_.body.valid() ? triggerMarkScale(uiScale, layout_.body.size().y) : uiScale;
    const float textScale = scale / uiScale;
    for (const std::size_t i : order)
        labels.push_back({marks[i].pixel, ui::triggerNumberSize(marks[i].number, textScale)});
    std::vector<Rect> obstacles;
    const float ringBox = (ui::kTriggerRingRadius + 1.5f) * scale;  // the ring's radius with its outline
    for (const ctrl::TriggerMark& m : marks)
        if (m.skinPixel) obstacles.push_back({*m.skinPixel - glm::vec2(ringBox), *m.skinPixel + glm::vec2(ringBox)});
    for (const PanelPlacement& p : layout_.panels) {  // last frame's leader lines and their dots on the muscles
        if (!p.hasLeader) continue;
        obstacles.push_back({p.leaderTo - glm::vec2(ringBox), p.leaderTo + glm::vec2(ringBox)});
        addLineObstacles(obstacles, p.leaderFrom, p.leaderTo);
    }
    const std::vector<glm::vec2> places =
        placeMarkLabels(labels, ui::kTriggerMarkRadius * scale, 2.0f * scale, obstacles);
    std::vector<std::optional<glm::vec2>> at(marks.size());
    for (std::size_t k = 0; k < order.size() && k < places.size(); ++k) {
        const std::size_t i = order[k];
        at[i] = places[k];
        const std::string n = std::to_string(marks[i].number);
        const glm::vec2 r(ui::kTriggerMarkRadius * scale);
        markItems_.push_back({"x/" + n, Rect{marks[i].pixel - r, marks[i].pixel + r}});
        markItems_.push_back({"number/" + n, Rect::fromPosSize(places[k], labels[k].size)});
    }
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const ctrl::TriggerMark& m = marks[i];
        ui::drawTriggerMark(m.pixel, m.weight, m.behind, m.skinPixel, m.number, m.glow, at[i], scale, textScale);
    }
}

void App::renderStill(render::RenderTarget& target) {
    constexpr int kLayoutFrames = 6;  // panels settle their sizes and places over a few frames
    if (imgui_)
        for (int i = 0; i < kLayoutFrames; ++i) renderFrame(target, true, false);
    renderFrame(target);
}

void App::renderFrame(render::RenderTarget& target, bool withUi, bool scene, std::optional<FrameQuality> window) {
    const glm::ivec2 size = target.size();
    const bool windowFrame = window.has_value();
    const FrameQuality quality = window.value_or(FrameQuality{});
    glm::ivec2 drawn = size;      // the scene target's size
    bool upscaleUnderUi = false;  // a reduced frame's upscale is left to the UI pass, merged with its layer
    PixelRect sceneBox(0, 0, size.x, size.y);  // the window's pixels the scene's drawing may have changed
    target.bind();
    ctrl::Viewer& v = *viewer_;
    const auto t0 = std::chrono::steady_clock::now();
    v.prepareFrame(frameDt_);
    // Per-vertex pain weights go to the GPU only when what is shown changed (not every frame).
    if (gpuScene_)
        v.pain.uploadChanged([&](MeshId mesh, std::size_t prim, const std::vector<glm::vec4>& w) {
            gpuScene_->setPainVertices(mesh, prim, w);
        });
    // The body in the middle of the view beside the open sidebar and, while the tour's caption bar covers
    // the bottom of the view, smaller and centred above the bar (last frame's layout).
    // In the window the framing eases from one to the next; a still shows it at once.
    Lens lens;
    lens.shift.x = size.x > 0 && layout_.view.valid() ? layout_.view.min.x / static_cast<float>(size.x) : 0.0f;
    if (size.y > 0 && layout_.view.valid() && layout_.caption.valid() && layout_.content.valid()) {
        lens.scale = std::clamp(layout_.content.size().y / layout_.view.size().y, 0.5f, 1.0f);
        lens.shift.y = 1.0f - 2.0f * layout_.content.center().y / static_cast<float>(size.y);
    }
    if (windowFrame) {
        lens = lensEase_.update(lens, frameDt_);
    } else {
        lensEase_.snap(lens);
    }
    v.camera.lensShift = lens.shift;
    v.camera.lensScale = lens.scale;
    // A layout-only frame of a still (!scene): the UI runs, the scene is drawn by the last frame.
    if (scene && v.tours.presenter.blank()) {
        const float c = v.tours.presenter.screen == ctrl::Screen::White ? 1.0f : 0.0f;
        target.clear(glm::vec4(c, c, c, 1.0f));
    } else if (scene && renderer_) {
        // Before the first model is there (it loads in the background), the background alone.
        const render::GpuScene& gpu = gpuScene_ ? *gpuScene_ : noModel_;
        render::DrawOptions draw{quality.lod};
        // Stills (and F12) flush every 16k triangles with two such pieces in flight at most (render/Renderer.h).
        if (!windowFrame) {
            draw.flushTriangles = 16384;
            draw.flushesInFlight = 2;
        }
        // The background alone (no model yet) goes straight to the window: FXAA over a smooth gradient
        // changes nothing, and its full-size scene target and pass cost llvmpipe about 60 ms of processor
        // time in the window's first frame (140-150 ms of its wall time at load 6-9 on the 2 cores).
        if (fxaa_ && gpuScene_) {
            // While the camera moves: a smaller scene target, scaled up to the window unfiltered.
            if (quality.scale < 1.0f)
                drawn = glm::max(glm::ivec2(glm::vec2(size) * quality.scale + 0.5f), glm::ivec2(1));
            phaseMark(phases_[0]);
            renderer_->draw(gpu, v.scene.view(), v.camera, fxaa_->sceneTarget(drawn), draw);
            // A window frame's scene goes to the rasteriser now: a software renderer's threads draw it while
            // this thread lays out the UI (the leader lines' and trigger marks' rays), instead of after.
            if (windowFrame) gl::flush();
            phaseMark(phases_[1]);
            sceneBox = upscaledBox(renderer_->lastStats().sceneBox, drawn, size);
            // A reduced window frame with the UI layer: the upscale goes with the layer's composite, one
            // pass over the screen instead of two over the cached windows (FxaaPass::upscaleUnder).
            upscaleUnderUi = windowFrame && uiLayer_ && imgui_ && quality.reduced() && drawn != size;
            if (!upscaleUnderUi)
                fxaa_->resolve(target, options_.aa == "fxaa", drawn == size ? std::optional(sceneBox) : std::nullopt);
            phaseMark(phases_[2]);
        } else {
            renderer_->draw(gpu, v.scene.view(), v.camera, target, draw);
        }
    }
    v.status.frameMs = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (scene && gpuScene_ && !v.tours.presenter.blank())
        logFrame(windowFrame ? "window" : "still", v.status.frameMs, drawn);
    if (!imgui_) return;  // a still without UI
    if (headless_)
        imgui_->newFrame(size.x, size.y);
    else
        imgui_->newFrame(0, 0, &feed_, &frame_);
    ui::UiActions actions;
    if (withUi && !v.tours.presenter.blank()) drawUi(actions);
    // While the camera moves, windows that stay as they were come from a cached layer (a software
    // renderer pays for every UI triangle and pixel); at rest and in stills the UI is drawn directly.
    if (windowFrame && phaseLog_) phaseMark(phases_[3]);
    if (windowFrame && uiLayer_ && upscaleUnderUi)
        imgui_->render(
            target, *uiLayer_, true,
            [&](const std::vector<PixelRect>& rects, const std::vector<glm::ivec2>& shifts,
                const std::vector<PixelRect>& kept) { fxaa_->upscaleUnder(target, *uiLayer_, rects, shifts, kept); },
            window_ && window_->keepsBackBuffer(), sceneBox, drawn);
    else if (windowFrame && uiLayer_)
        imgui_->render(target, *uiLayer_, quality.reduced());
    else
        imgui_->render();
    if (windowFrame && phaseLog_ && frameLog_) {
        phaseMark(phases_[4]);
        std::fprintf(frameLog_, "phases %.2f %.2f %.2f %d\n", 1e3 * (phases_[1] - phases_[0]),
                     1e3 * (phases_[2] - phases_[1]), 1e3 * (phases_[4] - phases_[3]), quality.reduced() ? 1 : 0);
        std::fflush(frameLog_);
    }
    if (!headless_) handleActions(actions);
}

}  // namespace la::app
