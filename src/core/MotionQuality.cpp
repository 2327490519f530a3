#include "core/MotionQuality.h"

#include <algorithm>
#include <cmath>

namespace la {

namespace {
bool samePose(const CameraPose& a, const CameraPose& b) {
    return a.target == b.target && a.yawDeg == b.yawDeg && a.pitchDeg == b.pitchDeg && a.distance == b.distance;
}
}  // namespace

FrameQuality MotionQuality::frame(double now, const CameraPose& pose, bool moving) {
    // The first frame has nothing to compare with: a model just shown is drawn in full.
    const bool changed = seen_ && !samePose(pose, last_);
    last_ = pose;
    seen_ = true;
    if (changed || moving) lastMotion_ = now;
    if (!settings_.enabled || now - lastMotion_ >= static_cast<double>(settings_.restSeconds)) {
        owed_ = false;
        return {};
    }
    owed_ = true;
    return {true, scale_};
}

void MotionQuality::reducedFrameTook(double seconds) {
    if (!(seconds > 0.0)) return;
    // The scale that would have met the target, if the frame's cost follows its pixels (it does not quite:
    // the UI and the triangles cost the same at any scale, so the loop keeps stepping while it is short).
    const double wanted =
        static_cast<double>(scale_) * std::sqrt(static_cast<double>(settings_.targetSeconds) / seconds);
    const double step = static_cast<double>(settings_.scaleStep);
    if (wanted < static_cast<double>(scale_) - 0.5 * step)
        scale_ -= settings_.scaleStep;
    else if (wanted > static_cast<double>(scale_) + 1.5 * step)  // up only with room to spare: no flicker
        scale_ += settings_.scaleStep;
    scale_ = std::clamp(scale_, std::min(settings_.minScale, settings_.movingScale), settings_.movingScale);
}

double MotionQuality::fullFrameDueIn(double now) const {
    if (!owed_) return -1.0;
    const double due = lastMotion_ + static_cast<double>(settings_.restSeconds) - now;
    return due > 0.0 ? due : 0.0;
}

}  // namespace la
