#include "io/CatalogueLoader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include <md4c.h>

#include "core/TextList.h"
#include "io/JsonText.h"

namespace la::io {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- small string helpers

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Splits into lines without their terminators ("\n" or "\r\n").
std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    if (!lines.empty() && lines.back().empty() && !text.empty() && text.back() == '\n') lines.pop_back();
    return lines;
}

// '#' starts a comment at the start of the line or after white space (so "C#" or URLs survive).
std::string_view stripComment(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i)
        if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
    return line;
}

std::string where(const std::string& path, int line) {
    return path + ":" + std::to_string(line) + ": ";
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

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
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

// "&amp;", "&#233;", "&#xE9;" -> UTF-8; unknown named entities stay verbatim.
std::string decodeEntity(std::string_view e) {
    std::string out;
    if (e.size() >= 4 && e[1] == '#') {
        bool hex = e[2] == 'x' || e[2] == 'X';
        std::string_view digits = e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3));
        std::uint32_t cp = 0;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (ec != std::errc() || ptr != digits.data() + digits.size()) cp = 0xFFFD;
        appendUtf8(out, cp);
        return out;
    }
    static constexpr std::pair<std::string_view, std::uint32_t> kNamed[] = {
        {"&amp;", '&'},       {"&lt;", '<'},      {"&gt;", '>'},       {"&quot;", '"'},
        {"&apos;", '\''},     {"&nbsp;", 0xA0},   {"&ndash;", 0x2013}, {"&mdash;", 0x2014},
        {"&hellip;", 0x2026}, {"&deg;", 0xB0},    {"&times;", 0xD7},   {"&micro;", 0xB5},
        {"&rarr;", 0x2192},   {"&larr;", 0x2190}, {"&middot;", 0xB7},  {"&copy;", 0xA9},
    };
    for (const auto& [name, cp] : kNamed)
        if (e == name) {
            appendUtf8(out, cp);
            return out;
        }
    return std::string(e);
}

// ---------------------------------------------------------------- md4c -> RichText

struct MdBuilder {
    RichText* out = nullptr;
    bool therapist = false;
    std::vector<int> lists;   // per open list: next item number, 0 = bullet list
    std::vector<long> items;  // block index of each open list item
    long current = -1;        // block receiving text, -1 = none
    int bold = 0, italic = 0, link = 0, html = 0;
    std::string href;

    long newBlock(BlockKind kind) {
        TextBlock b;
        b.kind = kind;
        b.therapistOnly = therapist;
        out->blocks.push_back(std::move(b));
        return static_cast<long>(out->blocks.size()) - 1;
    }
    TextBlock& block(long i) { return out->blocks[static_cast<std::size_t>(i)]; }

    void addText(std::string s) {
        if (s.empty()) return;
        if (current < 0) current = newBlock(BlockKind::Paragraph);
        TextSpan span;
        span.bold = bold > 0;
        span.italic = italic > 0;
        span.link = link > 0;
        if (span.link) span.href = href;
        auto& spans = block(current).spans;
        if (!spans.empty() && spans.back().sameStyle(span)) {
            spans.back().text += s;
        } else {
            span.text = std::move(s);
            spans.push_back(std::move(span));
        }
    }

    void trimTrailingNewlines() {
        if (current < 0) return;
        auto& spans = block(current).spans;
        while (!spans.empty()) {
            auto& t = spans.back().text;
            while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
            if (!t.empty()) break;
            spans.pop_back();
        }
    }
};

std::string attributeText(const MD_ATTRIBUTE& a) {
    std::string out;
    if (a.text == nullptr) return out;
    for (unsigned i = 0; a.substr_offsets && a.substr_offsets[i] < a.size; ++i) {
        std::string_view part(a.text + a.substr_offsets[i], a.substr_offsets[i + 1] - a.substr_offsets[i]);
        out += a.substr_types[i] == MD_TEXT_ENTITY ? decodeEntity(part) : std::string(part);
    }
    return out;
}

int enterBlock(MD_BLOCKTYPE type, void* detail, void* user) {
    auto& b = *static_cast<MdBuilder*>(user);
    switch (type) {
        case MD_BLOCK_UL:
            b.current = -1;
            b.lists.push_back(0);
            break;
        case MD_BLOCK_OL: {
            b.current = -1;
            unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
            b.lists.push_back(static_cast<int>(std::max(1u, std::min(start, 1000000u))));
            break;
        }
        case MD_BLOCK_LI: {
            long i = b.newBlock(BlockKind::BulletItem);
            b.block(i).depth = b.lists.empty() ? 0 : static_cast<int>(b.lists.size()) - 1;
            if (!b.lists.empty() && b.lists.back() > 0) b.block(i).number = b.lists.back()++;
            b.items.push_back(i);
            b.current = i;
            break;
        }
        case MD_BLOCK_H: {
            long i = b.newBlock(BlockKind::Heading);
            b.block(i).level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
            b.current = i;
            break;
        }
        case MD_BLOCK_P:
            // The first paragraph of a loose list item belongs to the item itself.
            if (!b.items.empty() && b.items.back() >= 0 && b.block(b.items.back()).spans.empty())
                b.current = b.items.back();
            else
                b.current = b.newBlock(BlockKind::Paragraph);
            break;
        case MD_BLOCK_CODE:
            b.current = b.newBlock(BlockKind::Paragraph);
            break;
        case MD_BLOCK_HR:
            b.newBlock(BlockKind::Rule);
            b.current = -1;
            break;
        case MD_BLOCK_HTML:
            ++b.html;
            break;
        default:
            break;  // document, quote, tables: their text lands in paragraphs
    }
    return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void* /*detail*/, void* user) {
    auto& b = *static_cast<MdBuilder*>(user);
    switch (type) {
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            if (!b.lists.empty()) b.lists.pop_back();
            b.current = -1;
            break;
        case MD_BLOCK_LI:
            if (!b.items.empty()) b.items.pop_back();
            b.current = -1;
            break;
        case MD_BLOCK_CODE:
            b.trimTrailingNewlines();
            b.current = -1;
            break;
        case MD_BLOCK_H:
        case MD_BLOCK_P:
            b.current = -1;
            break;
        case MD_BLOCK_HTML:
            --b.html;
            break;
        default:
            break;
    }
    return 0;
}

