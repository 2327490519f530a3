#include "core/PanelLayout.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace la {

float Rect::overlapArea(const Rect& o) const {
    float w = std::min(max.x, o.max.x) - std::max(min.x, o.min.x);
    float h = std::min(max.y, o.max.y) - std::max(min.y, o.min.y);
    return w > 0.0f && h > 0.0f ? w * h : 0.0f;
}

namespace {

struct Context {
    glm::vec2 viewport;
    float margin;
    const PanelLayoutOptions& opt;
};

float clampf(float v, float lo, float hi) {
    return std::max(lo, std::min(v, hi));
}

// Nearest screen edge to a point: the one it is farthest beyond, or nearest to when inside.
PanelSide nearestEdge(glm::vec2 p, glm::vec2 vp) {
    const float d[4] = {p.x, vp.x - p.x, p.y, vp.y - p.y};
    int best = 0;
    for (int i = 1; i < 4; ++i)
        if (d[i] < d[best]) best = i;
    return static_cast<PanelSide>(best);
}

float distanceOffScreen(glm::vec2 p, glm::vec2 vp) {
    glm::vec2 c(clampf(p.x, 0.0f, vp.x), clampf(p.y, 0.0f, vp.y));
    return glm::length(p - c);
}

struct Job {
    std::size_t index;
    glm::vec2 size;
    glm::vec2 ideal;  // top-left the panel would take on an empty screen
    bool docked;
    float minX = -1e9f, maxX = 1e9f;  // the panel's left edge stays in here (its side of the split)
};

struct Spot {
    Rect rect;
    float cost = std::numeric_limits<float>::max();
    bool clean = false;  // free, and covers neither its structure nor the avoided area
};

// Free spot nearest to the ideal one. Candidate coordinates come from the screen border, the ideal
// spot, the structure's rectangle and the edges of every panel placed so far (one gap away).
Spot place(const Context& cx, const Job& job, const PanelRequest& req, const std::vector<Rect>& placed) {
    const glm::vec2 sz = job.size;
    const float loX = std::max(cx.margin, job.minX);
    const float hiX = std::max(loX, std::min(cx.viewport.x - cx.margin - sz.x, job.maxX));
    const float loY = cx.margin, hiY = std::max(cx.margin, cx.viewport.y - cx.margin - sz.y);
    const float gap = cx.opt.gap;
    std::vector<float> xs{job.ideal.x, loX, hiX}, ys{job.ideal.y, loY, hiY};
    if (req.muscle.valid()) {
        xs.push_back(req.muscle.min.x - gap - sz.x);
        xs.push_back(req.muscle.max.x + gap);
        ys.push_back(req.muscle.min.y - gap - sz.y);
        ys.push_back(req.muscle.max.y + gap);
    }
    for (const Rect& r : placed) {
        xs.push_back(r.max.x + gap);
        xs.push_back(r.min.x - gap - sz.x);
        ys.push_back(r.max.y + gap);
        ys.push_back(r.min.y - gap - sz.y);
    }
    for (float& x : xs) x = clampf(x, loX, hiX);
    for (float& y : ys) y = clampf(y, loY, hiY);

    const float musclePenalty = 4.0f * (cx.viewport.x + cx.viewport.y);
    const float blockedBy = std::max(0.0f, gap - 0.5f);  // touching at exactly `gap` is fine
    Spot best{Rect::fromPosSize(glm::vec2(clampf(job.ideal.x, loX, hiX), clampf(job.ideal.y, loY, hiY)), sz)};
    bool found = false;
    for (float y : ys) {
        for (float x : xs) {
            Rect cand = Rect::fromPosSize({x, y}, sz);
            float cost;
            bool clean = true;
            if (job.docked) {
                cost = std::abs(x - job.ideal.x) + std::abs(y - job.ideal.y);
            } else {
                cost = std::abs(y - job.ideal.y) + std::abs(x - job.ideal.x);  // ideal: at the anchor, or in its stack
                float covered = req.muscle.valid() ? cand.overlapArea(req.muscle) : 0.0f;
                if (covered > 0.0f) cost += musclePenalty + std::sqrt(covered);
                float hidden = cx.opt.avoid.valid() ? cand.overlapArea(cx.opt.avoid) : 0.0f;
                if (hidden > 0.0f) cost += 0.5f * musclePenalty + std::sqrt(hidden);
                clean = covered <= 0.0f && hidden <= 0.0f;
            }
            if (!(cost < best.cost)) continue;
            bool free = std::none_of(placed.begin(), placed.end(),
                                     [&](const Rect& r) { return cand.overlaps(r.expanded(blockedBy)); });
            if (!free) continue;
            best = {cand, cost, clean};
            found = true;
        }
    }
    if (!found) best.clean = false;  // nowhere free: the ideal spot, overlapping
    return best;
}

// The panels of one screen side, top to bottom in the order of their anchors, each as near its anchor's
// height as the others allow: panels that would overlap form a stack centred on their anchors (the mean
// of where each would like to be), stacks that then meet merge, and the whole column is kept on screen.
// Greedy placement alone centres the first panel on its anchor, and the next one of the column may then
// no longer fit below it and cross the screen to the other side.
void stackColumns(std::vector<Job>& jobs, const std::vector<PanelPlacement>& out,
                  const std::vector<PanelRequest>& panels, const std::vector<Rect>& reserved, glm::vec2 viewport,
                  float margin, float gap) {
    struct Stack {
        std::size_t first, count;
        float top, height, sumWanted;  // sumWanted: over members, the top each wants minus its offset
    };
    for (PanelSide side : {PanelSide::Left, PanelSide::Right}) {
        std::vector<Job*> column;
        for (Job& j : jobs)
            if (out[j.index].side == side) column.push_back(&j);
        std::stable_sort(column.begin(), column.end(), [&](const Job* a, const Job* b) {
            return panels[a->index].anchor.y < panels[b->index].anchor.y;
        });
        std::vector<Stack> stacks;
        for (std::size_t i = 0; i < column.size(); ++i) {
            stacks.push_back({i, 1, column[i]->ideal.y, column[i]->size.y, column[i]->ideal.y});
            while (stacks.size() >= 2) {
                Stack& lo = stacks[stacks.size() - 2];
                const Stack& hi = stacks.back();
                if (hi.top >= lo.top + lo.height + gap) break;
                // Merge: every member of the upper stack moves down by the lower stack's height.
                const float offset = lo.height + gap;
                lo.sumWanted += hi.sumWanted - offset * static_cast<float>(hi.count);
                lo.count += hi.count;
                lo.height += gap + hi.height;
                lo.top = lo.sumWanted / static_cast<float>(lo.count);
                stacks.pop_back();
            }
        }
        for (const Stack& st : stacks) {
            float y = st.top;
            for (std::size_t k = st.first; k < st.first + st.count; ++k) {
                column[k]->ideal.y = y;
                y += column[k]->size.y + gap;
            }
        }
        // On screen: pushed up from the bottom edge and above the reserved areas they would cover (the
        // pain legend in the same column) where there is room above, then down from the top (a column
        // taller than the screen overlaps at the bottom, where the greedy placement finds other room).
        // Without the reserved areas a stack could end over the legend, and its last panel, finding no
        // free spot near its place, was left out while room stayed free above the others.
        float bottom = viewport.y - margin;
        for (std::size_t i = column.size(); i-- > 0;) {
            Job& j = *column[i];
            float y = std::min(j.ideal.y, bottom - j.size.y);
            for (const Rect& r : reserved) {
                const float above = r.min.y - gap - j.size.y;
                if (Rect::fromPosSize({j.ideal.x, y}, j.size).overlaps(r) && above >= margin) y = std::min(y, above);
            }
            j.ideal.y = y;
            bottom = y - gap;
        }
        float top = margin;
        for (Job* j : column) {
            j->ideal.y = std::max(j->ideal.y, top);
            top = j->ideal.y + j->size.y + gap;
        }
    }
}

}  // namespace

