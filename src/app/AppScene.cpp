// App: the structure catalogue, visibility and selection, picking and the article panels.
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <GLFW/glfw3.h>
#include <glm/gtc/matrix_transform.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow rects: where the tool windows are this frame

#include "app/App.h"
#include "core/PanelAnchor.h"
#include "core/TextList.h"
#include "io/CatalogueLoader.h"
#include "ui/InfoPanels.h"
#include "ui/StructuresPanel.h"

namespace la::app {

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

void App::loadCatalogue() {
    const std::string dir = (std::filesystem::path(dataDir()) / "content" / "structures").string();
    io::CatalogueLoad load = io::loadCatalogueDir(dir);
    for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.c_str());
    for (const auto& w : load.warnings) std::fprintf(stderr, "%s\n", w.c_str());
    if (!load.errors.empty() && !headless_) {
        ui_.message = load.errors.front();
        ui_.messageIsError = true;
    }
    catalogue_ = std::move(load.catalogue);
    if (!headless_) catalogueWatcher_ = std::make_unique<io::CatalogueWatcher>(dir);
}

bool App::reloadContentIfChanged() {
    const double now = glfwGetTime();
    if (!catalogueWatcher_ || now - lastContentPoll_ < 1.0) return false;
    lastContentPoll_ = now;
    if (!catalogueWatcher_->poll().any()) return false;
    io::CatalogueLoad load = io::loadCatalogueDir(catalogueWatcher_->dir());
    for (const auto& e : load.errors) std::fprintf(stderr, "%s\n", e.c_str());
    ui_.message = load.errors.empty() ? "Content reloaded." : load.errors.front();
    ui_.messageIsError = !load.errors.empty();
    catalogue_ = std::move(load.catalogue);
    index_ = SceneIndex(model_, catalogue_);  // node indices are unchanged: selection and visibility stay
    return true;
}

bool App::applySceneOptions() {
    auto apply = [&](const std::string& list, PickMode mode, const char* option) {
        if (list.empty()) return true;
        auto nodes = index_.resolveText(list, catalogue_);
        if (!nodes) {
            std::fprintf(stderr, "lumbar-atlas: %s: %s\n", option, nodes.error().c_str());
            return false;
        }
        for (int n : *nodes) ui_.scene.visibility[static_cast<std::size_t>(n)] = mode;
        return true;
    };
    if (!apply(options_.ghost, PickMode::Ghosted, "--ghost") || !apply(options_.hide, PickMode::Hidden, "--hide"))
        return false;
    if (!options_.select.empty()) {
        auto nodes = index_.resolveText(options_.select, catalogue_);
        if (!nodes) {
            std::fprintf(stderr, "lumbar-atlas: --select: %s\n", nodes.error().c_str());
            return false;
        }
        select(nodes->front());
    }
    if (!options_.pain.empty()) {
        if (auto ok = setPainPatterns(splitCommaList(options_.pain)); !ok) {
            std::fprintf(stderr, "lumbar-atlas: --pain: %s\n", ok.error().c_str());
            return false;
        }
    }
    painState_.time = options_.time;
    ui_.scene.explain = options_.explain;
    ui_.scene.therapist = options_.therapist;
    return true;
}

void App::select(int node) {
    ui_.scene.selected = node;
}

void App::updateViewState() {
    pickFilter_ = effectiveVisibility(index_, ui_.scene.visibility, ui_.scene.peelDepth);
    pickFilter_.resize(model_.nodes.size(), PickMode::Visible);
    view_.nodes.assign(model_.nodes.size(), NodeStyle{});
    for (std::size_t i = 0; i < model_.nodes.size(); ++i) {
        NodeStyle& st = view_.nodes[i];
        st.hidden = pickFilter_[i] == PickMode::Hidden;
        st.ghosted = pickFilter_[i] == PickMode::Ghosted;
        // Translucent materials (the skin) are clicked through, like ghosted structures.
        if (pickFilter_[i] == PickMode::Visible && isBlended(model_, model_.nodes[i]))
            pickFilter_[i] = PickMode::Ghosted;
        const int n = static_cast<int>(i);
        if (n == ui_.scene.selected) {
            st.tint = glm::vec4(1.0f, 0.72f, 0.2f, 0.35f);
            st.outline = true;
            st.outlineColor = kSelectColour;
            st.outlineWidth = 3.0f;
        } else if (n == ui_.scene.hovered) {
            st.outline = true;
            st.outlineColor = kHoverColour;
            st.outlineWidth = 2.0f;
        }
    }
}

