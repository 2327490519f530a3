#include "io/SettingsStore.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>
#include <vector>

#include "io/AtomicFile.h"
#include "io/JsonText.h"

namespace la::io {

namespace {

using nlohmann::json;

const char* paletteName(PainPalette p) {
    return p == PainPalette::ColourBlindSafe ? "colour_blind_safe" : "standard";
}
const char* detailName(DetailLevel d) {
    return d == DetailLevel::Therapist ? "therapist" : "patient";
}

// Reads known keys; a value of the wrong type or out of range keeps its default and is noted.
class SettingsReader {
public:
    SettingsReader(const json& root, std::string_view text) : root_(root), lines_(text) {}

    Settings read() {
        Settings s;
        str("/last_model", s.lastModel);
        if (const json* v = find("/palette")) {
            if (v->is_string() && *v == "standard")
                s.palette = PainPalette::Standard;
            else if (v->is_string() && *v == "colour_blind_safe")
                s.palette = PainPalette::ColourBlindSafe;
            else
                bad("/palette");
        }
        if (const json* v = find("/font_scale")) {
            if (v->is_number() && v->get<double>() >= Settings::kMinFontScale &&
                v->get<double>() <= Settings::kMaxFontScale)
                s.fontScale = v->get<float>();
            else
                bad("/font_scale");
        }
        if (const json* v = find("/detail_level")) {
            if (v->is_string() && *v == "patient")
                s.detailLevel = DetailLevel::Patient;
            else if (v->is_string() && *v == "therapist")
                s.detailLevel = DetailLevel::Therapist;
            else
                bad("/detail_level");
        }
        if (const json* v = find("/window"); v && !v->is_object()) bad("/window");
        integer("/window/x", s.windowX, Settings::kUnsetPosition, 1000000);
        integer("/window/y", s.windowY, Settings::kUnsetPosition, 1000000);
        integer("/window/w", s.windowW, 100, 100000);
        integer("/window/h", s.windowH, 100, 100000);
        if (const json* v = find("/window/maximized")) {
            if (v->is_boolean())
                s.maximized = v->get<bool>();
            else
                bad("/window/maximized");
        }
        if (const json* v = find("/recent_files")) {
            if (!v->is_array()) {
                bad("/recent_files");
            } else {
                // Stored most recent first: add in reverse so addRecentFile keeps the order.
                for (std::size_t i = v->size(); i-- > 0;) {
                    if ((*v)[i].is_string())
                        s.addRecentFile((*v)[i].get<std::string>());
                    else
                        bad(pointerChild("/recent_files", i));
                }
            }
        }
        return s;
    }

    std::optional<std::string> warning(const std::string& file) {
        if (badKeys_.empty()) return std::nullopt;
        std::stable_sort(badKeys_.begin(), badKeys_.end(), [this](const std::string& a, const std::string& b) {
            return lines_.line(a) < lines_.line(b);
        });
        std::string msg = file + ":" + std::to_string(lines_.line(badKeys_.front())) + ": ignored invalid setting";
        msg += badKeys_.size() > 1 ? "s " : " ";
        for (std::size_t i = 0; i < badKeys_.size(); ++i) msg += (i ? ", " : "") + badKeys_[i].substr(1);
        return msg + " (defaults used)";
    }

private:
    const json* find(const std::string& ptr) const {
        const json::json_pointer p(ptr);
        return root_.contains(p) ? &root_.at(p) : nullptr;
    }
    void bad(const std::string& ptr) { badKeys_.push_back(ptr); }
    void str(const std::string& ptr, std::string& out) {
        if (const json* v = find(ptr)) {
            if (v->is_string())
                out = v->get<std::string>();
            else
                bad(ptr);
        }
    }
    void integer(const std::string& ptr, int& out, int lo, int hi) {
        if (const json* v = find(ptr)) {
            if (v->is_number() && std::isfinite(v->get<double>()) && v->get<double>() >= lo && v->get<double>() <= hi)
                out = static_cast<int>(std::lround(v->get<double>()));
            else
                bad(ptr);
        }
    }

    const json& root_;
    JsonLines lines_;
    std::vector<std::string> badKeys_;
};

}  // namespace

std::string settingsToJson(const Settings& s, const nlohmann::json* previous) {
    nlohmann::ordered_json j;
    j["last_model"] = s.lastModel;
    j["palette"] = paletteName(s.palette);
    j["font_scale"] = static_cast<double>(s.fontScale);
    j["detail_level"] = detailName(s.detailLevel);
    j["window"] = {{"x", s.windowX}, {"y", s.windowY}, {"w", s.windowW}, {"h", s.windowH}, {"maximized", s.maximized}};
    j["recent_files"] = s.recentFiles;
    // Keys this version does not know (a newer version's, or the user's own) are kept as they were.
    if (previous && previous->is_object())
        for (const auto& [key, value] : previous->items())
            if (!j.contains(key)) j[key] = value;
    return j.dump(2) + "\n";
}

Result<SettingsParse> parseSettings(std::string_view text, const std::string& file) {
    auto parsed = parseJsonText(text, file);
    if (!parsed) return Error{parsed.error()};
    if (!parsed->is_object()) return Error{file + ":1: expected a JSON object"};
    try {
        SettingsReader reader(*parsed, text);
        SettingsParse out{reader.read(), std::nullopt};
        out.warning = reader.warning(file);
        return out;
    } catch (const std::exception& e) {
        return Error{file + ": " + e.what()};
    }
}

SettingsStore::SettingsStore(std::string configDir)
    : dir_(std::move(configDir)), path_((std::filesystem::path(dir_) / "settings.json").string()) {}

SettingsLoad SettingsStore::load() const {
    namespace fs = std::filesystem;
    SettingsLoad out;
    std::error_code ec;
    removeStaleTemporaries(path_);  // left by a save that was killed
    if (!fs::exists(path_, ec)) return out;
    auto text = readTextFile(path_);
    if (!text) {
        out.warning = text.error() + " (defaults used)";
        return out;
    }
    auto parsed = parseSettings(*text, path_);
    if (parsed) {
        out.settings = std::move(parsed->settings);
        out.warning = std::move(parsed->warning);
        out.fromFile = true;
        return out;
    }
    // Corrupt: keep it for inspection under the first free settings.json.corrupt-<n>.
    std::string aside;
    for (int n = 1; n < 1000; ++n) {
        const std::string candidate = path_ + ".corrupt-" + std::to_string(n);
        if (!fs::exists(candidate, ec)) {
            aside = candidate;
            break;
        }
    }
    if (!aside.empty()) {
        fs::rename(path_, aside, ec);
        if (ec) aside.clear();
    }
    if (!aside.empty()) {
        out.setAside = aside;
        out.warning = parsed.error() + "; moved to " + fs::path(aside).filename().string() + ", using defaults";
    } else {
        out.warning = parsed.error() + "; could not move it aside, using defaults";
    }
    return out;
}

Result<std::size_t> SettingsStore::save(const Settings& s) const {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) return Error{dir_ + ": cannot create directory: " + ec.message()};
    // The file as it is now, for the keys we do not know; a file that does not parse has nothing to keep.
    nlohmann::json previous;
    if (auto text = readTextFile(path_)) {
        if (auto parsed = parseJsonText(*text, path_)) previous = std::move(*parsed);
    }
    return writeFileAtomically(path_, settingsToJson(s, &previous));
}

}  // namespace la::io
