#pragma once
// How a window frame is drawn while the view moves: a software renderer cannot draw the full model at
// full resolution at an interactive rate, so while the camera moves (orbit, pan, zoom, fly-to, a change
// of posture) frames use the motion level of detail (core/MeshLod.h) at a reduced resolution, and the
// first frame after the camera has rested for `restSeconds` is drawn in full. The reduced resolution
// follows what reduced frames cost: from `movingScale` down to `minScale` in steps of `scaleStep`, a step
// a frame, towards `targetSeconds` a frame (a loaded or slower machine draws fewer pixels while moving).
// Pure: fed the pose, the clock and the frames' times; unit-tested.
#include "core/CameraPose.h"

namespace la {

struct MotionSettings {
    float restSeconds = 0.15f;           // the camera still this long: draw the full model at full resolution
    float movingScale = 0.5f;            // resolution scale (of width and height) while moving, at most
    float minScale = 0.25f;              // ... and at least
    float scaleStep = 0.05f;             // the scale changes by this much at a time (each size is a render target)
    float targetSeconds = 1.0f / 30.0f;  // what a reduced frame should take
    bool enabled = true;                 // false: every frame in full (--motion-lod off)
};

struct FrameQuality {
    bool lod = false;    // draw the simplified index lists
    float scale = 1.0f;  // of the scene target's width and height (the UI is always drawn in full)
    bool reduced() const { return lod || scale < 1.0f; }
};

class MotionQuality {
public:
    MotionQuality() = default;
    explicit MotionQuality(const MotionSettings& settings) : settings_(settings) {}

    // One call per frame before it is drawn: `now` in seconds (any steady clock), the camera's pose and
    // whether something else moves the view (a fly-to or posture animation, a drag held on the view).
    FrameQuality frame(double now, const CameraPose& pose, bool moving);
    // The last frame was reduced: a full frame is owed `restSeconds` after the last motion. Seconds from
    // `now` until it is due (0 when due now, negative when nothing is owed); the loop waits no longer.
    double fullFrameDueIn(double now) const;
    // A reduced frame was drawn and nothing has drawn the full one since.
    bool owesFullFrame() const { return owed_; }
    // A reduced frame took `seconds` (wall time from its start to its swap): the next one's scale moves a
    // step towards what would take targetSeconds (the cost taken as proportional to the pixels drawn).
    void reducedFrameTook(double seconds);
    float scale() const { return scale_; }
    // Nothing is shown (the window is iconified): no full frame is owed; the next frame is drawn in full
    // unless the camera moves again.
    void forgetOwed() { owed_ = false; }
    const MotionSettings& settings() const { return settings_; }

private:
    MotionSettings settings_;
    CameraPose last_;
    bool seen_ = false;  // last_ holds a pose
    double lastMotion_ = -1e30;
    bool owed_ = false;
    float scale_ = settings_.movingScale;
};

}  // namespace la
