#include "ctrl/Viewer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <variant>

#include "core/HandoutPlan.h"
#include "core/MeshOps.h"
#include "core/Settings.h"
#include "core/TextList.h"
#include "io/CatalogueLoader.h"
#include "io/ModelLoader.h"
#include "io/TourLoader.h"

namespace la::ctrl {

namespace {
constexpr float kExportPainTime = 0.5f;  // seconds into the pain animation when a step gives no pain_time
}

void Viewer::say(const std::string& text, bool error) {
    if (error) std::fprintf(stderr, "%s\n", text.c_str());
    if (!live_) return;
    ui.message = text;
    ui.messageIsError = error;
}

void Viewer::loadCatalogue(const std::string& dir) {
    applyCatalogue(io::loadCatalogueDir(dir));
}

void Viewer::applyCatalogue(io::CatalogueLoad load) {
    for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.c_str());
    for (const auto& w : load.warnings) std::fprintf(stderr, "%s\n", w.c_str());
    if (!load.errors.empty() && live_) {
        ui.message = load.errors.front();
        ui.messageIsError = true;
    }
    scene.setCatalogue(std::move(load.catalogue));
    pain.modelChanged();  // the names of the nodes (muscle of each trigger point, the skin) may change
}

Result<LoadedModel> Viewer::prepareModel(const std::string& path, const io::LoadOptions& options,
                                         const Catalogue& catalogue, bool registerModels) {
    auto loaded = io::loadModel(path, options);
    if (!loaded) return Error{loaded.error()};
    LoadedModel out{std::move(*loaded), {}, false};
    // Each instance of a shared mesh gets its own vertices (its pain zones depend on where it stands), as
    // long as that at most doubles the model's vertices.
    std::size_t vertices = 0;
    for (const Mesh& m : out.model.meshes)
        for (const Primitive& p : m.primitives) vertices += p.positions.size();
    unshareMeshes(out.model, vertices);
    // A model made elsewhere goes into the landmark frame before anything reads a position.
    out.registration = computeRegistration(out.model, SceneIndex(out.model, catalogue));
    if (!registerModels && out.registration.basis != RegistrationBasis::None) {
        out.registration = Registration{};
        out.registrationOff = true;
    } else if (out.registration.applies()) {
        applyRegistration(out.model, out.registration.transform);
    }
    return out;
}

Result<bool> Viewer::openModel(const std::string& path, const io::LoadOptions& options) {
    auto loaded = prepareModel(path, options, scene.catalogue(), registerModels);
    if (!loaded) return Error{loaded.error()};
    applyLoaded(std::move(*loaded), path);
    return true;
}

void Viewer::beginOpenModel(const std::string& path, io::LoadOptions options, std::shared_future<void> after) {
    // The worker gets its own copy of what it reads: the catalogue may be reloaded meanwhile.
    loads.start(
        path,
        [path, options, catalogue = scene.catalogue(), reg = registerModels](const std::atomic<bool>& cancel) mutable {
            options.cancel = &cancel;
            return prepareModel(path, options, catalogue, reg);
        },
        std::move(after));
}

Viewer::LoadOutcome Viewer::pollModelLoad() {
    auto done = loads.poll();
    if (!done) return LoadOutcome::None;
    if (!done->result) {
        say(done->result.error(), true);  // the current model stays
        return LoadOutcome::Failed;
    }
    applyLoaded(std::move(*done->result), done->path);
    return LoadOutcome::Applied;
}

void Viewer::applyLoaded(LoadedModel loaded, const std::string& path) {
    registration = loaded.registration;
    status.frame = loaded.registrationOff ? "Own frame (--no-register)" : registration.describe();
    // Headless runs have no status bar: the same line on stdout, as the record of a screenshot.
    if (!live_ && registration.applies()) std::printf("%s: %s\n", loaded.model.name.c_str(), status.frame.c_str());
    for (const auto& w : loaded.model.warnings) {
        std::fprintf(stderr, "%s\n", w.c_str());
        if (live_) say(w, false);
    }
    setModel(std::move(loaded.model), path);
}

ViewPreset Viewer::firstView(ViewPreset asked, bool askedExplicitly) const {
    if (askedExplicitly) return asked;
    const auto& nodes = scene.index().nodes();
    const bool anatomy = std::any_of(nodes.begin(), nodes.end(), [](const SceneNode& n) { return n.ref.has_value(); });
    return anatomy ? asked : ViewPreset::Anterior;
}

