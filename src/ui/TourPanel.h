#pragma once
// The Tours tab: choose a bundled or user tour, play it step by step, and author tours in the
// viewer (add the current view as a step, reorder, delete, edit captions, save as a user tour;
// copy and paste the view as JSON). Returns what the user asked for; the app carries it out.
#include <optional>
#include <string>
#include <vector>

#include "core/TourPlayer.h"

namespace la::ui {

struct TourListEntry {
    std::string title;
    std::string path;
    bool user = false;  // saved in the user's data folder (else bundled with the viewer)
};

struct TourPanelState {
    int chosen = -1;       // index into the list of the tour in the player; -1 = new / none
    int captionStep = -1;  // which step the caption buffer holds
    char caption[1024] = {};
    char title[256] = {};
    char fileName[128] = {};
    bool titleLoaded = false;    // title buffer filled from the player
    std::string confirmReplace;  // a file name the user tried to save under that exists: asked before replacing
};

struct TourActions {
    std::optional<int> openTour;  // index into the list
    bool newTour = false;
    bool closeTour = false;
    bool first = false, previous = false, next = false;
    std::optional<int> goTo;
    bool addStep = false;      // the current view, after the current step
    bool replaceStep = false;  // the current step becomes the current view (caption kept)
    bool removeStep = false;
    int move = 0;  // -1 up, +1 down
    std::optional<std::string> caption;
    std::optional<std::string> title;
    std::optional<std::string> saveAs;  // file name without folder
    bool replace = false;               // with saveAs: the user agreed to replace an existing tour of that name
    bool copyView = false, pasteView = false;
    bool presenter = false;
    bool any() const;
};

// Draws into the current window (the sidebar's Tours tab); `chooserLabel` is what the chooser shows
// (the open tour's title).
void drawTourContent(TourPanelState& state, const std::vector<TourListEntry>& tours, const TourPlayer& player,
                     const std::string& chooserLabel, TourActions& actions);

}  // namespace la::ui
