#pragma once
// Shared helpers for the anatomical builders and the list of structures they produce.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "landmarks.h"
#include "loft.h"
#include "patch.h"
#include "reference.h"
#include "sdf.h"

namespace mg {

// The model's top (cm, about the level of T4): the muscles of the back and the thoracic spine end flat here, the
// skin a little above.
constexpr float kModelTop = 40.0f;

// Landmark position (cm, left side).
inline vec3 L(const char* name) {
    const landmarks::Landmark* l = landmarks::find(name);
    if (!l) {
        std::fprintf(stderr, "modelgen: unknown landmark %s\n", name);
        std::abort();
    }
    return {l->x, l->y, l->z};
}
inline float Lval(const char* name) {
    return L(name).x;
}

// Every structure as a finished shape (left side for sided structures), keyed by id without side.
using Shapes = std::map<std::string, std::unique_ptr<Shape>>;

// The builders add their structures to `out`; later groups carve themselves out of earlier ones.
void buildPelvis(Shapes& out);  // hip_bone, interpubic_disc, sacrum, coccyx
vec3 sacralBody();              // centre of the body of S1 (the L5-S1 disc lies on it)
void buildSpine(Shapes& out);   // vertebra_T12 ... vertebra_L5
void buildDiscs(Shapes& out);   // disc_T12_L1 ... disc_L5_S1 (after the pelvis and the spine)
// A vertebral body as built: centre, axis (up) and half-width, half-height, half-depth (cm).
struct VertebralBody {
    vec3 centre, up;
    float hw, hh, hd;
};
VertebralBody t12Body();  // T12's (the T11-T12 disc lies on it)
// vertebra_T11 ... vertebra_T4 (cut by the model's top) and disc_T11_T12 ... disc_T4_T5 (after buildSpine)
void buildThoracicSpine(Shapes& out);
// The ids of the thoracic vertebrae above T12, from T11 up.
const std::vector<std::string>& thoracicIds();
// Every vertebra of the model, T4 ... L5.
std::vector<const Shape*> allVertebrae(const Shapes& out);
void buildFemurRibs(Shapes& out);    // femur, rib_11, rib_12
vec3 rib11Head();                    // the centre of the 11th rib's head (its tube's radius there: 0.55 cm)
void buildGluteals(Shapes& out);     // gluteals, deep lateral rotators, tensor fasciae latae
void buildBackMuscles(Shapes& out);  // quadratus_lumborum, erector spinae columns, psoas_major, iliacus
void buildWallMuscles(Shapes& out);  // transversus_abdominis, obliques, serratus_posterior_inferior, latissimus_dorsi
// thoracolumbar_fascia, iliotibial_band, iliolumbar and sacrotuberous ligaments
void buildFasciaLigaments(Shapes& out);
void buildOrgansNerves(Shapes& out);  // kidney (and kidney_right)
// The sciatic nerve (organs_nerves.cpp), laid on the deep rotators; called by buildGluteals before the gluteus
// maximus, which is carved out of it.
std::unique_ptr<Shape> sciaticNerve(const Shapes& out);
// The superior gluteal nerve and vessels laid on the gluteus minimus (organs_nerves.cpp); called by
// buildGluteals before the gluteus medius, which is carved out of them.
void buildSuperiorGluteal(Shapes& out, const Shape& gmin);
void buildSkin(Shapes& out);  // skin

// The first surface point of any of `under` met when coming from p + dir * 8 towards p - dir * 8,
// moved out by `offset` along dir (drapes a muscle over what lies beneath it). p itself when nothing is hit.
vec3 drape(const std::vector<const Shape*>& under, const vec3& p, const vec3& dir, float offset);

// A shape holding the measured reference body of `id` (reference.h), to be carved and finished by the caller.
std::unique_ptr<Shape> referenceMuscle(const char* id, const RefOptions& o = {});
// Keeps a left structure on the left (cuts at x = 0.15 cm) and finalizes it.
void finishLeft(Shape& s);

// Adds "carve s out of target": target = smooth-max(target, -(s + gap)).
inline void carve(Shape& target, const Shape& s, float gap, float k) {
    target.group(Op::Subtract, k);
    target.add(nested(&s, gap));
}

}  // namespace mg
