#pragma once
// Curved muscle sheets of the trunk wall (latissimus dorsi, the obliques, transversus abdominis, serratus posterior
// inferior): per 1 cm of height an arc around the trunk, our own parameters fitted to the measured figures
// (fitted_sections.inc, written by fit_reference.py), with a thickness.
#include <vector>

#include "sdf.h"

namespace mg {

struct SheetOptions {
    float rim = 0.3f;          // rounding where the sheet ends (cm)
    float fibreAngle = 90.0f;  // fibres: degrees from the arc's tangent (front -> back) towards +y; 90 = vertical
    float grow = 0.0f;         // added to the thickness (cm)
    float minThickness = 0.0f;
    float ylo = -1e6f, yhi = 1e6f;  // cut (rounded) below / above these heights (within the fitted range)
    // Draped: where the sheet would come closer than `gap` to one of these, its middle line is moved out (along
    // the arc's outward normal, per level and point) until it clears them.
    std::vector<const Shape*> under;
    float gap = 0.1f;
};

// The sheet `id` as one primitive. Its middle surface at height y is the arc
//   x = x0 + a s(th), z = zc + (bf in front of zc, bb behind it) c(th), th0 <= th <= th1,
// s, c: sine and cosine with exponent 2/2.4 (a little fuller than an ellipse; th = 0 at the front, 90 at the
// side, 180 at the back); the parameters are interpolated in height (clamped Catmull-Rom), tapered beyond
// the end levels to the measured height range; each level is drawn as a polyline, draped over `under`.
// Aborts on an unknown id.
PrimPtr sheetBody(const char* id, const SheetOptions& o = {});
bool hasSheet(const char* id);

}  // namespace mg
