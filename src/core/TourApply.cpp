#include "core/TourApply.h"

#include <algorithm>
#include <utility>

namespace la {

namespace {

// One list item, resolved on its own so a missing id does not drop the others.
std::vector<int> resolveItem(const std::string& item, const SceneIndex& index, const Catalogue& catalogue,
                             std::vector<std::string>& warnings) {
    auto nodes = index.resolveText(item, catalogue);
    if (!nodes) {
        warnings.push_back(nodes.error());
        return {};
    }
    return *nodes;
}

void setMode(PickFilter& f, const std::vector<int>& nodes, PickMode mode) {
    for (int n : nodes)
        if (n >= 0 && static_cast<std::size_t>(n) < f.size()) f[static_cast<std::size_t>(n)] = mode;
}

StructureRef refOf(const SceneIndex& index, int node) {
    const SceneNode* n = index.find(node);
    return n ? n->structure() : StructureRef{};
}

const char* groupOfKind(const std::string& kind) {
    if (kind == "skin") return "skin";
    if (kind == "muscle") return "muscles";
    if (kind == "bone") return "bones";
    return nullptr;
}

}  // namespace

StepScene resolveStep(const TourStep& step, const SceneIndex& index, const Catalogue& catalogue,
                      std::size_t nodeCount) {
    StepScene s;
    // From the view a model starts with (the fascia and organs as x-ray), unless the step shows them.
    s.visibility = index.startVisibility(nodeCount);
    for (const auto& id : step.show)
        setMode(s.visibility, resolveItem(id, index, catalogue, s.warnings), PickMode::Visible);
    for (const auto& id : step.ghost)
        setMode(s.visibility, resolveItem(id, index, catalogue, s.warnings), PickMode::Ghosted);
    for (const auto& id : step.hide)
        setMode(s.visibility, resolveItem(id, index, catalogue, s.warnings), PickMode::Hidden);
    if (step.select) {
        const auto nodes = resolveItem(*step.select, index, catalogue, s.warnings);
        if (!nodes.empty()) s.selected = refOf(index, nodes.front());
    }
    for (const auto& id : step.panels) {
        const StructureInfo* info = catalogue.find(stripSide(splitPanelRef(id).id));
        if (info && info->kind == "article") {
            // Kept with its section ("lower_back_strain#See a doctor"), one panel per article.
            const auto same = [&](const std::string& a) { return splitPanelRef(a).id == info->id; };
            if (std::none_of(s.articles.begin(), s.articles.end(), same)) s.articles.push_back(id);
            continue;
        }
        for (int n : resolveItem(id, index, catalogue, s.warnings)) {
            const StructureRef ref = refOf(index, n);
            if (ref.node != s.selected.node && std::find(s.panels.begin(), s.panels.end(), ref) == s.panels.end())
                s.panels.push_back(ref);
        }
    }
    s.explain = step.explain;
    return s;
}

std::vector<std::string> compactIds(const SceneIndex& index, const PickFilter& visibility, PickMode mode) {
    // Groups first: a group is used only when it has nodes and every one of them has the mode.
    std::vector<std::string> out;
    std::vector<std::string> fullGroups;
    for (const char* group : {"skin", "muscles", "bones"}) {
        bool any = false, all = true;
        for (const auto& n : index.nodes()) {
            const char* g = n.ref ? groupOfKind(n.kind) : nullptr;
            if (!g || std::string_view(g) != group) continue;
            any = true;
            all = all && modeOf(visibility, n.node) == mode;
        }
        if (any && all) fullGroups.emplace_back(group);
    }
    out = fullGroups;
    std::vector<std::string> doneIds;
    for (const auto& n : index.nodes()) {
        if (!n.ref || modeOf(visibility, n.node) != mode) continue;
        const char* g = groupOfKind(n.kind);
        if (g && std::find(fullGroups.begin(), fullGroups.end(), g) != fullGroups.end()) continue;
        const std::string& id = n.ref->id;
        if (std::find(doneIds.begin(), doneIds.end(), id) != doneIds.end()) continue;
        // Every instance of this structure in the model has the mode: the id alone (both sides).
        bool all = true;
        for (const auto& m : index.nodes())
            if (m.ref && m.ref->id == id && modeOf(visibility, m.node) != mode) all = false;
        // Tour files name catalogue ids, so one of several nodes of a structure (one lumbar vertebra)
        // is saved as the whole structure.
        if (all || n.ref->side == Side::None) {
            doneIds.push_back(id);
            out.push_back(id);
        } else {
            out.push_back(n.key);
        }
    }
    return out;
}

TourStep captureStep(const ViewCapture& view, const SceneIndex& index) {
    TourStep step;
    step.caption = view.caption;
    step.camera = view.pose;
    step.hide = compactIds(index, view.visibility, PickMode::Hidden);
    step.ghost = compactIds(index, view.visibility, PickMode::Ghosted);
    // Shown: only the structures that would otherwise start as x-ray.
    std::size_t size = 0;
    for (const auto& n : index.nodes()) size = std::max(size, static_cast<std::size_t>(n.node) + 1);
    PickFilter shown(size, PickMode::Hidden);
    for (const auto& n : index.nodes())
        if (n.startGhosted) shown[static_cast<std::size_t>(n.node)] = modeOf(view.visibility, n.node);
    step.show = compactIds(index, shown, PickMode::Visible);
    if (const SceneNode* n = index.find(view.selected); n && n->ref) step.select = n->key;
    for (NodeId node : view.panelNodes) {
        const SceneNode* n = index.find(node);
        if (n && n->ref && node != view.selected &&
            std::find(step.panels.begin(), step.panels.end(), n->key) == step.panels.end())
            step.panels.push_back(n->key);
    }
    step.explain = view.explain;
    step.pain = view.pain;
    step.painTime = view.painTime;
    step.posture = view.posture;
    return step;
}

CaptionFade captionFade(const TourPlayer& player) {
    CaptionFade f;
    f.step = player.current();
    if (f.step < 0 || !player.transitioning() || player.from() < 0) return f;
    const float p = player.progress();
    if (p < 0.5f) {
        f.step = player.from();
        f.alpha = 1.0f - 2.0f * p;
    } else {
        f.alpha = 2.0f * p - 1.0f;
    }
    return f;
}

}  // namespace la
