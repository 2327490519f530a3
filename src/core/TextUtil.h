#pragma once
// Small text helpers shared by the parsers: trimming, ASCII lower case, lines, "file:line: " prefixes.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace la {

// Without leading and trailing white space (spaces, tabs, CR, LF).
inline std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return s.substr(b, e - b);
}

// ASCII letters in lower case; other bytes (UTF-8 included) as they are.
inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Splits into lines without their terminators ("\n" or "\r\n"); a final newline ends the last line.
inline std::vector<std::string_view> splitLines(std::string_view text) {
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

// "path:line: ", the start of a one-line problem report.
inline std::string where(const std::string& path, int line) {
    return path + ":" + std::to_string(line) + ": ";
}

}  // namespace la
