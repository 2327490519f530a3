#pragma once
// The camera's lens (Camera::lensShift and lensScale: where the image is centred and how much it shrinks)
// eased from one framing to the next when the layout changes it, instead of a jump: the sidebar opening or
// closing moves the body's centre; a tour's caption bar appearing shrinks the body to fit above it.
#include <glm/glm.hpp>

namespace la {

struct Lens {
    glm::vec2 shift{0.0f};
    float scale = 1.0f;
};

class LensEase {
public:
    explicit LensEase(float seconds = 0.3f) : seconds_(seconds) {}
    // The lens to show this frame, `dt` seconds after the last one, for the framing the layout wants now.
    // The first call shows it at once; a changed target starts an ease from what was shown, whose first
    // frame does not count `dt` (so a frame long after the last one still starts the ease at its start).
    // A change in the middle of an ease keeps the lens's speed: the new ease starts moving the way the
    // old one did and turns smoothly (a cubic with that start velocity and none at its end), instead of
    // stopping dead and starting again.
    Lens update(const Lens& target, float dt);
    // Shows `target` at once (stills, a new window size).
    void snap(const Lens& target);
    bool animating() const { return started_ && t_ < seconds_; }

private:
    Lens at(float t) const;
    Lens velocityAt(float t) const;
    // wFrom * from_ + wVelocity * velocity_ + wTo * to_, in shift and scale alike.
    Lens weighted(float wFrom, float wVelocity, float wTo) const;
    float seconds_;
    float t_ = 0.0f;
    bool started_ = false;
    Lens from_, to_, shown_;
    Lens velocity_{glm::vec2(0.0f), 0.0f};  // at the start of the current ease, per second
};

}  // namespace la
