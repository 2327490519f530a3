#pragma once
// State the panels read and write. Panels never own scene data; they return actions the app carries out.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/CameraPose.h"
#include "core/Pick.h"
#include "core/Posture.h"
#include "core/ScreenLayout.h"

namespace la::ui {

struct StatusInfo {
    std::string modelName;
    std::string frame;  // how the model was placed: "Registered from the hip bones: scale 0.001, ..."
    std::size_t triangles = 0;
    float frameMs = 0.0f;   // shown only in the debug overlay
    std::string selection;  // name of the selected structure, empty = none
    int tourStep = 0;       // 1-based; 0 = no tour open
    int tourSteps = 0;
    std::string tourTitle;
    bool modelLoading = false;    // a model file is being loaded (before the first one: no "No model")
    std::string loading;          // work in progress shown ("Loading big.glb", after 150 ms); empty = none
    float loadingSeconds = 0.0f;  // how long that load has run (0: not a load)
};

// A text the UI drew where the layout report should tell (the status bar's items, the sidebar's tab
// labels): its name and the rectangle its text takes, in framebuffer pixels.
struct DrawnItem {
    std::string name;
    Rect rect;
};

struct OpenDialogState {
    bool open = false;
    std::string directory;  // empty: the last folder (recent files), else home
    char pathBuffer[1024] = {};
};

// One article panel beside a structure.
struct PanelState {
    NodeId node;            // of the model it was opened for
    bool expanded = false;  // the whole article, else its first section
    bool folded = false;    // only the title (the arrow beside it folds and opens)
    bool pinned = false;
    glm::vec2 pinnedPos{0.0f};
    float measuredHeight = 0.0f;  // height ImGui gave the summary last frame (collapsed panels size to content)
    float compactHeight = 0.0f;   // height of the compact form (title and first paragraph)
    float foldedHeight = 0.0f;    // height of the title alone (it may wrap), measured when last folded
};

struct SceneUiState {
    std::vector<PickMode> visibility;  // per node: what the user chose
    NodeId selected;                   // invalid = none; of the model it was made for
    NodeId hovered;
    int peelDepth = 0;               // layers shallower than this are hidden (0 = none peeled)
    bool explain = false;            // panels for both featured muscles, both sides
    bool therapist = false;          // show the "for therapists" detail
    std::vector<PanelState> panels;  // panels that were drawn last frame (state kept across frames)
    char search[64] = {};
};

struct UiState {
    OpenDialogState openDialog;
    std::vector<std::string> recentFiles;  // most recent first
    std::string message;                   // last error (shown until dismissed) or notice (a few seconds)
    bool messageIsError = false;
    std::string messageShown;   // the message the timer below belongs to
    double messageSince = 0.0;  // ImGui time it appeared
    bool showStatusBar = true;
    // The sidebar: its tabs Structures, Referred pain, Tours; closed it is a small button at the left.
    bool sidebarOpen = true;
    SidebarTab sidebarTab = SidebarTab::Structures;
    bool showKeys = false;                        // the keys-and-mouse sheet (H, F1)
    bool showAbout = false;                       // Help > About
    bool debugOverlay = false;                    // frame time and layout outlines (F11)
    std::optional<glm::vec2> lookupAt;            // framebuffer pixel of the click that opened the pain lookup
    std::map<std::string, float> articleHeights;  // tour articles' content heights last frame (by id#section)
    std::vector<std::string> monitors;            // names, for the presenter-mode monitor chooser (the app fills it)
    int presenterMonitor = 0;                     // index into monitors
    bool presenter = false;                       // presenter mode is on (the app sets it)
    Posture posture = Posture::Standing;          // how the body lies (ctrl::Viewer sets it)
    float fontScale = 1.0f;                       // the user's text size (presenter mode enlarges it further)
    SceneUiState scene;
};

struct UiActions {
    std::optional<std::string> openModel;
    std::optional<ViewPreset> viewPreset;
    std::optional<Posture> posture;  // View > Body position
    bool frameAll = false;
    std::optional<std::string> showPain;  // instance key of a muscle whose pain pattern to show
    std::optional<NodeId> closePanel;     // node
    bool togglePresenter = false;         // F5 / View menu
    std::optional<bool> screenshot;       // true: with the panels (F12); false: the scene only (Ctrl+F12)
    std::optional<float> fontScale;       // new text size
    bool quit = false;
    // A size the layout reads from the last frame (a panel's measured height) changed in this one: the
    // window draws once more so that the layout catches up instead of resting on a stale size.
    bool remeasured = false;
};

void addRecentFile(UiState& state, const std::string& path, std::size_t maxCount = 10);

// The sidebar on `tab` (opened when closed); toggleSidebarTab closes it when it already shows that tab.
// Plain functions of the state (no ImGui): the controllers use them too.
inline void openSidebarTab(UiState& state, SidebarTab tab) {
    state.sidebarOpen = true;
    state.sidebarTab = tab;
}
inline void toggleSidebarTab(UiState& state, SidebarTab tab) {
    if (state.sidebarOpen && state.sidebarTab == tab)
        state.sidebarOpen = false;
    else
        openSidebarTab(state, tab);
}
// The referred-pain tab is in front (a click on the body then also looks up pain).
inline bool painTabShown(const UiState& state) {
    return state.sidebarOpen && state.sidebarTab == SidebarTab::Pain && !state.presenter;
}
inline bool anyOverlayOpen(const UiState& state) {
    return state.showAbout || state.showKeys || state.openDialog.open;
}
// Esc: closes the top-most dialog (About, the key sheet, the open dialog); true when one closed, so that
// Esc does nothing else.
inline bool closeTopOverlay(UiState& state) {
    for (bool* open : {&state.showAbout, &state.showKeys, &state.openDialog.open})
        if (*open) {
            *open = false;
            return true;
        }
    return false;
}

}  // namespace la::ui
