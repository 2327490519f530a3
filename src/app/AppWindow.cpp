// App's window: its start (settings, content, the model's load, fonts, context, passes) and the loop that
// draws on demand: asleep until input, an animation, a finished load or an edited content file wakes it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/App.h"
#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "core/AnimationKey.h"
#include "io/XdgPaths.h"

namespace la::app {

namespace fs = std::filesystem;

// The status line's progress (a load, a click waiting for the pick BVH) redraws 4 times a second.
constexpr double kProgressFrameSeconds = 0.25;
// The pain link animation alone ticks at most 10 times a second (wall-clock driven), and a tick draws
// only when what it shows changed visibly (core/AnimationKey.h): nothing during the hold of a pulse.
constexpr double kPainFrameSeconds = 1.0 / 10.0;

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
