#pragma once
// Swept shapes built from control points: thick curved sheets (patches) and tapered tubes.
#include <vector>

#include "sdf.h"

namespace mg {

struct CP {
    vec3 p;
    float r;  // half-thickness (sheet) or radius (tube)
};

// Catmull-Rom through pts at parameter s in [0, 1] (uniform over the points, ends extrapolated).
vec3 catmull(const std::vector<vec3>& pts, float s);
float catmull(const std::vector<float>& v, float s);
CP catmull(const std::vector<CP>& pts, float s);

// A curved sheet: rows[j][i], j along the fibres (v), i across them (u). Adds one hard-union group of
// thick triangles to s with smooth width k; fibre direction = d/dv (set fibres=false for bones).
// mirror: the sheet and its copy across the midline (x -> -x), for midline structures.
void addSheet(Shape& s, const std::vector<std::vector<CP>>& rows, int nu, int nv, float k, bool fibres,
              bool mirror = false);
// A tube through pts (radius per point) sampled into n segments, one group of round cones.
void addTube(Shape& s, const std::vector<CP>& pts, int n, float k, Op op = Op::Union, bool mirror = false);

}  // namespace mg
