// glTF materials as other viewers draw them, on a quad facing +Z (a model with no anatomy is first seen
// from the front): emissive textures, KHR_texture_transform on TEXCOORD_1, KHR_materials_unlit,
// KHR_materials_pbrSpecularGlossiness, approximated extensions and KTX2 images.
#include <algorithm>

#include <doctest/doctest.h>

#include "../support/MaterialScenes.h"
#include "../support/Shoot.h"

using namespace la::test;

namespace {

struct Rgb {
    int r, g, b;
};
Rgb at(const Image& img, double fx, double fy) {
    const std::uint8_t* p = img.at(static_cast<int>(fx * img.w), static_cast<int>(fy * img.h));
    return {p[0], p[1], p[2]};
}
// The four quadrant centres of the quad, seen from the front at 640 x 480 (it fills the middle).
constexpr double kL = 0.45, kR = 0.55, kT = 0.43, kB = 0.57;

}  // namespace

TEST_CASE("an emissive texture glows in its own colours, not as a flat white") {
    const auto dir = tempDir("render_mat_emissive");
    const auto file = writeQuad(dir, "emissive",
                                R"({"pbrMetallicRoughness": {"baseColorFactor": [0, 0, 0, 1]},
                                    "emissiveFactor": [1, 1, 1], "emissiveTexture": {"index": 0}})");
    const Image img = shoot(shellQuoted(file) + " --size 640x480", dir / "e.png");
    const Rgb tl = at(img, kL, kT), tr = at(img, kR, kT), bl = at(img, kL, kB), br = at(img, kR, kB);
    INFO(tl.r << "," << tl.g << "," << tl.b << " " << tr.r << "," << tr.g << "," << tr.b);
    CHECK(tl.r > 200);
    CHECK(tl.g < 90);
    CHECK(tr.g > 200);
    CHECK(tr.r < 90);
    CHECK(bl.b > 200);
    CHECK(bl.r < 90);
    CHECK(br.r > 200);
    CHECK(br.g > 200);
    CHECK(br.b < 90);
}

TEST_CASE("KHR_texture_transform on TEXCOORD_1 and KHR_materials_unlit (both required)") {
    const auto dir = tempDir("render_mat_transform");
    // TEXCOORD_1 is upside down; the transform moves it half a texture to the right: the top left of the
    // quad samples (0.75, 0.75), the bottom right quadrant (yellow); the top right wraps to blue.
    const auto file = writeQuad(dir, "transform",
                                R"({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0, "texCoord": 0,
              "extensions": {"KHR_texture_transform": {"offset": [0.5, 0], "texCoord": 1}}}},
            "extensions": {"KHR_materials_unlit": {}}})",
                                R"({"uri": "quadrants.png"})",
                                R"(, "extensionsUsed": ["KHR_texture_transform", "KHR_materials_unlit"],
             "extensionsRequired": ["KHR_texture_transform", "KHR_materials_unlit"])");
    const RunResult r = runViewer(shellQuoted(file) + " --size 640x480 --screenshot " + shellQuoted(dir / "t.png"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Image img = readPng((dir / "t.png").string());
    REQUIRE(img.ok());
    const Rgb tl = at(img, kL, kT), tr = at(img, kR, kT), bl = at(img, kL, kB);
    INFO(tl.r << "," << tl.g << "," << tl.b);
    // Unlit: the texel's colour exactly, no shading.
    CHECK(tl.r >= 250);
    CHECK(tl.g >= 250);
    CHECK(tl.b <= 5);
    CHECK(tr.b >= 250);
    CHECK(tr.r <= 5);
    CHECK(bl.g >= 250);  // (0.75, 0.25): green
    CHECK(bl.r <= 5);
}

TEST_CASE("specular-glossiness is drawn through its diffuse; iridescence is approximated with one line") {
    const auto dir = tempDir("render_mat_specgloss");
    // The diffuse texture (the quadrants) times a red diffuse factor: red and yellow quadrants show red,
    // green and blue ones go dark.
    const auto file =
        writeQuad(dir, "specgloss",
                  R"({"extensions": {"KHR_materials_pbrSpecularGlossiness": {"diffuseFactor": [0.9, 0.05, 0.05, 1],
              "diffuseTexture": {"index": 0}, "glossinessFactor": 0.2},
              "KHR_materials_iridescence": {"iridescenceFactor": 1}}})",
                  R"({"uri": "quadrants.png"})",
                  R"(, "extensionsUsed": ["KHR_materials_pbrSpecularGlossiness", "KHR_materials_iridescence"],
             "extensionsRequired": ["KHR_materials_pbrSpecularGlossiness", "KHR_materials_iridescence"])");
    const RunResult r = runViewer(shellQuoted(file) + " --size 640x480 --screenshot " + shellQuoted(dir / "s.png"));
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.find("specgloss.gltf: drawn as their base material (approximated): KHR_materials_iridescence") !=
          std::string::npos);
    const Image img = readPng((dir / "s.png").string());
    const Rgb tl = at(img, kL, kT), tr = at(img, kR, kT), bl = at(img, kL, kB), br = at(img, kR, kB);
    INFO(tl.r << "," << tl.g << "," << tl.b << " / " << tr.r << "," << tr.g << "," << tr.b);
    for (const Rgb& c : {tl, br}) {
        CHECK(c.r > 120);
        CHECK(c.r > 3 * c.g);
        CHECK(c.r > 3 * c.b);
    }
    for (const Rgb& c : {tr, bl}) CHECK(c.r < tl.r / 2);
}

