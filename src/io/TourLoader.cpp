#include "io/TourLoader.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

#include "io/JsonText.h"

namespace la::io {

namespace {

using nlohmann::json;

enum class IdList { Visibility, Structure, Pain, Panel };

class Reader {
public:
    Reader(std::string_view text, const std::string& file, const IdPredicate& known)
        : lines_(text), file_(file), known_(known) {}

    const std::string& error() const { return error_; }

    bool fail(const std::string& pointer, const std::string& problem) {
        if (error_.empty()) error_ = lines_.at(file_, pointer, problem);
        return false;
    }

    bool checkKeys(const json& obj, const std::string& ptr, std::initializer_list<const char*> allowed,
                   const char* what) {
        for (const auto& item : obj.items()) {
            const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
            if (isAnnotationKey(key)) continue;
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char* k) { return key == k; }))
                return fail(pointerChild(ptr, key), "unknown key '" + key + "' in " + what);
        }
        return true;
    }

    bool text(const json& obj, const std::string& ptr, const char* key, bool required, std::string& out) {
        const auto it = obj.find(key);
        if (it == obj.end()) return required ? fail(ptr, std::string("missing key '") + key + "'") : true;
        if (!it->is_string()) return fail(pointerChild(ptr, key), std::string("'") + key + "' must be a string");
        out = it->get<std::string>();
        return true;
    }

    bool knownId(const std::string& id) const { return !known_ || known_(id); }

    bool id(const json& v, const std::string& ptr, IdList kind, std::string& out) {
        if (!v.is_string() || v.get_ref<const std::string&>().empty())
            return fail(ptr, "expected a structure id string");
        out = v.get<std::string>();
        if (kind == IdList::Visibility && isVisibilityGroup(out)) return true;
        if (kind == IdList::Pain && out == "all") return true;
        if (kind == IdList::Panel) {  // "article#Section title"
            const PanelRef ref = splitPanelRef(out);
            if (out.find('#') != std::string::npos && ref.section.empty())
                return fail(ptr, "'" + out + "': nothing after '#' (a section title)");
            if (!knownId(std::string(ref.id))) return fail(ptr, "unknown structure id '" + std::string(ref.id) + "'");
            return true;
        }
        if (!knownId(out)) return fail(ptr, "unknown structure id '" + out + "'");
        return true;
    }

    bool ids(const json& obj, const std::string& ptr, const char* key, IdList kind, std::vector<std::string>& out) {
        const auto it = obj.find(key);
        if (it == obj.end()) return true;
        const std::string lptr = pointerChild(ptr, key);
        if (!it->is_array()) return fail(lptr, std::string("'") + key + "' must be an array of ids");
        for (std::size_t i = 0; i < it->size(); ++i) {
            std::string s;
            if (!id((*it)[i], pointerChild(lptr, i), kind, s)) return false;
            out.push_back(std::move(s));
        }
        return true;
    }

    bool number(const json& obj, const std::string& ptr, const char* key, float& out) {
        const auto it = obj.find(key);
        if (it == obj.end()) return fail(ptr, std::string("camera: missing key '") + key + "'");
        if (!it->is_number())
            return fail(pointerChild(ptr, key), std::string("camera: '") + key + "' must be a number");
        out = it->get<float>();
        return true;
    }

    bool pose(const json& v, const std::string& ptr, CameraPose& out) {
        if (!checkKeys(v, ptr, {"target", "yaw", "pitch", "distance"}, "camera")) return false;
        const auto t = v.find("target");
        if (t == v.end()) return fail(ptr, "camera: missing key 'target'");
        if (!t->is_array() || t->size() != 3 ||
            !std::all_of(t->begin(), t->end(), [](const json& x) { return x.is_number(); }))
            return fail(pointerChild(ptr, "target"), "camera: 'target' must be an array of 3 numbers");
        out.target = {(*t)[0].get<float>(), (*t)[1].get<float>(), (*t)[2].get<float>()};
        if (!number(v, ptr, "yaw", out.yawDeg) || !number(v, ptr, "pitch", out.pitchDeg) ||
            !number(v, ptr, "distance", out.distance))
            return false;
        if (std::abs(out.pitchDeg) > kTourMaxPitchDeg) return fail(pointerChild(ptr, "pitch"), cameraPoseProblem(out));
        if (const std::string problem = cameraPoseProblem(out); !problem.empty())
            return fail(pointerChild(ptr, "distance"), problem);
        return true;
    }

    bool camera(const json& v, const std::string& ptr, TourCamera& out) {
        if (v.is_string()) {
            const auto preset = parseViewPreset(v.get_ref<const std::string&>());
            if (!preset)
                return fail(ptr, "unknown camera preset '" + v.get<std::string>() +
                                     "' (posterior, anterior, left, right, superior, oblique, oblique_right)");
            out = *preset;
            return true;
        }
        if (!v.is_object()) return fail(ptr, "camera must be a preset name or {target, yaw, pitch, distance}");
        CameraPose p;
        if (!pose(v, ptr, p)) return false;
        out = p;
        return true;
    }

    bool step(const json& v, const std::string& ptr, TourStep& out) {
        if (!v.is_object()) return fail(ptr, "a step must be an object");
        if (!checkKeys(v, ptr,
                       {"caption", "camera", "hide", "ghost", "show", "select", "panels", "explain", "pain",
                        "pain_time", "position"},
                       "step"))
            return false;
        if (!text(v, ptr, "caption", true, out.caption)) return false;
        const auto cam = v.find("camera");
        if (cam == v.end()) return fail(ptr, "missing key 'camera'");
        if (!camera(*cam, pointerChild(ptr, "camera"), out.camera)) return false;
        if (!ids(v, ptr, "hide", IdList::Visibility, out.hide) ||
            !ids(v, ptr, "ghost", IdList::Visibility, out.ghost) || !ids(v, ptr, "show", IdList::Visibility, out.show))
            return false;
        if (const auto it = v.find("select"); it != v.end() && !it->is_null()) {
            std::string s;
            if (!id(*it, pointerChild(ptr, "select"), IdList::Structure, s)) return false;
            out.select = s;
        }
        if (!ids(v, ptr, "panels", IdList::Panel, out.panels)) return false;
        if (const auto it = v.find("explain"); it != v.end()) {
            if (!it->is_boolean()) return fail(pointerChild(ptr, "explain"), "'explain' must be true or false");
            out.explain = it->get<bool>();
        }
        if (!ids(v, ptr, "pain", IdList::Pain, out.pain)) return false;
        if (const auto it = v.find("pain_time"); it != v.end() && !it->is_null()) {
            if (!it->is_number() || it->get<double>() < 0.0)
                return fail(pointerChild(ptr, "pain_time"), "'pain_time' must be a number >= 0 (seconds)");
            out.painTime = it->get<float>();
        }
        if (const auto it = v.find("position"); it != v.end() && !it->is_null()) {
            const auto posture = it->is_string() ? parsePosture(it->get<std::string>()) : std::nullopt;
            if (!posture)
                return fail(pointerChild(ptr, "position"),
                            "'position' must be standing, prone, side_lying_left or side_lying_right");
            out.posture = *posture;
        }
        return true;
    }

    bool tour(const json& root, Tour& out) {
        if (!root.is_object()) return fail("", "expected a JSON object at the top level");
        if (!checkKeys(root, "", {"title", "audience", "steps"}, "tour")) return false;
        if (!text(root, "", "title", true, out.title) || !text(root, "", "audience", false, out.audience)) return false;
        const auto steps = root.find("steps");
        if (steps == root.end()) return fail("", "missing key 'steps'");
        if (!steps->is_array() || steps->empty()) return fail("/steps", "'steps' must be a non-empty array");
        for (std::size_t i = 0; i < steps->size(); ++i) {
            TourStep s;
            if (!step((*steps)[i], pointerChild("/steps", i), s)) return false;
            out.steps.push_back(std::move(s));
        }
        return true;
    }

