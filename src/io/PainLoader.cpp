#include "io/PainLoader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <system_error>

#include "io/JsonText.h"

namespace la::io {

namespace {

using nlohmann::json;

// Reports problems with the position of the offending value; the first problem wins.
class Reader {
public:
    Reader(std::string_view text, const std::string& file) : lines_(text), file_(file) {}

    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

    void fail(const std::string& pointer, const std::string& problem) {
        if (error_.empty()) error_ = lines_.at(file_, pointer, problem);
    }

    bool checkKeys(const json& obj, const std::string& ptr, std::initializer_list<const char*> allowed,
                   const char* what) {
        for (const auto& item : obj.items()) {
            const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
            if (isAnnotationKey(key)) continue;
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char* k) { return key == k; })) {
                fail(pointerChild(ptr, key), std::string("unknown key '") + key + "' in " + what);
                return false;
            }
        }
        return true;
    }

    const json* member(const json& obj, const std::string& ptr, const char* key, const char* what) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            fail(ptr, std::string("missing key '") + key + "' in " + what);
            return nullptr;
        }
        return &*it;
    }

    bool vec3(const json& v, const std::string& ptr, const char* key, glm::vec3& out) {
        if (!v.is_array() || v.size() != 3 ||
            !std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_number(); })) {
            fail(ptr, std::string("'") + key + "' must be an array of 3 numbers");
            return false;
        }
        out = {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
        return true;
    }

    bool number(const json& v, const std::string& ptr, const char* key, float& out) {
        if (!v.is_number()) {
            fail(ptr, std::string("'") + key + "' must be a number");
            return false;
        }
        out = v.get<float>();
        return true;
    }

    bool string(const json& v, const std::string& ptr, const char* key, std::string& out) {
        if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
            fail(ptr, std::string("'") + key + "' must be a non-empty string");
            return false;
        }
        out = v.get<std::string>();
        return true;
    }

    bool outline(const json& v, const std::string& ptr, ChartOutline& out) {
        if (!v.is_object()) {
            fail(ptr, "an outline must be an object with 'chart' and 'outline'");
            return false;
        }
        if (!checkKeys(v, ptr, {"chart", "outline", "soft"}, "zone outline")) return false;
        std::string chart;
        const json* c = member(v, ptr, "chart", "zone outline");
        if (!c || !string(*c, pointerChild(ptr, "chart"), "chart", chart)) return false;
        if (chart != "trunk" && chart != "thigh") {
            fail(pointerChild(ptr, "chart"), "unknown chart '" + chart + "' (expected 'trunk' or 'thigh')");
            return false;
        }
        out.chart = chart == "trunk" ? ChartKind::Trunk : ChartKind::Thigh;
        const json* pts = member(v, ptr, "outline", "zone outline");
        if (!pts) return false;
        const std::string pptr = pointerChild(ptr, "outline");
        if (!pts->is_array() || pts->size() < 3) {
            fail(pptr, "'outline' must be an array of at least 3 points [angle_deg, along_m]");
            return false;
        }
        for (std::size_t i = 0; i < pts->size(); ++i) {
            const json& q = (*pts)[i];
            const std::string qptr = pointerChild(pptr, i);
            if (!q.is_array() || q.size() != 2 || !q[0].is_number() || !q[1].is_number()) {
                fail(qptr, "an outline point must be [angle_deg, along_m] (2 numbers)");
                return false;
            }
            const glm::vec2 pt(q[0].get<float>(), q[1].get<float>());
            if (!std::isfinite(pt.x) || !std::isfinite(pt.y) || pt.x < -180.0f || pt.x > 180.0f) {
                fail(qptr, "outline angle must be within -180...180 degrees");
                return false;
            }
            if (std::abs(pt.y) > 2.0f) {
                fail(qptr, "outline height/distance must be within -2...2 m");
                return false;
            }
            out.points.push_back(pt);
        }
        out.soft = kDefaultSoftEdge;
        if (const auto it = v.find("soft"); it != v.end()) {
            if (!number(*it, pointerChild(ptr, "soft"), "soft", out.soft)) return false;
            if (!(out.soft >= 0.0f) || out.soft > 0.2f) {
                fail(pointerChild(ptr, "soft"), "soft must be within 0...0.2 m");
                return false;
            }
        }
        return true;
    }

    bool zone(const json& obj, const std::string& ptr, const char* key, bool required, Zone& out) {
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) fail(ptr, std::string("missing key '") + key + "' in trigger point");
            return !required;
        }
        const std::string zptr = pointerChild(ptr, key);
        if (!it->is_array()) {
            fail(zptr, std::string("'") + key + "' must be an array of outlines");
            return false;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            ChartOutline o;
            if (!outline((*it)[i], pointerChild(zptr, i), o)) return false;
            out.outlines.push_back(std::move(o));
        }
        return true;
    }

    bool triggerPoint(const json& v, const std::string& ptr, TriggerPoint& out) {
        if (!v.is_object()) {
            fail(ptr, "a trigger point must be an object");
            return false;
        }
        if (!checkKeys(v, ptr, {"id", "name", "summary", "position", "essential", "spillover"}, "trigger point"))
            return false;
        const json* id = member(v, ptr, "id", "trigger point");
        if (!id || !string(*id, pointerChild(ptr, "id"), "id", out.id)) return false;
        out.name = out.id;
        if (const auto it = v.find("name"); it != v.end())
            if (!string(*it, pointerChild(ptr, "name"), "name", out.name)) return false;
        if (const auto it = v.find("summary"); it != v.end())
            if (!string(*it, pointerChild(ptr, "summary"), "summary", out.summary)) return false;
        const json* pos = member(v, ptr, "position", "trigger point");
        if (!pos || !vec3(*pos, pointerChild(ptr, "position"), "position", out.position)) return false;
        return zone(v, ptr, "essential", true, out.essential) && zone(v, ptr, "spillover", false, out.spillover);
    }

    bool pattern(const json& root, PainPattern& out) {
        if (!root.is_object()) {
            fail("", "expected a JSON object at the top level");
            return false;
        }
        if (!checkKeys(root, "", {"muscle", "trigger_points"}, "referred-pain file")) return false;
        const json* m = member(root, "", "muscle", "referred-pain file");
        if (!m || !string(*m, "/muscle", "muscle", out.muscle)) return false;
        const json* tps = member(root, "", "trigger_points", "referred-pain file");
        if (!tps) return false;
        if (!tps->is_array() || tps->empty()) {
            fail("/trigger_points", "'trigger_points' must be a non-empty array");
            return false;
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < tps->size(); ++i) {
            const std::string ptr = pointerChild("/trigger_points", i);
            TriggerPoint t;
            if (!triggerPoint((*tps)[i], ptr, t)) return false;
            if (!seen.insert(t.id).second) {
                fail(pointerChild(ptr, "id"), "duplicate trigger point id '" + t.id + "'");
                return false;
            }
            out.triggerPoints.push_back(std::move(t));
        }
        return true;
    }

