#pragma once
// Where the info panels of selected structures go on screen: a pure function of the viewport and the
// panels' anchors, so it is deterministic and testable. Pixels, origin top-left, y down.
#include <optional>
#include <vector>

#include <glm/glm.hpp>

namespace la {

struct Rect {
    glm::vec2 min{0.0f};
    glm::vec2 max{0.0f};

    static Rect fromPosSize(glm::vec2 pos, glm::vec2 size) { return {pos, pos + size}; }
    glm::vec2 size() const { return max - min; }
    glm::vec2 center() const { return (min + max) * 0.5f; }
    bool valid() const { return max.x > min.x && max.y > min.y; }
    bool contains(glm::vec2 p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
    // True when the two share an area (touching edges do not count).
    bool overlaps(const Rect& o) const {
        return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
    }
    float overlapArea(const Rect& o) const;
    Rect expanded(float d) const { return {min - glm::vec2(d), max + glm::vec2(d)}; }
};

enum class PanelSide { Left, Right, Top, Bottom };

struct PanelRequest {
    glm::vec2 anchor{0.0f};                // projected anchor point of the structure
    bool anchorInFront = true;             // false: behind the camera; `anchor` then only gives a direction
    bool anchorOccluded = false;           // the anchor is hidden behind other geometry
    Rect muscle;                           // projected bounds of the structure (invalid = unknown)
    glm::vec2 size{280.0f, 120.0f};        // desired panel size (collapsed or expanded)
    std::optional<glm::vec2> compactSize;  // a smaller form (e.g. one paragraph) for when `size` finds no clean spot
    std::optional<glm::vec2> pinned;       // top-left corner where the user pinned the panel
    std::optional<glm::vec2> foldedSize;   // its title only: layoutScreen's last resort on a full screen
};

struct PanelPlacement {
    Rect rect;
    bool hasLeader = false;  // draw a line leaderFrom (on the panel's edge) -> leaderTo (the anchor)
    glm::vec2 leaderFrom{0.0f};
    glm::vec2 leaderTo{0.0f};
    float alpha = 1.0f;   // 1 = anchor visible on screen; less when hidden, off screen or behind
    bool docked = false;  // anchor off screen or behind the camera: panel sits at the nearest edge
    PanelSide side = PanelSide::Left;
    bool compact = false;  // placed in its compact size
};

struct PanelLayoutOptions {
    float margin = 12.0f;  // free border around the screen
    float gap = 8.0f;      // between panels, and between a panel and its structure
    float occludedAlpha = 0.45f;
    float dockedAlpha = 0.6f;  // at the screen edge; fades further with the anchor's distance
    float minAlpha = 0.15f;
    float fadeDistance = 600.0f;  // pixels off screen over which a docked panel fades to minAlpha
    std::vector<Rect> reserved;   // screen areas panels keep clear of: other windows, the caption bar
    Rect avoid;                   // soft: the model's projected bounds; panels cover it only when they must
    // > 0: the x that divides the left column from the right (the body's middle). A panel whose anchor is
    // on screen goes to the side of its anchor and stays there (when that side is full it overlaps, and
    // the screen layout folds it) instead of crossing the body with a long leader line. 0: the middle of
    // the viewport, and a panel takes a free spot anywhere.
    float split = 0.0f;
    // With a split: the half-width of the strip around it that such panels keep out of from top to
    // bottom (the body's middle: not above or below it either, where the legs and head are).
    float splitHalfWidth = 0.0f;
};

// One placement per request, in the same order. Guarantees: every rectangle lies inside the viewport
// (pinned ones) or inside it less the margin (the others; sizes are shrunk to fit); panels that are
// not pinned overlap neither each other, nor pinned panels, nor reserved areas unless the screen is too full for any
// free spot; a panel covers its own structure only when no free spot avoids it. Earlier requests get the better spots.
// Unpinned, undocked panels go to the column on the anchor's side (left or right half), as near the anchor's height as
// possible. A spot is clean when it is free, covers neither its structure nor `avoid`; a panel with a compactSize takes
// that size when only the compact form finds a clean spot (or covers less).
std::vector<PanelPlacement> layoutPanels(glm::vec2 viewport, const std::vector<PanelRequest>& panels,
                                         const PanelLayoutOptions& options = {});

}  // namespace la
