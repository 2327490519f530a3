#include "core/AnimationKey.h"

#include <algorithm>
#include <cmath>

namespace la {

namespace {
int step(float v, int steps) {
    return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * static_cast<float>(steps)));
}
}  // namespace

PainFrameKey painFrameKey(const PainView& pain, int steps) {
    PainFrameKey k;
    k.active = pain.active;
    k.glow = step(pain.linkGlow, steps);
    // A trigger point that does not glow this step shows no link: which one it is does not matter then.
    k.linkTrigger = k.glow > 0 ? pain.linkTrigger : -1;
    k.weights.reserve(pain.triggerWeight.size());
    for (const float w : pain.triggerWeight) k.weights.push_back(step(w, steps));
    k.intensity = pain.intensity;
    k.palette = pain.palette;
    return k;
}

}  // namespace la

namespace la {

void AnimationBudget::drawn(double now, double cpuSeconds) {
    const double interval = share_ > 0.0 ? std::max(cpuSeconds, 0.0) / share_ : 0.0;
    next_ = now + std::max(min_, interval);
}

}  // namespace la
