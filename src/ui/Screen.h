#pragma once
// Everything the UI draws in one frame, placed by core::layoutScreen: the menu bar, the sidebar, the
// status bar, the caption bar, the message strip, the pain legend and lookup, tour articles, article
// panels and the modal dialogs. The app fills a ScreenFrame from its controllers and carries out what
// comes back; it draws nothing itself.
#include <optional>
#include <string>
#include <vector>

#include "core/ScreenLayout.h"
#include "ui/ArticlePanel.h"
#include "ui/CaptionBar.h"
#include "ui/InfoPanels.h"
#include "ui/PainPanel.h"
#include "ui/Sidebar.h"
#include "ui/UiState.h"

namespace la::ui {

struct ScreenFrame {
    glm::vec2 framebuffer{0.0f};
    bool chrome = true;  // menu bar, status bar and sidebar (the window; headless stills without --sidebar: off)
    bool presenter = false;
    SidebarContent sidebar;
    std::optional<CaptionView> caption;
    std::vector<ArticleView> articles;
    std::vector<PanelRequest> panelRequests;  // same order as panels
    std::vector<PanelView> panels;            // placement is filled in here
    Rect body;                                // the model's projected bounds
    const PainState* pain = nullptr;          // for the legend
    const PainField* painField = nullptr;     // its patterns and trigger points
    bool therapist = false;                   // the articles show the detail for therapists
    std::vector<LookupLine> lookup;           // the pain lookup's lines (empty: closed)
    bool* lookupOpen = nullptr;
    const StatusInfo* status = nullptr;
};

struct ScreenResult {
    ScreenLayout layout;
    TourActions tour;
    std::optional<int> closedArticle;
    std::optional<std::size_t> lookupChosen;
    std::vector<DrawnItem> drawn;  // the status bar's items and the sidebar's tab labels, for the report
};

// The layout's input from what is open this frame (sizes measured with the current font).
ScreenLayoutInput screenLayoutInput(UiState& state, const ScreenFrame& frame);
ScreenResult drawScreen(UiState& state, ScreenFrame& frame, UiActions& actions);

// One line per window ImGui drew this frame, plus the caption bar, the body's kept-free middle and the
// texts in `drawn`: "layout KIND NAME x y w h" (KIND is window, menu, popup, modal, tooltip, bar, area
// or item). For --layout-report, read by the render tests.
std::string layoutReport(const ScreenLayout& layout, const std::vector<DrawnItem>& drawn = {});

}  // namespace la::ui
