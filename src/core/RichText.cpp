#include "core/RichText.h"

#include <algorithm>
#include <cctype>

namespace la {

namespace {
bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}
}  // namespace

std::string plainText(const TextBlock& block) {
    std::string out;
    for (const auto& s : block.spans) out += s.text;
    return out;
}

std::vector<TextSection> listSections(const RichText& text) {
    std::vector<TextSection> out;
    const auto& b = text.blocks;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (b[i].kind != BlockKind::Heading || b[i].level != 2) continue;
        TextSection s;
        s.title = plainText(b[i]);
        s.heading = i;
        s.firstBlock = i + 1;
        s.therapistOnly = b[i].therapistOnly;
        std::size_t j = i + 1;
        while (j < b.size() && !(b[j].kind == BlockKind::Heading && b[j].level <= 2)) ++j;
        s.endBlock = j;
        out.push_back(std::move(s));
    }
    return out;
}

std::string sectionPlainText(const RichText& text, std::string_view title, bool includeTherapist) {
    for (const auto& s : listSections(text)) {
        if (!equalsIgnoreCase(s.title, title)) continue;
        if (s.therapistOnly && !includeTherapist) return {};
        std::string out;
        for (std::size_t i = s.firstBlock; i < s.endBlock; ++i) {
            const TextBlock& blk = text.blocks[i];
            if (blk.therapistOnly && !includeTherapist) continue;
            if (blk.kind == BlockKind::Rule) continue;
            if (!out.empty()) out += '\n';
            if (blk.kind == BlockKind::BulletItem)
                out += std::string(static_cast<std::size_t>(blk.depth) * 2, ' ') + "- ";
            out += plainText(blk);
        }
        return out;
    }
    return {};
}

int findSection(const RichText& text, std::string_view titleStart) {
    auto trim = [](std::string_view v) {
        while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
        while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
        return v;
    };
    const std::string_view want = trim(titleStart);
    if (want.empty()) return -1;
    const auto sections = listSections(text);
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const std::string& t = sections[i].title;
        if (t.size() < want.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < want.size() && same; ++k)
            same = std::tolower(static_cast<unsigned char>(t[k])) == std::tolower(static_cast<unsigned char>(want[k]));
        if (same) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace la
