#pragma once
// The bony landmarks and muscle extents of shared/anatomy FACTS.md section 3 ("measured" column), left side
// (+x = the body's left), centimetres, frame: origin midway between the ASIS, y up, z anterior.
// Header-only data so that the tests can read the same table. Every shape is placed from these.
#include <array>
#include <cstring>
#include <string_view>

namespace mg::landmarks {

struct Landmark {
    const char* name;
    float x, y, z;
};

inline constexpr std::array<Landmark, 32> kTable{{
    {"asis", 11.8f, 0.0f, 0.0f},
    {"femoral_head", 8.0f, -8.2f, -5.9f},  // centre
    {"crest_top", 9.7f, 6.4f, -8.0f},      // highest point of the iliac crest
    {"iliac_tubercle", 13.2f, 2.5f, -3.4f},
    {"psis", 4.5f, 1.3f, -13.8f},
    {"promontory", 0.0f, 1.7f, -8.1f},
    {"symphysis", 0.5f, -9.9f, -2.5f},
    {"ischial_tuberosity", 4.2f, -14.3f, -8.6f},  // lowest point
    {"gt_lateral", 14.3f, -11.0f, -6.6f},         // greater trochanter, most lateral
    {"gt_top", 11.5f, -7.3f, -5.3f},              // greater trochanter, top (x given as 10...13)
    {"rib12_head", 2.2f, 20.1f, -8.3f},
    {"rib12_tip", 7.8f, 10.7f, -9.1f},
    {"T12_body", 0.0f, 19.5f, -8.0f},
    {"L1_body", 0.0f, 16.2f, -7.1f},
    {"L2_body", 0.0f, 13.2f, -6.7f},
    {"L3_body", 0.0f, 10.1f, -6.7f},
    {"L4_body", 0.0f, 6.6f, -6.4f},
    {"L5_body", 0.0f, 3.6f, -6.9f},
    {"T12_tp", 2.2f, 19.1f, -10.5f},  // transverse process tips
    {"L1_tp", 3.3f, 15.9f, -9.6f},
    {"L2_tp", 3.7f, 13.3f, -9.3f},
    {"L3_tp", 3.9f, 10.3f, -9.1f},
    {"L4_tp", 4.2f, 7.4f, -8.4f},
    {"L5_tp", 4.9f, 4.6f, -9.2f},
    {"T12_sp", 0.0f, 16.7f, -12.9f},  // spinous process tips
    {"L1_sp", 0.0f, 13.8f, -12.2f},
    {"L2_sp", 0.0f, 10.6f, -11.8f},
    {"L3_sp", 0.0f, 8.1f, -11.8f},
    {"L4_sp", 0.0f, 5.7f, -11.8f},
    {"L5_sp", 0.0f, 3.5f, -12.2f},
    {"femur_length", 44.0f, 0.0f, 0.0f},        // head top to condyles (x holds the value)
    {"femoral_head_radius", 2.2f, 0.0f, 0.0f},  // (x holds the value)
}};

// Measured bounding boxes of the left muscles (cm): min and max corners.
struct Extent {
    const char* muscle;
    float x0, x1, y0, y1, z0, z1;
};
inline constexpr std::array<Extent, 5> kMuscleExtents{{
    {"quadratus_lumborum", 1.6f, 6.6f, -0.5f, 19.4f, -12.5f, -8.2f},
    {"gluteus_medius", 5.8f, 14.4f, -11.2f, 4.9f, -12.1f, -3.3f},
    {"gluteus_minimus", 6.5f, 14.5f, -10.9f, 2.1f, -9.2f, -3.4f},
    {"gluteus_maximus", 0.0f, 14.1f, -22.9f, 3.3f, -16.2f, -6.8f},
    {"psoas_major", 0.7f, 10.4f, -16.5f, 20.3f, -9.4f, -1.8f},
}};

// Transverse processes (left, cm). The tip is the measured landmark "<level>_tp" above; the root is where the
// free process leaves the bone it grows from: the pedicle for T12-L3, a broad base on the pedicle and the
// side of the body for L4 and (broadest, far lateral) L5, whose process is short, thick and pyramidal.
// Free length = |tip - root|: L3's is the longest, L5's one of the shortest although its tip is the most
// lateral. Cross-section: vertical half-extent (h) and antero-posterior half-thickness (r) at the root and
// at the tip; base: vertical half-extent of the broad base at the pedicle and the body (0 = no base, the
// process springs from the pedicle itself).
struct TransverseProcess {
    const char* level;
    float x, y, z;  // root
    float hRoot, rRoot;
    float hTip, rTip;
    float hBase;
};
inline constexpr std::array<TransverseProcess, 6> kTransverseProcesses{{
    {"T12", 1.75f, 19.1f, -10.5f, 0.42f, 0.28f, 0.34f, 0.26f, 0.0f},
    {"L1", 1.85f, 16.1f, -8.95f, 0.46f, 0.28f, 0.36f, 0.24f, 0.0f},
    {"L2", 1.85f, 13.35f, -8.35f, 0.46f, 0.28f, 0.37f, 0.24f, 0.0f},
    {"L3", 1.85f, 10.35f, -8.15f, 0.44f, 0.26f, 0.36f, 0.23f, 0.0f},
    {"L4", 2.45f, 7.1f, -7.65f, 0.55f, 0.34f, 0.4f, 0.27f, 0.7f},
    {"L5", 3.6f, 4.2f, -8.5f, 0.8f, 0.5f, 0.45f, 0.34f, 0.8f},
}};

inline const TransverseProcess* findTransverseProcess(std::string_view level) {
    for (const TransverseProcess& t : kTransverseProcesses)
        if (level == t.level) return &t;
    return nullptr;
}

// Lines a therapist traces on the hip bone (left, cm), as polylines the generator raises as low ridges on the
// bone; the tests find them on the mesh. The pelvic brim (arcuate line, then the pectineal line on the superior
// pubic ramus) on the inner surface, from the front of the sacroiliac joint to the pubic tubercle; the gluteal
// lines on the outer surface of the ilium (their points a few millimetres off the surface: the generator lays them
// on it): posterior from the crest about 5 cm in front of the PSIS down to the front of the posterior inferior
// spine; anterior from the crest in front of the iliac tubercle arching back to the top of the greater sciatic
// notch (the upper border of gluteus minimus); inferior from above the anterior inferior spine back over the
// acetabulum to the notch.
struct Polyline {
    const char* name;
    int n;
    std::array<std::array<float, 3>, 6> p;
};
inline constexpr std::array<Polyline, 4> kHipLines{{
    {"pelvic_brim",
     6,
     {{{4.7f, -0.6f, -10.4f},
       {5.7f, -3.2f, -8.1f},
       {6.5f, -4.9f, -6.4f},
       {7.3f, -5.9f, -4.4f},
       {5.4f, -7.4f, -2.5f},
       {3.2f, -8.3f, -1.9f}}}},
    {"posterior_gluteal_line",
     4,
     {{{6.7f, 5.2f, -11.3f}, {6.9f, 3.0f, -11.6f}, {6.6f, 0.8f, -11.7f}, {6.1f, -0.8f, -11.3f}}}},
    {"anterior_gluteal_line",
     6,
     {{{12.9f, 0.5f, -2.0f},
       {12.6f, 1.0f, -4.4f},
       {11.9f, 1.6f, -5.9f},
       {10.6f, 1.9f, -7.6f},
       {8.4f, 0.2f, -9.3f},
       {7.1f, -2.4f, -9.6f}}}},
    {"inferior_gluteal_line",
     4,
     {{{11.3f, -2.5f, -1.6f}, {10.4f, -3.5f, -4.2f}, {9.0f, -4.2f, -6.8f}, {7.4f, -4.2f, -8.8f}}}},
}};

// The posterior sacral foramina (left, cm: x, y), four, S1 to S4; the generator sinks them through the dorsal
// surface of the sacrum.
inline constexpr std::array<std::array<float, 2>, 4> kSacralForamina{
    {{2.3f, -0.6f}, {2.1f, -2.6f}, {1.8f, -4.4f}, {1.4f, -6.1f}}};

inline const Polyline* findHipLine(std::string_view name) {
    for (const Polyline& l : kHipLines)
        if (name == l.name) return &l;
    return nullptr;
}

// Lookup by name; nullptr when absent.
inline const Landmark* find(std::string_view name) {
    for (const Landmark& l : kTable)
        if (name == l.name) return &l;
    return nullptr;
}

}  // namespace mg::landmarks
