#pragma once
// Draws a RichText document with ImGui: headings, wrapped paragraphs with bold and italic words,
// bullet lists, rules; links as text. Therapist-only blocks show when `therapist` is true.
#include "core/RichText.h"

namespace la::ui {

struct RichTextOptions {
    bool therapist = false;
    int onlySection = -1;  // index from listSections(): draw only that section; -1 draws everything
    bool skipTitleOfSection = false;
    int maxBlocks = -1;  // draw at most this many blocks (-1: all), e.g. one paragraph for a compact panel
};

void drawRichText(const RichText& text, const RichTextOptions& options = {});

}  // namespace la::ui