TEST_CASE("an occlusion texture darkens the ambient light where its red channel is low") {
    const auto dir = tempDir("render_mat_occlusion");
    // White, not metallic; the quadrants as occlusion (red channel): red and yellow quadrants are open
    // (1), green and blue ones fully occluded (0).
    const auto file = writeQuad(dir, "occlusion",
                                R"({"pbrMetallicRoughness": {"baseColorFactor": [0.8, 0.8, 0.8, 1],
                                      "metallicFactor": 0}, "occlusionTexture": {"index": 0}})");
    const Image img = shoot(shellQuoted(file) + " --size 640x480", dir / "o.png");
    const Rgb tl = at(img, kL, kT), tr = at(img, kR, kT), bl = at(img, kL, kB), br = at(img, kR, kB);
    INFO(tl.r << " " << tr.r << " " << bl.r << " " << br.r);
    // Grey everywhere (the texture is data, not colour); occluded quadrants darker by the ambient part.
    CHECK(std::abs(tr.r - tr.g) < 6);
    CHECK(tl.r > tr.r + 20);
    CHECK(br.r > bl.r + 20);
}

TEST_CASE("a metal with no environment map still shows its colour (the surroundings it reflects)") {
    const auto dir = tempDir("render_mat_metal");
    // glTF's default metallicFactor is 1: a green metal, rough.
    const auto file = writeQuad(dir, "metal", R"({"pbrMetallicRoughness": {"baseColorFactor": [0.05, 0.8, 0.1, 1]}})");
    const Image img = shoot(shellQuoted(file) + " --size 640x480", dir / "m.png");
    const Rgb c = at(img, 0.5, 0.5);
    INFO(c.r << "," << c.g << "," << c.b);
    CHECK(c.g > 110);
    CHECK(c.g > 2 * c.r);
    CHECK(c.g > 2 * c.b);
}

