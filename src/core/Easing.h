#pragma once
// Easing shared by camera flights, fades and tour transitions.
#include <algorithm>

namespace la {

// Smooth ease in and out of [0,1] (smoothstep): zero slope at both ends. Clamps its input.
inline float easeInOut(float s) {
    s = std::clamp(s, 0.0f, 1.0f);
    return s * s * (3.0f - 2.0f * s);
}

}  // namespace la
