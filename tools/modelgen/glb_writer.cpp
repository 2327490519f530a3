#include "glb_writer.h"

#include <cstdio>
#include <cstring>

namespace mg {

namespace {

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.9g", v);
    return b;
}

struct Writer {
    std::string json;
    std::vector<std::uint8_t> bin;
    std::vector<std::string> views, accessors;

    template <class T>
    int view(const std::vector<T>& data, int target) {
        const std::size_t off = bin.size();
        const std::size_t bytes = data.size() * sizeof(T);
        bin.resize(off + bytes);
        if (bytes) std::memcpy(bin.data() + off, data.data(), bytes);
        while (bin.size() % 4) bin.push_back(0);
        views.push_back("{\"buffer\":0,\"byteOffset\":" + std::to_string(off) +
                        ",\"byteLength\":" + std::to_string(bytes) + ",\"target\":" + std::to_string(target) + "}");
        return static_cast<int>(views.size()) - 1;
    }
    int vec3Accessor(const std::vector<vec3>& v, bool minmax) {
        const int bv = view(v, 34962);
        std::string a = "{\"bufferView\":" + std::to_string(bv) +
                        ",\"componentType\":5126,\"count\":" + std::to_string(v.size()) + ",\"type\":\"VEC3\"";
        if (minmax && !v.empty()) {
            vec3 lo = v[0], hi = v[0];
            for (const vec3& p : v) {
                lo = glm::min(lo, p);
                hi = glm::max(hi, p);
            }
            a += ",\"min\":[" + num(lo.x) + "," + num(lo.y) + "," + num(lo.z) + "],\"max\":[" + num(hi.x) + "," +
                 num(hi.y) + "," + num(hi.z) + "]";
        }
        accessors.push_back(a + "}");
        return static_cast<int>(accessors.size()) - 1;
    }
    int indexAccessor(const std::vector<std::uint32_t>& idx) {
        const int bv = view(idx, 34963);
        accessors.push_back("{\"bufferView\":" + std::to_string(bv) + ",\"componentType\":5125,\"count\":" +
                            std::to_string(idx.size()) + ",\"type\":\"SCALAR\"}");
        return static_cast<int>(accessors.size()) - 1;
    }
};

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>((v >> (8 * i)) & 0xffu));
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + v[i];
    return s;
}

}  // namespace

std::vector<std::uint8_t> writeGlb(const std::vector<Structure>& structures) {
    Writer w;
    std::vector<std::string> nodes, meshes;
    std::vector<std::string> children;
    const char* materialNames[] = {"bone", "muscle", "skin", "disc", "fascia", "ligament", "organ", "nerve", "vessel"};
    for (std::size_t i = 0; i < structures.size(); ++i) {
        const Structure& s = structures[i];
        std::vector<vec3> pos = s.mesh.pos;
        for (vec3& p : pos) p *= 0.01f;  // centimetres -> metres
        const int ap = w.vec3Accessor(pos, true);
        const int an = w.vec3Accessor(s.mesh.nrm, false);
        std::string attrs = "\"POSITION\":" + std::to_string(ap) + ",\"NORMAL\":" + std::to_string(an);
        if (!s.mesh.fib.empty()) attrs += ",\"_FIBRE\":" + std::to_string(w.vec3Accessor(s.mesh.fib, false));
        const int ai = w.indexAccessor(s.mesh.idx);
        int mat = 0;
        for (int m = 0; m < 9; ++m)
            if (s.kind == materialNames[m]) mat = m;
        meshes.push_back("{\"name\":\"" + s.name + "\",\"primitives\":[{\"attributes\":{" + attrs + "},\"indices\":" +
                         std::to_string(ai) + ",\"material\":" + std::to_string(mat) + ",\"mode\":4}]}");
        nodes.push_back("{\"name\":\"" + s.name + "\",\"mesh\":" + std::to_string(i) + ",\"extras\":{\"kind\":\"" +
                        s.kind + "\",\"layer\":" + std::to_string(s.layer) + "}}");
        children.push_back(std::to_string(i + 1));
    }
    const std::string materials =
        "[{\"name\":\"bone\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.89,0.85,0.74,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.65}},"
        "{\"name\":\"muscle\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.55,0.16,0.13,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.55}},"
        "{\"name\":\"skin\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.92,0.74,0.63,0.3],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.5},\"alphaMode\":\"BLEND\",\"doubleSided\":false},"
        "{\"name\":\"disc\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.66,0.73,0.8,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.45}},"
        // Fascia: pearly white (shown as x-ray at first, see its catalogue entry); ligaments: silvery blue-grey
        // (lighter than the discs); organs (kidneys): dark red-brown; nerves: pale yellow; vessels (artery with its
        // veins): red.
        "{\"name\":\"fascia\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.86,0.87,0.85,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.35}},"
        "{\"name\":\"ligament\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.72,0.8,0.84,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.4}},"
        "{\"name\":\"organ\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.42,0.12,0.1,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.45}},"
        "{\"name\":\"nerve\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.93,0.82,0.42,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.5}},"
        "{\"name\":\"vessel\",\"pbrMetallicRoughness\":{\"baseColorFactor\":[0.66,0.08,0.1,1],"
        "\"metallicFactor\":0,\"roughnessFactor\":0.4}}]";
    std::string json =
        "{\"asset\":{\"version\":\"2.0\",\"generator\":\"Lumbar Atlas modelgen\"},\"scene\":0,"
        "\"scenes\":[{\"name\":\"lower_body\",\"nodes\":[0]}],\"nodes\":[{\"name\":\"lower_body\","
        "\"children\":[" +
        join(children) + "]}," + join(nodes) + "],\"meshes\":[" + join(meshes) + "],\"materials\":" + materials +
        ",\"accessors\":[" + join(w.accessors) + "],\"bufferViews\":[" + join(w.views) +
        "],\"buffers\":[{\"byteLength\":" + std::to_string(w.bin.size()) + "}]}";
    while (json.size() % 4) json += ' ';
    std::vector<std::uint8_t> out;
    put32(out, 0x46546C67u);  // "glTF"
    put32(out, 2u);
    put32(out, static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + w.bin.size()));
    put32(out, static_cast<std::uint32_t>(json.size()));
    put32(out, 0x4E4F534Au);  // "JSON"
    out.insert(out.end(), json.begin(), json.end());
    put32(out, static_cast<std::uint32_t>(w.bin.size()));
    put32(out, 0x004E4942u);  // "BIN\0"
    out.insert(out.end(), w.bin.begin(), w.bin.end());
    return out;
}

}  // namespace mg
