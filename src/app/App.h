#pragma once
// Owns everything: the model, camera, view state, renderer and UI state; runs the window loop or one
// headless frame. main() only parses the command line and hands over.
#include <memory>
#include <optional>

#include "app/Options.h"
#include "core/Camera.h"
#include "core/Catalogue.h"
#include "core/Pick.h"
#include "core/SceneIndex.h"
#include "io/CatalogueLoader.h"
#include "core/Model.h"
#include "core/ViewState.h"
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
    // Anchors, layout and drawing of the article panels.
    void drawPanels(glm::ivec2 viewport, ui::UiActions& actions);
    void select(int node);
    void drawHoverTooltip();
    // Scene then UI into the bound framebuffer; the window and the screenshot both come through here.
    void renderFrame(glm::ivec2 size);

    Options options_;
    std::unique_ptr<Window> window_;
    std::unique_ptr<ImGuiLayer> imgui_;
    std::optional<render::Renderer> renderer_;
    Model model_;
    Catalogue catalogue_;
    std::unique_ptr<io::CatalogueWatcher> catalogueWatcher_;
    double lastContentPoll_ = 0.0;
    SceneIndex index_;
    PickScene pickScene_;
    PickFilter pickFilter_;
    glm::vec2 pressPos_{0.0f};
    bool dragged_ = false;
    Camera camera_;
    ViewState view_;
    ui::UiState ui_;
    ui::StatusInfo status_;
    bool quit_ = false;
    bool headless_ = false;
};

}  // namespace la::app
