#include "io/LoaderUtil.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace la::io {

float toFloat(double d) {
    if (d > std::numeric_limits<float>::max()) return std::numeric_limits<float>::infinity();
    if (d < -std::numeric_limits<float>::max()) return -std::numeric_limits<float>::infinity();
    return static_cast<float>(d);
}

int toIndex(double d) {
    if (!(d >= 0.0) || d > static_cast<double>(std::numeric_limits<int>::max()) || d != std::floor(d)) return -1;
    return static_cast<int>(d);
}

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
    // 0: not seen, 1: on the chain being followed, 2: known to end at a root. Each node is followed once.
    const std::size_t n = m.nodes.size();
    std::vector<char> state(n, 0);
    std::vector<std::size_t> chain;
    for (std::size_t i = 0; i < n; ++i) {
        int p = static_cast<int>(i);
        while (p >= 0 && state[static_cast<std::size_t>(p)] == 0) {
            state[static_cast<std::size_t>(p)] = 1;
            chain.push_back(static_cast<std::size_t>(p));
            p = m.nodes[static_cast<std::size_t>(p)].parent;
            if (p >= static_cast<int>(n)) return false;
        }
        if (p >= 0 && state[static_cast<std::size_t>(p)] == 1) return false;
        for (std::size_t c : chain) state[c] = 2;
        chain.clear();
    }
    return true;
}

std::string quotedName(const std::string& name) {
    constexpr std::size_t kShown = 80;
    std::string shown = oneLine(name.size() > kShown ? name.substr(0, kShown) + "..." : name);
    return "'" + shown + "'";
}

std::string coordinateProblem(const Model& m) {
    for (const Node& node : m.nodes) {
        if (node.mesh < 0 || static_cast<std::size_t>(node.mesh) >= m.meshes.size()) continue;
        const std::string where = "node " + quotedName(node.name) + ": ";
        glm::dmat4 w(node.world);
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 4; ++r)
                if (!std::isfinite(w[c][r])) return where + "its transform has values that are not finite";
        for (const Primitive& p : m.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
            glm::dvec3 lo(0.0), hi(0.0);
            bool any = false;
            for (const glm::vec3& v : p.positions) {
                if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z))
                    return where + "coordinates are not finite numbers";
                lo = any ? glm::min(lo, glm::dvec3(v)) : glm::dvec3(v);
                hi = any ? glm::max(hi, glm::dvec3(v)) : glm::dvec3(v);
                any = true;
            }
            if (!any) continue;
            // The farthest point of an affine image of a box is one of its corners.
            for (int k = 0; k < 8; ++k) {
                const glm::dvec3 corner(k & 1 ? hi.x : lo.x, k & 2 ? hi.y : lo.y, k & 4 ? hi.z : lo.z);
                const glm::dvec3 world = glm::dvec3(w * glm::dvec4(corner, 1.0));
                const double far = std::max({std::abs(world.x), std::abs(world.y), std::abs(world.z)});
                if (!(far <= kMaxCoordinate)) {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.3g", far);
                    return where + "coordinates reach " + buf +
                           " m from the origin (more than 1e6 m: is the file damaged?)";
                }
            }
        }
    }
    return {};
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