void Viewer::setModel(Model model, const std::string& path) {
    pendingClick_.reset();  // it was aimed at the previous model
    scene.setModel(std::move(model), live_);
    pain.modelChanged();
    status.modelName = scene.model().name;
    status.triangles = scene.model().triangleCount();
    camera.setSceneRadius(scene.model().worldBounds().radius());
    camera.placeBody(posture_, scene.model().worldBounds(), 0.0f);  // a lying body lies on the new model
    if (!path.empty()) {                                            // most recent first, at most ten
        auto& r = ui.recentFiles;
        r.erase(std::remove(r.begin(), r.end(), path), r.end());
        r.insert(r.begin(), path);
        if (r.size() > Settings::kMaxRecentFiles) r.resize(Settings::kMaxRecentFiles);
    }
}

Result<bool> Viewer::applySceneOptions(const SceneOptions& o) {
    return applyOptions(o, false);
}

Result<bool> Viewer::applyTourStepWithOptions(const SceneOptions& o, bool animate, glm::ivec2 fb, float fontScale) {
    applyTourStep(animate, fb, fontScale);
    return applyOptions(o, true);
}

Result<bool> Viewer::applyOptions(const SceneOptions& o, bool overStep) {
    auto apply = [&](const std::string& list, PickMode mode, const char* option) -> Result<bool> {
        if (list.empty()) return true;
        auto nodes = scene.resolve(list);
        if (!nodes) return Error{std::string(option) + ": " + nodes.error()};
        scene.setMode(*nodes, mode);
        return true;
    };
    if (auto ok = apply(o.show, PickMode::Visible, "--show"); !ok) return ok;
    if (auto ok = apply(o.ghost, PickMode::Ghosted, "--ghost"); !ok) return ok;
    if (auto ok = apply(o.hide, PickMode::Hidden, "--hide"); !ok) return ok;
    if (!o.select.empty()) {
        auto nodes = scene.resolve(o.select);
        if (!nodes) return Error{"--select: " + nodes.error()};
        scene.select(scene.index().idOf(nodes->front()));
    }
    if (!o.pain.empty()) {
        const std::set<std::string> before = pain.state().patternsOn;  // a tour step's own patterns
        if (auto ok = pain.show(splitCommaList(o.pain)); !ok) return Error{"--pain: " + ok.error()};
        if (overStep) pain.state().patternsOn.insert(before.begin(), before.end());
    }
    if (!overStep || o.timeGiven) pain.state().time = o.time;
    ui.scene.explain = o.explain || (overStep && ui.scene.explain);
    ui.scene.therapist = o.therapist;
    if (!o.position.empty()) {
        const auto p = parsePosture(o.position);
        if (!p)
            return Error{"--position: '" + o.position +
                         "' is not one of standing, prone, side_lying_left, side_lying_right"};
        setPosture(*p, 1.0f, false, true);  // the camera's preset follows
    }
    return true;
}

bool Viewer::therapistDetail() const {
    return ui.scene.therapist || (tours.loaded() && isTherapistAudience(tours.player().tour()));
}

void Viewer::applyPreset(ViewPreset preset, float aspect, bool animate) {
    const CameraPose pose = camera.presetPose(preset, scene.model().worldBounds(), aspect);
    camera.flyTo(pose, animate ? 0.6f : 0.0f);
}

void Viewer::setPosture(Posture p, float aspect, bool animate, bool keepCamera) {
    const Aabb bounds = scene.model().worldBounds();
    if (p == posture_ && !keepCamera) return;
    posture_ = p;
    ui.posture = p;
    camera.placeBody(p, bounds, animate ? 0.8f : 0.0f);
    if (keepCamera) return;
    // From behind and above, on the side that is up, so the table and the way the body lies both show.
    const ViewPreset view = p == Posture::SideLyingLeft ? ViewPreset::ObliqueRight : ViewPreset::Oblique;
    CameraPose pose = camera.presetPose(p == Posture::Standing ? ViewPreset::Posterior : view, bounds, aspect);
    if (p != Posture::Standing) pose.distance *= 1.25f;  // room for the table
    camera.flyTo(pose, animate ? 0.8f : 0.0f);
}

std::vector<Aabb> Viewer::treatmentTable() const {
    return la::treatmentTable(posture_, scene.model().worldBounds());
}

