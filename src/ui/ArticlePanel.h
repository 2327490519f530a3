#pragma once
// Panels for articles a tour step opens (lower_back_strain, ...): they belong to no structure in the
// model, so they sit in the top-left corner of the view instead of beside a structure.
#include <string>
#include <vector>

#include "core/Catalogue.h"

namespace la::ui {

struct ArticleView {
    const StructureInfo* info = nullptr;
    std::string section;      // title (or its start, any case) of the section to show; empty: the first
    bool interactive = true;  // false: no Close button (handouts)
};

// `top` / `bottom`: pixels kept free above (the menu bar) and below (caption and status bars); a long
// section scrolls. Returns true when the user closed one (`closed` = index).
bool drawArticlePanels(const std::vector<ArticleView>& articles, bool therapist, float top, float bottom, int& closed);

}  // namespace la::ui
