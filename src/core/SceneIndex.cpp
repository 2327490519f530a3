#include "core/SceneIndex.h"

#include <algorithm>
#include <cctype>

#include "core/TextList.h"

namespace la {

std::string sideLabel(Side side) {
    return side == Side::Left ? "left" : side == Side::Right ? "right" : "";
}

namespace {
std::string groupOfKind(const std::string& kind) {
    if (kind == "skin") return "Skin";
    if (kind == "muscle") return "Muscles";
    if (kind == "bone") return "Bones";
    if (kind == "fascia") return "Fascia";
    if (kind == "ligament") return "Ligaments";
    if (kind == "organ") return "Organs";
    if (kind == "nerve" || kind == "vessel") return "Nerves and vessels";
    return "Other";
}
}  // namespace

SceneIndex::SceneIndex(const Model& model, const Catalogue& catalogue) : generation_(model.generation) {
    const NameMap names(catalogue);
    byNode_.assign(model.nodes.size(), -1);
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node& n = model.nodes[i];
        if (n.mesh < 0) continue;
        SceneNode s;
        s.node = static_cast<int>(i);
        s.id = model.nodeId(i);
        s.name = n.name;
        const auto match = names.match(n.name);
        if (match) {
            s.ref = match->ref;
            s.part = match->part;
            s.info = catalogue.find(s.ref->id);
        }
        if (s.info) {
            s.key = s.ref->key();
            const std::string side = sideLabel(s.ref->side);
            s.label = s.info->name + (side.empty() ? "" : " (" + side + ")");
            s.kind = s.info->kind;
            s.layer = s.info->layer;
            s.featured = s.info->featured;
            s.startGhosted = s.info->startGhosted;
            s.group = s.info->group.empty() ? groupOfKind(s.kind) : s.info->group;
        } else {
            s.ref.reset();
            s.key = n.name;
            s.label = n.name;
            s.kind = n.extra("kind", "other");
            s.group = groupOfKind(s.kind);
            try {
                s.layer = std::stoi(n.extra("layer", "0"));
            } catch (...) {
                s.layer = 0;
            }
        }
        byNode_[i] = static_cast<int>(nodes_.size());
        nodes_.push_back(std::move(s));
    }
    // Structures shown by several nodes (the five lumbar vertebrae, the discs): each node gets a label
    // of its own and is named by its node name in --pick output and id lists.
    for (auto& a : nodes_) {
        if (!a.ref) continue;
        for (const auto& b : nodes_)
            if (&a != &b && b.ref && b.key == a.key) a.sharedKey = true;
        if (!a.sharedKey) continue;
        if (a.part.empty()) a.part = distinguishingPart(a.name, a.ref->id);
        if (!a.part.empty()) a.label += " (" + a.part + ")";
    }
}

std::string distinguishingPart(std::string_view nodeName, std::string_view id) {
    auto words = [](std::string_view text) {
        std::vector<std::string> out;
        std::string w;
        for (char c : text) {
            if (c == '_' || c == '.' || c == '-' || c == ' ') {
                if (!w.empty()) out.push_back(w);
                w.clear();
            } else {
                w += c;
            }
        }
        if (!w.empty()) out.push_back(w);
        return out;
    };
    auto lower = [](std::string w) {
        for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return w;
    };
    std::vector<std::string> idWords;
    for (const auto& w : words(id)) idWords.push_back(lower(w));
    // BodyParts3D's FJ/BP/FMA ids are not a part name.
    auto isIdToken = [&lower](const std::string& w) {
        const std::string l = lower(w);
        for (const char* prefix : {"fj", "bp", "fma"}) {
            const std::size_t n = std::char_traits<char>::length(prefix);
            if (l.size() > n && l.compare(0, n, prefix) == 0 &&
                std::all_of(l.begin() + static_cast<std::ptrdiff_t>(n), l.end(),
                            [](char c) { return c >= '0' && c <= '9'; }))
                return true;
        }
        return false;
    };
    std::string out;
    for (const auto& w : words(nodeName)) {
        if (isIdToken(w) || std::find(idWords.begin(), idWords.end(), lower(w)) != idWords.end()) continue;
        out += (out.empty() ? "" : "/") + w;
    }
    return out;
}

const SceneNode* SceneIndex::find(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) >= byNode_.size() || byNode_[static_cast<std::size_t>(node)] < 0)
        return nullptr;
    return &nodes_[static_cast<std::size_t>(byNode_[static_cast<std::size_t>(node)])];
}

const SceneNode* SceneIndex::find(NodeId node) const {
    if (!node.belongsTo(generation_, byNode_.size())) return nullptr;
    return find(static_cast<int>(node.index()));
}

NodeId SceneIndex::idOf(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) >= byNode_.size()) return {};
    return NodeId(static_cast<std::size_t>(node), generation_);
}

const SceneNode* SceneIndex::findKey(std::string_view key) const {
    for (const auto& n : nodes_)
        if (n.key == key) return &n;
    return nullptr;
}

std::vector<int> SceneIndex::resolve(const std::vector<CatalogueRef>& list) const {
    std::vector<int> out;
    for (const auto& n : nodes_)
        if (n.ref && listSelects(list, *n.ref)) out.push_back(n.node);
    return out;
}

Result<std::vector<int>> SceneIndex::resolveText(std::string_view list, const Catalogue& catalogue) const {
    std::vector<int> out;
    for (const std::string& item : splitCommaList(list)) {
        std::vector<int> nodes;
        const auto byName = std::find_if(nodes_.begin(), nodes_.end(), [&](const SceneNode& n) {
            return n.sharedKey && (n.name == item || n.uniqueName() == item);
        });
        if (const SceneNode* raw = findKey(item); raw && !raw->ref) {
            nodes.push_back(raw->node);  // an unmapped node, by its own name
        } else if (byName != nodes_.end()) {
            nodes.push_back(byName->node);  // one node of a shared structure ("vertebra_L3")
        } else {
            auto refs = parseIdList(item, catalogue);
            if (!refs) return Error{refs.error()};
            nodes = resolve(*refs);
            if (nodes.empty()) return Error{"'" + item + "' is not in this model"};
        }
        for (int n : nodes)
            if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
}

int SceneIndex::deepestLayer() const {
    int d = 0;
    for (const auto& n : nodes_) d = std::max(d, n.layer);
    return d;
}

PickFilter SceneIndex::startVisibility(std::size_t nodeCount) const {
    PickFilter f(nodeCount, PickMode::Visible);
    for (const auto& n : nodes_)
        if (n.startGhosted && static_cast<std::size_t>(n.node) < nodeCount)
            f[static_cast<std::size_t>(n.node)] = PickMode::Ghosted;
    return f;
}

}  // namespace la

namespace la {

PickFilter effectiveVisibility(const SceneIndex& index, const PickFilter& chosen, int peelDepth) {
    PickFilter f = chosen;
    for (const auto& n : index.nodes()) {
        const auto i = static_cast<std::size_t>(n.node);
        if (i >= f.size()) f.resize(i + 1, PickMode::Visible);
        if (n.layer < peelDepth) f[i] = PickMode::Hidden;
    }
    return f;
}

}  // namespace la

namespace la {

std::string SceneNode::uniqueName() const {
    if (!sharedKey) return key;
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
    });
    const bool fmaToken = name.find("FMA") != std::string::npos || name.find("fma") != std::string::npos;
    if ((plain && !fmaToken) || part.empty()) return name;
    return key + ":" + part;
}

}  // namespace la
