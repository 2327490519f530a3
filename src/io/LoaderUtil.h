#pragma once
// Small helpers shared by the model loaders.
#include <string>

#include "core/Model.h"

namespace la::io {

std::string lowerExtension(const std::string& path);
// Doubles from a file as floats; values beyond float's range become infinities (a plain cast is undefined),
// which the coordinate check then refuses.
float toFloat(double d);
// A double from a file as an index: -1 unless it is a whole number in [0, INT_MAX] (a plain cast of a huge
// or non-finite value is undefined).
int toIndex(double d);
// Joins a multi-line library message into one line.
std::string oneLine(const std::string& text);
// True when following parents from every node ends at a root (linear in the node count).
bool checkNoCycles(const Model& m);
// Models larger than this (metres from the origin, after node transforms) are refused as damaged.
inline constexpr double kMaxCoordinate = 1e6;
// Empty when every drawn mesh has finite positions within kMaxCoordinate of the origin after its node's
// transform; otherwise the problem, naming the node ("node 'spine': coordinates are not finite").
std::string coordinateProblem(const Model& m);
// A name for an error line: quoted and cut to a readable length.
std::string quotedName(const std::string& name);
// Clears the mesh of nodes that are not reachable from the model's roots (they are not part of the scene).
void pruneUnreachable(Model& m);

}  // namespace la::io