TEST_CASE("a KTX2 texture is drawn untextured with one line") {
    const auto dir = tempDir("render_mat_ktx2");
    const unsigned char magic[12] = {0xAB, 'K', 'T', 'X', ' ', '2', '0', 0xBB, '\r', '\n', 0x1A, '\n'};
    writeText(dir / "tex.ktx2", std::string(reinterpret_cast<const char*>(magic), 12) + std::string(64, '\0'));
    const auto file = writeQuad(dir, "ktx2",
                                R"({"pbrMetallicRoughness": {"baseColorFactor": [0.05, 0.8, 0.1, 1],
                                      "baseColorTexture": {"index": 0}}})",
                                R"({"uri": "tex.ktx2", "mimeType": "image/ktx2"})");
    const RunResult r = runViewer(shellQuoted(file) + " --size 640x480 --screenshot " + shellQuoted(dir / "k.png"));
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.find("ktx2.gltf: 1 KTX2/Basis texture(s) drawn untextured") != std::string::npos);
    const Image img = readPng((dir / "k.png").string());
    const Rgb c = at(img, 0.5, 0.5);
    CHECK(c.g > 2 * c.r);
    CHECK(c.g > 2 * c.b);
}

TEST_CASE("POINTS, LINES, LINE_LOOP and LINE_STRIP are drawn in their material's colour") {
    const auto dir = tempDir("render_lines");
    const std::vector<float> pos = {-0.5f, 0.5f, 0, 0.5f, 0.5f, 0, 0.5f, -0.5f, 0, -0.5f, -0.5f, 0};
    BufferBuilder b;
    const auto p = b.add(pos);
    // Mesh 0: the square's outline as a LINE_LOOP (red); mesh 1: its corners as POINTS (blue), moved
    // inwards; mesh 2: a LINE_STRIP (green) across and mesh 3: LINES (green) the other way.
    const std::string json = R"({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0, 1, 2, 3]}],
  "nodes": [{"name": "loop", "mesh": 0}, {"name": "points", "mesh": 1, "scale": [0.6, 0.6, 1]},
            {"name": "strip", "mesh": 2, "scale": [0.3, 0.3, 1]}, {"name": "lines", "mesh": 3, "scale": [0.2, 0.2, 1]}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "mode": 2, "material": 0}]},
             {"primitives": [{"attributes": {"POSITION": 0}, "mode": 0, "material": 1}]},
             {"primitives": [{"attributes": {"POSITION": 0}, "mode": 3, "material": 2}]},
             {"primitives": [{"attributes": {"POSITION": 0}, "mode": 1, "material": 2}]}],
  "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [1, 0, 0, 1]}},
                {"pbrMetallicRoughness": {"baseColorFactor": [0, 0, 1, 1]}},
                {"pbrMetallicRoughness": {"baseColorFactor": [0, 1, 0, 1]}}],
  "buffers": [{"uri": ")" + b.dataUri() +
                             R"(", "byteLength": )" + std::to_string(b.bytes.size()) + R"(}],
  "bufferViews": [{"buffer": 0, "byteOffset": )" +
                             std::to_string(p) + R"(, "byteLength": 48}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3", "min": [-0.5,-0.5,0], "max": [0.5,0.5,0]}]})";
    writeText(dir / "lines.gltf", json);
    const Image img = shoot(shellQuoted(dir / "lines.gltf") + " --size 640x480", dir / "l.png");
    long red = 0, blue = 0, green = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x) {
            const std::uint8_t* q = img.at(x, y);
            red += q[0] > 200 && q[1] < 80 && q[2] < 80;
            blue += q[2] > 200 && q[0] < 80 && q[1] < 80;
            green += q[1] > 200 && q[0] < 80 && q[2] < 80;
        }
    INFO(red << " red, " << blue << " blue, " << green << " green pixels");
    CHECK(red > 400);   // four sides of the loop, each over 100 pixels long
    CHECK(blue >= 16);  // four points of 4 x 4 pixels (less where multisampling blends their edges)
    CHECK(green > 100);
}

