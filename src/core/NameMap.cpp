#include "core/NameMap.h"

#include <algorithm>
#include <cctype>

#include "core/TextUtil.h"

namespace la {

namespace {

bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isWordChar(char c, bool pattern) {
    return isLower(c) || isUpper(c) || isDigit(c) || static_cast<unsigned char>(c) >= 0x80 ||
           (pattern && (c == '*' || c == '?'));
}

bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), isDigit);
}

// Words of a name: split on anything that is not a letter or digit and at lower->Upper steps
// ("GluteusMedius"), lower-cased. Letters and digits stay together ("L3", "FMA22315").
std::vector<std::string> tokenize(std::string_view s, bool pattern) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : s) {
        if (!isWordChar(c, pattern)) {
            if (!cur.empty()) out.push_back(lower(cur)), cur.clear();
            continue;
        }
        if (!cur.empty() && isUpper(c) && isLower(cur.back())) out.push_back(lower(cur)), cur.clear();
        cur += c;
    }
    if (!cur.empty()) out.push_back(lower(cur));
    return out;
}

// Words that say nothing about which structure is meant.
bool isNoise(const std::string& t) {
    return t == "muscle" || t == "muscles" || t == "musculus" || t == "musculi" || t == "m" || t == "mm";
}

void dropNoise(std::vector<std::string>& tokens) {
    std::vector<std::string> kept;
    for (auto& t : tokens)
        if (!isNoise(t)) kept.push_back(t);
    if (!kept.empty()) tokens = std::move(kept);
}

// English and Latin side words ("M. gluteus medius sinister", "... dextra").
Side sideWord(const std::string& t) {
    if (t == "l" || t == "left" || t == "lt" || t == "sinister" || t == "sinistra" || t == "sinistrum" ||
        t == "sinistri")
        return Side::Left;
    if (t == "r" || t == "right" || t == "rt" || t == "dexter" || t == "dextra" || t == "dextrum" || t == "dextri")
        return Side::Right;
    return Side::None;
}

// BodyParts3D's file and part ids ("FJ618", "BP4582") say nothing about the structure.
bool isBodyParts3dToken(const std::string& t) {
    return t.size() > 2 && (t.compare(0, 2, "fj") == 0 || t.compare(0, 2, "bp") == 0) &&
           allDigits(std::string_view(t).substr(2));
}

std::string join(const std::vector<std::string>& tokens, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i) out += sep;
        out += tokens[i];
    }
    return out;
}

// '*' = any run of characters, '?' = one character.
bool globMatch(std::string_view pat, std::string_view s) {
    std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
    while (i < s.size()) {
        if (p < pat.size() && (pat[p] == '?' || pat[p] == s[i])) {
            ++p, ++i;
        } else if (p < pat.size() && pat[p] == '*') {
            star = p++;
            mark = i;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            i = ++mark;
        } else {
            return false;
        }
    }
    while (p < pat.size() && pat[p] == '*') ++p;
    return p == pat.size();
}

struct ParsedName {
    std::vector<std::string> tokens;
    std::vector<std::string> fma;
    Side side = Side::None;
};

ParsedName parseNodeName(std::string_view raw) {
    // Blender duplicates: "name.001", possibly repeated.
    for (;;) {
        std::size_t dot = raw.rfind('.');
        if (dot == std::string_view::npos || raw.size() - dot - 1 < 3 || !allDigits(raw.substr(dot + 1))) break;
        raw = raw.substr(0, dot);
    }
    ParsedName p;
    auto tokens = tokenize(raw, false);
    // FMA ids: "fma22315", or "fma" followed by a number.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        if (t.size() > 3 && t.compare(0, 3, "fma") == 0 && allDigits(std::string_view(t).substr(3))) {
            p.fma.push_back(t.substr(3));
        } else if (t == "fma" && i + 1 < tokens.size() && allDigits(tokens[i + 1])) {
            p.fma.push_back(tokens[++i]);
        } else if (!isBodyParts3dToken(t)) {
            p.tokens.push_back(t);
        }
    }
    if (p.tokens.size() > 1) {
        if (Side s = sideWord(p.tokens.back()); s != Side::None) {
            p.side = s;
            p.tokens.pop_back();
        }
    }
    if (p.tokens.size() > 1) {
        if (Side s = sideWord(p.tokens.front()); s != Side::None) {
            if (p.side == Side::None) p.side = s;
            p.tokens.erase(p.tokens.begin());
        }
    }
    dropNoise(p.tokens);
    return p;
}

