#pragma once
// Panels for articles a tour step opens (lower_back_strain, ...): they belong to no structure in the
// model, so the screen layout puts them at the top of the view's left column instead of beside a structure.
#include <map>
#include <string>
#include <vector>

#include "core/Catalogue.h"
#include "core/PanelLayout.h"

namespace la::ui {

struct ArticleView {
    const StructureInfo* info = nullptr;
    std::string section;      // title (or its start, any case) of the section to show; empty: the first
    bool interactive = true;  // false: no Close button (handouts)
};

// Heights the articles needed last frame, by id and section (the layout sizes them from these).
using ArticleHeights = std::map<std::string, float>;

// What each article would like (width from the font, height as measured), for the layout.
std::vector<glm::vec2> articleSizes(const std::vector<ArticleView>& articles, const ArticleHeights& heights);
// Draws each article in its rectangle (an invalid one is skipped; a short one scrolls). Returns true
// when the user closed one (`closed` = index).
bool drawArticlePanels(const std::vector<ArticleView>& articles, const std::vector<Rect>& rects, bool therapist,
                       ArticleHeights& heights, int& closed);

}  // namespace la::ui
