#include "core/ScreenLayout.h"

#include <algorithm>
#include <cmath>

namespace la {

UiMetrics uiMetrics(float scale) {
    UiMetrics m;
    m.scale = std::clamp(scale, 0.5f, 8.0f);
    const float s = m.scale;
    m.font = 17.0f * s;
    m.framePadding = glm::vec2(7.0f, 4.0f) * s;
    m.frameHeight = m.font + 2.0f * m.framePadding.y;
    m.windowPadding = glm::vec2(10.0f, 8.0f) * s;
    m.itemSpacing = glm::vec2(8.0f, 5.0f) * s;
    m.margin = 10.0f * s;
    m.gap = 8.0f * s;
    return m;
}

namespace {

bool overlapsAny(const Rect& r, const std::vector<Rect>& others) {
    return std::any_of(others.begin(), others.end(), [&](const Rect& o) { return o.valid() && r.overlaps(o); });
}

// Distance from a point to a rectangle (0 inside).
float distanceTo(const Rect& r, glm::vec2 p) {
    const glm::vec2 c = glm::clamp(p, r.min, r.max);
    return glm::length(p - c);
}

// A rectangle of `size` (shrunk to fit) moved inside `area` less `margin`.
Rect clampInto(Rect r, const Rect& area, float margin) {
    const glm::vec2 lo = area.min + glm::vec2(margin), hi = area.max - glm::vec2(margin);
    const glm::vec2 size = glm::min(r.size(), glm::max(hi - lo, glm::vec2(0.0f)));
    const glm::vec2 pos = glm::clamp(r.min, lo, glm::max(lo, hi - size));
    return Rect::fromPosSize(pos, size);
}

// The pain lookup beside the click: below right, below left, above right, above left; else the free
// spot nearest the click among the edges of what is already there.
Rect placeNear(glm::vec2 click, glm::vec2 size, const Rect& area, const UiMetrics& m, const std::vector<Rect>& taken) {
    const float g = m.gap * 2.0f;
    std::vector<Rect> candidates;
    for (const glm::vec2 pos : {click + glm::vec2(g), glm::vec2(click.x - g - size.x, click.y + g),
                                glm::vec2(click.x + g, click.y - g - size.y), click - glm::vec2(g) - size})
        candidates.push_back(clampInto(Rect::fromPosSize(pos, size), area, m.margin));
    std::vector<float> xs{click.x + g, click.x - g - size.x}, ys{click.y + g, click.y - g - size.y};
    for (const Rect& t : taken) {
        xs.insert(xs.end(), {t.max.x + m.gap, t.min.x - m.gap - size.x});
        ys.insert(ys.end(), {t.max.y + m.gap, t.min.y - m.gap - size.y});
    }
    std::vector<Rect> more;
    for (float y : ys)
        for (float x : xs) more.push_back(clampInto(Rect::fromPosSize({x, y}, size), area, m.margin));
    std::stable_sort(more.begin(), more.end(),
                     [&](const Rect& a, const Rect& b) { return distanceTo(a, click) < distanceTo(b, click); });
    candidates.insert(candidates.end(), more.begin(), more.end());
    for (const Rect& c : candidates)
        if (c.valid() && !c.contains(click) && !overlapsAny(c, taken)) return c;
    return {};
}

// The body's projected bounds within the content area, narrowed about its centre (to no less than half
// its width) when the columns beside it would be narrower than a readable panel.
Rect bodyFreeRect(const Rect& body, const Rect& c, const UiMetrics& m) {
    if (!body.valid()) return {};
    const Rect b{glm::max(body.min, c.min), glm::min(body.max, c.max)};
    if (!b.valid()) return {};
    const float minColumn = std::min(13.0f * m.font + m.margin + m.gap, 0.3f * c.size().x);
    float w = b.size().x;
    const float most = c.size().x - 2.0f * minColumn;
    if (w > most) w = std::max(most, 0.5f * w);
    const float x = b.center().x - 0.5f * w;
    return Rect{{x, b.min.y}, {x + w, b.max.y}};
}

// Tour articles: a column from the top left of the area down, then one at the top right, each within
// its column beside the body. An article is cut short (it scrolls) above whatever is below it when it
// would not fit whole.
std::vector<Rect> placeArticles(const std::vector<glm::vec2>& sizes, const Rect& area, const Rect columns[2],
                                const bool panelsThere[2], const UiMetrics& m, std::vector<Rect> taken) {
    std::vector<Rect> out;
    const float maxWidth = std::max(0.4f * area.size().x, std::min(area.size().x - 2.0f * m.margin, 320.0f));
    for (const glm::vec2 want : sizes) {
        Rect placed;
        for (int column = 0; column < 2 && !placed.valid(); ++column) {
            const Rect& col = columns[column];
            // Half the column at most when panels share it (the article scrolls), so they find room too.
            const float tallest = panelsThere[column] ? 0.5f * area.size().y : area.size().y;
            const float wantY = std::min(want.y, tallest);
            const float minHeight = std::min(wantY, 4.0f * m.font + 2.0f * m.windowPadding.y);
            const float w = std::min({want.x, maxWidth, col.size().x - 2.0f * m.margin});
            if (w < 6.0f * m.font) continue;  // too narrow to read
            const float x = column == 0 ? col.min.x + m.margin : col.max.x - m.margin - w;
            float y = area.min.y + m.margin;
            while (!placed.valid() && y + minHeight <= area.max.y - m.margin) {
                // The free height from y down to the first window below in this column.
                const Rect strip{{x, y}, {x + w, area.max.y - m.margin}};
                float limit = strip.max.y, stepTo = strip.max.y;
                bool blockedHere = false;
                for (const Rect& t : taken) {
                    if (!t.valid() || !strip.overlaps(t)) continue;
                    if (t.min.y <= y) {
                        blockedHere = true;
                        stepTo = std::min(stepTo, t.max.y + m.gap);
                    } else {
                        limit = std::min(limit, t.min.y - m.gap);
                    }
                }
                if (blockedHere) {
                    y = std::max(y + 1.0f, stepTo);
                    continue;
                }
                if (limit - y >= minHeight) {
                    placed = Rect::fromPosSize({x, y}, {w, std::min(wantY, limit - y)});
                } else {
                    // Too little room above the next window: try below it.
                    float below = strip.max.y;
                    for (const Rect& t : taken)
                        if (t.valid() && strip.overlaps(t) && t.min.y > y) below = std::min(below, t.max.y + m.gap);
                    y = std::max(y + 1.0f, below);
                }
            }
        }
        out.push_back(placed);
        if (placed.valid()) taken.push_back(placed);
    }
    return out;
}

// Article panels in the view above the caption, clear of `taken` and of the body's middle, each in
// the column on its anchor's side; fills L.panels, panelShown and panelFolded.
void placePanels(const ScreenLayoutInput& in, const std::vector<Rect>& taken, float split, ScreenLayout& L) {
    const Rect& c = L.content;
    const UiMetrics& m = L.metrics;
    const glm::vec2 origin = c.min;
    PanelLayoutOptions opt;
    opt.margin = m.margin;
    opt.gap = m.gap;
    for (const Rect& t : taken) opt.reserved.push_back(Rect{t.min - origin, t.max - origin});
    if (L.bodyFree.valid()) {  // hard: a panel that finds no room beside it folds, or is left out
        opt.reserved.push_back(Rect{L.bodyFree.min - origin, L.bodyFree.max - origin});
        opt.split = split - origin.x;
        opt.splitHalfWidth = 0.5f * L.bodyFree.size().x + 0.5f * m.gap;  // beside it, not above or below
    }
    if (in.body.valid()) opt.avoid = Rect{in.body.min - origin, in.body.max - origin};
    const std::size_t n = in.panels.size();
    std::vector<PanelRequest> requests = in.panels;
    // A panel takes at most about a third of the view's width (its text wraps), and no more than its
    // column beside the body.
    const float widest = std::max(0.34f * c.size().x, std::min(16.0f * m.font, 0.45f * c.size().x));
    for (PanelRequest& r : requests) {
        float maxWidth = widest;
        if (L.bodyFree.valid() && !r.pinned && r.anchorInFront && c.contains(r.anchor)) {
            const Rect& col = r.anchor.x < split ? L.leftColumn : L.rightColumn;
            maxWidth = std::min(maxWidth, std::max(col.size().x - m.margin - m.gap, 0.0f));
        }
        r.size.x = std::min(r.size.x, maxWidth);
        if (r.compactSize) r.compactSize->x = std::min(r.compactSize->x, maxWidth);
        if (r.foldedSize) r.foldedSize->x = std::min(r.foldedSize->x, maxWidth);
        r.anchor -= origin;
        if (r.muscle.valid()) r.muscle = Rect{r.muscle.min - origin, r.muscle.max - origin};
        if (r.pinned) *r.pinned -= origin;
    }
    L.panelShown.assign(n, true);
    L.panelFolded.assign(n, false);
    const glm::vec2 defaultFolded(std::min(18.0f * m.font, c.size().x * 0.4f),
                                  m.frameHeight + 2.0f * m.windowPadding.y);
    std::vector<PanelPlacement> placed(n);
    // Place, find the panels that overlap something, fold them to their title; when one overlaps even
    // then, the others on its side fold too, and only then is it left out (the lowest in priority
    // first); the rest are placed again.
    for (std::size_t round = 0; round <= 2 * n + 1; ++round) {
        std::vector<std::size_t> idx;
        std::vector<PanelRequest> reqs;
        for (std::size_t i = 0; i < n; ++i)
            if (L.panelShown[i]) {
                idx.push_back(i);
                reqs.push_back(requests[i]);
            }
        const auto out = layoutPanels(c.size(), reqs, opt);
        std::vector<std::size_t> conflicting;
        for (std::size_t k = 0; k < out.size(); ++k) {
            if (reqs[k].pinned) continue;
            bool bad = overlapsAny(out[k].rect, opt.reserved);
            for (std::size_t j = 0; j < out.size() && !bad; ++j) {
                if (j == k || !out[k].rect.overlaps(out[j].rect)) continue;
                bad = reqs[j].pinned || j < k;  // the later (lower-priority) panel of a pair gives way
            }
            if (bad) conflicting.push_back(idx[k]);
        }
        for (std::size_t k = 0; k < out.size(); ++k) placed[idx[k]] = out[k];
        if (conflicting.empty()) break;
        const auto fold = [&](std::size_t i) {
            L.panelFolded[i] = true;
            PanelRequest& r = requests[i];
            r.size = glm::min(r.foldedSize.value_or(defaultFolded), r.size);
            r.compactSize.reset();
        };
        bool folded = false;
        for (std::size_t i : conflicting)
            if (!L.panelFolded[i]) {
                fold(i);
                folded = true;
            }
        if (folded) continue;
        // Before one is left out, the others on its side fold to their titles (the last first).
        const std::size_t victim = conflicting.back();
        const auto left = [&](std::size_t i) { return requests[i].anchor.x < split - origin.x; };
        for (std::size_t i = n; i-- > 0 && !folded;)
            if (i != victim && L.panelShown[i] && !L.panelFolded[i] && !requests[i].pinned && left(i) == left(victim)) {
                fold(i);
                folded = true;
            }
        if (!folded) L.panelShown[victim] = false;
    }
    L.panels.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!L.panelShown[i]) continue;
        PanelPlacement p = placed[i];
        p.rect = Rect{p.rect.min + origin, p.rect.max + origin};
        p.leaderFrom += origin;
        p.leaderTo += origin;
        L.panels[i] = p;
    }
}

