#pragma once
// The caption bar of a tour: a dark band across the bottom of the view with the step's caption in
// large light text and "step n / N" at its right. Drawn in the window, in presenter mode and on exports.
#include <string>

namespace la::ui {

struct CaptionView {
    std::string text;
    int step = 0;  // 1-based; 0 hides the counter
    int count = 0;
    float alpha = 1.0f;         // of the text (captions cross-fade on a step change); the band stays
    float bottomOffset = 0.0f;  // pixels kept free below the bar (the status bar)
};

// Returns the bar's height in pixels (0 when nothing was drawn).
float drawCaptionBar(const CaptionView& view);

}  // namespace la::ui
