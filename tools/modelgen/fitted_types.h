#pragma once
// The records of fitted_sections.inc (written by fit_reference.py), compiled once in fitted_tables.cpp and looked up
// by id: reference.cpp (muscle bodies) and sheet.cpp (the trunk wall's sheets) read them.
#include <cstddef>

namespace mg::fitted {

// One fitted level of a muscle body: y, centre, rotation of the long axis u (degrees from +x towards +z),
// half-widths along u on its + and - sides, depths across it (v) on its + and - sides, superellipse exponent,
// bend (mid-line v = k u^2).
struct FitLevel {
    float y, cx, cz, th, ap, am, bp, bm, n, k;
};
struct FitMuscle {
    const char* id;
    float ylo, yhi;
    const FitLevel* levels;
    std::size_t count;
};
// One fitted level of a sheet: y; x0, a (medial x and lateral reach of the arc), zc, bf, bb (its centre and depths
// in front of / behind it), th0, th1 (degrees), thickness t.
struct SheetLevel {
    float y, x0, a, zc, bf, bb, th0, th1, t;
};
struct FitSheet {
    const char* id;
    float ylo, yhi;
    const SheetLevel* levels;
    std::size_t count;
};

// The fitted table of `id`, nullptr when there is none.
const FitMuscle* findMuscle(const char* id);
const FitSheet* findSheet(const char* id);

}  // namespace mg::fitted
