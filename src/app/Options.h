#pragma once
// The command line. Later features extend it; existing options keep their meaning.
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/CameraPose.h"

namespace la::app {

struct Options {
    std::string model;               // empty = the bundled model
    std::string screenshot;          // PNG path: render one frame headlessly and exit
    int width = 1280, height = 720;  // --size WxH
    ViewPreset view = ViewPreset::Posterior;
    bool viewGiven = false;
    std::string select;              // --select ID
    std::string hide, ghost, show;   // --hide / --ghost / --show ID,... (groups: skin, muscles, bones, fascia, ...)
    std::vector<std::string> picks;  // --pick X,Y (repeatable)
    bool explain = false;            // --explain: panels for both featured muscles, both sides
    bool therapist = false;          // --therapist: show the detail for therapists
    std::string position;            // --position: standing, prone, side_lying_left, side_lying_right
    std::string pain;                // --pain ID,... or all
    float time = 0.25f;              // --time SECONDS: animation time of a rendered still
    bool timeGiven = false;
    std::string tour;                 // --tour FILE: open this tour (window), or its steps (--export-dir)
    std::string exportDir;            // --export-dir DIR: every tour step to DIR/step-NN.png, then exit
    std::string exportPdf;            // --export-pdf FILE: an A4 handout of the tour, then exit
    int step = 1;                     // --step N: the tour step a --screenshot shows (1-based)
    bool presenter = false;           // --presenter: start in presenter mode (with --screenshot: its look)
    bool trustPaths = false;          // --trust-paths: a glTF may read buffers and images outside its folder
    std::string chart;                // --chart MUSCLE[.L|.R]: with --screenshot, the pain chart layout
    float uiScale = 0.0f;             // --ui-scale: size of text and widgets instead of the monitor's scale (0 = its)
    std::optional<int> sidebar;       // --sidebar TAB: 0 structures, 1 pain, 2 tours, -1 closed (stills: window chrome)
    std::optional<glm::ivec2> click;  // --click X,Y: a click on the view before the still
    std::string aa = "fxaa";          // --aa fxaa|msaa|off: anti-aliasing of the window, stills and F12
    std::string frameStats;           // --frame-stats FILE: the window writes "frames N" there after each frame
    std::string frameLog;             // --frame-log FILE: a line per frame drawn (time, triangles, LOD, scale)
    std::string motionLod = "on";     // --motion-lod on|off: reduced frames while the camera moves
    bool layoutReport = false;        // --layout-report: print every placed window's rectangle after a still
    bool noRegister = false;          // --no-register: keep a model's own frame (no landmark registration)
    int scene = -1;                   // --scene N: the glTF scene to show (default: the file's `scene`, else 0)
};

struct ParseOutcome {
    std::optional<Options> options;  // empty when the program should exit
    int exitCode = 0;
};

ParseOutcome parseOptions(int argc, char** argv);

// Where the bundled data lives (models/, content/, shaders/), found at run time (io/BundledData.h:
// $LA_DATA_DIR, next to the executable, the XDG data dirs); empty when none holds it.
std::string dataDir();
std::string bundledModelPath();

}  // namespace la::app