bool containsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
    if (needle.empty() || needle.size() > hay.size()) return false;
    return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

}  // namespace

std::string CatalogueRef::key() const {
    return instanceKey(id, side);
}

CatalogueRef parseInstanceKey(std::string_view key) {
    CatalogueRef r;
    if (key.size() > 2 && key[key.size() - 2] == '.') {
        char s = key.back();
        if (s == 'L' || s == 'l') r.side = Side::Left;
        if (s == 'R' || s == 'r') r.side = Side::Right;
        if (r.side != Side::None) key.remove_suffix(2);
    }
    r.id = std::string(key);
    return r;
}

NameMap::NameMap(const Catalogue& catalogue) {
    const auto& all = catalogue.entries();
    for (const auto& e : all) entries_.push_back({e.id, e.sided});
    // Passes in priority order: a key claimed by an earlier pass stays with its first owner.
    for (std::size_t i = 0; i < all.size(); ++i) addKey(all[i].id, i, 0, false);
    for (std::size_t i = 0; i < all.size(); ++i) addKey(all[i].name, i, 1, false);
    for (std::size_t i = 0; i < all.size(); ++i) addKey(all[i].latin, i, 2, false);
    for (std::size_t i = 0; i < all.size(); ++i)
        for (const auto& a : all[i].aliases) addKey(a, i, 3, false);
    for (std::size_t i = 0; i < all.size(); ++i)
        for (const auto& p : all[i].patterns) addKey(p, i, 3, true);
    for (std::size_t i = 0; i < all.size(); ++i)
        for (const auto& f : all[i].fma) {
            const auto detail = all[i].fmaDetail.find(f);
            auto [it, inserted] =
                fma_.emplace(f, FmaKey{i, detail == all[i].fmaDetail.end() ? FmaDetail{} : detail->second});
            if (!inserted && it->second.entry != i)
                conflicts_.push_back("FMA" + f + " of '" + all[i].id + "' already belongs to '" +
                                     entries_[it->second.entry].id + "'");
        }
}

void NameMap::addKey(std::string_view text, std::size_t entry, int pass, bool allowGlob) {
    bool glob = allowGlob && text.find_first_of("*?") != std::string_view::npos;
    auto tokens = tokenize(text, glob);
    dropNoise(tokens);
    if (tokens.empty()) return;
    if (glob) {
        globs_.push_back({join(tokens, " "), entry});
        return;
    }
    std::string compact = join(tokens, "");
    auto [it, inserted] = exact_.emplace(compact, ExactKey{entry, pass});
    if (!inserted && it->second.entry != entry) {
        // An earlier pass (id, then name, then latin, then aliases and patterns) keeps the key;
        // within one pass nobody does.
        const bool ambiguous = it->second.pass == pass;
        conflicts_.push_back(
            "'" + std::string(text) + "' of '" + entries_[entry].id + "' also names '" +
            (it->second.entry == kAmbiguous ? std::string("another structure") : entries_[it->second.entry].id) +
            (ambiguous ? "' (now matches neither)" : "' (which keeps it)"));
        if (ambiguous) it->second.entry = kAmbiguous;
    }
    phrases_.push_back({std::move(tokens), compact.size(), entry});
}

CatalogueRef NameMap::refFor(std::size_t entry, Side side) const {
    const Entry& e = entries_[entry];
    return {e.id, e.sided ? side : Side::None};
}

std::optional<CatalogueRef> NameMap::map(std::string_view nodeName) const {
    auto m = match(nodeName);
    return m ? std::optional(m->ref) : std::nullopt;
}