void Viewer::frameAll(float aspect) {
    CameraPose p = camera.pose;
    Camera fitted = camera;
    fitted.frame(scene.model().worldBounds(), aspect);
    p.target = fitted.pose.target;
    p.distance = fitted.pose.distance;
    camera.flyTo(p, 0.5f);
}

void Viewer::afterFrame() {
    scene.startBackgroundWork(wake_);
    pain.startBackgroundWork(scene.sharedModel(), scene.index(), wake_);
}

void Viewer::click(glm::vec2 pixel, glm::ivec2 fb) {
    if (!scene.pickReady()) {
        pendingClick_ = PendingClick{pixel, fb, camera};  // answered once the BVH is there
        return;
    }
    pendingClick_.reset();
    clickWith(camera, pixel, fb);
}

void Viewer::clickWith(const Camera& cam, glm::vec2 pixel, glm::ivec2 fb) {
    const auto hit = scene.pickAt(cam, pixel, fb);
    scene.select(hit ? hit->node : NodeId{});
    // With pain patterns on (or the pain panel open), a click on the body also asks which muscles can
    // send pain there.
    if (!pain.state().patternsOn.empty() || ui::painTabShown(ui)) {
        if (const auto surface = scene.surfaceAt(cam, pixel, fb)) {
            pain.openLookup(*surface);
            ui.lookupAt = pixel;  // the screen layout puts the list beside the click
        } else
            pain.closeLookup();
    }
}

bool Viewer::hover(std::optional<glm::vec2> pixel, glm::ivec2 fb) {
    const auto hit = pixel ? scene.pickAt(camera, *pixel, fb) : std::nullopt;
    return scene.setHovered(hit ? hit->node : NodeId{});
}

void Viewer::chooseLookup(std::size_t i) {
    if (const auto key = pain.chooseLookup(i))
        if (const SceneNode* node = scene.index().findKey(*key)) scene.select(node->id);
}

void Viewer::handleSceneActions(const ui::UiActions& a, float aspect) {
    if (a.viewPreset) applyPreset(*a.viewPreset, aspect, true);
    if (a.posture) setPosture(*a.posture, aspect, true);
    if (a.frameAll) frameAll(aspect);
    if (a.showPain) pain.toggle(*a.showPain);
    if (a.closePanel) scene.closePanel(*a.closePanel);
}

void Viewer::scanTours(const std::string& bundledDir, const std::string& userDir) {
    bundledTourDir_ = bundledDir;
    userTourDir_ = userDir;
    const auto errors = tours.scan(bundledDir, userDir, catalogueIds(scene.catalogue()));
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (!errors.empty() && live_) {
        ui.message = errors.front();
        ui.messageIsError = true;
    }
}

Result<bool> Viewer::openTour(const std::string& path) {
    return tours.open(path, catalogueIds(scene.catalogue()));
}

void Viewer::applyTourStep(bool animate, glm::ivec2 fb, float fontScale) {
    const TourStep* step = tours.player().currentStep();
    if (!step) return;
    const float aspect = static_cast<float>(fb.x) / static_cast<float>(std::max(fb.y, 1));
    setPosture(step->posture, aspect, animate, true);
    const CameraPose pose =
        std::holds_alternative<ViewPreset>(step->camera)
            ? camera.presetPose(std::get<ViewPreset>(step->camera), scene.model().worldBounds(), aspect)
            : camera.roomPose(std::get<CameraPose>(step->camera));
    camera.flyTo(pose, animate ? std::max(tours.player().transitionSeconds(), 0.1f) : 0.0f);

    StepScene resolved = resolveStep(*step, scene.index(), scene.catalogue(), scene.model().nodes.size());
    std::vector<std::string> warnings = std::move(resolved.warnings);
    tours.setArticles(std::move(resolved.articles));
    // The step's other panels are pinned in a column at the right edge, below the menu bar.
    std::vector<glm::vec2> pins;
    for (std::size_t k = 0; k < resolved.panels.size(); ++k)
        pins.emplace_back(static_cast<float>(fb.x) - 372.0f * fontScale,
                          40.0f * fontScale + static_cast<float>(k) * 240.0f * fontScale);
    scene.applyStep(std::move(resolved), pins);
    if (auto ok = pain.show(step->pain); !ok) warnings.push_back(ok.error());
    if (step->painTime)
        pain.state().time = *step->painTime;
    else if (!live_)
        pain.state().time = kExportPainTime;
    const std::string where = tours.path().empty() ? std::string("tour") : tours.path();
    for (const auto& w : warnings)
        say(where + ": step " + std::to_string(tours.player().current() + 1) + ": " + w, true);
}

