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

float clampf(float v, float lo, float hi) { return std::max(lo, std::min(v, hi)); }

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
};

// Free spot nearest to the ideal one. Candidate coordinates come from the screen border, the ideal
// spot, the structure's rectangle and the edges of every panel placed so far (one gap away).
Rect place(const Context& cx, const Job& job, const PanelRequest& req, const std::vector<Rect>& placed) {
    const glm::vec2 sz = job.size;
    const float loX = cx.margin, hiX = std::max(cx.margin, cx.viewport.x - cx.margin - sz.x);
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
    float bestCost = std::numeric_limits<float>::max();
    Rect best = Rect::fromPosSize(glm::vec2(clampf(job.ideal.x, loX, hiX), clampf(job.ideal.y, loY, hiY)), sz);
    for (float y : ys) {
        for (float x : xs) {
            Rect cand = Rect::fromPosSize({x, y}, sz);
            float cost;
            if (job.docked) {
                cost = std::abs(x - job.ideal.x) + std::abs(y - job.ideal.y);
            } else {
                cost = std::abs(cand.center().y - req.anchor.y) + std::abs(x - job.ideal.x);
                float covered = req.muscle.valid() ? cand.overlapArea(req.muscle) : 0.0f;
                if (covered > 0.0f) cost += musclePenalty + std::sqrt(covered);
            }
            if (!(cost < bestCost)) continue;
            bool free = std::none_of(placed.begin(), placed.end(),
                                     [&](const Rect& r) { return cand.overlaps(r.expanded(blockedBy)); });
            if (!free) continue;
            bestCost = cost;
            best = cand;
        }
    }
    return best;
}

}  // namespace

std::vector<PanelPlacement> layoutPanels(glm::vec2 viewport, const std::vector<PanelRequest>& panels,
                                         const PanelLayoutOptions& options) {
    std::vector<PanelPlacement> out(panels.size());
    viewport = glm::max(viewport, glm::vec2(0.0f));
    const float margin = clampf(options.margin, 0.0f, std::min(viewport.x, viewport.y) * 0.25f);
    const Context cx{viewport, margin, options};
    const glm::vec2 room = glm::max(viewport - 2.0f * margin, glm::vec2(0.0f));

    std::vector<Rect> placed;
    std::vector<Job> normal, docked;
    for (std::size_t i = 0; i < panels.size(); ++i) {
        const PanelRequest& req = panels[i];
        PanelPlacement& p = out[i];
        const bool onScreen = req.anchorInFront && Rect{{0.0f, 0.0f}, viewport}.contains(req.anchor);
        if (!req.anchorInFront) {
            p.alpha = options.minAlpha;
        } else if (!onScreen) {
            float fade = 1.0f - std::min(1.0f, distanceOffScreen(req.anchor, viewport) / std::max(1.0f, options.fadeDistance));
            p.alpha = std::max(options.minAlpha, options.dockedAlpha * fade);
        } else if (req.anchorOccluded) {
            p.alpha = options.occludedAlpha;
        }
        p.hasLeader = onScreen;
        p.side = req.anchor.x < viewport.x * 0.5f ? PanelSide::Left : PanelSide::Right;

        if (req.pinned) {
            glm::vec2 size = glm::min(glm::max(req.size, glm::vec2(0.0f)), viewport);
            glm::vec2 pos(clampf(req.pinned->x, 0.0f, viewport.x - size.x), clampf(req.pinned->y, 0.0f, viewport.y - size.y));
            p.rect = Rect::fromPosSize(pos, size);
            placed.push_back(p.rect);
            continue;
        }
        Job job{i, glm::min(glm::max(req.size, glm::vec2(0.0f)), room), {0.0f, 0.0f}, !onScreen};
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
            normal.push_back(job);
        }
    }
    // Panels whose anchors are on screen choose first; docked ones take what is left.
    for (const auto* jobs : {&normal, &docked}) {
        for (const Job& job : *jobs) {
            Rect r = place(cx, job, panels[job.index], placed);
            out[job.index].rect = r;
            placed.push_back(r);
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

}  // namespace la
