#pragma once
// Typed ids of a model's parts that remember which load they came from: an index plus the model's
// generation (Model::generation, new for every load). An id kept across a reload (a selection, a panel,
// a tour step's structures, an anchor cache, a pick result) does not match the new model, so every
// lookup by id (Model::node, SceneIndex::find, ...) rejects it instead of returning whatever now sits at
// that index. NodeId and MeshId do not mix (different types).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>

namespace la {

template <class Tag>
class Id {
public:
    Id() = default;  // names nothing
    Id(std::size_t index, std::uint64_t generation)
        : index_(static_cast<std::uint32_t>(index)), generation_(generation) {}
    bool valid() const { return index_ != kNone; }
    explicit operator bool() const { return valid(); }
    // The position in the model's array; use it only after the model has accepted the id (owns()).
    std::size_t index() const { return index_; }
    std::uint64_t generation() const { return generation_; }
    // Whether the id was made for a model of this generation with `count` entries.
    bool belongsTo(std::uint64_t generation, std::size_t count) const {
        return valid() && generation_ == generation && index_ < count;
    }
    friend bool operator==(const Id& a, const Id& b) = default;

private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t index_ = kNone;
    std::uint64_t generation_ = 0;
};

struct NodeTag;
struct MeshTag;
using NodeId = Id<NodeTag>;
using MeshId = Id<MeshTag>;

// A catalogue structure as one loaded model shows it: its instance key ("gluteus_medius.L", or the
// node's own name when unmapped) and its node there. The key survives a reload; the node does not.
struct StructureRef {
    std::string key;
    NodeId node;
    bool valid() const { return node.valid(); }
    friend bool operator==(const StructureRef& a, const StructureRef& b) = default;
};

}  // namespace la

template <class Tag>
struct std::hash<la::Id<Tag>> {
    std::size_t operator()(const la::Id<Tag>& id) const noexcept {
        return std::hash<std::uint64_t>{}(id.generation() * 0x9E3779B97F4A7C15ull ^ id.index());
    }
};
