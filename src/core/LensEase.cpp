#include "core/LensEase.h"

#include <algorithm>
#include <cmath>

namespace la {

namespace {
const Lens kNoVelocity{glm::vec2(0.0f), 0.0f};

// Below a hundredth of a pixel on a 4K screen: the same framing.
bool same(const Lens& a, const Lens& b) {
    constexpr float kEps = 1e-5f;
    return std::abs(a.shift.x - b.shift.x) < kEps && std::abs(a.shift.y - b.shift.y) < kEps &&
           std::abs(a.scale - b.scale) < kEps;
}
}  // namespace

void LensEase::snap(const Lens& target) {
    from_ = to_ = shown_ = target;
    velocity_ = kNoVelocity;
    t_ = seconds_;
    started_ = true;
}

// Cubic Hermite over the ease: from `from_` with the start velocity `velocity_` (per second) to `to_` at
// rest. With no start velocity it is smoothstep (easeInOut).
Lens LensEase::at(float t) const {
    const float s = std::clamp(t / seconds_, 0.0f, 1.0f);
    const float s2 = s * s, s3 = s2 * s;
    return weighted(2.0f * s3 - 3.0f * s2 + 1.0f, (s3 - 2.0f * s2 + s) * seconds_, 3.0f * s2 - 2.0f * s3);
}

Lens LensEase::velocityAt(float t) const {
    if (t >= seconds_) return kNoVelocity;
    const float s = std::clamp(t / seconds_, 0.0f, 1.0f);
    const float s2 = s * s;
    // d/dt of at(): the Hermite basis's derivatives in s, over the ease's time.
    const float d00 = (6.0f * s2 - 6.0f * s) / seconds_;
    return weighted(d00, 3.0f * s2 - 4.0f * s + 1.0f, -d00);
}

Lens LensEase::weighted(float wFrom, float wVelocity, float wTo) const {
    Lens l;
    l.shift = wFrom * from_.shift + wVelocity * velocity_.shift + wTo * to_.shift;
    l.scale = wFrom * from_.scale + wVelocity * velocity_.scale + wTo * to_.scale;
    return l;
}

Lens LensEase::update(const Lens& target, float dt) {
    if (!started_ || seconds_ <= 0.0f) {
        snap(target);
        return shown_;
    }
    if (!same(target, to_)) {
        velocity_ = velocityAt(t_);  // none when the last ease had ended
        from_ = shown_;
        to_ = target;
        t_ = 0.0f;
    } else if (t_ < seconds_) {
        t_ = std::min(seconds_, t_ + std::max(dt, 0.0f));
    }
    shown_ = t_ >= seconds_ ? to_ : at(t_);
    return shown_;
}

}  // namespace la
