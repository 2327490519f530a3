#pragma once
// The viewer's --layout-report read back: one rectangle per window ImGui drew in a still ("layout KIND
// NAME x y w h"), for render tests that check placement or look inside one window.
#include <sstream>
#include <string>
#include <vector>

namespace la::test {

struct Placed {
    std::string kind, name;
    float x = 0, y = 0, w = 0, h = 0;
    bool overlaps(const Placed& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
    bool contains(int px, int py) const {
        return static_cast<float>(px) >= x && static_cast<float>(px) < x + w && static_cast<float>(py) >= y &&
               static_cast<float>(py) < y + h;
    }
    std::string text() const {
        return kind + " " + name + " " + std::to_string(x) + "," + std::to_string(y) + " " + std::to_string(w) + "x" +
               std::to_string(h);
    }
};

inline std::vector<Placed> layoutReport(const std::string& out) {
    std::vector<Placed> r;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("layout ", 0) != 0) continue;
        std::istringstream ls(line.substr(7));
        Placed p;
        ls >> p.kind >> p.name >> p.x >> p.y >> p.w >> p.h;
        if (ls) r.push_back(p);
    }
    return r;
}

// The first window whose name contains `part` (an empty one when there is none).
inline Placed findPlaced(const std::vector<Placed>& r, const std::string& part) {
    for (const auto& p : r)
        if (p.name.find(part) != std::string::npos) return p;
    return {};
}

}  // namespace la::test