private:
    JsonLines lines_;
    std::string file_;
    IdPredicate known_;
    std::string error_;
};

// Shortest decimal that reads back as the same float, as a double (0.1f -> 0.1, not 0.10000000149).
double niceDouble(float f) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, f);
    double d = static_cast<double>(f);
    std::from_chars(buf, r.ptr, d);
    return d;
}

nlohmann::ordered_json poseJson(const CameraPose& p) {
    nlohmann::ordered_json j;
    j["target"] = {niceDouble(p.target.x), niceDouble(p.target.y), niceDouble(p.target.z)};
    j["yaw"] = niceDouble(p.yawDeg);
    j["pitch"] = niceDouble(p.pitchDeg);
    j["distance"] = niceDouble(p.distance);
    return j;
}

}  // namespace

IdPredicate makeIdPredicate(std::vector<std::string> ids, std::vector<std::string> sidedIds) {
    return [ids = std::move(ids), sided = std::move(sidedIds)](std::string_view id) {
        const auto in = [](const std::vector<std::string>& v, std::string_view x) {
            return std::find(v.begin(), v.end(), x) != v.end();
        };
        const std::string_view base = stripSide(id);
        return in(ids, id) || in(sided, id) || (base != id && in(sided, base));
    };
}

Result<Tour> parseTour(std::string_view text, const std::string& file, const IdPredicate& isKnownId) {
    auto parsed = parseJsonText(text, file);
    if (!parsed) return Error{parsed.error()};
    Reader reader(text, file, isKnownId);
    Tour tour;
    try {
        if (!reader.tour(*parsed, tour)) return Error{reader.error()};
    } catch (const std::exception& e) {
        return Error{file + ": " + e.what()};
    }
    return tour;
}

