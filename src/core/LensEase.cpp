#include "core/LensEase.h"

#include <cmath>

#include "core/Easing.h"

namespace la {

namespace {
// Below a hundredth of a pixel on a 4K screen: the same framing.
bool same(const Lens& a, const Lens& b) {
    constexpr float kEps = 1e-5f;
    return std::abs(a.shift.x - b.shift.x) < kEps && std::abs(a.shift.y - b.shift.y) < kEps &&
           std::abs(a.scale - b.scale) < kEps;
}
}  // namespace

void LensEase::snap(const Lens& target) {
    from_ = to_ = shown_ = target;
    t_ = seconds_;
    started_ = true;
}

Lens LensEase::update(const Lens& target, float dt) {
    if (!started_ || seconds_ <= 0.0f) {
        snap(target);
        return shown_;
    }
    if (!same(target, to_)) {
        from_ = shown_;
        to_ = target;
        t_ = 0.0f;
    } else if (t_ < seconds_) {
        t_ = std::min(seconds_, t_ + std::max(dt, 0.0f));
    }
    const float s = easeInOut(t_ / seconds_);
    shown_.shift = glm::mix(from_.shift, to_.shift, s);
    shown_.scale = from_.scale + (to_.scale - from_.scale) * s;
    return shown_;
}

}  // namespace la
