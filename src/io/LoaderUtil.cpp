#include "io/LoaderUtil.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace la::io {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

std::string oneLine(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += out.back() == '.' || out.back() == ':' ? " " : "; ";
            space = false;
        }
        out += c;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ';')) out.pop_back();
    return out;
}

bool checkNoCycles(const Model& m) {
    const std::size_t n = m.nodes.size();
    for (std::size_t i = 0; i < n; ++i) {
        int p = m.nodes[i].parent;
        std::size_t steps = 0;
        while (p >= 0) {
            if (++steps > n) return false;
            p = m.nodes[static_cast<std::size_t>(p)].parent;
        }
    }
    return true;
}

void pruneUnreachable(Model& m) {
    std::vector<char> reach(m.nodes.size(), 0);
    std::vector<int> stack(m.roots.begin(), m.roots.end());
    while (!stack.empty()) {
        int i = stack.back();
        stack.pop_back();
        reach[static_cast<std::size_t>(i)] = 1;
        for (int c : m.nodes[static_cast<std::size_t>(i)].children) stack.push_back(c);
    }
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        if (!reach[i]) m.nodes[i].mesh = -1;
}

}  // namespace la::io
