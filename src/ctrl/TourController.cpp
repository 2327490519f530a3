#include "ctrl/TourController.h"

#include <cctype>
#include <filesystem>

#include "io/AtomicFile.h"

namespace la::ctrl {

namespace fs = std::filesystem;

namespace {
// The same file, however the path was spelled (relative on the command line, absolute in the list).
bool samePath(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}
}  // namespace

io::IdPredicate catalogueIds(const Catalogue& catalogue) {
    std::vector<std::string> ids, sided;
    for (const auto& e : catalogue.entries()) (e.sided ? sided : ids).push_back(e.id);
    return io::makeIdPredicate(std::move(ids), std::move(sided));
}

std::string tourFileName(std::string typed) {
    if (typed.size() >= 5 && typed.compare(typed.size() - 5, 5, ".json") == 0) typed.resize(typed.size() - 5);
    std::string name;
    for (char c : typed) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_')
            name += c;
        else if (c == ' ')
            name += '_';
    }
    return name.empty() ? std::string() : name + ".json";
}

std::vector<std::string> TourController::scan(const std::string& bundledDir, const std::string& userDir,
                                              const io::IdPredicate& ids) {
    std::vector<std::string> errors;
    list_.clear();
    for (const auto& [dir, user] : {std::pair{bundledDir, false}, std::pair{userDir, true}}) {
        io::TourLoadResult r = io::loadTourDir(dir, ids);
        for (auto& t : r.tours) list_.push_back({t.tour.title, t.path, user});
        errors.insert(errors.end(), r.errors.begin(), r.errors.end());
    }
    panel_.chosen = -1;
    for (std::size_t i = 0; i < list_.size(); ++i)
        if (samePath(list_[i].path, path_)) panel_.chosen = static_cast<int>(i);
    return errors;
}

Result<bool> TourController::open(const std::string& path, const io::IdPredicate& ids) {
    auto tour = io::loadTour(path, ids);
    if (!tour) return Error{tour.error()};
    load(std::move(*tour), path);
    return true;
}

void TourController::load(Tour tour, std::string path) {
    player_.load(std::move(tour));
    loaded_ = true;
    path_ = std::move(path);
    panel_.titleLoaded = false;
    panel_.captionStep = -1;
    panel_.chosen = -1;
    for (std::size_t i = 0; i < list_.size(); ++i)
        if (samePath(list_[i].path, path_)) panel_.chosen = static_cast<int>(i);
}

void TourController::newTour() {
    player_.load(Tour{"My tour", "", {}});
    loaded_ = true;
    path_.clear();
    panel_.chosen = -1;
    panel_.titleLoaded = false;
}

void TourController::close() {
    player_.load(Tour{});
    loaded_ = false;
    path_.clear();
    articles_.clear();
    panel_.chosen = -1;
}

ui::CaptionView TourController::caption() const {
    ui::CaptionView cap;
    if (!ready()) return cap;
    const CaptionFade fade = captionFade(player_);
    cap.text = fade.step >= 0 ? player_.tour().steps[static_cast<std::size_t>(fade.step)].caption : "";
    cap.alpha = fade.alpha;
    // The number belongs to the text: while the old caption fades out it still says the old step.
    cap.step = (fade.step >= 0 ? fade.step : player_.current()) + 1;
    cap.count = static_cast<int>(player_.stepCount());
    return cap;
}

std::string TourController::chooserLabel() const {
    if (!loaded_) return "(choose a tour)";
    return player_.tour().title.empty() ? std::string("Untitled tour") : player_.tour().title;
}

std::string TourController::titleSuffix() const {
    if (!ready()) return {};
    const Tour& t = player_.tour();
    return (t.title.empty() ? std::string("Untitled tour") : t.title) + " \u2014 step " +
           std::to_string(player_.current() + 1) + "/" + std::to_string(t.steps.size());
}

bool TourController::wouldReplace(const std::string& typedName, const std::string& userDir) const {
    const std::string name = tourFileName(typedName);
    if (name.empty()) return false;
    const std::string path = (fs::path(userDir) / name).string();
    std::error_code ec;
    return fs::exists(path, ec) && path != path_;
}

Result<std::string> TourController::saveAs(const std::string& typedName, const std::string& userDir) {
    const std::string name = tourFileName(typedName);
    if (name.empty()) return Error{"'" + typedName + "': a tour file name needs letters or digits"};
    Tour t = player_.tour();
    if (t.title.empty()) t.title = name.substr(0, name.size() - 5);
    const std::string path = (fs::path(userDir) / name).string();
    std::error_code ec;
    fs::create_directories(userDir, ec);
    if (auto ok = io::writeFileAtomically(path, io::tourToJson(t)); !ok) return Error{ok.error()};
    path_ = path;
    return path;
}

}  // namespace la::ctrl
