#pragma once
// Places a model made elsewhere (BodyParts3D in millimetres and Z-up, a Z-Anatomy export, a purchased
// glTF) in our landmark frame (docs/CONVENTIONS.md: metres, origin midway between the ASIS, +Y up,
// faces +Z, left = +X), from the structures its node names were mapped to:
//   1. both hip bones: ASIS, PSIS and the top of the crest found on each bone, fitted (least squares,
//      similarity) to the same landmarks of the bundled model;
//   2. else the sacrum and the lumbar vertebrae: the spine's axis gives up, paired structures give left;
//   3. else its bounds: units guessed from its height, up = its tallest axis, centred.
// A model with no recognised anatomy keeps its frame. Camera presets, pain zones, trigger points and
// tours, all written in the landmark frame, then work on it.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/Model.h"
#include "core/SceneIndex.h"
#include "core/Similarity.h"

namespace la {

enum class RegistrationBasis { None, HipBones, Spine, Bounds };

struct Registration {
    RegistrationBasis basis = RegistrationBasis::None;
    Similarity transform;         // model (world) -> landmark frame
    float residual = 0.0f;        // RMS landmark distance after the fit (metres); 0 for Spine and Bounds
    bool alreadyInFrame = false;  // the fit is so close to identity that it is not applied

    bool applies() const { return basis != RegistrationBasis::None && !alreadyInFrame; }
    // One line for the status bar: "Registered from the hip bones: scale 0.001, rotated 90°, moved 1.23 m
    // (fit 4 mm)", "Own frame (no landmarks recognised)", ...
    std::string describe() const;
};

struct HipLandmarks {
    glm::vec3 asis{0.0f}, psis{0.0f}, crestTop{0.0f};
};

// The landmarks of the bundled model's left hip bone as this finder finds them (metres, landmark
// frame); the right ones are their mirror images.
HipLandmarks referenceHipLandmarks();

// ASIS (most anterior point of the upper half of the bone), PSIS (most posterior point of the upper
// half) and the highest point of the crest, for points already expressed in a frame that is roughly
// the landmark frame (any scale and origin). nullopt for fewer than 8 points.
std::optional<HipLandmarks> findHipLandmarks(const std::vector<glm::vec3>& points);

// Works out the registration of a model (with world transforms up to date) whose nodes `index` names.
Registration computeRegistration(const Model& model, const SceneIndex& index);

// Prepends the transform to every root node and updates world matrices and nothing else: meshes keep
// their data, so the model can be shown in its own frame again by applying the inverse.
void applyRegistration(Model& model, const Similarity& transform);

}  // namespace la
