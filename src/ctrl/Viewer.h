#pragma once
// The viewer's features wired together, without a window: the camera and the feature controllers
// (selection & article panels, referred pain, tours & presenter), and the flows between them — a click
// picks, selects and looks up pain; a tour step flies the camera and sets visibility, selection, panels
// and pain. The app owns one, feeds it input and time, and draws what it holds. No GL, GLFW or ImGui.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/Camera.h"
#include "core/Registration.h"
#include "core/Result.h"
#include "ctrl/ModelLoads.h"
#include "ctrl/PainController.h"
#include "ctrl/SceneController.h"
#include "ctrl/TourController.h"
#include "io/CatalogueLoader.h"
#include "io/ModelLoader.h"
#include "ui/UiState.h"

namespace la::ctrl {

// The command line's scene state (--ghost, --hide, --select, --pain, --time, --explain, --therapist,
// --position).
struct SceneOptions {
    std::string ghost, hide, show, select, pain;
    float time = 0.25f;
    bool timeGiven = false;  // --time was given (over a tour step: else the step's own pain time stays)
    bool explain = false;
    bool therapist = false;
    std::string position;  // empty: as it is
};

class Viewer {
public:
    // live: a window (animations run, the pick BVH builds in the background, messages go to the message
    // strip); else headless stills.
    explicit Viewer(bool live) : live_(live) {}
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;
    bool live() const { return live_; }

    // Model files: place models made elsewhere in the landmark frame (--no-register turns it off).
    bool registerModels = true;
    Registration registration;  // of the current model (basis None when not registered)

    ui::UiState ui;  // the UI's state; the scene controller works on ui.scene
    ui::StatusInfo status;
    Camera camera;
    SceneController scene{ui.scene};
    PainController pain;
    TourController tours;

    // A notice or error in the message strip (window) and, for errors, one line on stderr.
    void say(const std::string& text, bool error);

    // content/structures (the first error goes to the message strip in the window).
    void loadCatalogue(const std::string& dir);
    // The same for the files read elsewhere (a headless run reads them on its model's worker thread).
    void applyCatalogue(io::CatalogueLoad load);
    void setCatalogue(Catalogue catalogue) { scene.setCatalogue(std::move(catalogue)); }
    // Loads into a temporary; on failure the current model stays and the error is returned. Waits for
    // the load (headless runs).
    Result<bool> openModel(const std::string& path, const io::LoadOptions& options = {});
    // Reads, checks and (with registerModels) registers a model file; on any thread.
    static Result<LoadedModel> prepareModel(const std::string& path, const io::LoadOptions& options,
                                            const Catalogue& catalogue, bool registerModels);
    // The window: starts loading on a worker thread and returns at once; the current model stays on
    // screen until pollModelLoad() puts the new one in place.
    // With `after`, the worker starts reading once that is ready (ModelLoads::start).
    void beginOpenModel(const std::string& path, io::LoadOptions options = {}, std::shared_future<void> after = {});
    // Model loads in flight (the window's; the status line shows their progress).
    ModelLoads loads;
    // Called on a worker thread when background work has a result (a load, the pick BVH, the pain bake):
    // the window wakes its loop. Set it before the first load.
    void setWake(std::function<void()> wake) {
        wake_ = wake;
        loads.setWake(std::move(wake));
    }
    enum class LoadOutcome { None, Applied, Failed };
    // Once a frame: puts the latest finished load in place (Applied), or says its error in one line and
    // keeps the current model (Failed). Results of superseded loads are dropped.
    LoadOutcome pollModelLoad();
    // Puts a prepared model in place (openModel, pollModelLoad).
    void applyLoaded(LoadedModel loaded, const std::string& path);
    // Puts a loaded model in place (tests; no registration).
    void setModel(Model model, const std::string& path);
    // After a frame was drawn: starts the background work of the current model that waited for it (the
    // pick BVH, the per-vertex pain bake), each on a low-priority thread.
    void afterFrame();
    // Errors name the option; nothing is applied after the first error.
    Result<bool> applySceneOptions(const SceneOptions& options);

