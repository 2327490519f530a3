#include "io/MarkdownText.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

#include <md4c.h>

#include "core/TextUtil.h"

namespace la::io {

namespace {

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
}  // ---------------------------------------------------------------- md4c -> RichText

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
    // Most lines are text: only one whose first visible character is '<' can be a marker.
    const auto first =
        std::find_if(line.begin(), line.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
    if (first == line.end() || *first != '<') return Marker::None;
    std::string squeezed;
    for (char c : line)
        if (!std::isspace(static_cast<unsigned char>(c)))
            squeezed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (squeezed == "<!--therapist-->") return Marker::Open;
    if (squeezed == "<!--/therapist-->") return Marker::Close;
    return Marker::None;
}
}  // namespace

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

}  // namespace la::io
