#include "app/App.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <future>

#include <GLFW/glfw3.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "core/AnimationKey.h"
#include "core/KeptPixels.h"
#include "core/MarkLabels.h"
#include "core/ModelFiles.h"
#include "core/TourApply.h"
#include "io/XdgPaths.h"
#include "render/gl/State.h"
#include "ui/InfoPanels.h"
#include "ui/SceneOverlays.h"
#include "ui/Screen.h"

namespace la::app {

namespace fs = std::filesystem;

namespace {
// Processor time of the whole process (every thread: llvmpipe's rasteriser threads too), seconds.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
}  // namespace

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

void App::loadContent() {
    const fs::path data(dataDir());
    if (viewer_->scene.catalogue().empty()) viewer_->loadCatalogue((data / "content" / "structures").string());
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

void App::handleActions(const ui::UiActions& a) {
    if (a.openModel) startLoad(*a.openModel);  // the current model stays until the new one is ready
    viewer_->handleSceneActions(a, aspect());
    if (a.togglePresenter) pending_.presenter = !viewer_->tours.presenter.active;
    if (a.screenshot) pending_.screenshotWithUi = *a.screenshot;
    if (a.fontScale) pending_.fontScale = *a.fontScale;
    if (a.quit) quit_ = true;
    if (a.remeasured) remeasured_ = true;
}

void App::openDropped(const std::vector<std::string>& paths) {
    const DropChoice choice = chooseDroppedModel(paths);
    if (!choice.open) {
        if (!choice.problem.empty()) viewer_->say(choice.problem, true);
        return;
    }
    ui::UiActions a;
    a.openModel = *choice.open;  // the open dialog's path: load, keep the old model on failure, recent files
    handleActions(a);
}

ctrl::Key keyFromGlfw(int k) {
    if ((k >= GLFW_KEY_A && k <= GLFW_KEY_Z) || (k >= GLFW_KEY_0 && k <= GLFW_KEY_9)) return static_cast<ctrl::Key>(k);
    switch (k) {
        case GLFW_KEY_SPACE:
            return ctrl::Key::Space;
        case GLFW_KEY_PERIOD:
            return ctrl::Key::Period;
        case GLFW_KEY_ESCAPE:
            return ctrl::Key::Escape;
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
            return ctrl::Key::Enter;
        case GLFW_KEY_BACKSPACE:
            return ctrl::Key::Backspace;
        case GLFW_KEY_LEFT:
            return ctrl::Key::Left;
        case GLFW_KEY_RIGHT:
            return ctrl::Key::Right;
        case GLFW_KEY_UP:
            return ctrl::Key::Up;
        case GLFW_KEY_DOWN:
            return ctrl::Key::Down;
        case GLFW_KEY_PAGE_UP:
            return ctrl::Key::PageUp;
        case GLFW_KEY_PAGE_DOWN:
            return ctrl::Key::PageDown;
        case GLFW_KEY_HOME:
            return ctrl::Key::Home;
        case GLFW_KEY_END:
            return ctrl::Key::End;
        case GLFW_KEY_F1:
            return ctrl::Key::F1;
        case GLFW_KEY_F3:
            return ctrl::Key::F3;
        case GLFW_KEY_F5:
            return ctrl::Key::F5;
        case GLFW_KEY_F11:
            return ctrl::Key::F11;
        case GLFW_KEY_F12:
            return ctrl::Key::F12;
        default:
            return ctrl::Key::Unknown;
    }
}

bool App::runCommand(const ctrl::CommandEvent& c) {
    ctrl::Viewer& v = *viewer_;
    ctrl::TourController& t = v.tours;
    static const ViewPreset kPresets[] = {ViewPreset::Posterior, ViewPreset::Anterior, ViewPreset::Left,
                                          ViewPreset::Right,     ViewPreset::Superior, ViewPreset::Oblique};
    switch (c.command) {
        case ctrl::Command::ViewPreset:
            v.applyPreset(kPresets[c.preset], aspect(), true);
            return true;
        case ctrl::Command::FrameAll:
            v.frameAll(aspect());
            return true;
        case ctrl::Command::OpenDialog:
            v.ui.openDialog.open = true;
            return true;
        case ctrl::Command::Quit:
            quit_ = true;
            return true;
        case ctrl::Command::TogglePainPanel:
            ui::toggleSidebarTab(v.ui, SidebarTab::Pain);
            return true;
        case ctrl::Command::TogglePresenter:
            pending_.presenter = !pending_.presenter.value_or(t.presenter.active);
            return true;
        case ctrl::Command::Screenshot:
            pending_.screenshotWithUi = c.withUi;
            return false;
        case ctrl::Command::ToggleBlack:
            t.presenter.screen = t.presenter.blank() ? ctrl::Screen::Scene : ctrl::Screen::Black;
            return true;
        case ctrl::Command::ToggleWhite:
            t.presenter.screen = t.presenter.blank() ? ctrl::Screen::Scene : ctrl::Screen::White;
            return true;
        case ctrl::Command::LeavePresenter:
            pending_.presenter = false;
            return true;
        case ctrl::Command::CloseDialog:  // one thing per press: the top dialog, the lookup, the debug overlay
            if (!ui::closeTopOverlay(v.ui)) {
                if (v.pain.lookupOpen())
                    v.pain.closeLookup();
                else
                    v.ui.debugOverlay = false;
            }
            return true;
        case ctrl::Command::ShowKeys:
            v.ui.showKeys = !v.ui.showKeys;
            return true;
        case ctrl::Command::ToggleDebugOverlay:
            v.ui.debugOverlay = !v.ui.debugOverlay;
            return true;
        case ctrl::Command::ResetView:
            v.applyPreset(v.firstView(options_.view, options_.viewGiven), aspect(), true);
            return true;
        case ctrl::Command::LastStep:
            return t.last();
        case ctrl::Command::ClearSelection:
            v.scene.select(NodeId{});
            return true;
        case ctrl::Command::NextStep:
            return t.next();
        case ctrl::Command::PreviousStep:
            return t.previous();
        case ctrl::Command::FirstStep:
            return t.first();
        case ctrl::Command::None:
            break;
    }
    return false;
}

bool App::handleInput() {
    ctrl::Viewer& v = *viewer_;
    ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    const glm::ivec2 fb = framebufferSize();
    int winW = 0, winH = 0;
    glfwGetWindowSize(window_->handle(), &winW, &winH);
    const glm::vec2 viewport(static_cast<float>(std::max(winW, 1)), static_cast<float>(std::max(winH, 1)));
    // Clicks come from the queue with the cursor position GLFW gave with them, in the frame ImGui sees
    // them (see InputQueue.h).
    const std::vector<MouseButtonEvent> buttons = buttonEvents(frame_.events);
    // The cursor where this frame's events left it (a drag that came within one slow frame still orbits
    // by its whole length); with nothing queued, where it is now.
    if (frame_.mousePos) {
        fedCursor_ = *frame_.mousePos;
    } else if (!feed_.pending()) {
        double cx = 0.0, cy = 0.0;
        glfwGetCursorPos(window_->handle(), &cx, &cy);
        fedCursor_ = glm::vec2(static_cast<float>(cx), static_cast<float>(cy));
    }
    const glm::vec2 cursor = fedCursor_;
    const glm::vec2 toFb(io.DisplayFramebufferScale.x, io.DisplayFramebufferScale.y);
    const glm::vec2 delta = cursor - lastCursor_;
    lastCursor_ = cursor;
    if (!io.WantCaptureMouse) {
        const bool moved = delta.x != 0.0f || delta.y != 0.0f;
        if (moved && leftHeld_ && !io.KeyShift) {
            v.camera.orbit(-delta.x * 0.4f, delta.y * 0.4f);
            changed = true;
        } else if (moved && (ImGui::IsMouseDown(ImGuiMouseButton_Right) ||
                             ImGui::IsMouseDown(ImGuiMouseButton_Middle) || (leftHeld_ && io.KeyShift))) {
            v.camera.pan(delta, viewport);
            changed = true;
        }
        for (const MouseButtonEvent& e : buttons) {
            if (e.button != GLFW_MOUSE_BUTTON_LEFT) continue;
            const glm::vec2 at(e.x, e.y);
            if (e.press) {
                leftHeld_ = true;
                pressPos_ = at;
                dragged_ = false;
            } else if (leftHeld_) {
                leftHeld_ = false;
                if (dragged_ || glm::length(at - pressPos_) > 4.0f) continue;  // the end of an orbit
                v.click(at * toFb, fb);
                changed = true;
            }
        }
        if (leftHeld_ && glm::length(cursor - pressPos_) > 4.0f) dragged_ = true;
        // The hover follows the camera too: after a fly-to, zoom or orbit, another structure is under the
        // cursor (the tooltip must not keep naming the old one).
        const CameraPose& pose = v.camera.pose;
        const bool cameraMoved = pose.target != hoverPose_.target || pose.yawDeg != hoverPose_.yawDeg ||
                                 pose.pitchDeg != hoverPose_.pitchDeg || pose.distance != hoverPose_.distance;
        if (moved || changed || cameraMoved) {
            hoverPose_ = pose;
            const bool inside = cursor.x >= 0.0f && cursor.y >= 0.0f && cursor.x < viewport.x && cursor.y < viewport.y;
            const bool pickable = inside && !leftHeld_;
            changed |= v.hover(pickable ? std::optional<glm::vec2>(cursor * toFb) : std::nullopt, fb);
        }
        // From the queue: ImGui has already cleared io.MouseWheel by the time this runs.
        if (const float wheel = input_.takeScroll(); wheel != 0.0f) {
            v.camera.zoomToCursor(std::pow(0.88f, wheel), cursor, viewport);
            changed = true;
        }
    }
    // Every press of this frame, none lost. Presses withheld from ImGui are the app's; the others only when
    // ImGui wanted the keyboard neither before nor after this frame (Enter that ends a text edit is not a
    // clicker's Enter).
    const bool imguiKeys = keysWereImGuis_ || imguiWantsKeys();
    std::vector<ctrl::KeyEvent> events;
    for (const InputEvent& k : frame_.events)
        if (k.kind == InputEvent::Kind::Key && k.down && (!k.toUi || !imguiKeys))
            events.push_back({keyFromGlfw(k.code), (k.mods & GLFW_MOD_CONTROL) != 0, (k.mods & GLFW_MOD_SHIFT) != 0,
                              (k.mods & GLFW_MOD_ALT) != 0});
    if (!events.empty()) {
        ctrl::KeyContext context;
        context.presenter = pending_.presenter.value_or(v.tours.presenter.active);  // F5 is done between frames
        context.tourReady = v.tours.ready();
        context.hasSelection = v.scene.selected().valid();
        context.dialogOpen = ui::anyOverlayOpen(v.ui) || v.pain.lookupOpen() || v.ui.debugOverlay;
        bool stepped = false;
        for (const ctrl::CommandEvent& c : ctrl::commandsFor(events, context)) {
            const bool did = runCommand(c);
            changed |= did;
            const bool step = c.command == ctrl::Command::NextStep || c.command == ctrl::Command::PreviousStep ||
                              c.command == ctrl::Command::FirstStep || c.command == ctrl::Command::LastStep;
            stepped |= step && did;
        }
        if (stepped) applyTourStep(true);
    }
    if (io.WantCaptureMouse) {
        input_.takeScroll();  // the wheel scrolled a panel, not the view
        for (const MouseButtonEvent& e : buttons)
            if (e.button == GLFW_MOUSE_BUTTON_LEFT && !e.press) leftHeld_ = false;  // released over a panel
        changed |= v.scene.setHovered(NodeId{});
    }
    return changed;
}

// The status line's progress (a load, a click waiting for the pick BVH) redraws 4 times a second.
constexpr double kProgressFrameSeconds = 0.25;
// The pain link animation alone ticks at most 10 times a second (wall-clock driven), and a tick draws
// only when what it shows changed visibly (core/AnimationKey.h): nothing during the hold of a pulse.
constexpr double kPainFrameSeconds = 1.0 / 10.0;

bool App::imguiWantsKeys() const {
    const ImGuiIO& io = ImGui::GetIO();
    // Typing, keyboard navigation, or a popup (menu, modal dialog). Not a widget merely held or left
    // active by the mouse (ImGui's WantCaptureKeyboard is set for any active item): right after a drag
    // Ctrl+Q was taken for ImGui's and lost (an item still active from the previous frame).
    return io.WantTextInput || io.NavVisible ||
           (io.WantCaptureKeyboard &&
            ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
}

namespace {
// Keys a clicker or the tour uses that ImGui's keyboard navigation would also take: withheld from ImGui
// while it does not want the keyboard, so one press does one thing.
bool isViewKey(int key) {
    switch (key) {
        case GLFW_KEY_LEFT:
        case GLFW_KEY_RIGHT:
        case GLFW_KEY_UP:
        case GLFW_KEY_DOWN:
        case GLFW_KEY_PAGE_UP:
        case GLFW_KEY_PAGE_DOWN:
        case GLFW_KEY_HOME:
        case GLFW_KEY_END:
        case GLFW_KEY_SPACE:
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
        case GLFW_KEY_BACKSPACE:
            return true;
        default:
            return false;
    }
}
}  // namespace

int App::runWindow() {
    // The model's load is started now (the status line says so) and reads once the first frame is shown.
    viewer_.emplace(true);
    viewer_->setWake([this] { wake(); });
    loadSettings();  // detail level, recent files, last model (the window's geometry once it exists)
    loadContent();
    startLoad(options_.model.empty() ? bundledModelPath() : options_.model, true);
    viewer_->scanTours((fs::path(dataDir()) / "content" / "tours").string(),
                       (fs::path(io::dataDir(io::processEnv)) / "tours").string());
    timeline_.mark("settings, content, tours; model load started");
    // The fonts are found and rasterised meanwhile too, for the usual content scale of 1 (a monitor of
    // another scale has them made again once the window tells).
    const float fontScale = viewer_->ui.fontScale;
    auto fonts = std::async(std::launch::async, [s = (options_.uiScale > 0.0f ? options_.uiScale : 1.0f) * fontScale] {
        return ImGuiLayer::prepareFonts(s);
    });
    // Created at its saved (or default) size and place, fitted to the monitor, before its context is made:
    // the first frame is drawn at the window's final size.
    Placement place{1400, 900, std::nullopt, std::nullopt};
    bool maximized = false;
    if (windowSettings_) {
        const Settings& s = *windowSettings_;
        place.w = std::max(s.windowW, 320);
        place.h = std::max(s.windowH, 240);
        if (s.windowX != Settings::kUnsetPosition && s.windowY != Settings::kUnsetPosition) {
            place.x = s.windowX;
            place.y = s.windowY;
        }
        maximized = s.maximized;
    }
    auto win = Window::create(place, maximized, "Lumbar Atlas", options_.aa == "msaa" ? 4 : 0);
    if (!win) {
        std::fprintf(stderr, "%s\n", win.error().c_str());
        return 1;
    }
    window_ = std::move(*win);
    timeline_.mark("window and GL context");
    setWakeable(true);
    imgui_ = std::make_unique<ImGuiLayer>(window_->handle(),
                                          options_.uiScale > 0.0f ? options_.uiScale : window_->contentScale(), true,
                                          fonts.get(), fontScale);
    input_.attach(window_->handle());  // after ImGui: keys, buttons and characters reach ImGui through feed_
    applySidebarOption();
    applyWindowSettings();  // font scale
    timeline_.mark("ImGui and fonts");
    if (!createRenderPasses()) return 1;
    if (auto layer = render::UiLayer::create(); layer)
        uiLayer_ = std::move(*layer);
    else
        std::fprintf(stderr, "%s\n", layer.error().c_str());  // the UI is then drawn directly every frame
    if (options_.presenter) pending_.presenter = true;        // the first view and the tour: once the model is in place
    timeline_.mark("renderer, FXAA and UI layer programs");

    // Render on demand: sleep in glfwWaitEvents(Timeout) unless something animates; a few extra frames after
    // input let ImGui settle (hover states, popups).
    int settleFrames = 3;
    MotionSettings motion;
    motion.enabled = options_.motionLod == "on";
    // LA_MOTION_SCALE=0.25 (profiling, bench/orbit_frames.sh): reduced frames at that one scale, so that
    // two builds are compared at the same resolution rather than at what their speed makes the scale.
    if (const char* fixed = std::getenv("LA_MOTION_SCALE")) {
        const float scale = static_cast<float>(std::atof(fixed));
        if (scale > 0.0f) motion.movingScale = motion.minScale = std::min(scale, 1.0f);
    }
    motion_ = MotionQuality(motion);
    auto last = std::chrono::steady_clock::now();
    while (!glfwWindowShouldClose(window_->handle()) && !quit_) {
        const bool moving = settleFrames > 0 || viewer_->camera.animating() || lensEase_.animating() ||
                            viewer_->tours.player().transitioning() || feed_.pending();
        const int settleBefore = settleFrames;
        bool idleWake = false;       // a wait that ran out with nothing delivered: nothing new to draw
        bool animationTick = false;  // woken for the pain animation alone
        // The camera stopped: the full-quality frame is due restSeconds after its last move.
        const double fullDue = motion_.fullFrameDueIn(glfwGetTime());
        if (moving || fullDue == 0.0) {
            glfwPollEvents();
        } else if (backgroundBusy()) {
            // The status line's progress moves; a result wakes the loop at once.
            glfwWaitEventsTimeout(fullDue > 0.0 ? std::min(fullDue, kProgressFrameSeconds) : kProgressFrameSeconds);
        } else if (!viewer_->animating()) {
            constexpr double kIdleWait = 1.0;  // wakes once a second to notice edited content files
            const double t0 = glfwGetTime();
            glfwWaitEventsTimeout(fullDue > 0.0 ? fullDue : kIdleWait);
            idleWake = fullDue < 0.0 && glfwGetTime() - t0 >= kIdleWait * 0.95 && !input_.hasEvents();
        } else {
            // Only the pain link animates: a capped, low rate, within the animation's CPU budget.
            const double wait = std::max(kPainFrameSeconds, painBudget_.nextAt() - glfwGetTime());
            glfwWaitEventsTimeout(fullDue > 0.0 ? std::min(fullDue, wait) : wait);
            animationTick = fullDue < 0.0 && !input_.hasEvents();
        }
        const auto now = std::chrono::steady_clock::now();
        // Wall-clock time, uncapped: on a slow machine (300 ms a frame) flights, fades, the pain pulse and
        // tour transitions skip ahead instead of running in slow motion.
        const float dt = std::chrono::duration<float>(now - last).count();
        last = now;
        frameDt_ = dt;
        if (glfwGetWindowAttrib(window_->handle(), GLFW_ICONIFIED)) {
            settleFrames = 0;
            motion_.forgetOwed();
            continue;
        }
        // A finished load goes in place before this frame is drawn (a failed one keeps the current model).
        // Not before the first frame: that one shows the background and the UI at once, without waiting
        // for the model's upload and first draw (llvmpipe compiles its shaders then).
        if (framesDrawn_ > 0 && takeFinishedLoad()) {
            if (startupFailed_) return 2;
            settleFrames = std::max(settleFrames, 2);
            idleWake = false;
        }
        viewer_->advance(dt);
        // The monitor's scale, live (moved to another monitor, desktop scale changed), unless --ui-scale.
        if (options_.uiScale <= 0.0f && window_->contentScale() != imgui_->contentScale()) {
            imgui_->setContentScale(window_->contentScale());
            settleFrames = std::max(settleFrames, 2);
        }
        if (reloadContentIfChanged()) {
            settleFrames = 2;
            idleWake = false;
        }
        doPendingWork();  // font atlas, presenter mode, screenshots, settings: between frames
        pollLod();
        // Idle means idle: no frame for a wait that timed out, unless a notice is showing (it goes after a
        // few seconds, which needs a frame).
        if (idleWake && (viewer_->ui.message.empty() || viewer_->ui.messageIsError)) continue;
        if (animationTick && settleFrames <= 0 && !viewer_->camera.animating() && !lensEase_.animating() &&
            !viewer_->tours.player().transitioning()) {
            viewer_->prepareFrame(dt);  // the pain clock and fades move on here, not again in renderFrame
            frameDt_ = 0.0f;
            if (painFrameKey(viewer_->scene.view().pain) == lastPainKey_) continue;  // looks the same: no frame
        }
        // This frame's share of the queued input; after the screenshot above, which repeats the last
        // frame: a press must reach ImGui in one frame only.
        feed_.push(input_.take());
        for (const auto& drop : input_.takeDrops()) openDropped(drop);
        keysWereImGuis_ = imguiWantsKeys();
        frame_ = feed_.next([&](const InputEvent& e) { return !keysWereImGuis_ && isViewKey(e.code); });
        updateWindowTitle();
        const glm::ivec2 fb = framebufferSize();
        render::RenderTarget window = render::RenderTarget::window(fb);
        const double cpu0 = processCpuSeconds();
        const double wall0 = glfwGetTime();
        const FrameQuality quality =
            motion_.frame(wall0, viewer_->camera.pose, viewer_->camera.animating() || lensEase_.animating());
        renderFrame(window, true, true, quality);
        lastPainKey_ = painFrameKey(viewer_->scene.view().pain);
        const bool inputChanged = handleInput();
        // Why this frame was drawn (--frame-stats, for the idle tests): a frame that only settles after
        // another keeps the reason that started them.
        const char* reason = !frame_.events.empty()                    ? "input"
                             : settleBefore > 0                        ? nullptr
                             : settleFrames > 0                        ? "model, content or scale"
                             : viewer_->camera.animating()             ? "camera"
                             : lensEase_.animating()                   ? "framing"
                             : viewer_->tours.player().transitioning() ? "tour"
                             : fullDue == 0.0                          ? "full quality"
                             : animationTick                           ? "pain animation"
                             : backgroundBusy()                        ? "progress"
                             : idleWake                                ? "notice"
                                                                       : "window event";
        if (reason) frameReason_ = reason;
        const double swap0 = phaseLog_ ? glfwGetTime() : 0.0, swapCpu0 = phaseLog_ ? processCpuSeconds() : 0.0;
        window_->present(fb);
        if (phaseLog_ && frameLog_) {
            // The whole frame (input, UI, drawing, present) and its present alone: wall and processor ms.
            const double end = glfwGetTime(), cpu = processCpuSeconds();
            std::fprintf(frameLog_, "frame %.2f %.2f %.2f %.2f %d\n", 1e3 * (end - wall0), 1e3 * (cpu - cpu0),
                         1e3 * (end - swap0), 1e3 * (cpu - swapCpu0), quality.reduced() ? 1 : 0);
            std::fflush(frameLog_);
        }
        // The next reduced frame's resolution follows what this one took, up to its swap.
        if (quality.reduced()) motion_.reducedFrameTook(glfwGetTime() - wall0);
        countFrame();
        viewer_->afterFrame();  // the pick BVH and the pain bake of a new model start now, at low priority
        if (animationTick) painBudget_.drawn(glfwGetTime(), processCpuSeconds() - cpu0);
        // A held button draws only while something comes (every move of a drag is an event): held still,
        // the loop settles and sleeps like any idle window (the camera's full frame comes once it rests).
        settleFrames = inputChanged || !frame_.events.empty() ? 3 : settleFrames - 1;
        // A panel measured a new height: one more frame lays it out (a few in a row at most, so that
        // sizes that do not settle cannot keep an idle window drawing).
        remeasureFrames_ = remeasured_ ? remeasureFrames_ + 1 : 0;
        if (remeasured_ && remeasureFrames_ <= kMaxRemeasureFrames) settleFrames = std::max(settleFrames, 1);
        remeasured_ = false;
    }
    saveSettings(true);
    return 0;
}

}  // namespace la::app