Result<Tour> loadTour(const std::string& path, const IdPredicate& isKnownId) {
    auto text = readTextFile(path);
    if (!text) return Error{text.error()};
    return parseTour(*text, path, isKnownId);
}

TourLoadResult loadTourDir(const std::string& dir, const IdPredicate& isKnownId) {
    TourLoadResult out;
    const auto files = listFiles(dir, ".json", out.errors);
    for (const auto& f : files) {
        auto t = loadTour(f.string(), isKnownId);
        if (t)
            out.tours.push_back({f.string(), std::move(*t)});
        else
            out.errors.push_back(t.error());
    }
    return out;
}

std::string tourToJson(const Tour& tour) {
    nlohmann::ordered_json root;
    root["title"] = tour.title;
    if (!tour.audience.empty()) root["audience"] = tour.audience;
    root["steps"] = nlohmann::ordered_json::array();
    for (const TourStep& s : tour.steps) {
        nlohmann::ordered_json j;
        j["caption"] = s.caption;
        if (const auto* preset = std::get_if<ViewPreset>(&s.camera))
            j["camera"] = std::string(viewPresetName(*preset));
        else
            j["camera"] = poseJson(std::get<CameraPose>(s.camera));
        j["hide"] = s.hide;
        j["ghost"] = s.ghost;
        if (!s.show.empty()) j["show"] = s.show;
        if (s.select) j["select"] = *s.select;
        if (!s.panels.empty()) j["panels"] = s.panels;
        if (s.explain) j["explain"] = true;
        if (!s.pain.empty()) j["pain"] = s.pain;
        if (s.painTime) j["pain_time"] = niceDouble(*s.painTime);
        if (s.posture != Posture::Standing) j["position"] = std::string(postureName(s.posture));
        root["steps"].push_back(std::move(j));
    }
    return root.dump(2) + "\n";
}

std::string cameraPoseToJson(const CameraPose& pose) {
    return poseJson(pose).dump();
}

Result<CameraPose> cameraPoseFromJson(std::string_view text, const std::string& source) {
    auto parsed = parseJsonText(text, source);
    if (!parsed) return Error{parsed.error()};
    Reader reader(text, source, IdPredicate{});
    CameraPose pose;
    try {
        const nlohmann::json* v = &*parsed;
        std::string ptr;
        if (v->is_object() && v->contains("camera")) {
            v = &(*v)["camera"];
            ptr = "/camera";
        }
        if (!v->is_object())
            return Error{source + ":1: expected {\"target\":[x,y,z],\"yaw\":deg,\"pitch\":deg,\"distance\":m}"};
        if (!reader.pose(*v, ptr, pose)) return Error{reader.error()};
    } catch (const std::exception& e) {
        return Error{source + ": " + e.what()};
    }
    return pose;
}

}  // namespace la::io
