#pragma once
// Curved muscle sheets of the trunk wall (latissimus dorsi, the obliques, transversus abdominis, serratus posterior
// inferior). A sheet is a middle surface around the trunk's axis, its radius R(phi, y) on a grid of angle (phi = 0
// at the front, 90 at the left side, 180 at the back) and height, with a thickness and an outline on that grid.
// The grid is built from our own arcs fitted per centimetre of height to the measured figures
// (fitted_sections.inc, written by fit_reference.py), then smoothed in both directions (no steps from level to
// level), draped over what the sheet lies on, stacked over the deeper sheets, and ended on a smooth line above
// the bones it would otherwise run into (the iliac crest): the sheet never passes through them.
#include <functional>
#include <memory>
#include <vector>

#include "sdf.h"

namespace mg {

struct SheetGrid;

struct SheetOptions {
    float fibreAngle = 90.0f;  // fibres: degrees from the sheet's direction round the trunk (front -> back) to +y
    float muscle = 0.6f;       // thickness of the fleshy part (cm)
    float aponeurosis = 0.3f;  // thickness of the aponeurosis
    // 1 where the sheet is fleshy, 0 where it is aponeurosis, at a point (cm) of its middle surface; empty: fleshy.
    std::function<float(const vec3&)> belly;
    float yhi = 1e6f;  // cut flat (rounded) above this height
    // Nothing of the sheet where its middle surface is medial to backX and behind backZ (the sheet ends at the
    // side of the back, lateral to the erector spinae); backX <= 0: no such cut.
    float backX = 0.0f, backZ = -6.5f;
    // Draped: the middle surface is moved out until the sheet clears these (and the deeper sheets) by `gap`.
    std::vector<const Shape*> under;
    std::vector<std::shared_ptr<const SheetGrid>> over;
    float gap = 0.1f;
    // Above this height the outline is the one at this height, up to yhi: the sheet ends flat at yhi, as wide as
    // it is here (a clean cut where the model ends, instead of the layers' measured tops one above the other).
    float fillTop = 1e6f;
    int widenFront = 0;  // grid columns (2 degrees each) the outline reaches further forward than the fitted arcs
    // The sheet ends (on a smooth line, a little above) where, coming down, it would first meet one of these.
    std::vector<const Shape*> stopAt;
    // And below the line through floorA and floorB (x, y), level beyond floorB's x (the inguinal ligament, from
    // the pubic tubercle to the ASIS); unused when both are the same point.
    glm::vec2 floorA{0.0f}, floorB{0.0f};
};

// The sheet `id`'s grid, draped (aborts on an unknown id).
std::shared_ptr<SheetGrid> sheetGrid(const char* id, const SheetOptions& o);
// Layers of one wall, outermost first, made parallel: one outer face (the layers' own fitted radii, each plus what
// lies above it, averaged where the layers are; raised by the largest draping among them), each layer at its depth
// under it with `gap` between layers.
void stackSheets(const std::vector<SheetGrid*>& outerToInner, float gap);
// Ends the sheet above o.stopAt and readies it for sheetBody.
std::shared_ptr<const SheetGrid> finishSheet(std::shared_ptr<SheetGrid> g, const SheetOptions& o);
// The sheet as one primitive (distance to its middle surface less half its thickness, within its outline).
PrimPtr sheetBody(std::shared_ptr<const SheetGrid> g);
bool hasSheet(const char* id);

}  // namespace mg