private:
    JsonLines lines_;
    std::string file_;
    std::string error_;
};

}  // namespace

Result<PainPattern> parsePainPattern(std::string_view text, const std::string& file) {
    auto parsed = parseJsonText(text, file);
    if (!parsed) return Error{parsed.error()};
    Reader reader(text, file);
    PainPattern pattern;
    try {
        if (!reader.pattern(*parsed, pattern)) return Error{reader.error()};
    } catch (const std::exception& e) {  // defensive: nlohmann type errors
        return Error{file + ": " + e.what()};
    }
    return pattern;
}

Result<PainPattern> loadPainFile(const std::string& path) {
    auto text = readTextFile(path);
    if (!text) return Error{text.error()};
    return parsePainPattern(*text, path);
}

PainLoadResult loadPainDir(const std::string& dir) {
    PainLoadResult out;
    const auto files = listFiles(dir, ".json", out.errors);
    std::set<std::string> muscles;
    for (const auto& f : files) {
        auto text = readTextFile(f.string());
        if (!text) {
            out.errors.push_back(text.error());
            continue;
        }
        auto p = parsePainPattern(*text, f.string());
        if (!p) {
            out.errors.push_back(p.error());
            continue;
        }
        if (!muscles.insert(p->muscle).second) {
            out.errors.push_back(JsonLines(*text).at(f.string(), "/muscle",
                                                     "muscle '" + p->muscle + "' is already defined by another file"));
            continue;
        }
        out.patterns.push_back(std::move(*p));
    }
    return out;
}

}  // namespace la::io