TEST_CASE("the sampler's filters and wrap modes are drawn as the file asks") {
    const auto dir = tempDir("render_mat_sampler");
    const std::string req = R"(, "extensionsUsed": ["KHR_texture_transform", "KHR_materials_unlit"])";
    // Filters: the transform magnifies the 8 x 8 texels round the texture's centre onto the quad (16 px
    // each at 640 x 480); a row through the upper quadrants crosses the red-green edge.
    auto shootFilter = [&](const std::string& name, const std::string& sampler) {
        const auto file = writeQuad(dir, name, R"({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0,
              "extensions": {"KHR_texture_transform": {"offset": [0.4375, 0.4375], "scale": [0.125, 0.125]}}}},
            "extensions": {"KHR_materials_unlit": {}}})",
                                    R"({"uri": "quadrants.png"})", req, sampler);
        return shoot(shellQuoted(file) + " --size 640x480", dir / (name + ".png"));
    };
    auto mixedAlongRow = [](const Image& img) {
        int mixed = 0, red = 0, green = 0;
        for (int x = static_cast<int>(0.42 * img.w); x < static_cast<int>(0.58 * img.w); ++x) {
            const std::uint8_t* p = img.at(x, static_cast<int>(kT * img.h));
            const bool r = p[0] > 195, g = p[1] > 195;
            red += r && p[1] < 60;
            green += g && p[0] < 60;
            mixed += p[0] > 40 && p[1] > 40;  // neither pure red nor pure green: a blend of the two texels
        }
        CHECK(red > 10);
        CHECK(green > 10);
        return mixed;
    };
    const int nearest = mixedAlongRow(shootFilter("nearest", R"({"magFilter": 9728, "minFilter": 9728})"));
    const int linear = mixedAlongRow(shootFilter("linear", R"({"magFilter": 9729, "minFilter": 9987})"));
    INFO("mixed pixels: nearest " << nearest << ", linear " << linear);
    CHECK(nearest <= 1);
    CHECK(linear >= 6);

    // Wrap: u runs 0..3 across the quad; at u = 1.25 and 2.25 repeat samples red twice, clamp-to-edge the right column
    // (green) twice, mirrored repeat green (u' = 0.75) then red (u' = 0.25).
    auto shootWrap = [&](const std::string& name, int wrapS) {
        const auto file =
            writeQuad(dir, name, R"({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0,
              "extensions": {"KHR_texture_transform": {"scale": [3, 1]}}}},
            "extensions": {"KHR_materials_unlit": {}}})",
                      R"({"uri": "quadrants.png"})", req,
                      R"({"magFilter": 9728, "minFilter": 9728, "wrapS": )" + std::to_string(wrapS) + "}");
        return shoot(shellQuoted(file) + " --size 640x480", dir / (name + ".png"));
    };
    auto isRed = [](Rgb c) { return c.r > 200 && c.g < 60; };
    auto isGreen = [](Rgb c) { return c.g > 200 && c.r < 60; };
    // Where u = 1.25 and 2.25 fall, from the quad's left and right edges along that row (saturated pixels).
    auto sample = [&](const Image& img, double u) {
        const int y = static_cast<int>(kT * img.h);
        int x0 = img.w, x1 = -1;
        for (int x = 0; x < img.w; ++x) {
            const std::uint8_t* p = img.at(x, y);
            if (std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) > 150) x0 = std::min(x0, x), x1 = x;
        }
        REQUIRE(x1 > x0 + 30);
        return at(img, (x0 + (x1 - x0) * u / 3.0) / img.w, kT);
    };
    const Image rep = shootWrap("repeat", 10497), clamp = shootWrap("clamp", 33071),
                mirror = shootWrap("mirror", 33648);
    CHECK(isRed(sample(rep, 1.25)));
    CHECK(isRed(sample(rep, 2.25)));
    CHECK(isGreen(sample(clamp, 1.25)));
    CHECK(isGreen(sample(clamp, 2.25)));
    CHECK(isGreen(sample(mirror, 1.25)));
    CHECK(isRed(sample(mirror, 2.25)));
}
