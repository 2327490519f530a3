// Order-independent transparency: two translucent quads that cross like an X, so that each is in front
// over one half of the picture and no per-object order is right everywhere (a sort by object depth drew
// one of them last everywhere: 40 levels off the exact result on one side, and the picture changed with
// the order of the nodes in the file).
#include <algorithm>
#include <cmath>

#include <doctest/doctest.h>

#include "../support/Image.h"
#include "../support/RunViewer.h"
#include "../support/Shoot.h"

using namespace la::test;

namespace {

// Quads 1 x 0.6 through the origin, turned +-20 degrees about y: a red one and a blue one, both with
// alpha `alpha` (blend) or opaque (alpha 1, for --ghost). `redFirst` sets the order of the nodes.
std::filesystem::path writeCrossedQuads(const std::filesystem::path& dir, const std::string& name, bool redFirst,
                                        float alpha) {
    BufferBuilder b;
    const std::vector<float> pos = {-0.5f, -0.3f, 0, 0.5f, -0.3f, 0, 0.5f, 0.3f, 0, -0.5f, 0.3f, 0};
    const std::vector<float> nrm = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
    const std::vector<std::uint16_t> idx = {0, 1, 2, 0, 2, 3};
    const auto pOff = b.add(pos), nOff = b.add(nrm), iOff = b.add(idx);
    const float s = std::sin(0.5f * 20.0f * 3.14159265f / 180.0f), c = std::cos(0.5f * 20.0f * 3.14159265f / 180.0f);
    const std::string red =
        R"({"name": "red_quad", "mesh": 0, "rotation": [0, )" + std::to_string(s) + ", 0, " + std::to_string(c) + "]}";
    const std::string blue = R"({"name": "blue_quad", "mesh": 1, "rotation": [0, )" + std::to_string(-s) + ", 0, " +
                             std::to_string(c) + "]}";
    const std::string mode = alpha < 1.0f ? R"("alphaMode": "BLEND", )" : "";
    auto material = [&](const char* rgb) {
        return R"({"pbrMetallicRoughness": {"baseColorFactor": [)" + std::string(rgb) + ", " + std::to_string(alpha) +
               R"(], "metallicFactor": 0, "roughnessFactor": 0.9}, )" + mode + R"("doubleSided": true})";
    };
    const std::string json = R"({
  "asset": {"version": "2.0"},
  "scene": 0, "scenes": [{"nodes": [0, 1]}],
  "nodes": [)" + (redFirst ? red + ", " + blue : blue + ", " + red) +
                             R"(],
  "meshes": [
    {"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0}]},
    {"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 1}]}],
  "materials": [)" + material("0.8, 0.04, 0.04") +
                             ", " + material("0.04, 0.08, 0.8") + R"(],
  "buffers": [{"uri": ")" + b.dataUri() +
                             R"(", "byteLength": )" + std::to_string(b.bytes.size()) + R"(}],
  "bufferViews": [
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(pOff) + R"(, "byteLength": 48},
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(nOff) + R"(, "byteLength": 48},
    {"buffer": 0, "byteOffset": )" +
                             std::to_string(iOff) + R"(, "byteLength": 12}],
  "accessors": [
    {"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3", "min": [-0.5,-0.3,0], "max": [0.5,0.3,0]},
    {"bufferView": 1, "componentType": 5126, "count": 4, "type": "VEC3"},
    {"bufferView": 2, "componentType": 5123, "count": 6, "type": "SCALAR"}]
})";
    const auto path = dir / (name + ".gltf");
    writeText(path, json);
    return path;
}

struct Rgb {
    double r = 0, g = 0, b = 0;
};
// Mean colour of the 9 x 9 pixels around (x, y).
Rgb meanAround(const Image& img, int x, int y) {
    Rgb m;
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx) {
            const auto* p = img.at(x + dx, y + dy);
            m.r += p[0] / 81.0;
            m.g += p[1] / 81.0;
            m.b += p[2] / 81.0;
        }
    return m;
}
double maxChannelDifference(const Rgb& a, const Rgb& b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

// The exact over operator from single-layer pictures: `front` and `back` each drawn alone over `bg`
// with the same alpha. A layer alone shows alpha x colour + (1 - alpha) x bg, so alpha x colour is that
// minus (1 - alpha) x bg, and front over back over bg is
//   alpha x front + (1 - alpha) x (alpha x back + (1 - alpha) x bg).
Rgb overOperator(const Rgb& front, const Rgb& back, const Rgb& bg, double alpha) {
    auto one = [&](double f, double b, double g) {
        const double pf = f - (1 - alpha) * g, pb = b - (1 - alpha) * g;
        return pf + (1 - alpha) * (pb + (1 - alpha) * g);
    };
    return {one(front.r, back.r, bg.r), one(front.g, back.g, bg.g), one(front.b, back.b, bg.b)};
}

// Renders the crossed quads in both node orders, each quad alone and neither; checks the two orders agree,
// the nearer quad leads on each side and both sides are close to the exact over operator.
void checkCrossedQuads(const std::filesystem::path& dir, const std::string& name, float materialAlpha,
                       const std::string& extra, double alpha) {
    const std::string args = " --view anterior --size 480x360" + extra;
    const auto redFirst = writeCrossedQuads(dir, name + "_rb", true, materialAlpha);
    const Image rb = shoot(shellQuoted(redFirst) + args, dir / (name + "_rb.png"));
    const Image br =
        shoot(shellQuoted(writeCrossedQuads(dir, name + "_br", false, materialAlpha)) + args, dir / (name + "_br.png"));
    const Image red = shoot(shellQuoted(redFirst) + args + " --hide blue_quad", dir / (name + "_red.png"));
    const Image blue = shoot(shellQuoted(redFirst) + args + " --hide red_quad", dir / (name + "_blue.png"));
    const Image none = shoot(shellQuoted(redFirst) + args + " --hide red_quad,blue_quad", dir / (name + "_none.png"));
    INFO(name);
    CHECK(meanDifference(rb, br) < 0.3);
    const Coverage cov = foreground(rb, 20);
    REQUIRE(cov.fraction > 0.1);
    // Both quads cover the same screen rectangle; sample a third of the way in from either side.
    const int y = (cov.minY + cov.maxY) / 2;
    const int xs[2] = {cov.minX + (cov.maxX - cov.minX) / 3, cov.maxX - (cov.maxX - cov.minX) / 3};
    double redLead[2] = {};
    for (int i = 0; i < 2; ++i) {
        const Rgb p = meanAround(rb, xs[i], y), o = meanAround(br, xs[i], y);
        const Rgb r = meanAround(red, xs[i], y), b = meanAround(blue, xs[i], y), g = meanAround(none, xs[i], y);
        redLead[i] = (p.r - p.b) - (g.r - g.b);
        const Rgb exact = redLead[i] > 0 ? overOperator(r, b, g, alpha) : overOperator(b, r, g, alpha);
        INFO("side " << i << ": " << p.r << " " << p.g << " " << p.b << ", other order " << o.r << " " << o.g << " "
                     << o.b << ", exact over operator " << exact.r << " " << exact.g << " " << exact.b);
        CHECK(maxChannelDifference(p, o) < 2.0);
        CHECK(maxChannelDifference(p, exact) < 20.0);
    }
    // Red is nearer on one side and blue on the other: the nearer colour leads on each side.
    INFO("red lead: " << redLead[0] << " and " << redLead[1]);
    CHECK(redLead[0] * redLead[1] < 0.0);
}
}  // namespace

TEST_CASE("translucent layers: the picture does not depend on draw order and is near the over operator") {
    const auto dir = tempDir("render_oit");
    checkCrossedQuads(dir, "blend", 0.5f, "", 0.5);
    checkCrossedQuads(dir, "ghost", 1.0f, " --ghost red_quad,blue_quad", 0.22);  // ViewState::ghostOpacity
}
