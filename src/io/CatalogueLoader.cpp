#include "io/CatalogueLoader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "core/TextList.h"
#include "core/TextUtil.h"
#include "io/JsonText.h"

namespace la::io {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- small string helpers

// '#' starts a comment at the start of the line or after white space (so "C#" or URLs survive).
std::string_view stripComment(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
    return line;
}

// One item of the `fma` list: "15569" or "FMA15569", optionally followed by one word saying what the
// id stands for: "left" or "right" (a per-side id, as BodyParts3D has), or a part name ("13072 L1").
Result<std::pair<std::string, FmaDetail>> parseFmaItem(std::string_view item) {
    std::string_view rest = trim(item);
    if (rest.size() >= 3 && lower(rest.substr(0, 3)) == "fma") rest = trim(rest.substr(3));
    if (!rest.empty() && rest[0] == ':') rest = trim(rest.substr(1));
    std::size_t n = 0;
    while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
    if (n == 0) return Error{"is not an FMA number"};
    std::pair<std::string, FmaDetail> out{std::string(rest.substr(0, n)), {}};
    const std::string_view word = trim(rest.substr(n));
    if (word.empty()) return out;
    if (n < rest.size() && rest[n] != ' ' && rest[n] != '\t') return Error{"is not an FMA number"};
    if (word.find_first_of(" \t") != std::string_view::npos)
        return Error{"has more than one word after the number (left, right or a part name such as L1)"};
    const std::string w = lower(word);
    if (w == "left")
        out.second.side = Side::Left;
    else if (w == "right")
        out.second.side = Side::Right;
    else
        out.second.part = std::string(word);
    return out;
}

// YYYY-MM-DD with a month 1..12 and a day 1..31.
bool isIsoDate(std::string_view v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (v[i] < '0' || v[i] > '9') return false;
    const int month = (v[5] - '0') * 10 + (v[6] - '0');
    const int day = (v[8] - '0') * 10 + (v[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// ---------------------------------------------------------------- front matter values

bool parseBool(std::string_view v, bool& out) {
    std::string s = lower(v);
    if (s == "true" || s == "yes" || s == "1") return out = true, true;
    if (s == "false" || s == "no" || s == "0") return out = false, true;
    return false;
}

bool validId(std::string_view id) {
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool isStructureFile(const fs::path& p) {
    return lower(p.extension().string()) == ".md" && lower(p.filename().string()) != "readme.md";
}

}  // namespace

// ---------------------------------------------------------------- public

Result<StructureInfo> parseStructureText(std::string_view text, const std::string& path,
                                         std::vector<std::string>* warnings) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    auto lines = splitLines(text);
    // A file of many bad lines gives a few warnings and a count, not one line each.
    constexpr int kMaxWarnings = 20;
    int warned = 0;
    auto warn = [&](int line, const std::string& what) {
        if (!warnings || ++warned > kMaxWarnings + 1) return;
        warnings->push_back(where(path, line) + (warned > kMaxWarnings ? "more warnings left out" : what));
    };
    if (lines.empty() || trim(lines[0]) != "---")
        return Error{where(path, 1) + "expected '---' on the first line (front matter)"};
    std::size_t close = 0;
    for (std::size_t i = 1; i < lines.size() && close == 0; ++i)
        if (trim(lines[i]) == "---") close = i;
    if (close == 0) return Error{where(path, 1) + "front matter is not closed by a '---' line"};
    const int closeLine = static_cast<int>(close) + 1;

    StructureInfo info;
    info.sourcePath = path;
    std::unordered_set<std::string> seen;  // a hash set: files of many keys stay linear
    for (std::size_t i = 1; i < close; ++i) {
        const int ln = static_cast<int>(i) + 1;
        std::string_view line = trim(stripComment(lines[i]));
        if (line.empty()) continue;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            return Error{where(path, ln) + "expected 'key: value', got '" + std::string(line) + "'"};
        std::string key = lower(trim(line.substr(0, colon)));
        std::string_view value = trim(line.substr(colon + 1));
        if (key.empty()) return Error{where(path, ln) + "missing key before ':'"};
        if (!seen.insert(key).second) warn(ln, "key '" + key + "' repeated; the last one wins");

        if (key == "id") {
            if (!validId(value))
                return Error{where(path, ln) + "id '" + std::string(value) +
                             "' may hold only letters, digits, '_' and '-'"};
            info.id = value;
        } else if (key == "name") {
            info.name = value;
        } else if (key == "latin") {
            info.latin = value;
        } else if (key == "fma") {
            info.fma.clear();
            info.fmaDetail.clear();
            for (auto& item : splitCommaList(value)) {
                auto parsed = parseFmaItem(item);
                if (!parsed) return Error{where(path, ln) + "fma: '" + item + "' " + parsed.error()};
                info.fma.push_back(parsed->first);
                if (parsed->second != FmaDetail{}) info.fmaDetail[parsed->first] = parsed->second;
            }
        } else if (key == "kind") {
            info.kind = lower(value);
            constexpr const char* kKinds[] = {"muscle", "bone",  "skin",   "fascia", "ligament",
                                              "organ",  "nerve", "vessel", "article"};
            if (std::none_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return info.kind == k; }))
                warn(ln, "kind '" + info.kind +
                             "' is not one of muscle, bone, skin, fascia, ligament, organ, nerve, vessel, article");
        } else if (key == "layer") {
            int layer = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), layer);
            if (value.empty() || ec != std::errc() || ptr != value.data() + value.size())
                return Error{where(path, ln) + "layer: '" + std::string(value) + "' is not an integer"};
            if (layer < 0) return Error{where(path, ln) + "layer: must be 0 or more, got " + std::string(value)};
            info.layer = layer;
        } else if (key == "group") {
            info.group = value;
        } else if (key == "featured" || key == "sided") {
            bool flag = false;
            if (!parseBool(value, flag))
                return Error{where(path, ln) + key + ": '" + std::string(value) + "' is not true or false"};
            (key == "featured" ? info.featured : info.sided) = flag;
        } else if (key == "start") {
            const std::string how = lower(value);
            if (how != "ghosted" && how != "shown")
                return Error{where(path, ln) + "start: '" + std::string(value) + "' is not ghosted or shown"};
            info.startGhosted = how == "ghosted";
        } else if (key == "aliases") {
            info.aliases = splitCommaList(value);
        } else if (key == "patterns") {
            info.patterns = splitCommaList(value);
        } else if (key == "reviewed") {
            if (!isIsoDate(value))
                return Error{where(path, ln) + "reviewed: '" + std::string(value) + "' is not a date YYYY-MM-DD"};
            info.reviewed = value;
        } else if (key == "checked_against") {
            info.checkedAgainst = splitCommaList(value);
        } else {
            warn(ln, "unknown key '" + key + "' (ignored)");
        }
    }
    if (info.id.empty()) return Error{where(path, closeLine) + "front matter has no 'id'"};
    if (info.name.empty()) return Error{where(path, closeLine) + "front matter has no 'name'"};
    if (info.kind.empty()) warn(closeLine, "front matter has no 'kind'");
    std::string stem = fs::path(path).stem().string();
    if (!path.empty() && stem != info.id) warn(1, "id '" + info.id + "' differs from the file name '" + stem + "'");

    // Body: everything after the closing line.
    std::size_t offset = static_cast<std::size_t>(lines[close].data() - text.data()) + lines[close].size();
    std::size_t nl = text.find('\n', offset);
    std::string_view body = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    auto rich = parseMarkdown(body, path, closeLine + 1);
    if (!rich) return Error{rich.error()};
    info.body = std::move(rich.value());
    return info;
}

