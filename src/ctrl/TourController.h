#pragma once
// Tours and presenter mode: the list of bundled and user tours, the tour being played (a TourPlayer),
// authoring edits and saving, the articles a step opened, what the caption bar shows, and the
// presenter's state (on, black or white screen). No GL, GLFW or ImGui: the Viewer applies a step to
// the scene; the UI draws the panel and the caption from here.
#include <optional>
#include <string>
#include <vector>

#include "core/Catalogue.h"
#include "core/Result.h"
#include "core/TourApply.h"
#include "core/TourPlayer.h"
#include "io/TourLoader.h"
#include "ui/CaptionBar.h"
#include "ui/TourPanel.h"

namespace la::ctrl {

// Tour ids are checked against the catalogue: sided structures also with .L / .R.
io::IdPredicate catalogueIds(const Catalogue& catalogue);
// A file name from what the user typed: letters, digits, '-' and '_' (spaces become '_'), ".json" added;
// empty when nothing is left.
std::string tourFileName(std::string typed);

enum class Screen { Scene, Black, White };  // presenter: B / '.' black, W white

struct PresenterState {
    bool active = false;
    Screen screen = Screen::Scene;
    float fontScale = 1.8f;  // times the normal font scale while presenting
    bool blank() const { return screen != Screen::Scene; }
};

class TourController {
public:
    // Bundled tours, then the user's. Returns one line per bad tour file (the good ones are listed).
    std::vector<std::string> scan(const std::string& bundledDir, const std::string& userDir,
                                  const io::IdPredicate& ids);
    Result<bool> open(const std::string& path, const io::IdPredicate& ids);
    // A tour from memory (--export-dir, tests).
    void load(Tour tour, std::string path);
    void newTour();
    void close();

    bool loaded() const { return loaded_; }
    bool ready() const { return loaded_ && !player_.empty(); }  // something to step through
    TourPlayer& player() { return player_; }
    const TourPlayer& player() const { return player_; }
    const std::string& path() const { return path_; }
    void setPath(std::string path) { path_ = std::move(path); }
    const std::vector<ui::TourListEntry>& list() const { return list_; }
    ui::TourPanelState& panel() { return panel_; }
    std::vector<std::string>& articles() { return articles_; }
    const std::vector<std::string>& articles() const { return articles_; }
    void setArticles(std::vector<std::string> a) { articles_ = std::move(a); }

    // Navigation (clicker keys, the panel's buttons). True when the step changed.
    bool next() { return ready() && player_.next(); }
    bool previous() { return ready() && player_.previous(); }
    bool first() { return ready() && player_.first(); }
    bool last() { return ready() && player_.goTo(static_cast<int>(player_.stepCount()) - 1); }
    bool goTo(int index) { return ready() && player_.goTo(index); }
    void update(float dt) { player_.update(dt); }

    // What the caption bar shows: during a step change the old caption fades out, then the new one in;
    // its "n / N" is the step whose text is shown, so they change together. step 0 = no tour.
    ui::CaptionView caption() const;
    // What the Tours tab's chooser shows: the open tour's title (listed or opened from a file), or
    // "(choose a tour)" when none is open.
    std::string chooserLabel() const;
    // "Why does my lower back hurt? — step 3/8", or empty without a tour.
    std::string titleSuffix() const;

    // Saves the tour in the player as userDir/NAME.json (atomically); the path written, or the error.
    Result<std::string> saveAs(const std::string& typedName, const std::string& userDir);
    // True when saveAs would replace a tour file other than the open tour's.
    bool wouldReplace(const std::string& typedName, const std::string& userDir) const;

    PresenterState presenter;

private:
    TourPlayer player_{Tour{}, 1.0f};
    bool loaded_ = false;                  // a tour (possibly new and empty) is in the player
    std::string path_;                     // file it came from; empty for a new tour
    std::vector<ui::TourListEntry> list_;  // bundled tours, then the user's
    ui::TourPanelState panel_;
    std::vector<std::string> articles_;  // article panels the current step opened
};

}  // namespace la::ctrl
