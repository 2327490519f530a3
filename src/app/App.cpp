#include "app/App.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include <GLFW/glfw3.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "io/ModelLoader.h"
#include "render/OffscreenTarget.h"
#include "ui/MainMenu.h"
#include "ui/PainPanel.h"
#include "ui/StructuresPanel.h"

namespace la::app {

App::App(Options options) : options_(std::move(options)) {}
App::~App() {
    renderer_.reset();  // GL objects go before the context
    imgui_.reset();
    window_.reset();
}

Result<bool> App::loadModel(const std::string& path) {
    auto loaded = io::loadModel(path);
    if (!loaded) return Error{loaded.error()};
    model_ = std::move(*loaded);
    view_.nodes.assign(model_.nodes.size(), NodeStyle{});
    index_ = SceneIndex(model_, catalogue_);
    pickScene_.reset();
    if (!headless_) pickBuild_ = std::async(std::launch::async, [copy = model_] { return PickScene(copy); });
    anchorCandidates_.clear();
    ui_.scene.visibility.assign(model_.nodes.size(), PickMode::Visible);
    ui_.scene.selected = ui_.scene.hovered = -1;
    ui_.scene.panels.clear();
    ui_.scene.peelDepth = 0;
    if (renderer_) renderer_->setModel(model_);
    status_.modelName = model_.name;
    status_.triangles = model_.triangleCount();
    camera_.setSceneRadius(model_.worldBounds().radius());
    ui::addRecentFile(ui_, path);
    return true;
}

glm::ivec2 App::framebufferSize() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_->handle(), &w, &h);
    return {w, h};
}

void App::applyPreset(ViewPreset preset, bool animate) {
    const glm::ivec2 fb = headless_ ? glm::ivec2(options_.width, options_.height) : framebufferSize();
    const float aspect = static_cast<float>(fb.x) / static_cast<float>(std::max(fb.y, 1));
    const CameraPose pose = camera_.presetPose(preset, model_.worldBounds(), aspect);
    camera_.flyTo(pose, animate ? 0.6f : 0.0f);
}

void App::drawUi(ui::UiActions& actions) {
    const bool chrome = !headless_ && !presenter_.active;
    if (chrome) {
        ui::drawMainMenu(ui_, actions);
        ui::drawStatusBar(ui_, status_);
        ui::drawStructuresPanel(index_, ui_.scene);
        ui::drawOpenDialog(ui_, actions);
        drawHoverTooltip();
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const glm::ivec2 viewport(static_cast<int>(display.x), static_cast<int>(display.y));
    if (chrome) {
        ui::drawPainPanel(painField_, painState_, ui_.showPainPanel);
        drawPainLookup();
    }
    drawTourUi();  // tour panel, tour articles and the caption bar: before the panels, which keep clear of them
    ui::drawPainLegend(painState_,
                       (chrome && ui_.showStatusBar ? ImGui::GetFrameHeight() : 0.0f) + tour_.captionHeight);
    drawTriggerMarks(viewport);
    drawPanels(viewport, actions);
    ui::drawMessage(ui_);
}

void App::renderStill(glm::ivec2 size) {
    constexpr int kLayoutFrames = 6;
    for (int i = 0; i < kLayoutFrames; ++i) renderFrame(size, true, false);
    renderFrame(size);
}

void App::renderFrame(glm::ivec2 size, bool withUi, bool scene) {
    const auto t0 = std::chrono::steady_clock::now();
    updateViewState();
    painAnimating_ = updatePain(frameDt_);
    if (!scene) {
        // Layout-only frame of a still: the UI runs, the scene is drawn by the last frame.
    } else if (presenter_.blank) {
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    } else {
        renderer_->draw(model_, camera_, view_, render::FrameInfo{size});
    }
    status_.frameMs = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - t0).count();
    imgui_->newFrame(headless_ ? size.x : 0, headless_ ? size.y : 0);
    ui::UiActions actions;
    if (withUi && !presenter_.blank) drawUi(actions);
    imgui_->render();
    if (!headless_) handleActions(actions);
}

void App::handleActions(const ui::UiActions& a) {
    if (a.openModel) {
        if (auto ok = loadModel(*a.openModel); !ok) {
            ui_.message = ok.error();
            ui_.messageIsError = true;
            std::fprintf(stderr, "%s\n", ok.error().c_str());
        } else {
            ui_.message.clear();
            applyPreset(ViewPreset::Posterior, true);
        }
    }
    if (a.viewPreset) applyPreset(*a.viewPreset, true);
    if (a.frameAll) {
        const glm::ivec2 fb = framebufferSize();
        CameraPose p = camera_.pose;
        Camera fitted = camera_;
        fitted.frame(model_.worldBounds(), static_cast<float>(fb.x) / static_cast<float>(std::max(fb.y, 1)));
        p.target = fitted.pose.target;
        p.distance = fitted.pose.distance;
        camera_.flyTo(p, 0.5f);
    }
    if (a.showPain) {
        if (painState_.patternsOn.count(*a.showPain))
            painState_.patternsOn.erase(*a.showPain);
        else
            painState_.patternsOn.insert(*a.showPain);
    }
    if (a.closePanel) {
        if (ui_.scene.selected == *a.closePanel) ui_.scene.selected = -1;
        auto& panels = ui_.scene.panels;
        for (auto& p : panels)
            if (p.node == *a.closePanel) p.pinned = false;
        if (ui_.scene.explain) {
            const SceneNode* n = index_.find(*a.closePanel);
            if (n && n->featured) ui_.scene.explain = false;
        }
    }
    if (a.togglePresenter) pending_.presenter = !presenter_.active;
    if (a.screenshot) pending_.screenshotWithUi = *a.screenshot;
    if (a.fontScale) pending_.fontScale = *a.fontScale;
    if (a.quit) quit_ = true;
}

