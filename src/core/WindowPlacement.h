#pragma once
// Where the window opens: its saved (or default) size and position fitted to the work area of the monitor
// that holds its centre (the primary one when it has no position or is off every monitor). Worked out
// before the window exists, so that it is created at its final size: a window resized after its GL
// context was made shows its first frame in the old-sized buffer (llvmpipe under X: the top of the
// picture cut off, a band of clear colour above it). GL- and GLFW-free.
#include <cstddef>
#include <optional>
#include <vector>

namespace la {

struct ScreenRect {
    int x = 0, y = 0, w = 0, h = 0;
    bool contains(int px, int py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

struct Placement {
    int w = 0, h = 0;
    std::optional<int> x, y;  // both or neither; none: the system places the window
};

// `workAreas` of the monitors, `primary` the index of the primary one (ignored when out of range). A
// window larger than the chosen work area is shrunk to it; a positioned window is moved onto it. With no
// work areas the placement is returned as it is. Sizes never go below 1.
Placement fitToWorkArea(const Placement& window, const std::vector<ScreenRect>& workAreas, std::size_t primary);

}  // namespace la
