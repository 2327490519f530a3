#pragma once
// Lofts: smooth bodies through horizontal cross-sections (the erector spinae, the skin's trunk and thighs).
#include <vector>

#include "sdf.h"

namespace mg {

// One horizontal cross-section at height y: an outline in the (x, z) plane around the centre (cx, cz), made of
// four quarter superellipses meeting on the lines through the centre. Half-widths towards the midline (medial)
// and away from it (lateral; equal for a symmetric section, and for a section on the midline only `lateral`
// counts), depths behind (back) and in front of (front) the centre. Exponents of the back / front halves: 2 =
// ellipse, larger = fuller (like the broad flat back); nMedial > 0 replaces them on the medial half (the
// flatter inner face of a limb). Exponents must be > 1 (convex, smooth outline).
struct Section {
    float y, cx, cz;
    float medial, lateral, back, front;
    float nBack = 2.0f, nFront = 2.0f, nMedial = 0.0f;
};

// A smooth body through the sections (listed from the bottom up; Catmull-Rom in y), rounded (radius `rim`)
// where it ends. In the section plane the field is a lower bound of the distance to the outline, outside and
// inside (it never overestimates, so far blocks are skipped safely). fibres: the fibre direction runs along the
// centre line (muscles).
PrimPtr loft(const std::vector<Section>& sections, float rim, bool fibres = false);

}  // namespace mg