bool App::handleInput() {
    ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    const glm::ivec2 fb = framebufferSize();
    int winW = 0, winH = 0;
    glfwGetWindowSize(window_->handle(), &winW, &winH);
    const glm::vec2 viewport(static_cast<float>(std::max(winW, 1)), static_cast<float>(std::max(winH, 1)));
    // Clicks come from the queue with the cursor position GLFW gave with them: ImGui's own button state
    // and position can miss a click (see InputQueue.h).
    const std::vector<MouseButtonEvent> buttons = input_.takeButtons();
    double cx = 0.0, cy = 0.0;
    glfwGetCursorPos(window_->handle(), &cx, &cy);
    const glm::vec2 cursor(static_cast<float>(cx), static_cast<float>(cy));
    const glm::vec2 toFb(io.DisplayFramebufferScale.x, io.DisplayFramebufferScale.y);
    const glm::vec2 delta = cursor - lastCursor_;
    lastCursor_ = cursor;
    if (!io.WantCaptureMouse) {
        const bool moved = delta.x != 0.0f || delta.y != 0.0f;
        if (moved && leftHeld_ && !io.KeyShift) {
            camera_.orbit(-delta.x * 0.4f, delta.y * 0.4f);
            changed = true;
        } else if (moved && (ImGui::IsMouseDown(ImGuiMouseButton_Right) ||
                             ImGui::IsMouseDown(ImGuiMouseButton_Middle) || (leftHeld_ && io.KeyShift))) {
            camera_.pan(delta, viewport);
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
                const glm::vec2 mouse = at * toFb;
                const auto hit = pickAt(mouse, fb);
                select(hit ? hit->node : -1);
                // With pain patterns on (or the pain panel open), a click on the body also asks which
                // muscles can send pain there.
                if (!painState_.patternsOn.empty() || ui_.showPainPanel) openPainLookup(mouse, fb);
                changed = true;
            }
        }
        if (leftHeld_ && glm::length(cursor - pressPos_) > 4.0f) dragged_ = true;
        if (moved || changed) {
            const auto hit = leftHeld_ ? std::nullopt : pickAt(cursor * toFb, fb);
            const int hovered = hit ? hit->node : -1;
            changed |= hovered != ui_.scene.hovered;
            ui_.scene.hovered = hovered;
        }
        // From the queue: ImGui has already cleared io.MouseWheel by the time this runs.
        if (const float wheel = input_.takeScroll(); wheel != 0.0f) {
            camera_.zoomToCursor(std::pow(0.88f, wheel), cursor, viewport);
            changed = true;
        }
    }
    const std::vector<KeyPress> keys = input_.takeKeys();  // every press since the last frame, none lost
    if (!io.WantCaptureKeyboard) {
        ui::UiActions a;
        const ViewPreset presets[] = {ViewPreset::Posterior, ViewPreset::Anterior, ViewPreset::Left,
                                      ViewPreset::Right,     ViewPreset::Superior, ViewPreset::Oblique};
        for (int k = 0; k < 6; ++k)
            if (wasPressed(keys, GLFW_KEY_1 + k)) a.viewPreset = presets[k];
        if (wasPressed(keys, GLFW_KEY_F)) a.frameAll = true;
        if (wasPressedWithCtrl(keys, GLFW_KEY_O)) ui_.openDialog.open = true;
        if (wasPressedWithCtrl(keys, GLFW_KEY_Q)) a.quit = true;
        if (wasPressed(keys, GLFW_KEY_P) && !wasPressedWithCtrl(keys, GLFW_KEY_P))
            ui_.showPainPanel = !ui_.showPainPanel;
        changed |= handleTourKeys(keys);  // clickers, F5, F12, B; Esc leaves presenter mode first
        if (wasPressed(keys, GLFW_KEY_ESCAPE) && !presenter_.active && ui_.scene.selected >= 0) {
            select(-1);
            changed = true;
        }
        if (a.viewPreset || a.frameAll || a.quit) {
            handleActions(a);
            changed = true;
        }
    }
    if (io.WantCaptureMouse) {
        input_.takeScroll();  // the wheel scrolled a panel, not the view
        for (const MouseButtonEvent& e : buttons)
            if (e.button == GLFW_MOUSE_BUTTON_LEFT && !e.press) leftHeld_ = false;  // released over a panel
    }
    if (io.WantCaptureMouse && ui_.scene.hovered >= 0) {
        ui_.scene.hovered = -1;
        changed = true;
    }
    return changed;
}

