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

UiLayerPlan UiLayerCache::plan(const std::vector<UiListInfo>& lists, glm::ivec2 screen, bool useLayer) {
    const std::size_t n = lists.size();
    UiLayerPlan out;
    out.fromLayer.assign(n, false);
    if (screen != screen_) {
        layer_.clear();
        screen_ = screen;
    }
    auto same = [](const Entry& e, const UiListInfo& l) {
        return e.id == l.id && e.hash == l.hash && e.rect == l.rect;
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
        std::vector<std::vector<std::size_t>> groups(n);
        for (std::size_t i = 0; i < n; ++i)
            if (!lists[i].overlay) groups[static_cast<std::size_t>(findRoot(parent, static_cast<int>(i)))].push_back(i);
        std::vector<PixelRect> composite;
        for (const auto& group : groups) {
            if (group.empty()) continue;
            const bool unchanged = std::all_of(group.begin(), group.end(), [&](std::size_t i) {
                return std::any_of(previous_.begin(), previous_.end(),
                                   [&](const Entry& e) { return same(e, lists[i]); });
            });
            if (!unchanged) continue;  // drawn live this frame
            // In the layer: each list as it is now, and nothing else drawn into their pixels.
            auto member = [&](const Entry& e) {
                return std::any_of(group.begin(), group.end(), [&](std::size_t i) { return same(e, lists[i]); });
            };
            auto touches = [&](const PixelRect& r) {
                return std::any_of(group.begin(), group.end(),
                                   [&](std::size_t i) { return overlaps(r, lists[i].rect); });
            };
            bool held = std::all_of(group.begin(), group.end(), [&](std::size_t i) {
                return std::any_of(layer_.begin(), layer_.end(), [&](const Entry& e) { return same(e, lists[i]); });
            });
            for (const Entry& e : layer_) held = held && (!touches(e.rect) || member(e));
            if (!held) {
                // Drawn into the layer anew: its pixels cleared, whatever else was there forgotten.
                layer_.erase(
                    std::remove_if(layer_.begin(), layer_.end(), [&](const Entry& e) { return touches(e.rect); }),
                    layer_.end());
                for (std::size_t i : group) {
                    out.clear.push_back(lists[i].rect);
                    out.drawIntoLayer.push_back(i);
                    layer_.push_back({lists[i].id, lists[i].hash, lists[i].rect});
                }
            }
            for (std::size_t i : group) {
                out.fromLayer[i] = true;
                composite.push_back(lists[i].rect);
            }
        }
        std::sort(out.drawIntoLayer.begin(), out.drawIntoLayer.end());  // the lists' own order
        out.composite = disjointUnion(composite);
    }
    previous_.clear();
    for (const UiListInfo& l : lists) previous_.push_back({l.id, l.hash, l.rect});
    return out;
}

}  // namespace la