std::optional<PickHit> App::pickAt(glm::vec2 pixel, glm::ivec2 viewport) const {
    if (viewport.x <= 0 || viewport.y <= 0) return std::nullopt;
    const float aspect = static_cast<float>(viewport.x) / static_cast<float>(viewport.y);
    const Ray ray = rayFromPixel(camera_.view(), camera_.projection(aspect), pixel, glm::vec2(viewport));
    return pick(pickScene(), ray, pickFilter_);
}

void App::printPicks(glm::ivec2 viewport) const {
    for (const auto& p : options_.picks) {
        int x = 0, y = 0;
        std::sscanf(p.c_str(), "%d,%d", &x, &y);
        // Pixel centres: the pixel (x, y) covers [x, x+1) x [y, y+1).
        const auto hit = pickAt({static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f}, viewport);
        const SceneNode* n = hit ? index_.find(hit->node) : nullptr;
        std::string pain;
        for (const auto& e : painUnder({static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f}, viewport)) {
            const std::string item = e.instance + (e.kind == ZoneKind::Essential ? ":essential" : ":spillover");
            // One entry per muscle instance: its strongest kind (coverage lists essential first).
            if (pain.find(e.instance + ":") == std::string::npos) pain += (pain.empty() ? "" : ",") + item;
        }
        std::printf("pick %d,%d: %s%s\n", x, y, n ? n->uniqueName().c_str() : "none",
                    pain.empty() ? "" : (" pain=" + pain).c_str());
    }
    std::fflush(stdout);
}

void App::drawHoverTooltip() {
    const SceneNode* n = index_.find(ui_.scene.hovered);
    if (!n || ImGui::GetIO().WantCaptureMouse) return;
    // The selected structure's panel already names it; a tooltip would only cover its leader line.
    if (ui_.scene.hovered == ui_.scene.selected) return;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(n->label.c_str());
    if (n->info && !n->info->latin.empty()) ImGui::TextDisabled("%s", n->info->latin.c_str());
    ImGui::EndTooltip();
}

std::vector<Rect> App::reservedScreenAreas() const {
    std::vector<Rect> out;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiWindowFlags transient = ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup;
    for (const ImGuiWindow* w : g.Windows) {
        // Active = begun this frame, i.e. drawn before the panels; the panels themselves come later.
        if (!w->Active || w->Hidden || w->IsFallbackWindow || (w->Flags & transient) || std::strstr(w->Name, "##panel"))
            continue;
        if (std::strcmp(w->Name, "##MainMenuBar") == 0 || std::strcmp(w->Name, "##status") == 0) continue;
        out.push_back(Rect::fromPosSize({w->Pos.x, w->Pos.y}, {w->Size.x, w->Size.y}));
    }
    if (tour_.captionHeight > 0.0f) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const float bottom = vp->Pos.y + vp->Size.y -
                             (!headless_ && !presenter_.active && ui_.showStatusBar ? ImGui::GetFrameHeight() : 0.0f);
        out.push_back(Rect{{vp->Pos.x, bottom - tour_.captionHeight}, {vp->Pos.x + vp->Size.x, bottom}});
    }
    return out;
}

