#pragma once
// Panels for articles a tour step opens (lower_back_strain, ...): they belong to no structure in the
// model, so they sit in the top-left corner of the view instead of beside a structure.
#include <vector>

#include "core/Catalogue.h"

namespace la::ui {

// `top`: pixels kept free above (the menu bar). Returns true when the user closed one (`closed` = index).
bool drawArticlePanels(const std::vector<const StructureInfo*>& articles, bool therapist, float top, int& closed);

}  // namespace la::ui
