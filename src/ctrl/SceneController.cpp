#include "ctrl/SceneController.h"

#include <algorithm>

#include "core/PanelAnchor.h"

namespace la::ctrl {

namespace {
const glm::vec3 kSelectColour(1.0f, 0.78f, 0.1f);  // sRGB amber: stands out on red muscle and ivory bone
const glm::vec3 kHoverColour(0.35f, 0.75f, 1.0f);  // sRGB sky blue
bool isBlended(const Model& m, const Node& n) {
    if (n.mesh < 0) return false;
    for (const auto& p : m.meshes[static_cast<std::size_t>(n.mesh)].primitives)
        if (p.material >= 0 && m.materials[static_cast<std::size_t>(p.material)].alphaMode == AlphaMode::Blend)
            return true;
    return false;
}
}  // namespace

void SceneController::setCatalogue(Catalogue catalogue) {
    catalogue_ = std::move(catalogue);
    index_ = SceneIndex(*model_, catalogue_);
}

void SceneController::setModel(Model model, bool buildPickInBackground) {
    // Every model shown is a generation of its own, also one built in code (0), so ids kept from the
    // previous model are recognised as stale.
    if (model.generation == 0) model.generation = Model::newGeneration();
    model_ = std::make_shared<const Model>(std::move(model));
    const Model& m = *model_;
    view_.generation = m.generation;
    view_.nodes.assign(m.nodes.size(), NodeStyle{});
    index_ = SceneIndex(m, catalogue_);
    pickScene_.reset();
    retiredPick_.add(std::move(pickBuild_));  // a build for the previous model finishes on its own, unawaited
    pickInBackground_ = buildPickInBackground;
    pickStarted_ = false;
    anchorCandidates_.clear();
    s_.visibility = index_.startVisibility(m.nodes.size());
    s_.selected = s_.hovered = NodeId{};
    s_.panels.clear();
    s_.peelDepth = 0;
}

void SceneController::startBackgroundWork(const std::function<void()>& done) {
    retiredPick_.prune();
    if (!pickInBackground_ || pickStarted_) return;
    pickStarted_ = true;
    // The model is shared, not copied: the build reads it while the window draws it.
    pickBuild_ = BackgroundTask<PickScene>::start([model = model_] { return PickScene(*model); }, done);
}

bool SceneController::pickReady() const {
    if (pickScene_) return true;
    if (!pickInBackground_) return true;  // built on first use
    if (!pickBuild_.ready()) return false;
    pickScene_.emplace(pickBuild_.take());
    return true;
}

const PickScene& SceneController::pickScene() const {
    if (!pickScene_) {
        if (pickInBackground_) {
            if (!pickReady()) return noPick_;  // never waits in the window
        } else {
            pickScene_.emplace(*model_);
        }
    }
    return *pickScene_;
}

void SceneController::setMode(const std::vector<int>& nodes, PickMode mode) {
    for (int n : nodes)
        if (n >= 0 && static_cast<std::size_t>(n) < s_.visibility.size())
            s_.visibility[static_cast<std::size_t>(n)] = mode;
}

bool SceneController::setHovered(NodeId node) {
    if (!model_->owns(node)) node = NodeId{};
    const bool changed = node != s_.hovered;
    s_.hovered = node;
    return changed;
}

void SceneController::closePanel(NodeId node) {
    if (s_.selected == node) s_.selected = NodeId{};
    for (auto& p : s_.panels)
        if (p.node == node) p.pinned = false;
    if (s_.explain) {
        const SceneNode* n = index_.find(node);
        if (n && n->featured) s_.explain = false;
    }
}

void SceneController::applyStep(StepScene scene, const std::vector<glm::vec2>& pinnedAt) {
    s_.visibility = std::move(scene.visibility);
    s_.peelDepth = 0;
    select(scene.selected.node);
    s_.explain = scene.explain;
    auto& panels = s_.panels;
    panels.erase(std::remove_if(panels.begin(), panels.end(), [](const ui::PanelState& p) { return p.pinned; }),
                 panels.end());
    for (std::size_t k = 0; k < scene.panels.size(); ++k) {
        if (!model_->owns(scene.panels[k].node)) continue;  // resolved against another model
        ui::PanelState st;
        st.node = scene.panels[k].node;
        st.pinned = true;
        st.pinnedPos = k < pinnedAt.size() ? pinnedAt[k] : glm::vec2(0.0f);
        panels.push_back(st);
    }
}

ViewCapture SceneController::capture() const {
    ViewCapture v;
    v.visibility = effectiveVisibility(index_, s_.visibility, s_.peelDepth);
    v.selected = s_.selected;
    for (const auto& p : s_.panels)
        if (p.pinned) v.panelNodes.push_back(p.node);
    v.explain = s_.explain;
    return v;
}

void SceneController::updateViewState() {
    pickFilter_ = effectiveVisibility(index_, s_.visibility, s_.peelDepth);
    pickFilter_.resize(model_->nodes.size(), PickMode::Visible);
    view_.nodes.assign(model_->nodes.size(), NodeStyle{});
    for (std::size_t i = 0; i < model_->nodes.size(); ++i) {
        NodeStyle& st = view_.nodes[i];
        st.hidden = pickFilter_[i] == PickMode::Hidden;
        st.ghosted = pickFilter_[i] == PickMode::Ghosted;
        // Translucent materials (the skin) are clicked through, like ghosted structures.
        if (pickFilter_[i] == PickMode::Visible && isBlended(*model_, model_->nodes[i]))
            pickFilter_[i] = PickMode::Ghosted;
        const NodeId n = model_->nodeId(i);
        if (n == s_.selected) {
            st.tint = glm::vec4(1.0f, 0.72f, 0.2f, 0.35f);
            st.outline = true;
            st.outlineColor = kSelectColour;
            st.outlineWidth = 3.0f;
        } else if (n == s_.hovered) {
            st.outline = true;
            st.outlineColor = kHoverColour;
            st.outlineWidth = 2.0f;
        }
    }
}

std::optional<PickHit> SceneController::pickAt(const Camera& camera, glm::vec2 pixel, glm::ivec2 viewport) const {
    if (viewport.x <= 0 || viewport.y <= 0) return std::nullopt;
    const float aspect = static_cast<float>(viewport.x) / static_cast<float>(viewport.y);
    const Ray ray = rayFromPixel(camera.view(), camera.projection(aspect), pixel, glm::vec2(viewport));
    return pick(pickScene(), ray, pickFilter_);
}

std::optional<glm::vec3> SceneController::surfaceAt(const Camera& camera, glm::vec2 pixel, glm::ivec2 viewport) const {
    if (viewport.x <= 0 || viewport.y <= 0) return std::nullopt;
    const float aspect = static_cast<float>(viewport.x) / static_cast<float>(viewport.y);
    const Ray ray = rayFromPixel(camera.view(), camera.projection(aspect), pixel, glm::vec2(viewport));
    const auto hits = pickAll(pickScene(), ray, pickFilter_);
    if (hits.empty()) return std::nullopt;
    for (const auto& h : hits)
        if (const SceneNode* n = index_.find(h.node); n && n->kind == "skin") return h.point;
    return hits.front().point;
}

PanelRequests SceneController::articlePanelRequests(const Camera& camera, const PanelFrame& frame) {
    // Which panels: pinned ones, the selection, and in explain mode the featured muscles.
    std::vector<NodeId> wanted;
    auto want = [&](NodeId node) {
        const SceneNode* n = index_.find(node);
        if (n && std::find(wanted.begin(), wanted.end(), node) == wanted.end()) wanted.push_back(node);
    };
    for (const auto& p : s_.panels)
        if (p.pinned) want(p.node);
    want(s_.selected);
    if (s_.explain)
        for (const auto& n : index_.nodes())
            if (n.featured && n.kind == "muscle") want(n.id);

    std::vector<ui::PanelState> states;
    for (NodeId node : wanted) {
        ui::PanelState st;
        st.node = node;
        for (const auto& old : s_.panels)
            if (old.node == node) st = old;
        states.push_back(st);
    }
    s_.panels = states;
    PanelRequests out;  // the body's bounds also without panels: the legend and articles keep off it

    const glm::vec2 vp(frame.viewport);
    const float aspect = vp.x / std::max(vp.y, 1.0f);
    const glm::mat4 viewProj = camera.projection(aspect) * camera.view();
    const glm::vec3 eye = camera.position();
    auto project = [&](glm::vec3 p, bool& inFront) {
        const glm::vec4 c = viewProj * glm::vec4(p, 1.0f);
        inFront = c.w > 1e-6f;
        const glm::vec3 ndc = glm::vec3(c) / (std::abs(c.w) > 1e-6f ? c.w : 1e-6f);
        return glm::vec2((ndc.x * 0.5f + 0.5f) * vp.x, (0.5f - ndc.y * 0.5f) * vp.y);
    };
    std::vector<PanelRequest>& requests = out.requests;
    for (const auto& st : s_.panels) {
        const Node& node = *model_->node(st.node);  // wanted only nodes the index finds in this model
        Aabb box;
        if (const Mesh* mesh = model_->mesh(model_->meshOf(st.node)))
            for (const auto& p : mesh->primitives) box.add(p.bounds.transformed(node.world));
        PanelRequest r;
        // Anchor: a point of the structure that can be seen, in the middle of what shows of it; when none
        // shows (behind other muscles, or facing away), where a ray towards its centre meets it, and the
        // line fades.
        auto cached = anchorCandidates_.find(st.node);
        if (cached == anchorCandidates_.end())
            cached = anchorCandidates_.emplace(st.node, anchorCandidates(*model_, st.node)).first;
        const AnchorChoice choice = chooseAnchor(pickScene(), pickFilter_, st.node, cached->second, eye, viewProj);
        glm::vec3 anchor = choice.point;
        const bool occluded = !choice.visible;
        if (!choice.visible) {
            const glm::vec3 centre = box.center();
            anchor = centre;
            for (const auto& hit : pickAll(pickScene(), Ray{eye, glm::normalize(centre - eye)}, PickFilter{}))
                if (hit.node == st.node) {
                    anchor = hit.point;
                    break;
                }
        }
        bool inFront = true;
        r.anchor = project(anchor, inFront);
        r.anchorInFront = inFront;
        r.anchorOccluded = occluded;
        // The structure's outline on screen, from its surface points: tighter than a box's corners, which
        // overstate a slanted fan like gluteus medius.
        Rect rect{glm::vec2(1e9f), glm::vec2(-1e9f)};
        const auto grow = [&](glm::vec3 c) {
            bool f = true;
            const glm::vec2 s = project(c, f);
            rect.min = glm::min(rect.min, s);
            rect.max = glm::max(rect.max, s);
        };
        if (!cached->second.empty()) {
            for (const glm::vec3& c : cached->second) grow(c);
        } else {
            for (int i = 0; i < 8; ++i)
                grow({(i & 1) ? box.max.x : box.min.x, (i & 2) ? box.max.y : box.min.y,
                      (i & 4) ? box.max.z : box.min.z});
        }
        r.muscle = rect;
        // A panel takes at most 30 % of the width: in a 1280-pixel window that is still the normal width,
        // while the presenter's large text wraps into a narrower column beside the body.
        const float maxWidth = std::max(280.0f, 0.3f * vp.x);
        r.size = frame.size ? frame.size(st, frame.fontScale, maxWidth) : r.size;
        if (frame.compactSize) r.compactSize = frame.compactSize(st, frame.fontScale, maxWidth);
        if (frame.foldedSize) r.foldedSize = frame.foldedSize(st, frame.fontScale, maxWidth);
        if (st.pinned) r.pinned = st.pinnedPos;
        requests.push_back(r);
    }
    {  // the model's projected bounds: panels stay off the body when they can
        const Aabb world = model_->worldBounds();
        Rect all{glm::vec2(1e9f), glm::vec2(-1e9f)};
        bool allInFront = true;
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 c((i & 1) ? world.max.x : world.min.x, (i & 2) ? world.max.y : world.min.y,
                              (i & 4) ? world.max.z : world.min.z);
            bool f = true;
            const glm::vec2 s = project(c, f);
            allInFront &= f;
            all.min = glm::min(all.min, s);
            all.max = glm::max(all.max, s);
        }
        // Shrunk a little: a box's corners overstate a rounded body's outline.
        const glm::vec2 inset = all.size() * 0.08f;
        if (allInFront && world.valid()) out.body = Rect{all.min + inset, all.max - inset};
    }
    return out;
}

