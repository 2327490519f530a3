#pragma once
// Comma-separated lists as people type them: "quadratus_lumborum.L, skin,,bones".
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace la {

// The items between commas, white space trimmed, empty items dropped.
inline std::vector<std::string> splitCommaList(std::string_view value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t comma = value.find(',', start);
        const std::size_t end = comma == std::string_view::npos ? value.size() : comma;
        std::size_t b = start, e = end;
        while (b < e && std::isspace(static_cast<unsigned char>(value[b]))) ++b;
        while (e > b && std::isspace(static_cast<unsigned char>(value[e - 1]))) --e;
        if (e > b) out.emplace_back(value.substr(b, e - b));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace la
