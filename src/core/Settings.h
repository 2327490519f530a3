#pragma once
// User settings that persist between runs (io/SettingsStore reads and writes them).
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "core/PainField.h"

namespace la {

enum class DetailLevel { Patient, Therapist };

struct Settings {
    static constexpr std::size_t kMaxRecentFiles = 10;
    static constexpr float kMinFontScale = 0.5f;
    static constexpr float kMaxFontScale = 3.0f;
    static constexpr int kUnsetPosition = -100000;  // window x/y: let the window manager place it

    std::string lastModel;
    PainPalette palette = PainPalette::Standard;
    float fontScale = 1.0f;
    DetailLevel detailLevel = DetailLevel::Patient;
    int windowX = kUnsetPosition;
    int windowY = kUnsetPosition;
    int windowW = 1280;
    int windowH = 800;
    bool maximized = false;
    std::vector<std::string> recentFiles;  // most recent first, no duplicates

    bool operator==(const Settings&) const = default;

    // Moves (or adds) `path` to the front of recentFiles and trims the list.
    void addRecentFile(const std::string& path) {
        if (path.empty()) return;
        recentFiles.erase(std::remove(recentFiles.begin(), recentFiles.end(), path), recentFiles.end());
        recentFiles.insert(recentFiles.begin(), path);
        if (recentFiles.size() > kMaxRecentFiles) recentFiles.resize(kMaxRecentFiles);
    }
};

}  // namespace la
