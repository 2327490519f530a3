#pragma once
// Everything the viewer knows about the named structures (muscles, bones, skin, articles),
// one entry per content/structures/<id>.md. Loaded by la::io::loadCatalogueDir.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/RichText.h"
#include "core/Side.h"

namespace la {

// What one FMA id of a structure stands for when it is not the generic id: one side (BodyParts3D
// gives the left and right muscle ids of their own) and/or one part ("L1" of the lumbar vertebrae).
struct FmaDetail {
    Side side = Side::None;
    std::string part;
    bool operator==(const FmaDetail&) const = default;
};

struct StructureInfo {
    std::string id;    // snake_case (letters, digits, '_', '-'), unique; case matters
    std::string name;  // display name
    std::string latin;
    std::vector<std::string> fma;                // every FMA id, generic and per side, digits only ("15569")
    std::map<std::string, FmaDetail> fmaDetail;  // ids of `fma` that name one side or part ("22349 left")
    std::string kind;   // muscle | bone | skin | fascia | ligament | organ | nerve | vessel | article
    int layer = 0;      // 0 = skin (outermost); larger = deeper
    std::string group;  // Skin | Fascia | Muscles | Ligaments | Bones | Organs | Nerves and vessels | Articles
    bool featured = false;
    bool sided = false;  // exists as <id>.L and <id>.R
    // Shown as x-ray when a model is loaded and when a tour step starts ("start: ghosted"): a sheet over what
    // the viewer is about (the thoracolumbar fascia over the erector spinae) or an organ in front of it.
    bool startGhosted = false;
    std::vector<std::string> aliases;
    std::vector<std::string> patterns;        // extra node-name patterns ('*' and '?' wildcards allowed)
    std::string reviewed;                     // date the text was last checked, YYYY-MM-DD ("" = never)
    std::vector<std::string> checkedAgainst;  // the sources it was checked against
    RichText body;
    std::string sourcePath;  // file it was read from (empty when built in code)
};

class Catalogue {
public:
    // Adds an entry; false (and nothing changes) when its id is empty or already present.
    bool add(StructureInfo info);
    // nullptr when absent.
    const StructureInfo* find(std::string_view id) const;
    bool contains(std::string_view id) const { return find(id) != nullptr; }

    const std::vector<StructureInfo>& entries() const { return entries_; }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

    // Entries of one kind ("muscle", "bone", ...), in catalogue order.
    std::vector<const StructureInfo*> ofKind(std::string_view kind) const;
    std::vector<const StructureInfo*> featured() const;

private:
    std::vector<StructureInfo> entries_;
    std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace la
