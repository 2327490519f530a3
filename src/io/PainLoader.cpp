#include "io/PainLoader.h"

#include <algorithm>
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

    bool shape(const json& v, const std::string& ptr, Shape& out) {
        if (!v.is_object() || v.size() != 1) {
            fail(ptr, "a shape must be an object with one key, 'ellipsoid' or 'capsule'");
            return false;
        }
        const std::string kind = v.begin().key();
        const json& body = v.begin().value();
        const std::string bptr = pointerChild(ptr, kind);
        if (kind != "ellipsoid" && kind != "capsule") {
            fail(bptr, "unknown shape '" + kind + "' (expected 'ellipsoid' or 'capsule')");
            return false;
        }
        if (!body.is_object()) {
            fail(bptr, "'" + kind + "' must be an object");
            return false;
        }
        float soft = kDefaultSoftEdge;
        if (const auto it = body.find("soft"); it != body.end()) {
            if (!number(*it, pointerChild(bptr, "soft"), "soft", soft)) return false;
            if (soft < 0.0f) {
                fail(pointerChild(bptr, "soft"), "soft must be >= 0");
                return false;
            }
        }
        if (kind == "ellipsoid") {
            if (!checkKeys(body, bptr, {"center", "radii", "rotate_deg", "soft"}, "ellipsoid")) return false;
            glm::vec3 center{0.0f}, radii{0.0f}, rot{0.0f};
            const json* c = member(body, bptr, "center", "ellipsoid");
            if (!c || !vec3(*c, pointerChild(bptr, "center"), "center", center)) return false;
            const json* r = member(body, bptr, "radii", "ellipsoid");
            if (!r || !vec3(*r, pointerChild(bptr, "radii"), "radii", radii)) return false;
            if (radii.x <= 0.0f || radii.y <= 0.0f || radii.z <= 0.0f) {
                fail(pointerChild(bptr, "radii"), "ellipsoid radii must be > 0");
                return false;
            }
            if (const auto it = body.find("rotate_deg"); it != body.end())
                if (!vec3(*it, pointerChild(bptr, "rotate_deg"), "rotate_deg", rot)) return false;
            out = Shape::ellipsoid(center, radii, rotationFromEulerDeg(rot), soft);
            return true;
        }
        if (!checkKeys(body, bptr, {"a", "b", "radius", "soft"}, "capsule")) return false;
        glm::vec3 a{0.0f}, b{0.0f};
        float radius = 0.0f;
        const json* ja = member(body, bptr, "a", "capsule");
        if (!ja || !vec3(*ja, pointerChild(bptr, "a"), "a", a)) return false;
        const json* jb = member(body, bptr, "b", "capsule");
        if (!jb || !vec3(*jb, pointerChild(bptr, "b"), "b", b)) return false;
        const json* jr = member(body, bptr, "radius", "capsule");
        if (!jr || !number(*jr, pointerChild(bptr, "radius"), "radius", radius)) return false;
        if (radius <= 0.0f) {
            fail(pointerChild(bptr, "radius"), "capsule radius must be > 0");
            return false;
        }
        out = Shape::capsule(a, b, radius, soft);
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
            fail(zptr, std::string("'") + key + "' must be an array of shapes");
            return false;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            Shape s;
            if (!shape((*it)[i], pointerChild(zptr, i), s)) return false;
            out.shapes.push_back(s);
        }
        return true;
    }

    bool triggerPoint(const json& v, const std::string& ptr, TriggerPoint& out) {
        if (!v.is_object()) {
            fail(ptr, "a trigger point must be an object");
            return false;
        }
        if (!checkKeys(v, ptr, {"id", "name", "position", "essential", "spillover"}, "trigger point")) return false;
        const json* id = member(v, ptr, "id", "trigger point");
        if (!id || !string(*id, pointerChild(ptr, "id"), "id", out.id)) return false;
        out.name = out.id;
        if (const auto it = v.find("name"); it != v.end())
            if (!string(*it, pointerChild(ptr, "name"), "name", out.name)) return false;
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
