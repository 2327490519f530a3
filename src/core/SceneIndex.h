#pragma once
// Which structure each mesh node of a model shows, and the reverse: the nodes of a structure, an id,
// or a group. Built once per model load from the catalogue's name mapping; nodes that map to nothing
// stay pickable under their own names.
#include <optional>
#include <string>
#include <vector>

#include "core/Catalogue.h"
#include "core/Model.h"
#include "core/NameMap.h"
#include "core/Pick.h"
#include "core/Result.h"

namespace la {

struct SceneNode {
    int node = -1;                    // index into the model's nodes (and per-node vectors such as PickFilter)
    NodeId id;                        // the same node as a typed id of this model's generation
    std::optional<CatalogueRef> ref;  // empty when unmapped
    std::string key;                  // instance key ("gluteus_medius.L") or the node's own name
    std::string name;                 // the node's own name in the model ("vertebra_L3")
    bool sharedKey = false;           // several nodes show this one structure (five lumbar vertebrae)
    std::string part;                 // which of them, when shared ("L3"): from the catalogue or the name
    std::string label;                // "Gluteus medius (left)", "Lumbar vertebra (L3)"
    std::string kind;                 // muscle | bone | skin | fascia | ligament | organ | nerve | vessel | other
    std::string group;                // Skin | Fascia | Muscles | ... | Other (kGroupOrder)
    int layer = 0;
    bool featured = false;
    bool startGhosted = false;            // x-ray when the model is loaded (catalogue "start: ghosted")
    const StructureInfo* info = nullptr;  // catalogue entry, when mapped

    // What names this one node to a person or a script: the key; when shared, a node name of our own
    // convention ("vertebra_L3"), else the key and the part ("lumbar_vertebra:L1" for BodyParts3D's
    // "FJ135_BP4166_FMA13072_First lumbar vertebra").
    std::string uniqueName() const;
    // This structure as the model shows it: its key and node.
    StructureRef structure() const { return {key, id}; }
};

// The words of a node name that its structure's id does not already say, for telling the nodes of a
// shared structure apart: ("vertebra_L3", "lumbar_vertebra") -> "L3"; ("disc_T12_L1",
// "intervertebral_disc") -> "T12/L1". Empty when nothing is left.
std::string distinguishingPart(std::string_view nodeName, std::string_view id);

class SceneIndex {
public:
    SceneIndex() = default;
    SceneIndex(const Model& model, const Catalogue& catalogue);

    // Mesh nodes only, in node order.
    const std::vector<SceneNode>& nodes() const { return nodes_; }
    // nullptr when the node has no mesh.
    const SceneNode* find(int node) const;
    // nullptr also for an id of another model (kept from before a reload).
    const SceneNode* find(NodeId node) const;
    // The typed id of a node index of this model (invalid when out of range).
    NodeId idOf(int node) const;
    std::uint64_t generation() const { return generation_; }
    const SceneNode* findKey(std::string_view key) const;
    // Nodes selected by a list from parseIdList (an id without a side selects both sides; groups expand).
    std::vector<int> resolve(const std::vector<CatalogueRef>& list) const;
    // Parses "id,id.L,bones" against the catalogue and also accepts raw node names; error names the item.
    Result<std::vector<int>> resolveText(std::string_view list, const Catalogue& catalogue) const;
    int deepestLayer() const;
    // How every node starts (Visible, or Ghosted for the structures that start as x-ray), sized to nodeCount:
    // the view when a model is loaded and what a tour step's hide and ghost lists are applied to.
    PickFilter startVisibility(std::size_t nodeCount) const;

private:
    std::uint64_t generation_ = 0;
    std::vector<SceneNode> nodes_;
    std::vector<int> byNode_;  // node index -> index into nodes_, -1 without mesh
};

std::string sideLabel(Side side);  // "left", "right", ""

// The groups of the structure list, outermost first; groups not named here follow in name order.
inline constexpr const char* kGroupOrder[] = {
    "Skin", "Fascia", "Muscles", "Ligaments", "Bones", "Organs", "Nerves and vessels", "Other"};

// What rendering and picking use: the user's per-node choice, with the layers shallower than
// `peelDepth` hidden (peeling from the skin, layer 0, inwards). Sized to cover every indexed node.
PickFilter effectiveVisibility(const SceneIndex& index, const PickFilter& chosen, int peelDepth);

}  // namespace la