Result<StructureInfo> loadStructureFile(const std::string& path, std::vector<std::string>* warnings) {
    auto text = readTextFile(path);
    if (!text) return Error{text.error()};
    return parseStructureText(*text, path, warnings);
}

CatalogueLoad loadCatalogueDir(const std::string& dir, const Catalogue* previous) {
    CatalogueLoad load;
    std::error_code ec;
    std::vector<fs::path> files;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        load.errors.push_back(dir + ": cannot read directory (" + ec.message() + ")");
        return load;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        std::error_code fec;
        if (it->is_regular_file(fec) && isStructureFile(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::string path = f.string();
        auto info = loadStructureFile(path, &load.warnings);
        if (!info && previous) {
            const std::string error = info.error();
            for (const StructureInfo& old : previous->entries())
                if (old.sourcePath == path) info = old;
            if (info) load.errors.push_back(error + " (the last good version is shown)");
        }
        if (!info) {
            load.errors.push_back(info.error());
            continue;
        }
        if (const StructureInfo* prev = load.catalogue.find(info->id)) {
            load.errors.push_back(path + ": id '" + info->id + "' is already defined in " + prev->sourcePath);
            continue;
        }
        load.catalogue.add(std::move(info.value()));
    }
    return load;
}

CatalogueWatcher::CatalogueWatcher(std::string dir) : dir_(std::move(dir)) {
    stamps_ = snapshot();
    seen_ = stamps_;
}

std::map<std::string, CatalogueWatcher::Stamp> CatalogueWatcher::snapshot() const {
    std::map<std::string, Stamp> out;
    std::error_code ec;
    fs::directory_iterator it(dir_, ec);
    if (ec) return out;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        std::error_code fec;
        if (!it->is_regular_file(fec) || !isStructureFile(it->path())) continue;
        Stamp s;
        s.mtime = fs::last_write_time(it->path(), fec);
        if (fec) continue;
        s.size = fs::file_size(it->path(), fec);
        if (fec) continue;
        out.emplace(it->path().string(), s);
    }
    return out;
}

FileChanges CatalogueWatcher::poll() {
    FileChanges ch;
    auto now = snapshot();
    const bool settled = now == seen_;  // unchanged since the last poll: no save in progress
    seen_ = now;
    if (!settled) return ch;
    for (const auto& [path, stamp] : now) {
        auto it = stamps_.find(path);
        if (it == stamps_.end())
            ch.added.push_back(path);
        else if (it->second.mtime != stamp.mtime || it->second.size != stamp.size)
            ch.modified.push_back(path);
    }
    for (const auto& [path, stamp] : stamps_)
        if (now.count(path) == 0) ch.removed.push_back(path);
    stamps_ = std::move(now);
    return ch;
}

bool reloadIfChanged(CatalogueWatcher& watcher, CatalogueLoad& load) {
    if (!watcher.poll().any()) return false;
    load = loadCatalogueDir(watcher.dir(), &load.catalogue);
    return true;
}

}  // namespace la::io
