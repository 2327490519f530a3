#include "ui/Screen.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>  // the window list, for the layout report

#include "ui/Dialogs.h"
#include "ui/MainMenu.h"

namespace la::ui {

ScreenLayoutInput screenLayoutInput(UiState& state, const ScreenFrame& frame) {
    ScreenLayoutInput in;
    in.framebuffer = frame.framebuffer;
    in.scale = ImGui::GetFontSize() / 17.0f;
    in.presenter = frame.presenter;
    in.menuBar = frame.chrome;
    in.statusBar = frame.chrome && state.showStatusBar;
    in.sidebar = frame.chrome;
    in.sidebarOpen = state.sidebarOpen;
    if (frame.caption) {
        // The bar spans the view: the screen less the open sidebar.
        const ScreenLayout bare = layoutScreen(in);
        in.captionHeight = captionBarHeight(*frame.caption, bare.view.size().x);
    }
    in.toast = messageSize(state);
    in.panels = frame.panelRequests;
    in.body = frame.body;
    if (frame.pain && frame.painField) {
        // In the corner of a column beside the body (the layout says how much room that leaves);
        // smaller rooms get the shorter forms.
        const ScreenLayout bare = layoutScreen(in);
        in.legend = painLegendSize(*frame.painField, *frame.pain, bare.legendRoom);
    }
    if (frame.lookupOpen && *frame.lookupOpen && !frame.lookup.empty() && state.lookupAt) {
        in.lookupAt = state.lookupAt;
        // About as wide as the body's middle, where it opens beside the click (its text wraps).
        const ScreenLayout bare = layoutScreen(in);
        const float most = bare.bodyFree.valid() ? bare.bodyFree.size().x - 2.0f * bare.metrics.gap : 1e9f;
        in.lookup = painLookupSize(frame.lookup, most);
    }
    in.articles = articleSizes(frame.articles, state.articleHeights);
    in.dialog = frame.chrome ? dialogSize(state) : glm::vec2(0.0f);
    return in;
}

ScreenResult drawScreen(UiState& state, ScreenFrame& frame, UiActions& actions) {
    ScreenResult out;
    out.layout = layoutScreen(screenLayoutInput(state, frame));
    const ScreenLayout& L = out.layout;
    if (frame.chrome && !frame.presenter) {
        drawMainMenu(state, actions);
        if (frame.status) drawStatusBar(state, *frame.status, L.statusBar, &out.drawn);
        drawSidebar(state, frame.sidebar, L.sidebar, out.tour, &out.drawn);
    }
    if (frame.caption) drawCaptionBar(*frame.caption, L.caption);
    int closed = -1;
    if (drawArticlePanels(frame.articles, L.articles, frame.therapist, state.articleHeights, closed))
        out.closedArticle = closed;
    if (frame.pain && frame.painField) drawPainLegend(*frame.painField, *frame.pain, L.legend, &out.drawn);
    if (frame.lookupOpen) out.lookupChosen = drawPainLookup(frame.lookup, L.lookup, *frame.lookupOpen);
    // Panels the layout left out (no room even for their title) are not drawn this frame.
    std::vector<PanelView> shown;
    for (std::size_t i = 0; i < frame.panels.size() && i < L.panels.size(); ++i) {
        if (!L.panelShown[i]) continue;
        PanelView v = frame.panels[i];
        v.placement = L.panels[i];
        v.layoutFolded = L.panelFolded[i];
        shown.push_back(v);
    }
    if (!shown.empty()) drawInfoPanels(shown, frame.therapist, actions);
    drawMessage(state, L.toast);
    if (frame.chrome) drawDialogs(state, actions, L.dialog);
    if (state.debugOverlay && frame.status) drawDebugOverlay(*frame.status, L.view, L.metrics.scale);
    return out;
}

std::string layoutReport(const ScreenLayout& layout, const std::vector<DrawnItem>& drawn) {
    std::string out;
    char line[512];
    auto add = [&](const char* kind, const char* name, float x, float y, float w, float h) {
        std::snprintf(line, sizeof line, "layout %s %s %.0f %.0f %.0f %.0f\n", kind, name, static_cast<double>(x),
                      static_cast<double>(y), static_cast<double>(w), static_cast<double>(h));
        out += line;
    };
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const ImGuiWindow* w : g.Windows) {
        if (!w->Active || w->Hidden || w->IsFallbackWindow || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
        const char* kind = "window";
        if (w->Flags & ImGuiWindowFlags_Tooltip)
            kind = "tooltip";
        else if (w->Flags & ImGuiWindowFlags_Modal)
            kind = "modal";
        else if (w->Flags & ImGuiWindowFlags_Popup)
            kind = "popup";
        else if (std::string(w->Name) == "##MainMenuBar")
            kind = "menu";
        // Names without spaces, so the line splits on blanks: the part before "##", or the id after it.
        std::string name = w->Name;
        const auto hash = name.find("##");
        if (hash != std::string::npos) name = hash > 0 ? name.substr(0, hash) : name.substr(2);
        for (char& c : name)
            if (c == ' ') c = '_';
        add(kind, name.c_str(), w->Pos.x, w->Pos.y, w->Size.x, w->Size.y);
    }
    if (layout.caption.valid())
        add("bar", "caption", layout.caption.min.x, layout.caption.min.y, layout.caption.size().x,
            layout.caption.size().y);
    if (layout.bodyFree.valid())  // not a window: the middle of the body, which windows keep clear of
        add("area", "body", layout.bodyFree.min.x, layout.bodyFree.min.y, layout.bodyFree.size().x,
            layout.bodyFree.size().y);
    for (const DrawnItem& d : drawn)
        add("item", d.name.c_str(), d.rect.min.x, d.rect.min.y, d.rect.size().x, d.rect.size().y);
    return out;
}

}  // namespace la::ui