std::optional<NameMatch> NameMap::match(std::string_view nodeName) const {
    ParsedName p = parseNodeName(nodeName);
    // A per-side FMA id is the most precise statement of the side a name can make.
    for (const auto& f : p.fma)
        if (auto it = fma_.find(f); it != fma_.end()) {
            const Side side = it->second.detail.side != Side::None ? it->second.detail.side : p.side;
            return NameMatch{refFor(it->second.entry, side), it->second.detail.part};
        }
    if (p.tokens.empty()) return std::nullopt;
    if (auto it = exact_.find(join(p.tokens, "")); it != exact_.end()) {
        if (it->second.entry == kAmbiguous) return std::nullopt;
        return NameMatch{refFor(it->second.entry, p.side), {}};
    }
    const std::string spaced = join(p.tokens, " ");
    for (const auto& g : globs_)
        if (globMatch(g.pattern, spaced)) return NameMatch{refFor(g.entry, p.side), {}};
    // Fallback: the longest known name contained word for word in the node name ("Tendon of gluteus
    // medius"); short names (< 4 letters, e.g. "QL") are too easily found by accident.
    const Phrase* best = nullptr;
    bool ambiguous = false;
    for (const auto& ph : phrases_) {
        if (ph.chars < 4 || !containsRun(p.tokens, ph.tokens)) continue;
        if (!best || ph.tokens.size() > best->tokens.size() ||
            (ph.tokens.size() == best->tokens.size() && ph.chars > best->chars)) {
            best = &ph;
            ambiguous = false;
        } else if (ph.tokens.size() == best->tokens.size() && ph.chars == best->chars && ph.entry != best->entry) {
            ambiguous = true;
        }
    }
    if (!best || ambiguous) return std::nullopt;
    return NameMatch{refFor(best->entry, p.side), {}};
}

Result<std::vector<CatalogueRef>> parseIdList(std::string_view list, const Catalogue& catalogue) {
    std::vector<CatalogueRef> out;
    auto push = [&out](CatalogueRef r) {
        if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(std::move(r));
    };
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        std::size_t end = comma == std::string_view::npos ? list.size() : comma;
        std::string_view item = list.substr(start, end - start);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
        start = end + 1;
        if (!item.empty()) {
            std::string word = lower(item);
            std::string kind = word == "skin"        ? "skin"
                               : word == "bones"     ? "bone"
                               : word == "muscles"   ? "muscle"
                               : word == "fascia"    ? "fascia"
                               : word == "ligaments" ? "ligament"
                               : word == "organs"    ? "organ"
                               : word == "nerves"    ? "nerve"
                               : word == "vessels"   ? "vessel"
                               : word == "articles"  ? "article"
                                                     : "";
            if (!kind.empty()) {
                for (const StructureInfo* e : catalogue.ofKind(kind)) push({e->id, Side::None});
                if (catalogue.contains(word)) push({word, Side::None});
            } else {
                CatalogueRef r = parseInstanceKey(item);
                const StructureInfo* e = catalogue.find(r.id);
                for (const auto& candidate : catalogue.entries())
                    if (!e && lower(candidate.id) == lower(r.id)) e = &candidate;
                if (e) r.id = e->id;
                if (!e)
                    return Error{"'" + std::string(item) +
                                 "' is not a structure id or a group (skin, fascia, muscles, ligaments, bones, organs, "
                                 "nerves, vessels)"};
                if (r.side != Side::None && !e->sided)
                    return Error{"'" + std::string(item) + "': " + e->id + " has no left and right"};
                push(std::move(r));
            }
        }
        if (comma == std::string_view::npos) break;
    }
    return out;
}

bool listSelects(const std::vector<CatalogueRef>& list, const CatalogueRef& ref) {
    return std::any_of(list.begin(), list.end(), [&](const CatalogueRef& e) {
        return e.id == ref.id && (e.side == Side::None || e.side == ref.side);
    });
}

std::vector<std::string> instanceKeys(const std::vector<CatalogueRef>& list, const Catalogue& catalogue) {
    std::vector<std::string> out;
    auto push = [&out](std::string k) {
        if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(std::move(k));
    };
    for (const auto& r : list) {
        const StructureInfo* e = catalogue.find(r.id);
        if (r.side == Side::None && e && e->sided) {
            push(instanceKey(r.id, Side::Left));
            push(instanceKey(r.id, Side::Right));
        } else {
            push(r.key());
        }
    }
    return out;
}

}  // namespace la