int App::runWindow() {
    auto win = Window::create(1400, 900, true, "Lumbar Atlas");
    if (!win) {
        std::fprintf(stderr, "%s\n", win.error().c_str());
        return 1;
    }
    window_ = std::move(*win);
    input_.attach(window_->handle());  // before ImGui, whose callbacks chain to ours
    imgui_ = std::make_unique<ImGuiLayer>(window_->handle(), window_->contentScale(), true);
    loadSettings();  // window geometry, font scale, detail level, recent files, last model
    auto r = render::Renderer::create();
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().c_str());
        return 1;
    }
    renderer_ = std::move(*r);
    loadCatalogue();
    loadPain();
    const std::string path = options_.model.empty() ? bundledModelPath() : options_.model;
    if (auto ok = loadModel(path); !ok) {
        // The window still opens so another model can be chosen.
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        ui_.message = ok.error();
        ui_.messageIsError = true;
    } else if (!applySceneOptions()) {
        return 2;
    }
    applyPreset(options_.view, false);
    scanTours();
    if (!options_.tour.empty()) {
        if (auto ok = openTour(options_.tour); !ok) {
            std::fprintf(stderr, "%s\n", ok.error().c_str());
            ui_.message = ok.error();
            ui_.messageIsError = true;
        }
    }
    if (options_.presenter) pending_.presenter = true;

    // Render on demand: sleep in glfwWaitEvents(Timeout) unless something animates; a few extra frames after
    // input let ImGui settle (hover states, popups).
    int settleFrames = 3;
    auto last = std::chrono::steady_clock::now();
    while (!glfwWindowShouldClose(window_->handle()) && !quit_) {
        if (settleFrames <= 0 && !camera_.animating() && !painAnimating_ && !tour_.player.transitioning())
            glfwWaitEventsTimeout(1.0);  // wakes once a second to notice edited content files
        else
            glfwPollEvents();
        const auto now = std::chrono::steady_clock::now();
        const float dt = std::min(std::chrono::duration<float>(now - last).count(), 0.1f);
        last = now;
        frameDt_ = dt;
        if (glfwGetWindowAttrib(window_->handle(), GLFW_ICONIFIED)) {
            settleFrames = 0;
            continue;
        }
        camera_.update(dt);
        if (reloadContentIfChanged()) settleFrames = 2;
        doPendingWork();  // font atlas, presenter mode, screenshots, settings: between frames
        updateWindowTitle();
        const glm::ivec2 fb = framebufferSize();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        renderFrame(fb);
        const bool inputChanged = handleInput();
        glfwSwapBuffers(window_->handle());
        settleFrames = inputChanged ? 3 : settleFrames - 1;
        if (ImGui::GetIO().MouseDown[0] || ImGui::GetIO().MouseDown[1] || ImGui::GetIO().MouseDown[2])
            settleFrames = std::max(settleFrames, 1);
    }
    saveSettings(true);
    return 0;
}

int App::startHeadless() {
    headless_ = true;
    auto win = Window::create(64, 64, false, "Lumbar Atlas");
    if (!win) {
        std::fprintf(stderr, "%s\n", win.error().c_str());
        return 1;
    }
    window_ = std::move(*win);
    imgui_ = std::make_unique<ImGuiLayer>(window_->handle(), 1.0f, false);
    auto r = render::Renderer::create();
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().c_str());
        return 1;
    }
    renderer_ = std::move(*r);
    if (catalogue_.empty()) loadCatalogue();
    loadPain();
    const std::string path = options_.model.empty() ? bundledModelPath() : options_.model;
    if (auto ok = loadModel(path); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        return 1;
    }
    return 0;
}

int App::runHeadless() {
    headless_ = true;
    const auto folder = std::filesystem::absolute(options_.screenshot).parent_path();
    if (!std::filesystem::is_directory(folder)) {
        std::fprintf(stderr, "%s: the folder %s does not exist\n", options_.screenshot.c_str(),
                     folder.string().c_str());
        return 1;
    }
    if (const int code = startHeadless(); code != 0) return code;
    if (!applySceneOptions()) return 2;
    auto target = render::OffscreenTarget::create(options_.width, options_.height, 4);
    if (!target) {
        std::fprintf(stderr, "%s\n", target.error().c_str());
        return 1;
    }
    applyPreset(options_.view, false);
    // --tour with --screenshot: that step (--step, default 1), e.g. to check presenter mode (--presenter).
    if (const int code = prepareTourStill(); code != 0) return code;
    target->bind();
    renderStill({options_.width, options_.height});
    const auto pixels = target->readPixels();
    printPicks({options_.width, options_.height});
    if (auto ok = render::writePng(options_.screenshot, options_.width, options_.height, pixels); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        return 1;
    }
    return 0;
}

}  // namespace la::app
