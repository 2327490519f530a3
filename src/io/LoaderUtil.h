#pragma once
// Small helpers shared by the model loaders.
#include <string>

#include "core/Model.h"

namespace la::io {

std::string lowerExtension(const std::string& path);
// Joins a multi-line library message into one line.
std::string oneLine(const std::string& text);
// True when following parents from every node ends at a root.
bool checkNoCycles(const Model& m);
// Clears the mesh of nodes that are not reachable from the model's roots (they are not part of the scene).
void pruneUnreachable(Model& m);

}  // namespace la::io
