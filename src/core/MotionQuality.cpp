#include "core/MotionQuality.h"

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
    return {true, settings_.movingScale};
}

double MotionQuality::fullFrameDueIn(double now) const {
    if (!owed_) return -1.0;
    const double due = lastMotion_ + static_cast<double>(settings_.restSeconds) - now;
    return due > 0.0 ? due : 0.0;
}

}  // namespace la
