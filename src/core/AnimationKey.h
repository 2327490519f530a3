#pragma once
// What the referred-pain animation shows in a frame, in steps the eye tells apart: the trigger point the
// link animation shows, its glow and each trigger point's fade, each quantized to `steps` levels. Two
// frames with equal keys look the same, so the window skips an animation tick whose key has not changed
// (the hold of each pulse, settled fades) instead of drawing an identical frame.
#include <vector>

#include "core/ViewState.h"

namespace la {

struct PainFrameKey {
    bool active = false;
    int linkTrigger = -1;
    int glow = 0;
    std::vector<int> weights;
    float intensity = 1.0f;
    int palette = 0;
    bool operator==(const PainFrameKey& o) const {
        return active == o.active && linkTrigger == o.linkTrigger && glow == o.glow && weights == o.weights &&
               intensity == o.intensity && palette == o.palette;
    }
    bool operator!=(const PainFrameKey& o) const { return !(*this == o); }
};

PainFrameKey painFrameKey(const PainView& pain, int steps = 12);

}  // namespace la

namespace la {

// A CPU budget for animation nobody is steering (the pain link pulsing, fades): after an animation frame
// that cost `cpuSeconds` of processor time (all threads: a software renderer's too), the next one waits
// until that cost is at most `share` of one core, and at least `minInterval`. On a machine that draws a
// frame in 5 ms the animation runs at the cap (10 Hz); where a frame costs 150 ms of CPU it runs at 1.7 Hz
// rather than take the processor from everything else. Frames for input are not limited.
class AnimationBudget {
public:
    explicit AnimationBudget(double share = 0.25, double minInterval = 0.1) : share_(share), min_(minInterval) {}
    void drawn(double now, double cpuSeconds);
    // The earliest time for the next animation frame (any steady clock, seconds).
    double nextAt() const { return next_; }

private:
    double share_, min_;
    double next_ = 0.0;
};

}  // namespace la
