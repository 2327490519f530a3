#include "core/UiLayerCache.h"

#include <algorithm>
#include <numeric>

namespace la {

bool overlaps(const PixelRect& a, const PixelRect& b) {
    return a.z > 0 && a.w > 0 && b.z > 0 && b.w > 0 && a.x < b.x + b.z && b.x < a.x + a.z && a.y < b.y + b.w &&
           b.y < a.y + a.w;
}

namespace {
// `p` less `q`: up to four rectangles (the bands above and below, the parts left and right between them).
void subtract(const PixelRect& p, const PixelRect& q, std::vector<PixelRect>& out) {
    if (!overlaps(p, q)) {
        out.push_back(p);
        return;
    }
    const int top = std::max(p.y, q.y), bottom = std::min(p.y + p.w, q.y + q.w);
    auto add = [&](int x0, int y0, int x1, int y1) {
        if (x1 > x0 && y1 > y0) out.emplace_back(x0, y0, x1 - x0, y1 - y0);
    };
    add(p.x, p.y, p.x + p.z, top);                                // above q
    add(p.x, bottom, p.x + p.z, p.y + p.w);                       // below q
    add(p.x, top, std::max(p.x, q.x), bottom);                    // left of q
    add(std::min(p.x + p.z, q.x + q.z), top, p.x + p.z, bottom);  // right of q
}

int findRoot(std::vector<int>& parent, int i) {
    while (parent[static_cast<std::size_t>(i)] != i) {
        parent[static_cast<std::size_t>(i)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(i)])];
        i = parent[static_cast<std::size_t>(i)];
    }
    return i;
}
}  // namespace

std::vector<PixelRect> disjointUnion(const std::vector<PixelRect>& rects) {
    std::vector<PixelRect> out;
    for (const PixelRect& r : rects) {
        if (r.z <= 0 || r.w <= 0) continue;
        std::vector<PixelRect> pieces{r};
        for (const PixelRect& q : out) {
            std::vector<PixelRect> rest;
            for (const PixelRect& p : pieces) subtract(p, q, rest);
            pieces.swap(rest);
        }
        out.insert(out.end(), pieces.begin(), pieces.end());
    }
    return out;
}

std::vector<PixelRect> subtractRects(const PixelRect& from, const std::vector<PixelRect>& holes) {
    std::vector<PixelRect> pieces;
    if (from.z > 0 && from.w > 0) pieces.push_back(from);
    for (const PixelRect& q : holes) {
        std::vector<PixelRect> rest;
        for (const PixelRect& p : pieces) subtract(p, q, rest);
        pieces.swap(rest);
    }
    return pieces;
}

