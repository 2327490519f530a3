#pragma once
// Which UI windows a frame can lay over from a cached picture instead of drawing them again. A software
// renderer pays for every UI triangle and pixel each frame (the sidebar's list alone is a third of the
// UI's cost), although while the camera orbits most windows stay exactly as they were. The UI's draw
// lists are described by an identity, a hash of their contents and the pixels they can touch; a list
// unchanged since the last frame is drawn once into a layer (a transparent picture of the screen's size)
// and laid over from it in the following frames for as long as it stays unchanged.
//
// Windows drawn over one another (a tooltip over the sidebar, a child window inside its parent) form a
// group: a group is cached only as a whole, when every list in it is unchanged, so the order in which
// they blend is kept. A list that only moved by whole pixels (an article panel that follows its
// structure while the camera orbits) counts as unchanged: its group is laid over from where the layer
// holds it, shifted, as long as the whole group moved alike. The layer holds what it was drawn with; a group is laid
// over from it only where nothing else was drawn into those pixels. Overlays (ImGui's background and foreground lists:
// leader lines, trigger marks) are always drawn live, before and after the layer. Pure; unit-tested.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace la {

// Pixels x, y (top left), width, height.
using PixelRect = glm::ivec4;
bool overlaps(const PixelRect& a, const PixelRect& b);

struct UiListInfo {
    std::uint64_t id = 0;  // the same window in every frame (its name's hash)
    std::uint64_t hash =
        0;                 // of everything it draws relative to `origin`: vertices, indices, clip rectangles, textures
    PixelRect rect{0};     // every pixel it can touch (the bounds of its clip rectangles)
    glm::ivec2 origin{0};  // the whole pixel its contents are measured from: a window moved by whole pixels
                           // keeps its hash, and only this and `rect` change
    bool overlay = false;  // background or foreground list: always drawn live
};

struct UiLayerPlan {
    std::vector<PixelRect> clear;            // first, clear these pixels of the layer to transparent
    std::vector<std::size_t> drawIntoLayer;  // then draw these lists (in their order) into the layer
    std::vector<bool> fromLayer;             // per list: laid over from the layer, not drawn live
    std::vector<PixelRect> composite;        // the frame's pixels to lay over from the layer, disjoint
    // Per composite rectangle: the layer's pixels come from `rect` moved back by this (windows that moved
    // by whole pixels since they were drawn into the layer, e.g. panels following their anchors).
    std::vector<glm::ivec2> compositeShift;
};

// The rectangles of `rects` made disjoint (their union, each pixel once).
std::vector<PixelRect> disjointUnion(const std::vector<PixelRect>& rects);
// The pixels of `from` outside every rectangle of `holes`, as disjoint rectangles.
std::vector<PixelRect> subtractRects(const PixelRect& from, const std::vector<PixelRect>& holes);

class UiLayerCache {
public:
    // One call per frame with the frame's lists in drawing order. `useLayer` false (a frame that draws
    // the UI directly): every list is drawn live and the layer is left as it is, but the frame still
    // counts for what is unchanged. `screen` is the layer's size; another size empties the layer.
    UiLayerPlan plan(const std::vector<UiListInfo>& lists, glm::ivec2 screen, bool useLayer);
    // The layer's pictures are gone (another font atlas, a lost target): nothing is taken from it.
    void forget() { layer_.clear(); }

private:
    struct Entry {
        std::uint64_t id, hash;
        PixelRect rect;
        glm::ivec2 origin;
    };
    std::vector<Entry> previous_;  // the last frame's lists
    std::vector<Entry> layer_;     // what the layer holds, each where it was drawn
    glm::ivec2 screen_{0};
};

}  // namespace la
