#pragma once
// A small document model for the structure texts, made for an ImGui renderer: a flat list of blocks
// (heading, paragraph, bullet item, rule), each a list of styled spans. No Markdown here; the io
// module builds it (src/io/CatalogueLoader.cpp).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace la {

struct TextSpan {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool link = false;
    std::string href;  // link target when link is true

    bool sameStyle(const TextSpan& o) const {
        return bold == o.bold && italic == o.italic && link == o.link && href == o.href;
    }
};

enum class BlockKind { Heading, Paragraph, BulletItem, Rule };

struct TextBlock {
    BlockKind kind = BlockKind::Paragraph;
    int level = 0;   // Heading: 1..6
    int depth = 0;   // BulletItem: nesting depth, 0 = outermost list
    int number = 0;  // BulletItem: 0 = bullet, > 0 = item number of an ordered list
    std::vector<TextSpan> spans;
    bool therapistOnly = false;  // inside <!-- therapist --> ... <!-- /therapist -->
};

struct RichText {
    std::vector<TextBlock> blocks;

    bool empty() const { return blocks.empty(); }
};

// A level-2 heading and the blocks up to the next heading of level <= 2: [firstBlock, endBlock),
// the heading itself excluded.
struct TextSection {
    std::string title;
    std::size_t heading = 0;  // index of the heading block
    std::size_t firstBlock = 0;
    std::size_t endBlock = 0;
    bool therapistOnly = false;  // the heading itself is therapist-only
};

// The concatenated text of one block's spans.
std::string plainText(const TextBlock& block);
// Every level-2 section in document order.
std::vector<TextSection> listSections(const RichText& text);
// Index (into listSections) of the first section whose title starts with `titleStart`, ignoring case
// and surrounding spaces; -1 when none does.
int findSection(const RichText& text, std::string_view titleStart);
// Plain text of the first section whose title equals `title` (case-insensitive): one line per block,
// bullet items prefixed with "- ". Empty when absent. Therapist-only blocks are left out unless asked.
std::string sectionPlainText(const RichText& text, std::string_view title, bool includeTherapist = false);

}  // namespace la