TourStep Viewer::captureView() const {
    ViewCapture v = scene.capture();
    v.pose = camera.bodyRelativePose();
    v.posture = posture_;
    v.pain.assign(pain.state().patternsOn.begin(), pain.state().patternsOn.end());
    TourStep step = captureStep(v, scene.index());
    for (const auto& a : tours.articles()) step.panels.push_back(a);
    return step;
}

Viewer::TourOutcome Viewer::handleTourActions(const ui::TourActions& a, const std::string& clipboard, glm::ivec2 fb,
                                              float fontScale) {
    TourOutcome out;
    TourPlayer& p = tours.player();
    const auto& list = tours.list();
    if (a.openTour && *a.openTour >= 0 && *a.openTour < static_cast<int>(list.size())) {
        if (auto ok = openTour(list[static_cast<std::size_t>(*a.openTour)].path); !ok)
            say(ok.error(), true);
        else
            applyTourStep(live_, fb, fontScale);
    }
    if (a.newTour || (a.addStep && !tours.loaded())) tours.newTour();
    if (a.closeTour) tours.close();
    bool moved = false;
    if (a.first) moved |= p.first();
    if (a.previous) moved |= p.previous();
    if (a.next) moved |= p.next();
    if (a.goTo) moved |= p.goTo(*a.goTo);
    if (moved) applyTourStep(true, fb, fontScale);
    const auto cur = static_cast<std::size_t>(std::max(p.current(), 0));
    if (a.addStep) p.addStep(captureView(), p.empty() ? 0 : cur + 1);
    if (a.replaceStep && p.currentStep()) {
        TourStep s = captureView();
        s.caption = p.currentStep()->caption;
        p.replaceStep(cur, std::move(s));
    }
    if (a.removeStep) p.removeStep(cur);
    if (a.move != 0 && !p.empty()) {
        const int to = static_cast<int>(cur) + a.move;
        if (to >= 0 && to < static_cast<int>(p.stepCount())) p.moveStep(cur, static_cast<std::size_t>(to));
    }
    if (a.caption && p.currentStep()) p.setCaption(cur, *a.caption);
    if (a.title) p.setTitle(*a.title);
    // Another tour of that name is never replaced without asking (saving the open tour again is fine).
    if (a.saveAs && !a.replace && tours.wouldReplace(*a.saveAs, userTourDir_)) {
        tours.panel().confirmReplace = *a.saveAs;
    } else if (a.saveAs) {
        if (auto path = tours.saveAs(*a.saveAs, userTourDir_); !path) {
            say(path.error(), true);
        } else {
            scanTours(bundledTourDir_, userTourDir_);
            say("Tour saved: " + *path, false);
        }
    }
    if (a.copyView) {
        out.clipboard = io::cameraPoseToJson(camera.bodyRelativePose());
        say("View copied as JSON.", false);
    }
    if (a.pasteView) {
        auto pose = io::cameraPoseFromJson(clipboard);
        if (!pose)
            say(pose.error(), true);
        else
            camera.flyTo(camera.roomPose(*pose), 0.6f);
    }
    out.togglePresenter = a.presenter;
    return out;
}

bool Viewer::prepareFrame(float dt) {
    if (pendingClick_ && scene.pickReady()) {
        const PendingClick c = *pendingClick_;
        pendingClick_.reset();
        clickWith(c.camera, c.pixel, c.framebuffer);
    }
    scene.updateViewState();
    // The table stands in the room; the model is drawn in the body's frame, so its boxes go through the
    // inverse of where the body lies now (during a change of posture too).
    auto& props = scene.view().props;
    props.clear();
    const glm::mat4 roomToBody = glm::inverse(camera.bodyToRoom());
    const auto table = treatmentTable();
    for (std::size_t i = 0; i < table.size(); ++i)
        props.push_back(PropBox{table[i].min, table[i].max, roomToBody,
                                i == 0 ? glm::vec3(0.16f, 0.22f, 0.30f) : glm::vec3(0.45f, 0.46f, 0.48f)});
    // Bakes the zones per vertex after a model or content change (the window: in the background).
    pain.prepare(scene.sharedModel(), scene.index(), live_);
    painAnimating_ = pain.update(dt, live_, scene.index(), scene.view());
    tours.update(dt);
    return painAnimating_;
}

bool Viewer::advance(float dt) {
    return camera.update(dt);
}

}  // namespace la::ctrl