void App::drawPanels(glm::ivec2 viewport, ui::UiActions& actions) {
    // Which panels: pinned ones, the selection, and in explain mode the featured muscles.
    std::vector<int> wanted;
    auto want = [&](int node) {
        const SceneNode* n = index_.find(node);
        if (n && std::find(wanted.begin(), wanted.end(), node) == wanted.end()) wanted.push_back(node);
    };
    for (const auto& p : ui_.scene.panels)
        if (p.pinned) want(p.node);
    if (ui_.scene.selected >= 0) want(ui_.scene.selected);
    if (ui_.scene.explain)
        for (const auto& n : index_.nodes())
            if (n.featured && n.kind == "muscle") want(n.node);

    std::vector<ui::PanelState> states;
    for (int node : wanted) {
        ui::PanelState st;
        st.node = node;
        for (const auto& old : ui_.scene.panels)
            if (old.node == node) st = old;
        states.push_back(st);
    }
    ui_.scene.panels = states;
    if (states.empty()) return;

    const glm::vec2 vp(viewport);
    const float aspect = vp.x / std::max(vp.y, 1.0f);
    const glm::mat4 viewProj = camera_.projection(aspect) * camera_.view();
    const glm::vec3 eye = camera_.position();
    auto project = [&](glm::vec3 p, bool& inFront) {
        const glm::vec4 c = viewProj * glm::vec4(p, 1.0f);
        inFront = c.w > 1e-6f;
        const glm::vec3 ndc = glm::vec3(c) / (std::abs(c.w) > 1e-6f ? c.w : 1e-6f);
        return glm::vec2((ndc.x * 0.5f + 0.5f) * vp.x, (0.5f - ndc.y * 0.5f) * vp.y);
    };
    const float fontScale = ImGui::GetIO().FontGlobalScale * (ImGui::GetFontSize() / 17.0f);
    std::vector<PanelRequest> requests;
    for (const auto& st : ui_.scene.panels) {
        const Node& node = model_.nodes[static_cast<std::size_t>(st.node)];
        Aabb box;
        for (const auto& p : model_.meshes[static_cast<std::size_t>(node.mesh)].primitives)
            box.add(p.bounds.transformed(node.world));
        PanelRequest r;
        // Anchor: a point of the structure that can be seen, in the middle of what shows of it; when none
        // shows (behind other muscles, or facing away), where a ray towards its centre meets it, and the
        // line fades.
        auto cached = anchorCandidates_.find(st.node);
        if (cached == anchorCandidates_.end())
            cached = anchorCandidates_.emplace(st.node, anchorCandidates(model_, st.node)).first;
        const AnchorChoice choice = chooseAnchor(pickScene(), pickFilter_, st.node, cached->second, eye, viewProj);
        glm::vec3 anchor = choice.point;
        bool occluded = !choice.visible;
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
        r.size = ui::panelSize(st, fontScale, maxWidth);
        r.compactSize = ui::compactPanelSize(st, fontScale, maxWidth);
        if (st.pinned) r.pinned = st.pinnedPos;
        requests.push_back(r);
    }
    PanelLayoutOptions opts;
    opts.margin = 12.0f;
    opts.gap = 10.0f;
    // Keep panels clear of the menu bar and status bar in the window.
    const float top = headless_ ? 0.0f : ImGui::GetFrameHeight();
    opts.reserved = reservedScreenAreas();
    {  // the model's projected bounds: panels stay off the body when they can
        const Aabb world = model_.worldBounds();
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
        if (allInFront && world.valid())
            opts.avoid = Rect{all.min + inset - glm::vec2(0.0f, top), all.max - inset - glm::vec2(0.0f, top)};
    }
    for (Rect& r : opts.reserved) {
        r.min.y -= top;
        r.max.y -= top;
    }
    for (auto& r : requests) {
        r.anchor.y -= top;
        r.muscle.min.y -= top;
        r.muscle.max.y -= top;
        if (r.pinned) r.pinned->y -= top;
    }
    auto placements = layoutPanels(glm::vec2(vp.x, vp.y - top * 2.0f), requests, opts);
    std::vector<ui::PanelView> views;
    for (std::size_t i = 0; i < placements.size(); ++i) {
        auto& pl = placements[i];
        pl.rect.min.y += top;
        pl.rect.max.y += top;
        pl.leaderFrom.y += top;
        pl.leaderTo.y += top;
        ui::PanelView v;
        const SceneNode* sn = index_.find(ui_.scene.panels[i].node);
        v.hasPainPattern = sn && sn->ref && painField_.find(sn->ref->id) != nullptr;
        v.painShown = v.hasPainPattern && painState_.patternsOn.count(sn->key) > 0;
        v.state = &ui_.scene.panels[i];
        v.node = index_.find(ui_.scene.panels[i].node);
        v.placement = pl;
        views.push_back(v);
    }
    ui::drawInfoPanels(views, ui_.scene.therapist, actions);
}

}  // namespace la::app