std::vector<PanelPlacement> SceneController::layoutArticlePanels(const Camera& camera, const PanelFrame& frame) {
    PanelRequests req = articlePanelRequests(camera, frame);
    if (req.requests.empty()) return {};
    PanelLayoutOptions opts;
    opts.margin = 12.0f;
    opts.gap = 10.0f;
    const float top = frame.top;  // the menu bar (and the status bar below, by symmetry)
    const glm::vec2 down(0.0f, top);
    opts.reserved = frame.reserved;
    if (req.body.valid()) opts.avoid = Rect{req.body.min - down, req.body.max - down};
    for (Rect& r : opts.reserved) r = Rect{r.min - down, r.max - down};
    for (auto& r : req.requests) {
        r.anchor -= down;
        r.muscle = Rect{r.muscle.min - down, r.muscle.max - down};
        if (r.pinned) *r.pinned -= down;
    }
    const glm::vec2 vp(frame.viewport);
    auto placements = layoutPanels(glm::vec2(vp.x, vp.y - top * 2.0f), req.requests, opts);
    for (auto& pl : placements) {
        pl.rect = Rect{pl.rect.min + down, pl.rect.max + down};
        pl.leaderFrom += down;
        pl.leaderTo += down;
    }
    return placements;
}

}  // namespace la::ctrl
