#pragma once
// Muscles shaped after measured reference figures: our own parametric sections (fitted_sections.inc, written by
// fit_reference.py), lofted in height.
#include "sdf.h"

namespace mg {

struct RefOptions {
    float rim = 0.35f;            // rounding where the body ends (cm)
    vec3 fibre{0.0f};             // a fixed fibre direction; zero = along the centre line of the sections
    bool fibres = true;           // muscles carry fibre directions
    float grow = 0.0f;            // added to every half-width and depth (cm)
    float growLateral = 0.0f;     // added to the half-width on the lateral (+x) side as well (cm)
    float growLateralLow = 0.0f;  // added to growLateral below fadeLo, fading out by fadeHi (cm)
    float minDepth = 0.0f;        // depths across the long axis at least this (cm): thin measured sheets made fuller
    vec3 shift{0.0f};             // the whole body moved by this (cm): fits it to our bones where they differ
    // Above fadeLo the shift, minDepth and growLateralLow fade out, gone at fadeHi (cm): a body fitted to our bones low
    // down and left as measured higher up.
    float fadeLo = 1e6f, fadeHi = 2e6f;
    float reach = 0.0f;  // the fitted height range made this much longer at both ends (cm)
    float ylo = -1e6f;   // the body is cut (rounded) below / above these heights (within the fitted range)
    float yhi = 1e6f;
};

// The muscle `id` as one primitive: its fitted sections (centre, rotation, half-widths and depths on either
// side, superellipse exponent, bend) interpolated in height by a Catmull-Rom clamped to its neighbours (nothing
// overshoots), tapered beyond the end sections to the fitted height range. The field stays below the true
// distance. Aborts on an unknown id.
PrimPtr referenceBody(const char* id, const RefOptions& o = {});
// The fitted height range of `id` (cm).
float referenceLow(const char* id);
float referenceHigh(const char* id);
bool hasReference(const char* id);

}  // namespace mg
