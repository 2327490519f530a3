#pragma once
// Tour steps <-> what the viewer shows. Resolving a step against the loaded model (per-node visibility,
// selection, panels) and capturing the current view as a step. Pure functions: no GL, no ImGui.
#include <optional>
#include <string>
#include <vector>

#include "core/Catalogue.h"
#include "core/Pick.h"
#include "core/SceneIndex.h"
#include "core/Tour.h"
#include "core/TourPlayer.h"

namespace la {

// A step resolved against one model: its structures carry that model's generation.
struct StepScene {
    PickFilter visibility;              // per node; a step is absolute: what it neither hides nor ghosts is visible
    StructureRef selected;              // invalid = none
    std::vector<StructureRef> panels;   // structures whose panels the step opens, other than the selection
    std::vector<std::string> articles;  // panel ids with no node in the model (articles such as lower_back_strain)
    bool explain = false;
    std::vector<std::string> warnings;  // one line per id the model lacks; the step is shown without it
};

// Hidden wins over ghosted when a node is in both lists. Never fails: ids the model lacks become warnings
// (the tour itself was validated against the catalogue when it was loaded).
StepScene resolveStep(const TourStep& step, const SceneIndex& index, const Catalogue& catalogue, std::size_t nodeCount);

// What the viewer shows now, for "add the current view as a step".
struct ViewCapture {
    CameraPose pose;
    PickFilter visibility;           // effective visibility (peeled layers count as hidden)
    NodeId selected;                 // invalid = none
    std::vector<NodeId> panelNodes;  // pinned panels
    bool explain = false;
    std::vector<std::string> pain;  // pain pattern instance keys shown
    std::optional<float> painTime;
    std::string caption;
    Posture posture = Posture::Standing;
};

// A step that resolveStep turns back into the same visibility and selection (for mapped nodes;
// nodes the catalogue does not know cannot be named in a tour and are left visible).
TourStep captureStep(const ViewCapture& view, const SceneIndex& index);

// The ids of the mapped nodes whose mode is `mode`, in the shortest form a tour accepts: a group
// (skin, bones, muscles) when every node of it has the mode, else an id without side when every node
// of that structure has it, else instance keys. In index order.
std::vector<std::string> compactIds(const SceneIndex& index, const PickFilter& visibility, PickMode mode);

// Which caption the caption bar shows during a step change, and how opaque: the old caption fades out
// over the first half of the transition, the new one fades in over the second.
struct CaptionFade {
    int step = -1;  // -1: no caption
    float alpha = 1.0f;
};
CaptionFade captionFade(const TourPlayer& player);

}  // namespace la