int enterSpan(MD_SPANTYPE type, void* detail, void* user) {
    auto& b = *static_cast<MdBuilder*>(user);
    if (type == MD_SPAN_STRONG) ++b.bold;
    if (type == MD_SPAN_EM) ++b.italic;
    if (type == MD_SPAN_A) {
        if (b.link++ == 0) b.href = attributeText(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
    }
    return 0;
}

int leaveSpan(MD_SPANTYPE type, void* /*detail*/, void* user) {
    auto& b = *static_cast<MdBuilder*>(user);
    if (type == MD_SPAN_STRONG && b.bold > 0) --b.bold;
    if (type == MD_SPAN_EM && b.italic > 0) --b.italic;
    if (type == MD_SPAN_A && b.link > 0 && --b.link == 0) b.href.clear();
    return 0;
}

int onText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto& b = *static_cast<MdBuilder*>(user);
    if (b.html > 0 || type == MD_TEXT_HTML) return 0;
    std::string_view t(text, size);
    switch (type) {
        case MD_TEXT_NULLCHAR:
            b.addText("\xEF\xBF\xBD");
            break;
        case MD_TEXT_BR:
            b.addText("\n");
            break;
        case MD_TEXT_SOFTBR:
            b.addText(" ");
            break;
        case MD_TEXT_ENTITY:
            b.addText(decodeEntity(t));
            break;
        default:
            b.addText(std::string(t));
            break;
    }
    return 0;
}

bool parseSegment(std::string_view md, bool therapist, RichText& out) {
    MdBuilder b;
    b.out = &out;
    b.therapist = therapist;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_STRIKETHROUGH;
    parser.enter_block = enterBlock;
    parser.leave_block = leaveBlock;
    parser.enter_span = enterSpan;
    parser.leave_span = leaveSpan;
    parser.text = onText;
    return md_parse(md.data(), static_cast<MD_SIZE>(md.size()), &parser, &b) == 0;
}

enum class Marker { None, Open, Close };

Marker therapistMarker(std::string_view line) {
    std::string squeezed;
    for (char c : line)
        if (!std::isspace(static_cast<unsigned char>(c)))
            squeezed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (squeezed == "<!--therapist-->") return Marker::Open;
    if (squeezed == "<!--/therapist-->") return Marker::Close;
    return Marker::None;
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

Result<RichText> parseMarkdown(std::string_view markdown, const std::string& path, int firstLine) {
    RichText out;
    auto lines = splitLines(markdown);
    std::string segment;
    bool inTherapist = false;
    int openedAt = 0;
    auto flush = [&]() -> bool {
        bool ok = parseSegment(segment, inTherapist, out);
        segment.clear();
        return ok;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        int lineNo = firstLine + static_cast<int>(i);
        Marker m = therapistMarker(lines[i]);
        if (m == Marker::None) {
            segment.append(lines[i]);
            segment += '\n';
            continue;
        }
        if (m == Marker::Open && inTherapist)
            return Error{where(path, lineNo) + "<!-- therapist --> inside another (opened on line " +
                         std::to_string(openedAt) + ")"};
        if (m == Marker::Close && !inTherapist)
            return Error{where(path, lineNo) + "<!-- /therapist --> without an opening <!-- therapist -->"};
        if (!flush()) return Error{where(path, lineNo) + "Markdown could not be parsed"};
        inTherapist = m == Marker::Open;
        openedAt = lineNo;
    }
    if (inTherapist) return Error{where(path, openedAt) + "<!-- therapist --> is never closed by <!-- /therapist -->"};
    if (!flush()) return Error{path + ": Markdown could not be parsed"};
    // Drop paragraphs that ended up without visible text.
    std::erase_if(out.blocks,
                  [](const TextBlock& b) { return b.kind == BlockKind::Paragraph && trim(plainText(b)).empty(); });
    return out;
}

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
            if (info.kind != "muscle" && info.kind != "bone" && info.kind != "skin" && info.kind != "article")
                warn(ln, "kind '" + info.kind + "' is not one of muscle, bone, skin, article");
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
