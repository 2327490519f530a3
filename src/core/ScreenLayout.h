#pragma once
// The whole screen's layout: one pure function from the framebuffer size, the content scale and what
// is open to the rectangle of every window the UI draws (menu bar, status bar, sidebar, caption bar,
// toast, pain legend, pain lookup, tour articles, article panels with their leader lines, dialogs).
// Pixels of the framebuffer, origin top-left, y down. No ImGui here: ui/ draws what this decides, and
// the theme takes its sizes from the same UiMetrics, so the two agree.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/PanelLayout.h"

namespace la {

// Sizes that follow the text: `scale` is content scale x --ui-scale x the user's text size, 1 = 17 px text.
struct UiMetrics {
    float scale = 1.0f;
    float font = 17.0f;         // pixel height of the regular font
    glm::vec2 framePadding{0};  // inside buttons and boxes
    float frameHeight = 0.0f;   // a button, a check box, the menu bar and the status bar
    glm::vec2 windowPadding{0};
    glm::vec2 itemSpacing{0};
    float margin = 0.0f;  // free border around the view and between its windows and the screen's edge
    float gap = 0.0f;     // between two windows
};
UiMetrics uiMetrics(float scale);

enum class SidebarTab { Structures = 0, Pain = 1, Tours = 2 };

struct ScreenLayoutInput {
    glm::vec2 framebuffer{1280.0f, 720.0f};
    float scale = 1.0f;
    bool presenter = false;  // no menu bar, status bar or sidebar
    bool menuBar = true;     // (outside presenter mode) the window's chrome: off for plain screenshots
    bool statusBar = true;
    bool sidebar = true;      // the sidebar exists (its open or closed state below)
    bool sidebarOpen = true;  // closed: only a small button to open it again
    // What the UI measured last frame (sizes depend on the text); zero = not shown.
    float captionHeight = 0.0f;         // the tour's caption bar
    glm::vec2 toast{0.0f};              // the message strip
    glm::vec2 legend{0.0f};             // the pain legend
    std::optional<glm::vec2> lookupAt;  // where the click was that opened the pain lookup
    glm::vec2 lookup{0.0f};             // its size
    std::vector<glm::vec2> articles;    // tour article panels (no structure to point at)
    std::vector<PanelRequest> panels;   // article panels beside their structures (screen coordinates)
    Rect body;                          // the model's projected bounds: panels keep off it when they can
    glm::vec2 dialog{0.0f};             // a modal dialog (open file, About, the key sheet); centred
};

struct ScreenLayout {
    UiMetrics metrics;
    Rect menuBar, statusBar;
    Rect sidebar;  // open: the whole left column; closed: the small button that opens it
    Rect view;     // the screen less menu bar, status bar and open sidebar: where the body is seen
    Rect caption;  // at the bottom of the view, across it
    Rect content;  // the view above the caption bar: where the floating windows go
    Rect toast, legend, lookup, dialog;
    // The middle of the body, kept free: no panel, article or legend covers it (the pain lookup opens
    // beside a click on the body and may; the toast is a passing line at the top). The model's
    // projected bounds within `content`, narrowed about its centre (to no less than half) only when the
    // columns beside it would be too narrow for a panel. Invalid when no body is known.
    Rect bodyFree;
    Rect body;  // the model's projected bounds as given (ScreenLayoutInput::body): the trigger marks' scale
    Rect leftColumn, rightColumn;        // `content` beside bodyFree (both the whole content without a body)
    glm::vec2 legendRoom{0.0f};          // the most the legend may take: the UI measures it to fit in here
    std::vector<Rect> articles;          // invalid = no room (not drawn)
    std::vector<PanelPlacement> panels;  // same order as the requests
    std::vector<bool> panelShown;        // false: no room left even for its title (not drawn)
    std::vector<bool> panelFolded;       // true: placed as its title only (the screen is full)
    float sidebarWidth = 0.0f;           // of the open sidebar (also when closed: for the toggle)
};

// Guarantees, for any framebuffer of at least 320x240: every rectangle lies on screen; no two of the
// non-modal rectangles (menu bar, status bar, sidebar, caption, toast, legend, lookup, articles, shown
// panels that are not pinned) overlap; none of the legend, the articles and the unpinned panels covers
// bodyFree; panels stay in the column on their anchor's side, beside the body at full size when there
// is room, else in a compact form, else folded to their title (PanelRequest::foldedSize), else left
// out; the legend takes the bottom corner of the column with fewer panels. The dialog is modal and may
// cover the others.
ScreenLayout layoutScreen(const ScreenLayoutInput& in);

// Every non-modal rectangle of a layout with a name, for checks and the --layout-report.
struct NamedRect {
    std::string name;  // "sidebar", "panel 2", ...
    Rect rect;
};
std::vector<NamedRect> placedRects(const ScreenLayout& layout);

}  // namespace la
