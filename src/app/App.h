#pragma once
// Owns everything: the model, camera, view state, renderer and UI state; runs the window loop or one
// headless frame. main() only parses the command line and hands over.
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "app/InputQueue.h"
#include "app/Options.h"
#include "app/Presenter.h"
#include "core/Camera.h"
#include "core/Catalogue.h"
#include "core/Model.h"
#include "core/PainField.h"
#include "core/PanelLayout.h"
#include "core/Pick.h"
#include "core/SceneIndex.h"
#include "core/ViewState.h"
#include "io/CatalogueLoader.h"
#include "render/Renderer.h"
#include "ui/UiState.h"

namespace la::app {

class Window;
class ImGuiLayer;

class App {
public:
    explicit App(Options options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    int runWindow();
    int runHeadless();
    // --tour FILE --export-dir DIR: every step of the tour to DIR/step-NN.png (AppTour.cpp).
    int runExport();

private:
    // Loads into a temporary; on failure the current model stays and the error is returned.
    Result<bool> loadModel(const std::string& path);
    void applyPreset(ViewPreset preset, bool animate);
    void drawUi(ui::UiActions& actions);
    void handleActions(const ui::UiActions& actions);
    // Mouse and keys to the camera unless ImGui wants them. Returns true when something changed.
    bool handleInput();
    glm::ivec2 framebufferSize() const;
    void loadCatalogue();
    // Polled once a second at most: reloads content/structures when a file changed. True when it did.
    bool reloadContentIfChanged();
    // Command-line scene state (--select, --hide, --ghost, --explain); false after printing an error.
    bool applySceneOptions();
    // Per-node styles and the pick filter from the UI state; called every frame.
    void updateViewState();
    std::optional<PickHit> pickAt(glm::vec2 pixel, glm::ivec2 viewport) const;
    void printPicks(glm::ivec2 viewport) const;
    // Screen areas the article panels keep clear of: every window drawn so far this frame (tool panels,
    // tour articles, the pain legend) and the caption bar.
    std::vector<Rect> reservedScreenAreas() const;
    // Anchors, layout and drawing of the article panels.
    void drawPanels(glm::ivec2 viewport, ui::UiActions& actions);
    void select(int node);

    // Referred pain (AppPain.cpp).
    void loadPain();
    // Shows exactly these patterns: instance keys ("quadratus_lumborum.L"), ids without a side (both
    // sides) or "all". Error names the unknown item; nothing changes then.
    Result<bool> setPainPatterns(const std::vector<std::string>& list);
    // Advances the pain clock and fades; fills view_.pain. True while something animates.
    bool updatePain(float dt);
    void drawTriggerMarks(glm::ivec2 viewport);
    // Muscles whose zones cover the body surface under a pixel (the first skin hit, else the first hit).
    std::vector<CoverageEntry> painUnder(glm::vec2 pixel, glm::ivec2 viewport) const;
    void openPainLookup(glm::vec2 pixel, glm::ivec2 viewport);
    void drawPainLookup();
    void drawHoverTooltip();
    // Scene then UI into the bound framebuffer; the window and the screenshot both come through here.
    // withUi = false: the scene only (Ctrl+F12).
    void renderFrame(glm::ivec2 size, bool withUi = true, bool scene = true);
    // A still (--screenshot, handouts): ImGui lays windows out over a few frames (auto-size, panel
    // sizes measured last frame), so the UI runs that many frames first and the scene is drawn once.
    void renderStill(glm::ivec2 size);

    // Tours, presenter mode, screenshots and handouts (AppTour.cpp, AppPresenter.cpp).
    // Hidden window, renderer, catalogue, pain and model for offscreen frames; 0 or the exit code.
    int startHeadless();
    // --tour (and --step, --presenter) for a --screenshot; 0 or the exit code.
    int prepareTourStill();
    void scanTours();
    Result<bool> openTour(const std::string& path);
    void applyTourStep(bool animate);
    void drawTourUi();
    void handleTourActions(const ui::TourActions& a);
    TourStep captureView() const;
    // Clicker keys, F5, F12, B, Esc in presenter mode. True when something changed.
    bool handleTourKeys(const std::vector<KeyPress>& keys);
    void setPresenter(bool on);
    // Font atlas rebuilds, presenter switches and screenshots: between frames only.
    void doPendingWork();
    void takeScreenshot(bool withUi);
    // "Lumbar Atlas — model" or "Lumbar Atlas — tour — step 3/8": the taskbar shows where a talk is.
    void updateWindowTitle();
    // Settings (AppSettings.cpp): window runs only.
    void loadSettings();
    void saveSettings(bool force);

    Options options_;
    InputQueue input_;  // outlives the window it is attached to
    std::unique_ptr<Window> window_;
    std::unique_ptr<ImGuiLayer> imgui_;
    std::optional<render::Renderer> renderer_;
    Model model_;
    Catalogue catalogue_;
    std::unique_ptr<io::CatalogueWatcher> catalogueWatcher_;
    double lastContentPoll_ = 0.0;
    SceneIndex index_;
    // Built on first use (about 0.6 s for the bundled model), not at load: start-up stays quick.
    // The picking BVH. In the window it is built on a worker thread from a copy of the model as soon as the
    // model loads (0.3-0.6 s on two cores), so the first click does not wait for it; headless runs build it
    // when first needed. Taken from the worker (waiting if it is not done) on first use.
    mutable std::future<PickScene> pickBuild_;
    mutable std::optional<PickScene> pickScene_;
    const PickScene& pickScene() const {
        if (!pickScene_) {
            if (pickBuild_.valid())
                pickScene_.emplace(pickBuild_.get());
            else
                pickScene_.emplace(model_);
        }
        return *pickScene_;
    }
    PickFilter pickFilter_;
    std::unordered_map<int, std::vector<glm::vec3>> anchorCandidates_;  // per node, for panel leader lines
    PainField painField_;
    PainFlat painFlat_;
    PainState painState_;
    std::map<std::string, Fade> painFades_;  // per instance key
    std::vector<CoverageEntry> painLookup_;  // reverse lookup of the last click on the body
    bool painLookupOpen_ = false;
    float frameDt_ = 0.0f;  // seconds since the previous frame (0 for stills)
    bool painAnimating_ = false;
    glm::vec2 pressPos_{0.0f};    // where the left button went down over the view (window coordinates)
    glm::vec2 lastCursor_{0.0f};  // the cursor at the previous frame (window coordinates)
    bool leftHeld_ = false;       // the left button is down and was pressed over the view
    bool dragged_ = false;        // ... and has moved more than a click's wobble since
    Camera camera_;
    ViewState view_;
    ui::UiState ui_;
    ui::StatusInfo status_;
    TourSession tour_;
    PresenterState presenter_;
    PendingWork pending_;
    SettingsSession settings_;
    std::string windowTitle_;
    bool quit_ = false;
    bool headless_ = false;
};

}  // namespace la::app
