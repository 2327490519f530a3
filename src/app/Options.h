#pragma once
// The command line. Later features extend it; existing options keep their meaning.
#include <optional>
#include <string>
#include <vector>

#include "core/CameraPose.h"

namespace la::app {

struct Options {
    std::string model;                 // empty = the bundled model
    std::string screenshot;            // PNG path: render one frame headlessly and exit
    int width = 1280, height = 720;    // --size WxH
    ViewPreset view = ViewPreset::Posterior;
    bool viewGiven = false;
};

struct ParseOutcome {
    std::optional<Options> options;  // empty when the program should exit
    int exitCode = 0;
};

ParseOutcome parseOptions(int argc, char** argv);

// Where the bundled content lives (models/, content/): $LA_DATA_DIR, else the build-time source dir.
std::string dataDir();
std::string bundledModelPath();

}  // namespace la::app
