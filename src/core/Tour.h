#pragma once
// Guided tours (content/tours/*.json, docs/CONVENTIONS.md): a list of absolute steps, each a
// camera, what is hidden/ghosted/selected, which panels and pain patterns are shown.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/CameraPose.h"
#include "core/Posture.h"

namespace la {

using TourCamera = std::variant<ViewPreset, CameraPose>;

struct TourStep {
    std::string caption;
    TourCamera camera = ViewPreset::Posterior;
    std::vector<std::string> hide;  // ids (no side = both sides) or groups skin/bones/muscles/...
    std::vector<std::string> ghost;
    std::vector<std::string> show;  // structures that start as x-ray (fascia, organs) shown solid in this step
    std::optional<std::string> select;
    std::vector<std::string> panels;
    bool explain = false;                 // panels for both featured muscles, both sides
    std::vector<std::string> pain;        // pain instance/muscle ids, or "all"
    std::optional<float> painTime;        // animation time (s) for exported stills
    Posture posture = Posture::Standing;  // how the body lies ("position"); the camera is relative to it

    bool operator==(const TourStep&) const;
};

struct Tour {
    std::string title;
    std::string audience;  // "patients", "therapists", ...
    std::vector<TourStep> steps;

    bool operator==(const Tour&) const = default;
};

// Limits of a pose a tour may ask for.
constexpr float kTourMaxPitchDeg = 89.0f;
// Empty when the pose is usable, else what is wrong ("pitch 95 is outside -89..89").
std::string cameraPoseProblem(const CameraPose& pose);

// Visibility groups valid in hide/ghost lists.
bool isVisibilityGroup(std::string_view id);  // skin, bones, muscles, fascia, ligaments, organs, nerves, vessels
// "gluteus_medius.L" -> "gluteus_medius"; ids without .L/.R are returned unchanged.
std::string_view stripSide(std::string_view id);

// A step's panel entry: a structure id, or an article id with a section to open at,
// "lower_back_strain#See a doctor" (the section whose title starts with that text, any case).
struct PanelRef {
    std::string_view id;
    std::string_view section;  // empty: the first section
};
PanelRef splitPanelRef(std::string_view ref);

}  // namespace la
