#pragma once
// Selection and article panels: the model with its catalogue index, what the user shows, x-rays and
// hides, what is selected and hovered, picking, and which article panels are open and where they go.
// No GL, GLFW or ImGui: inputs are the camera, the viewport and the sizes the UI reports; outputs are
// the per-node styles (ViewState) and the panel placements the UI draws.
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/Background.h"
#include "core/Camera.h"
#include "core/Catalogue.h"
#include "core/Model.h"
#include "core/PanelLayout.h"
#include "core/Pick.h"
#include "core/Result.h"
#include "core/SceneIndex.h"
#include "core/TourApply.h"
#include "core/ViewState.h"
#include "ui/UiState.h"

namespace la::ctrl {

// What the panel layout needs from the UI each frame.
struct PanelFrame {
    glm::ivec2 viewport{0};
    float top = 0.0f;            // pixels at the top kept free (the menu bar)
    std::vector<Rect> reserved;  // screen areas drawn before the panels (tool windows, caption bar)
    float fontScale = 1.0f;      // of the panel text relative to the default
    // Full and compact size of a panel at a font scale and maximum width (ui::panelSize, ui::compactPanelSize).
    std::function<glm::vec2(const ui::PanelState&, float fontScale, float maxWidth)> size;
    std::function<glm::vec2(const ui::PanelState&, float fontScale, float maxWidth)> compactSize;
    std::function<glm::vec2(const ui::PanelState&, float fontScale, float maxWidth)> foldedSize;
};

// What the article panels ask of the screen layout (core::layoutScreen places them with everything else).
struct PanelRequests {
    std::vector<PanelRequest> requests;  // one per ui panel state, same order
    Rect body;                           // the model's projected bounds (panels keep off it when they can)
};

class SceneController {
public:
    // `state` is the UI's scene state (visibility, selection, panels); it must outlive the controller.
    explicit SceneController(ui::SceneUiState& state) : s_(state) {}
    SceneController(const SceneController&) = delete;
    SceneController& operator=(const SceneController&) = delete;

    // The catalogue the structures are named from; node indices stay, so selection and visibility stay.
    void setCatalogue(Catalogue catalogue);
    const Catalogue& catalogue() const { return catalogue_; }
    // A newly loaded model replaces the current one: everything visible, nothing selected, no panels.
    // buildPickInBackground: the picking BVH is built on a low-priority thread once startBackgroundWork()
    // is called after the model's first frame (the window), else on first use (headless runs).
    void setModel(Model model, bool buildPickInBackground);
    const Model& model() const { return *model_; }
    // The same model, shared with background work (read-only; it lives as long as the longest user).
    std::shared_ptr<const Model> sharedModel() const { return model_; }
    // Starts the background BVH build if it waits (once per model); `done` is called on its thread when
    // it is ready (the window wakes its loop).
    void startBackgroundWork(const std::function<void()>& done = {});
    // Whether picks are answered now: true headless (built on first use) and once the background build
    // is done. Before that, picks find nothing and the panels' anchors sit on their structures' centres.
    bool pickReady() const;
    const SceneIndex& index() const { return index_; }
    ui::SceneUiState& state() { return s_; }
    const ui::SceneUiState& state() const { return s_; }

    // The nodes an id list names ("gluteus_medius,skin"): for --hide, --ghost, --select.
    Result<std::vector<int>> resolve(const std::string& list) const { return index_.resolveText(list, catalogue_); }
    void setMode(const std::vector<int>& nodes, PickMode mode);
    // Selects a node of the current model; an id of another model (kept from before a reload) or an
    // invalid one clears the selection.
    void select(NodeId node) { s_.selected = model_->owns(node) ? node : NodeId{}; }
    NodeId selected() const { return s_.selected; }
    // Hovered node (an id of another model counts as none); true when it changed.
    bool setHovered(NodeId node);
    NodeId hovered() const { return s_.hovered; }
    // The panel's close button: unpins it, clears the selection when it is the selected node, and leaves
    // explain mode when it is a featured muscle.
    void closePanel(NodeId node);
    // A tour step: visibility, selection, explain mode, pinned panels (top-left corners given).
    void applyStep(StepScene scene, const std::vector<glm::vec2>& pinnedAt);
    // The view as a tour step would show it (pose and pain are filled in by the caller).
    ViewCapture capture() const;

    // Per-node styles (hidden, ghosted, selection and hover outline) and the pick filter, from the state.
    void updateViewState();
    ViewState& view() { return view_; }
    const ViewState& view() const { return view_; }
    const PickFilter& pickFilter() const { return pickFilter_; }

    // Picking through the pixel (framebuffer pixels, origin top left); translucent surfaces are clicked through.
    std::optional<PickHit> pickAt(const Camera& camera, glm::vec2 pixel, glm::ivec2 viewport) const;
    // The body's surface under the pixel: the first skin hit, else the first hit.
    std::optional<glm::vec3> surfaceAt(const Camera& camera, glm::vec2 pixel, glm::ivec2 viewport) const;
    const PickScene& pickScene() const;

    // Which article panels are open this frame (pinned ones, the selection, featured muscles in explain
    // mode), with their leader-line anchors and places. state().panels[i] belongs to the i-th placement.
    PanelRequests articlePanelRequests(const Camera& camera, const PanelFrame& frame);
    // The requests placed on their own (reserved areas and top from the frame): tests and tools.
    std::vector<PanelPlacement> layoutArticlePanels(const Camera& camera, const PanelFrame& frame);

private:
    ui::SceneUiState& s_;
    std::shared_ptr<const Model> model_ = std::make_shared<const Model>();
    Catalogue catalogue_;
    SceneIndex index_;
    ViewState view_;
    PickFilter pickFilter_;
    bool pickInBackground_ = false;
    bool pickStarted_ = false;
    mutable BackgroundTask<PickScene> pickBuild_;
    Retired<PickScene> retiredPick_;  // builds for earlier models, still running
    mutable std::optional<PickScene> pickScene_;
    PickScene noPick_;  // what picks go through while the BVH is being built
    std::unordered_map<NodeId, std::vector<glm::vec3>> anchorCandidates_;  // per node, for panel leader lines
};

}  // namespace la::ctrl
