#include "core/Catalogue.h"

namespace la {

bool Catalogue::add(StructureInfo info) {
    if (info.id.empty() || index_.count(info.id) != 0) return false;
    index_.emplace(info.id, entries_.size());
    entries_.push_back(std::move(info));
    return true;
}

const StructureInfo* Catalogue::find(std::string_view id) const {
    auto it = index_.find(std::string(id));
    return it == index_.end() ? nullptr : &entries_[it->second];
}

std::vector<const StructureInfo*> Catalogue::ofKind(std::string_view kind) const {
    std::vector<const StructureInfo*> out;
    for (const auto& e : entries_)
        if (e.kind == kind) out.push_back(&e);
    return out;
}

std::vector<const StructureInfo*> Catalogue::featured() const {
    std::vector<const StructureInfo*> out;
    for (const auto& e : entries_)
        if (e.featured) out.push_back(&e);
    return out;
}

}  // namespace la
