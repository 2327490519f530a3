#pragma once
// The window, the loop and the input mapping: GLFW events become camera moves, clicks and commands for
// the viewer's feature controllers (ctrl::Viewer), and every frame is drawn through renderFrame (scene,
// then the ui/ widgets). Headless runs (--screenshot, --export-dir) draw through the same path.
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/InputQueue.h"
#include "app/Options.h"
#include "app/Timeline.h"
#include "core/AnimationKey.h"
#include "core/Background.h"
#include "core/BackgroundProgress.h"
#include "core/LensEase.h"
#include "core/MeshLod.h"
#include "core/MotionQuality.h"
#include "core/ScreenLayout.h"
#include "ctrl/KeyMap.h"
#include "ctrl/SettingsController.h"
#include "ctrl/Viewer.h"
#include "io/CatalogueLoader.h"
#include "render/FxaaPass.h"
#include "render/OffscreenTarget.h"
#include "render/Renderer.h"
#include "render/UiLayer.h"
#include "render/gl/EglContext.h"

namespace la::app {

class Window;
class ImGuiLayer;

// Work that must happen between frames (not inside ImGui::NewFrame .. Render).
struct PendingWork {
    std::optional<float> fontScale;        // rebuild the font atlas
    std::optional<bool> presenter;         // enter / leave presenter mode
    std::optional<bool> screenshotWithUi;  // F12 (true) / Ctrl+F12 (false)
};

// "lumbar-atlas-YYYYMMDD-HHMMSS.png" for a local time.
std::string screenshotFileName(int year, int month, int day, int hour, int minute, int second);
// "step-01.png", "step-02.png", ... (at least two digits).
std::string exportFileName(int stepIndex);
// A GLFW key code as the key map names it.
ctrl::Key keyFromGlfw(int glfwKey);

class App {
public:
    explicit App(Options options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    int runWindow();
    int runHeadless();
    // --tour FILE --export-dir DIR: every step of the tour to DIR/step-NN.png (AppHeadless.cpp).
    int runExport();

private:
    // Loads into a temporary and waits for it (headless); on failure the current model stays and the
    // error is returned.
    Result<bool> loadModel(const std::string& path);
    io::LoadOptions loadOptions() const;
    // The window's loads (AppLoading.cpp): started on a worker thread; a finished one is put in place
    // (GPU upload, first view) by takeFinishedLoad(), once a frame; true when one finished.
    // Loads `path` on a worker thread; the start-up load waits for the window's first frame (firstFrame_).
    void startLoad(const std::string& path, bool afterFirstFrame = false);
    std::promise<void> firstFrame_;  // set once the window's first frame is swapped
    std::shared_future<void> firstFrameShown_ = firstFrame_.get_future().share();
    bool takeFinishedLoad();
    // What the command line asks of the first model (scene options, first view, tour step), once it is
    // in place (loaded) or failed; false after printing a bad option.
    bool applyStartup(bool loaded);
    void updateLoadStatus();                // the status line's progress (load above 150 ms, waiting click, pain bake)
    bool backgroundBusy() const;            // something the status line shows progress of
    BackgroundWork backgroundWork() const;  // what runs in the background now, for the two above
    void writeFrameStats() const;
    // Wakes the loop from a worker thread (glfwPostEmptyEvent), only while the window exists.
    void wake() const;
    void setWakeable(bool on);
    ctrl::SceneOptions sceneOptions() const;
    // Command-line scene state; false after printing an error.
    bool applySceneOptions();
    glm::ivec2 framebufferSize() const;
    float aspect() const;
    // The pain patterns, and the catalogue unless `catalogue` is false (a headless run reads it on the
    // model's worker thread) or one is already there.
    void loadContent(bool catalogue = true);
    // Polled once a second at most: reloads content/structures when a file changed. True when it did.
    bool reloadContentIfChanged();
    // Scene then UI into `target`; the window and the screenshot both come through here.
    // withUi = false: the scene only (Ctrl+F12). `window`: the loop's frames, with their quality (reduced
    // while the camera moves, core/MotionQuality.h); screenshots, stills and exports, without it, always
    // draw the full model.
    void renderFrame(render::RenderTarget& target, bool withUi = true, bool scene = true,
                     std::optional<FrameQuality> window = std::nullopt);
    // A still (--screenshot, handouts): ImGui lays windows out over a few frames (auto-size, panel
    // sizes measured last frame), so the UI runs that many frames first and the scene is drawn once.
    void renderStill(render::RenderTarget& target);
    // Every widget through ui::drawScreen, placed by one core::layoutScreen.
    void drawUi(ui::UiActions& actions);
    // The trigger points' X marks (with their depth cue, skin rings and numbers) over the view.
    void drawTriggerMarks(glm::ivec2 viewport);
    // --chart with --screenshot (AppChart.cpp): 0 or the exit code.
    int runChart();
    void drawChartPart(glm::ivec2 viewport);
    void handleActions(const ui::UiActions& actions);
    // Files dropped on the window: the first model among them opens as from the open dialog.
    void openDropped(const std::vector<std::string>& paths);
    // Mouse and keys to the camera and the controllers unless ImGui wants them. True when something changed.
    bool handleInput();
    bool runCommand(const ctrl::CommandEvent& c);
    // A text field is active or the user navigates the panels with the keyboard: keys are ImGui's.
    bool imguiWantsKeys() const;
    // Font scale of the article panels and tour pins, relative to the default font.
    float panelFontScale() const;
    void applyTourStep(bool animate);
    float tourFontScale() const;  // the font's size relative to 17 px (pinned tour panels follow it)

    // Headless (AppHeadless.cpp). Hidden window, renderer, catalogue, pain and model; 0 or the exit code.
    int startHeadless();
    bool stillHasUi() const;
    // The renderer and, unless --aa msaa, the FXAA pass, for the window and stills alike (in the current
    // context); false after printing why one could not be made.
    bool createRenderPasses();
    // A still's target (and F12's): 4 samples and a depth buffer with --aa msaa (the scene is drawn into
    // it); else single-sampled without depth (the scene goes through fxaa_, which writes only colour).
    Result<render::OffscreenTarget> stillTarget(int width, int height) const;
    // --tour (and --step, --presenter) for a --screenshot; 0 or the exit code.
    int prepareTourStill();
    void printPicks(glm::ivec2 viewport) const;
    // --sidebar TAB|closed onto the UI state.
    void applySidebarOption();

    // Presenter mode, screenshots, the title and settings (AppPresenter.cpp).
    void setPresenter(bool on);
    // Font atlas rebuilds, presenter switches and screenshots: between frames only.
    void doPendingWork();
    void takeScreenshot(bool withUi);
    // "Lumbar Atlas — model" or "Lumbar Atlas — tour — step 3/8": the taskbar shows where a talk is.
    void updateWindowTitle();
    void loadSettings();         // before the window: what to open, detail level, recent files, palette
    void applyWindowSettings();  // once the window and ImGui exist: the font scale
    Settings currentSettings() const;
    void saveSettings(bool force);

    Timeline timeline_;  // first: made before and gone after everything else (LA_TIMELINE)
    Options options_;
    bool headless_ = false;
    bool exporting_ = false;               // --export-dir: handouts leave out the panels' buttons
    std::optional<ctrl::Viewer> viewer_;   // created when the run starts (window or headless)
    InputQueue input_;                     // attached to the window after ImGui, detached before it goes
    InputFeed feed_;                       // queued keys and buttons, one change each per frame, to ImGui
    FedFrame frame_;                       // this frame's share of them
    bool keysWereImGuis_ = false;          // imguiWantsKeys() when this frame's events were taken
    std::unique_ptr<Window> window_;       // the window, or a hidden one for stills when EGL is missing
    std::unique_ptr<gl::EglContext> egl_;  // stills: a context without any display server
    std::unique_ptr<ImGuiLayer> imgui_;    // stills that draw no UI have none (no fonts to build)
    std::optional<render::Renderer> renderer_;
    std::optional<render::FxaaPass> fxaa_;      // the anti-aliasing of the window and stills unless --aa msaa
    std::optional<render::UiLayer> uiLayer_;    // the window's unchanged UI windows while the camera moves
    std::optional<render::GpuScene> gpuScene_;  // the viewer's model on the GPU
    render::GpuScene noModel_;                  // drawn (the background) while the first model loads
    std::unique_ptr<io::CatalogueWatcher> catalogueWatcher_;
    std::optional<ctrl::SettingsController> settings_;  // window runs only
    std::optional<Settings> windowSettings_;            // the saved window geometry (none on a first run)
    double lastContentPoll_ = 0.0;
    float frameDt_ = 0.0f;                    // seconds since the previous frame (0 for stills)
    unsigned long long framesDrawn_ = 0;      // window frames, for --frame-stats
    unsigned long long firstModelFrame_ = 0;  // the first window frame that showed a model (0: none yet)
    void countFrame();
    // The motion level of detail: built on a worker thread after a model loads (window only), uploaded
    // when ready (pollLod, between frames).
    BackgroundTask<ModelLod> lodJob_;
    Retired<ModelLod> retiredLod_;  // builds for models replaced meanwhile
    void startLodBuild();
    void pollLod();
    MotionQuality motion_;
    LensEase lensEase_;           // the camera's framing beside the sidebar and above a caption bar, eased
    PainFrameKey lastPainKey_;    // what the last window frame showed of the pain animation
    AnimationBudget painBudget_;  // animation-only frames: at most a quarter of a core
    // --frame-log: one line per frame that draws the scene (see Options.h).
    std::FILE* frameLog_ = nullptr;
    double lastLogged_ = -1.0;
    void logFrame(const char* kind, float drawMs, glm::ivec2 sceneSize);
    // LA_FRAME_PHASES=1 with --frame-log (profiling): each window frame's scene, upscale or filter and UI
    // phases, each finished (glFinish) and timed in processor time of all threads, as one more line.
    const bool phaseLog_ = std::getenv("LA_FRAME_PHASES") != nullptr;
    double phases_[5] = {};
    void phaseMark(double& at) const;
    enum class ChartPart { None, View, Legend };
    ChartPart chartPart_ = ChartPart::None;  // what a --chart frame draws besides the scene
    std::string chartCaption_;               // "From behind", or the chart's title over the legend
    glm::vec2 pressPos_{0.0f};               // where the left button went down over the view (window coordinates)
    glm::vec2 lastCursor_{0.0f};             // the cursor at the previous frame (window coordinates)
    glm::vec2 fedCursor_{0.0f};              // the cursor as this frame's input left it
    bool leftHeld_ = false;                  // the left button is down and was pressed over the view
    bool dragged_ = false;                   // ... and has moved more than a click's wobble since
    CameraPose hoverPose_;                   // the camera when the hover was last picked
    ScreenLayout layout_;                    // last frame's (the view's centre beside the sidebar, --layout-report)
    std::vector<ui::DrawnItem> drawnItems_;  // last frame's status items and tab labels (--layout-report)
    std::vector<ui::DrawnItem> markItems_;   // last frame's trigger-point X's and numbers (--layout-report)
    int savedX_ = 0, savedY_ = 0, savedW_ = 0, savedH_ = 0;  // window geometry to restore after presenting
    PendingWork pending_;
    bool startupPending_ = true;  // the command line's scene waits for the first model
    bool startupFailed_ = false;  // ... and had a bad option (exit 2)
    mutable std::mutex wakeMutex_;
    bool wakeable_ = false;
    std::string windowTitle_;
    bool quit_ = false;
    const char* frameReason_ = "";  // why the last frames were drawn (--frame-stats: for tests of idle)
    bool remeasured_ = false;       // a panel measured a new height this frame (UiActions::remeasured)
    int remeasureFrames_ = 0;       // frames in a row drawn for that alone
    static constexpr int kMaxRemeasureFrames = 4;
};

}  // namespace la::app
