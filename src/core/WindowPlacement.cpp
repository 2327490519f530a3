#include "core/WindowPlacement.h"

#include <algorithm>

namespace la {

Placement fitToWorkArea(const Placement& window, const std::vector<ScreenRect>& workAreas, std::size_t primary) {
    Placement out = window;
    out.w = std::max(out.w, 1);
    out.h = std::max(out.h, 1);
    if (workAreas.empty()) return out;
    const ScreenRect* area = primary < workAreas.size() ? &workAreas[primary] : &workAreas.front();
    const bool positioned = window.x.has_value() && window.y.has_value();
    if (!positioned) out.x.reset(), out.y.reset();
    if (positioned) {
        const int cx = *window.x + out.w / 2, cy = *window.y + out.h / 2;
        for (const ScreenRect& a : workAreas)
            if (a.contains(cx, cy)) {
                area = &a;
                break;
            }
    }
    if (area->w <= 0 || area->h <= 0) return out;
    out.w = std::min(out.w, area->w);
    out.h = std::min(out.h, area->h);
    if (positioned) {
        out.x = std::clamp(*window.x, area->x, area->x + area->w - out.w);
        out.y = std::clamp(*window.y, area->y, area->y + area->h - out.h);
    }
    return out;
}

}  // namespace la
