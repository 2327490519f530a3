#pragma once
// State of the tour, presenter-mode, screenshot and settings features of App (AppTour.cpp,
// AppSettings.cpp), kept together so App.h needs only a few members.
#include <optional>
#include <string>
#include <vector>

#include "core/Settings.h"
#include "core/TourPlayer.h"
#include "ui/TourPanel.h"

namespace la::app {

struct TourSession {
    TourPlayer player{Tour{}, 1.0f};
    bool loaded = false;                  // a tour (possibly new and empty) is in the player
    std::string path;                     // file it came from; empty for a new tour
    std::vector<ui::TourListEntry> list;  // bundled tours, then the user's
    ui::TourPanelState panel;
    std::vector<std::string> articles;  // article panels the current step opened
    int appliedStep = -1;               // step last applied to the scene
    float captionHeight = 0.0f;         // of the caption bar last frame (the pain legend sits above it)
};

struct PresenterState {
    bool active = false;
    bool blank = false;                                  // B: a black screen until pressed again
    int monitor = 0;                                     // index into glfwGetMonitors
    int savedX = 0, savedY = 0, savedW = 0, savedH = 0;  // window geometry to restore
    float fontScale = 1.8f;                              // times the normal font scale while presenting
};

// Work that must happen between frames (not inside ImGui::NewFrame .. Render).
struct PendingWork {
    std::optional<float> fontScale;        // rebuild the font atlas
    std::optional<bool> presenter;         // enter / leave presenter mode
    std::optional<bool> screenshotWithUi;  // F12 (true) / Ctrl+F12 (false)
};

struct SettingsSession {
    bool enabled = false;     // window runs only; headless runs never read or write settings
    Settings saved;           // what the file holds
    Settings pending;         // unsaved settings, waiting to be still for a second
    double changedAt = -1.0;  // glfwGetTime() when `pending` last changed, -1 = none
};

// "lumbar-atlas-YYYYMMDD-HHMMSS.png" for a local time.
std::string screenshotFileName(int year, int month, int day, int hour, int minute, int second);

// "step-01.png", "step-02.png", ... (at least two digits).
std::string exportFileName(int stepIndex);

}  // namespace la::app