UiLayerPlan UiLayerCache::plan(const std::vector<UiListInfo>& lists, glm::ivec2 screen, bool useLayer) {
    const std::size_t n = lists.size();
    UiLayerPlan out;
    out.fromLayer.assign(n, false);
    if (screen != screen_) {
        layer_.clear();
        screen_ = screen;
    }
    // The same contents, possibly moved by whole pixels.
    auto same = [](const Entry& e, const UiListInfo& l) {
        return e.id == l.id && e.hash == l.hash && e.rect.z == l.rect.z && e.rect.w == l.rect.w &&
               glm::ivec2(e.rect) - e.origin == glm::ivec2(l.rect) - l.origin;
    };
    if (useLayer) {
        // Groups: windows whose pixels overlap, directly or through others (overlays take no part).
        std::vector<int> parent(n);
        std::iota(parent.begin(), parent.end(), 0);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                if (!lists[i].overlay && !lists[j].overlay && overlaps(lists[i].rect, lists[j].rect))
                    parent[static_cast<std::size_t>(findRoot(parent, static_cast<int>(i)))] =
                        findRoot(parent, static_cast<int>(j));
        std::vector<std::vector<std::size_t>> all(n);
        for (std::size_t i = 0; i < n; ++i)
            if (!lists[i].overlay) all[static_cast<std::size_t>(findRoot(parent, static_cast<int>(i)))].push_back(i);
        struct Group {
            std::vector<std::size_t> members;
            std::vector<PixelRect> source;  // where the layer holds them (when held)
            glm::ivec2 shift{0};            // from there to where they are now
            bool held = false;
        };
        std::vector<Group> groups;
        for (auto& members : all) {
            if (members.empty()) continue;
            const bool unchanged = std::all_of(members.begin(), members.end(), [&](std::size_t i) {
                return std::any_of(previous_.begin(), previous_.end(),
                                   [&](const Entry& e) { return same(e, lists[i]); });
            });
            if (!unchanged) continue;  // drawn live this frame
            // In the layer: each list as it is now, all moved alike since, and nothing else drawn into
            // the pixels they came from.
            Group g;
            g.members = std::move(members);
            g.held = true;
            std::vector<const Entry*> held;
            for (std::size_t k = 0; k < g.members.size() && g.held; ++k) {
                const UiListInfo& l = lists[g.members[k]];
                const auto e = std::find_if(layer_.begin(), layer_.end(), [&](const Entry& x) { return same(x, l); });
                const glm::ivec2 shift = e == layer_.end() ? glm::ivec2(0) : l.origin - e->origin;
                g.held = e != layer_.end() && (k == 0 || shift == g.shift);
                if (!g.held) break;
                g.shift = shift;
                held.push_back(&*e);
                g.source.push_back(e->rect);
            }
            for (const Entry& e : layer_) {
                if (!g.held) break;
                const bool member = std::find(held.begin(), held.end(), &e) != held.end();
                g.held = member || std::none_of(g.source.begin(), g.source.end(),
                                                [&](const PixelRect& r) { return overlaps(r, e.rect); });
            }
            groups.push_back(std::move(g));
        }
        // Groups drawn into the layer anew go where they are now; a held group whose pixels in the layer
        // they would cover is drawn anew too (groups are disjoint where they are now, so this settles).
        for (bool again = true; again;) {
            again = false;
            for (const Group& g : groups) {
                if (g.held) continue;
                for (Group& h : groups) {
                    if (!h.held) continue;
                    const bool covered = std::any_of(g.members.begin(), g.members.end(), [&](std::size_t i) {
                        return std::any_of(h.source.begin(), h.source.end(),
                                           [&](const PixelRect& r) { return overlaps(r, lists[i].rect); });
                    });
                    if (covered) h.held = false, again = true;
                }
            }
        }
        for (Group& g : groups) {
            if (g.held) continue;
            // Drawn into the layer anew: its pixels cleared, whatever else was there forgotten.
            auto touches = [&](const PixelRect& r) {
                return std::any_of(g.members.begin(), g.members.end(),
                                   [&](std::size_t i) { return overlaps(r, lists[i].rect); });
            };
            layer_.erase(std::remove_if(layer_.begin(), layer_.end(), [&](const Entry& e) { return touches(e.rect); }),
                         layer_.end());
            for (std::size_t i : g.members) {
                out.clear.push_back(lists[i].rect);
                out.drawIntoLayer.push_back(i);
                layer_.push_back({lists[i].id, lists[i].hash, lists[i].rect, lists[i].origin});
            }
            g.shift = glm::ivec2(0);
        }
        for (const Group& g : groups) {
            std::vector<PixelRect> rects;
            for (std::size_t i : g.members) {
                out.fromLayer[i] = true;
                rects.push_back(lists[i].rect);
            }
            // Groups do not overlap one another: each one's own union keeps the whole disjoint.
            for (const PixelRect& r : disjointUnion(rects)) {
                out.composite.push_back(r);
                out.compositeShift.push_back(g.shift);
            }
        }
        std::sort(out.drawIntoLayer.begin(), out.drawIntoLayer.end());  // the lists' own order
    }
    previous_.clear();
    for (const UiListInfo& l : lists) previous_.push_back({l.id, l.hash, l.rect, l.origin});
    return out;
}

}  // namespace la