    // Whether the panels show the "for therapists" detail: the user's toggle, or an open tour whose
    // audience is therapists (for as long as it is open).
    bool therapistDetail() const;

    void applyPreset(ViewPreset preset, float aspect, bool animate);
    // The first view of a model: the one asked for (--view), else posterior for anatomy and the front
    // (+Z) for a model with nothing recognised, as other glTF viewers show it.
    ViewPreset firstView(ViewPreset asked, bool askedExplicitly) const;
    void frameAll(float aspect);

    // How the body lies (standing, prone, side-lying on a treatment table). Turning the body also flies
    // the camera to a three-quarter view from above that shows the position, unless keepCamera.
    Posture posture() const { return posture_; }
    void setPosture(Posture posture, float aspect, bool animate, bool keepCamera = false);
    // The treatment table under a lying body, in room coordinates (empty when standing).
    std::vector<Aabb> treatmentTable() const;

    // A click at a framebuffer pixel: selects what is under it (or clears the selection); with pain
    // patterns on or the pain panel open, also asks which muscles send pain there. A click that comes
    // while the pick BVH is still being built waits (with the camera of its time) and is answered in the
    // first frame after it is ready; the status line says so meanwhile.
    void click(glm::vec2 pixel, glm::ivec2 framebuffer);
    bool clickWaiting() const { return pendingClick_.has_value(); }
    // The structure under the cursor (none when the cursor is over a panel); true when it changed.
    bool hover(std::optional<glm::vec2> pixel, glm::ivec2 framebuffer);
    // Entry i of the pain lookup: shows its pattern and selects the muscle.
    void chooseLookup(std::size_t i);
    // The actions of the panels that concern the scene (pain toggles, closing panels, views).
    void handleSceneActions(const ui::UiActions& actions, float aspect);

    // Tours.
    void scanTours(const std::string& bundledDir, const std::string& userDir);
    Result<bool> openTour(const std::string& path);
    // --tour with scene options on the command line: the tour's current step, then the options on top of
    // it (what a presenter who types them expects): --pain adds its patterns to the step's, --select
    // replaces the step's selection, --hide / --ghost change the structures they name, --explain opens
    // the featured muscles' panels, --position lays the body down, --time sets the pain time only when
    // given. Later steps are the tour's own, as authored.
    Result<bool> applyTourStepWithOptions(const SceneOptions& options, bool animate, glm::ivec2 framebuffer,
                                          float fontScale);
    // The current step onto the scene: camera (flown when animate), visibility, selection, panels (pinned
    // in a column at the right edge, sized for fontScale), articles and pain. aspect of the view.
    void applyTourStep(bool animate, glm::ivec2 framebuffer, float fontScale);
    TourStep captureView() const;
    // The Tours panel's buttons; returns text for the clipboard when the view was copied. clipboard:
    // what the clipboard holds (for Paste view).
    struct TourOutcome {
        std::optional<std::string> clipboard;
        bool togglePresenter = false;
    };
    TourOutcome handleTourActions(const ui::TourActions& actions, const std::string& clipboard, glm::ivec2 framebuffer,
                                  float fontScale);
    const std::string& userTourDir() const { return userTourDir_; }

    // Per-frame state for drawing: view styles, pain fades and pulse, the tour transition. True while
    // something animates (pain pulse or fades).
    bool prepareFrame(float dt);
    // Camera flight; true while it moves.
    bool advance(float dt);
    bool animating() const { return camera.animating() || painAnimating_ || tours.player().transitioning(); }

private:
    Result<bool> applyOptions(const SceneOptions& options, bool overStep);

    struct PendingClick {
        glm::vec2 pixel{0.0f};
        glm::ivec2 framebuffer{0};
        Camera camera;
    };
    void clickWith(const Camera& camera, glm::vec2 pixel, glm::ivec2 framebuffer);
    std::optional<PendingClick> pendingClick_;
    std::function<void()> wake_;
    bool live_;
    bool painAnimating_ = false;
    Posture posture_ = Posture::Standing;
    std::string bundledTourDir_, userTourDir_;
};

}  // namespace la::ctrl