// The pain lookup beside the click, shorter and shorter (its list scrolls) until a spot is free.
Rect placeLookup(const ScreenLayoutInput& in, const Rect& c, const UiMetrics& m, const std::vector<Rect>& taken) {
    glm::vec2 size = glm::min(in.lookup, c.size() - 2.0f * m.margin);
    const float minHeight = m.frameHeight * 2.0f + 2.0f * m.windowPadding.y;
    Rect r;
    while (!r.valid() && size.y >= std::min(minHeight, in.lookup.y)) {
        r = placeNear(*in.lookupAt, size, c, m, taken);
        size.y *= 0.7f;
    }
    return r;
}

}  // namespace

ScreenLayout layoutScreen(const ScreenLayoutInput& in) {
    ScreenLayout L;
    const UiMetrics m = uiMetrics(in.scale);
    L.metrics = m;
    const glm::vec2 fb = glm::max(in.framebuffer, glm::vec2(1.0f));
    const Rect screen{{0.0f, 0.0f}, fb};
    const bool chrome = !in.presenter;

    float top = 0.0f, bottom = fb.y;
    if (chrome && in.menuBar) {
        L.menuBar = Rect{{0.0f, 0.0f}, {fb.x, m.frameHeight}};
        top = L.menuBar.max.y;
    }
    if (chrome && in.statusBar) {
        L.statusBar = Rect{{0.0f, fb.y - m.frameHeight}, fb};
        bottom = L.statusBar.min.y;
    }
    // Wide enough for the longest structure name beside its toggle; never more than a third of the screen.
    L.sidebarWidth = std::floor(std::min(22.0f * m.font, 0.34f * fb.x));
    float viewLeft = 0.0f;
    std::vector<Rect> taken;  // windows in the view, panels keep clear of them
    if (chrome && in.sidebar) {
        if (in.sidebarOpen) {
            L.sidebar = Rect{{0.0f, top}, {L.sidebarWidth, bottom}};
            viewLeft = L.sidebarWidth;
        } else {
            const glm::vec2 button(m.frameHeight + 2.0f * m.windowPadding.x, m.frameHeight + 2.0f * m.windowPadding.y);
            L.sidebar = Rect::fromPosSize({0.0f, top + m.gap}, button);
            taken.push_back(L.sidebar);
        }
    }
    L.view = Rect{{viewLeft, top}, {fb.x, bottom}};
    float contentBottom = L.view.max.y;
    if (in.captionHeight > 0.0f) {
        const float h = std::min(in.captionHeight, 0.45f * L.view.size().y);
        L.caption = Rect{{L.view.min.x, L.view.max.y - h}, L.view.max};
        contentBottom = L.caption.min.y;
    }
    L.content = Rect{L.view.min, {L.view.max.x, contentBottom}};
    const Rect& c = L.content;

    if (in.toast.x > 0.0f && in.toast.y > 0.0f) {
        const glm::vec2 size = glm::min(in.toast, glm::vec2(c.size().x - 2.0f * m.margin, c.size().y / 3.0f));
        Rect r = Rect::fromPosSize({c.center().x - size.x * 0.5f, c.min.y + m.margin}, size);
        for (const Rect& t : taken)  // the sidebar's button at the left edge on a narrow screen
            if (r.overlaps(t)) r = Rect::fromPosSize({t.max.x + m.gap, r.min.y}, size);
        L.toast = clampInto(r, c, m.margin);
        if (overlapsAny(L.toast, taken)) L.toast = {};
        if (L.toast.valid()) taken.push_back(L.toast);
    }
    // The columns beside the body's middle; the legend goes to the one with fewer panels.
    L.body = in.body;
    L.bodyFree = bodyFreeRect(in.body, c, m);
    L.leftColumn = L.rightColumn = c;
    if (L.bodyFree.valid()) {
        L.leftColumn.max.x = L.bodyFree.min.x;
        L.rightColumn.min.x = L.bodyFree.max.x;
    }
    const float split = L.bodyFree.valid() ? L.bodyFree.center().x : c.center().x;
    int leftPanels = 0, rightPanels = 0;
    for (const PanelRequest& r : in.panels)
        if (!r.pinned && r.anchorInFront && c.contains(r.anchor)) ++(r.anchor.x < split ? leftPanels : rightPanels);
    const bool legendRight = rightPanels <= leftPanels;
    {
        // As wide as the column allows (a third of the view at most); half the height beside panels,
        // else the column's height below whatever is already at its top (the toast, the sidebar's button).
        const Rect& col = legendRight ? L.rightColumn : L.leftColumn;
        const float width = L.bodyFree.valid() ? col.size().x : c.size().x;
        float below = c.min.y + m.margin;
        for (const Rect& t : taken)
            if (t.valid() && t.max.x > col.min.x && t.min.x < col.max.x) below = std::max(below, t.max.y + m.gap);
        const bool panelsThere = (legendRight ? rightPanels : leftPanels) > 0 || !L.bodyFree.valid();
        const float height =
            std::min(panelsThere ? 0.5f * c.size().y - 2.0f * m.margin : c.size().y, c.max.y - m.margin - below);
        L.legendRoom =
            glm::max(glm::vec2(std::min(std::max(14.0f * m.font, 0.3f * c.size().x), width - 2.0f * m.margin), height),
                     glm::vec2(0.0f));
    }
    if (in.legend.x > 0.0f && in.legend.y > 0.0f) {
        const glm::vec2 size = glm::min(in.legend, L.legendRoom);
        const float y = c.max.y - m.margin - size.y;
        for (const bool right : {legendRight, !legendRight}) {
            const Rect r = Rect::fromPosSize({right ? c.max.x - m.margin - size.x : c.min.x + m.margin, y}, size);
            if (r.valid() && !overlapsAny(r, taken) && !(L.bodyFree.valid() && r.overlaps(L.bodyFree))) {
                L.legend = r;
                taken.push_back(r);
                break;
            }
        }
    }
    {
        std::vector<Rect> blocked = taken;
        if (L.bodyFree.valid()) blocked.push_back(L.bodyFree);
        const Rect columns[2] = {L.leftColumn, L.rightColumn};
        const bool panelsThere[2] = {leftPanels > 0, rightPanels > 0};
        L.articles = placeArticles(in.articles, c, columns, panelsThere, m, blocked);
    }
    for (const Rect& a : L.articles)
        if (a.valid()) taken.push_back(a);

    // The panels, then the pain lookup beside the click where the columns' windows leave room (over the
    // body, so it takes no column space from the panels); when there is none, the lookup goes first and
    // the panels make room for it.
    placePanels(in, taken, split, L);
    if (in.lookupAt && in.lookup.x > 0.0f && in.lookup.y > 0.0f) {
        std::vector<Rect> withPanels = taken;
        for (std::size_t i = 0; i < L.panels.size(); ++i)
            if (L.panelShown[i]) withPanels.push_back(L.panels[i].rect);
        L.lookup = placeLookup(in, c, m, withPanels);
        if (!L.lookup.valid()) {
            L.lookup = placeLookup(in, c, m, taken);
            if (L.lookup.valid()) {
                taken.push_back(L.lookup);
                placePanels(in, taken, split, L);
            }
        }
    }

    if (in.dialog.x > 0.0f && in.dialog.y > 0.0f) {
        const glm::vec2 size = glm::min(in.dialog, fb - 2.0f * m.margin);
        L.dialog = clampInto(Rect::fromPosSize(fb * 0.5f - size * 0.5f, size), screen, m.margin);
    }
    return L;
}

std::vector<NamedRect> placedRects(const ScreenLayout& L) {
    std::vector<NamedRect> out;
    auto add = [&](std::string name, const Rect& r) {
        if (r.valid()) out.push_back({std::move(name), r});
    };
    add("menu bar", L.menuBar);
    add("status bar", L.statusBar);
    add("sidebar", L.sidebar);
    add("caption", L.caption);
    add("toast", L.toast);
    add("legend", L.legend);
    add("lookup", L.lookup);
    for (std::size_t i = 0; i < L.articles.size(); ++i) add("article " + std::to_string(i + 1), L.articles[i]);
    for (std::size_t i = 0; i < L.panels.size(); ++i)
        if (L.panelShown[i]) add("panel " + std::to_string(i + 1), L.panels[i].rect);
    return out;
}

}  // namespace la
