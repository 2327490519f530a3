#pragma once
// The look: a calm light theme with visible frame and check-box borders and opaque windows, sized from
// core's UiMetrics (so the layout and the widgets agree), and the fonts: the system's sans-serif face
// found through fontconfig, DejaVu Sans when fontconfig finds none, ImGui's own font as a last resort.
#include <string>

#include "core/ScreenLayout.h"

struct ImFontAtlas;

namespace la::ui {

// Sets every size and colour of the current ImGui style (absolute, so it can be called again when the
// content scale or the text size changes).
void applyTheme(const UiMetrics& metrics);

struct FontFiles {
    std::string regular, bold, italic;  // empty when not found
};
// The system sans-serif faces (fontconfig), else DejaVu Sans from Debian's fonts-dejavu-core.
FontFiles findSansFonts();

// Clears and fills the atlas in ui::FontRole's order (regular, bold, title, italic) at `pixels`: the
// current context's, or one of its own (built on another thread before any context exists).
void loadFonts(const FontFiles& files, float pixels);
void loadFonts(ImFontAtlas& atlas, const FontFiles& files, float pixels);

}  // namespace la::ui
