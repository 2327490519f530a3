#pragma once
// Model node names -> catalogue structures. Accepts our own names (gluteus_medius.L), BodyParts3D
// (FJ618_BP4582_FMA22349_Left_quadratus_lumborum, "FJ30_BP4181_FMA16587_Left hip bone": the FJ/BP
// tokens are ignored, the FMA id is looked up first, per-side ids give the side), Z-Anatomy / Blender
// names ("Gluteus medius muscle.l", gluteus_medius_left, ... .001) and English or Latin forms ("Left
// gluteus medius", "M. quadratus lumborum dexter"), case- and separator-insensitively.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/Catalogue.h"
#include "core/Result.h"
#include "core/Side.h"

namespace la {

// A catalogue entry and side, by name: the same in every model (tours and id lists name structures so).
// core/Ids.h StructureRef is the same structure as one loaded model shows it.
struct CatalogueRef {
    std::string id;
    Side side = Side::None;

    // "id.L", "id.R", or "id" when the side is None.
    std::string key() const;
    bool operator==(const CatalogueRef&) const = default;
};

// "quadratus_lumborum.L" -> {quadratus_lumborum, Left}; "sacrum" -> {sacrum, None}. No catalogue check.
CatalogueRef parseInstanceKey(std::string_view key);

// What a node name was found to stand for: the structure and, for structures shown by several nodes,
// which one ("L1", from the catalogue's FMA list).
struct NameMatch {
    CatalogueRef ref;
    std::string part;
};

class NameMap {
public:
    NameMap() = default;
    explicit NameMap(const Catalogue& catalogue);

    // The structure a node name stands for, or nullopt when nothing matches (or two structures match
    // equally well). The side is kept only for structures marked `sided`.
    std::optional<CatalogueRef> map(std::string_view nodeName) const;
    std::optional<NameMatch> match(std::string_view nodeName) const;

    // Names claimed by more than one entry, for diagnostics. A name used as an id, display name or
    // latin name of one entry beats the same name as another's alias or pattern; two aliases or two
    // patterns of the same name make it match neither.
    const std::vector<std::string>& conflicts() const { return conflicts_; }

private:
    struct Entry {
        std::string id;
        bool sided = false;
    };
    struct Phrase {
        std::vector<std::string> tokens;
        std::size_t chars = 0;
        std::size_t entry = 0;
    };
    struct Glob {
        std::string pattern;  // normalised, tokens joined by single spaces
        std::size_t entry = 0;
    };
    struct ExactKey {
        std::size_t entry = 0;  // kAmbiguous when two entries claim the key in the same pass
        int pass = 0;
    };
    static constexpr std::size_t kAmbiguous = static_cast<std::size_t>(-1);
    void addKey(std::string_view text, std::size_t entry, int pass, bool allowGlob);
    CatalogueRef refFor(std::size_t entry, Side side) const;

    std::vector<Entry> entries_;
    std::unordered_map<std::string, ExactKey> exact_;  // compact key (no separators) -> entry
    struct FmaKey {
        std::size_t entry = 0;
        FmaDetail detail;
    };
    std::unordered_map<std::string, FmaKey> fma_;  // FMA digits -> entry, side and part
    std::vector<Phrase> phrases_;
    std::vector<Glob> globs_;
    std::vector<std::string> conflicts_;
};

// Command-line / tour lists: "quadratus_lumborum.L, skin, bones". An id without a side means both
// sides (side None); the groups skin, fascia, muscles, ligaments, bones, organs, nerves, vessels, articles
// expand to every entry of that kind.
// Unknown names are an error naming the item.
Result<std::vector<CatalogueRef>> parseIdList(std::string_view list, const Catalogue& catalogue);
// True when `ref` is selected by `list` (an entry with side None selects every side).
bool listSelects(const std::vector<CatalogueRef>& list, const CatalogueRef& ref);
// The instance keys a list stands for: sided entries without a side expand to "id.L" and "id.R".
std::vector<std::string> instanceKeys(const std::vector<CatalogueRef>& list, const Catalogue& catalogue);

}  // namespace la
