#pragma once
// The caption bar of a tour: a dark band across the bottom of the view with the step's caption in
// large light text and "n / N" at its right. Drawn in the window, in presenter mode and on exports.
#include <string>

#include "core/PanelLayout.h"

namespace la::ui {

struct CaptionView {
    std::string text;
    int step = 0;  // 1-based; 0 hides the counter
    int count = 0;
    float alpha = 1.0f;  // of the text (captions cross-fade on a step change); the band stays
};

// The bar's height at this width (0 when there is nothing to show), for the layout.
float captionBarHeight(const CaptionView& view, float width);
// Draws the bar in `rect` (the layout's caption rectangle).
void drawCaptionBar(const CaptionView& view, const Rect& rect);

}  // namespace la::ui
