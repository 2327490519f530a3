#pragma once
// Where the viewer's bundled, read-only data lives (models/, content/, shaders/): found at run time
// relative to the executable, never compiled in, so an installed or moved program finds its files.
#include <optional>
#include <string>
#include <vector>

#include "io/XdgPaths.h"

namespace la::io {

// The folders that may hold the bundled data, in the order they are tried:
//  1. $LA_DATA_DIR (an explicit override, for live content editing or a relocated data set);
//  2. <exe dir>/../share/lumbar-atlas (an install: bin/lumbar-atlas next to share/lumbar-atlas);
//  3. <exe dir>/share/lumbar-atlas (the build tree, where CMake links the sources' folders);
//  4. ($XDG_DATA_HOME or ~/.local/share)/lumbar-atlas, then each of $XDG_DATA_DIRS
//     (default /usr/local/share:/usr/share) + /lumbar-atlas.
// Relative XDG values are ignored, as the spec says. An empty exePath skips 2 and 3.
std::vector<std::string> bundledDataCandidates(const std::string& exePath, const EnvLookup& env);

// A folder holds the bundled data when it has models/lower_body.glb and content/structures/.
bool looksLikeBundledData(const std::string& dir);

using DirCheck = bool (*)(const std::string& dir);

// The first candidate that holds the data; nullopt when none does.
std::optional<std::string> findBundledData(const std::string& exePath, const EnvLookup& env,
                                           DirCheck holdsData = looksLikeBundledData);

// The running program's own path (/proc/self/exe); empty when it cannot be read.
std::string executablePath();

}  // namespace la::io