// One greedy pass. allCompact: every panel that has a compact form starts in it. `unclean` counts the
// on-screen panels that found no clean spot.
static std::vector<PanelPlacement> layoutOnce(glm::vec2 viewport, const std::vector<PanelRequest>& panels,
                                              const PanelLayoutOptions& options, bool allCompact, int& unclean) {
    unclean = 0;
    std::vector<PanelPlacement> out(panels.size());
    viewport = glm::max(viewport, glm::vec2(0.0f));
    const float margin = clampf(options.margin, 0.0f, std::min(viewport.x, viewport.y) * 0.25f);
    const Context cx{viewport, margin, options};
    const glm::vec2 room = glm::max(viewport - 2.0f * margin, glm::vec2(0.0f));

    std::vector<Rect> placed;
    for (const Rect& r : options.reserved)
        if (r.valid()) placed.push_back(r);
    std::vector<Job> normal, docked;
    const float split = options.split > 0.0f ? options.split : viewport.x * 0.5f;
    for (std::size_t i = 0; i < panels.size(); ++i) {
        const PanelRequest& req = panels[i];
        PanelPlacement& p = out[i];
        const bool onScreen = req.anchorInFront && Rect{{0.0f, 0.0f}, viewport}.contains(req.anchor);
        if (!req.anchorInFront) {
            p.alpha = options.minAlpha;
        } else if (!onScreen) {
            float fade =
                1.0f - std::min(1.0f, distanceOffScreen(req.anchor, viewport) / std::max(1.0f, options.fadeDistance));
            p.alpha = std::max(options.minAlpha, options.dockedAlpha * fade);
        } else if (req.anchorOccluded) {
            p.alpha = options.occludedAlpha;
        }
        p.hasLeader = onScreen;
        p.side = req.anchor.x < split ? PanelSide::Left : PanelSide::Right;

        if (req.pinned) {
            glm::vec2 size = glm::min(glm::max(req.size, glm::vec2(0.0f)), viewport);
            glm::vec2 pos(clampf(req.pinned->x, 0.0f, viewport.x - size.x),
                          clampf(req.pinned->y, 0.0f, viewport.y - size.y));
            p.rect = Rect::fromPosSize(pos, size);
            placed.push_back(p.rect);
            continue;
        }
        const bool startCompact = allCompact && req.compactSize && onScreen;
        Job job{i,
                glm::min(glm::max(startCompact ? *req.compactSize : req.size, glm::vec2(0.0f)), room),
                {0.0f, 0.0f},
                !onScreen};
        p.compact = startCompact;
        if (job.docked) {
            p.docked = true;
            p.side = nearestEdge(req.anchor, viewport);
            glm::vec2 c(clampf(req.anchor.x, 0.0f, viewport.x), clampf(req.anchor.y, 0.0f, viewport.y));
            job.ideal = c - job.size * 0.5f;
            if (p.side == PanelSide::Left) job.ideal.x = margin;
            if (p.side == PanelSide::Right) job.ideal.x = viewport.x - margin - job.size.x;
            if (p.side == PanelSide::Top) job.ideal.y = margin;
            if (p.side == PanelSide::Bottom) job.ideal.y = viewport.y - margin - job.size.y;
            docked.push_back(job);
        } else {
            job.ideal.x = p.side == PanelSide::Left ? margin : viewport.x - margin - job.size.x;
            job.ideal.y = req.anchor.y - job.size.y * 0.5f;
            if (options.split > 0.0f) {
                const float apart = std::max(options.splitHalfWidth, 0.0f) + options.gap * 0.5f;
                if (p.side == PanelSide::Left)
                    job.maxX = split - apart - job.size.x;
                else
                    job.minX = split + apart;
            }
            normal.push_back(job);
        }
    }
    stackColumns(normal, out, panels, options.reserved, viewport, margin, options.gap);
    // Panels whose anchors are on screen choose first; docked ones take what is left.
    for (const auto* jobs : {&normal, &docked}) {
        for (const Job& job : *jobs) {
            const PanelRequest& req = panels[job.index];
            Spot spot = place(cx, job, req, placed);
            if (!spot.clean && req.compactSize && !job.docked && !out[job.index].compact) {
                Job small = job;
                small.size = glm::min(glm::max(*req.compactSize, glm::vec2(0.0f)), room);
                small.ideal.y = req.anchor.y - small.size.y * 0.5f;
                if (out[job.index].side == PanelSide::Right) small.ideal.x = viewport.x - margin - small.size.x;
                if (options.split > 0.0f && out[job.index].side == PanelSide::Left)
                    small.maxX = split - std::max(options.splitHalfWidth, 0.0f) - options.gap * 0.5f - small.size.x;
                const Spot compact = place(cx, small, req, placed);
                if (compact.clean || compact.cost < spot.cost) {
                    spot = compact;
                    out[job.index].compact = true;
                }
            }
            if (!spot.clean && !job.docked) ++unclean;
            out[job.index].rect = spot.rect;
            placed.push_back(spot.rect);
        }
    }
    for (std::size_t i = 0; i < panels.size(); ++i) {
        PanelPlacement& p = out[i];
        if (!p.hasLeader) continue;
        const glm::vec2 a = panels[i].anchor;
        if (p.rect.contains(a)) {
            p.hasLeader = false;
            continue;
        }
        p.leaderTo = a;
        p.leaderFrom = glm::vec2(clampf(a.x, p.rect.min.x, p.rect.max.x), clampf(a.y, p.rect.min.y, p.rect.max.y));
    }
    return out;
}

std::vector<PanelPlacement> layoutPanels(glm::vec2 viewport, const std::vector<PanelRequest>& panels,
                                         const PanelLayoutOptions& options) {
    int unclean = 0;
    auto out = layoutOnce(viewport, panels, options, false, unclean);
    const bool anyCompact =
        std::any_of(panels.begin(), panels.end(), [](const PanelRequest& r) { return r.compactSize.has_value(); });
    if (unclean > 0 && anyCompact) {
        // Greedy placement let early panels take full size and pushed later ones onto the model; try
        // all of them compact and keep that when more panels find clean spots.
        int uncleanCompact = 0;
        auto compact = layoutOnce(viewport, panels, options, true, uncleanCompact);
        if (uncleanCompact < unclean) return compact;
    }
    return out;
}

}  // namespace la
