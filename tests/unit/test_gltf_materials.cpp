// glTF materials -> la::Material: texture slots with their UV sets and KHR_texture_transform,
// emissive strength, unlit, specular-glossiness, approximated extensions and KTX2 images.
#include <doctest/doctest.h>

#include "../support/MaterialScenes.h"
#include "io/ModelLoader.h"

using namespace la;
using namespace la::test;

TEST_CASE("gltf materials: every texture slot, its UV set and transform") {
    const auto dir = tempDir("gltf_materials_slots");
    const auto file = writeQuad(dir, "slots",
                                R"({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0, "texCoord": 1,
              "extensions": {"KHR_texture_transform": {"offset": [0.5, 0.25], "scale": [2, 3], "rotation": 1.5707963}}},
              "metallicFactor": 0.5, "roughnessFactor": 0.25, "metallicRoughnessTexture": {"index": 0}},
            "normalTexture": {"index": 0, "scale": 0.5}, "occlusionTexture": {"index": 0, "strength": 0.7, "texCoord": 1},
            "emissiveTexture": {"index": 0}, "emissiveFactor": [1, 0.5, 0.25],
            "extensions": {"KHR_materials_emissive_strength": {"emissiveStrength": 4}}})");
    auto m = io::loadModel(file.string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    REQUIRE(m->materials.size() == 1);
    const Material& mat = m->materials[0];
    CHECK(mat.baseColorTexture == 0);
    CHECK(mat.baseColorTexCoord == 1);
    // uv' = T R S uv: (1, 0) -> scale (2, 0) -> rotate 90 degrees -> (0, 2) -> offset (0.5, 2.25).
    const glm::vec3 u = mat.baseColorUv * glm::vec3(1, 0, 1);
    CHECK(u.x == doctest::Approx(0.5f).epsilon(1e-4));
    CHECK(u.y == doctest::Approx(2.25f).epsilon(1e-4));
    CHECK(mat.metallicRoughness.texture == 0);
    CHECK(mat.metallic == doctest::Approx(0.5f));
    CHECK(mat.normal.texture == 0);
    CHECK(mat.normalScale == doctest::Approx(0.5f));
    CHECK(mat.occlusion.texCoord == 1);
    CHECK(mat.occlusionStrength == doctest::Approx(0.7f));
    CHECK(mat.emissiveTexture.texture == 0);
    CHECK(mat.emissive.x == doctest::Approx(4.0f));
    CHECK(mat.emissive.z == doctest::Approx(1.0f));
    // Used as colour (base, emissive) and data: stays sRGB.
    CHECK(m->textures[0].srgb);
    REQUIRE(m->meshes[0].primitives[0].uvs1.size() == 4);
    CHECK(m->meshes[0].primitives[0].uvs1[0].y == doctest::Approx(1.0f));
    CHECK(m->warnings.empty());
}

TEST_CASE("gltf materials: unlit, specular-glossiness, approximated and refused extensions") {
    const auto dir = tempDir("gltf_materials_ext");
    auto m = io::loadModel(
        writeQuad(dir, "sg",
                  R"({"normalTexture": {"index": 0}, "extensions": {"KHR_materials_unlit": {},
                      "KHR_materials_pbrSpecularGlossiness": {"diffuseFactor": [0.9, 0.1, 0.2, 1],
                        "diffuseTexture": {"index": 0}, "glossinessFactor": 0.75},
                      "KHR_materials_clearcoat": {"clearcoatFactor": 1}, "KHR_materials_sheen": {}}})",
                  R"({"uri": "quadrants.png"})",
                  R"(, "extensionsRequired": ["KHR_materials_pbrSpecularGlossiness", "KHR_materials_clearcoat"])")
            .string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    const Material& mat = m->materials[0];
    CHECK(mat.unlit);
    CHECK(mat.baseColor.x == doctest::Approx(0.9f));
    CHECK(mat.baseColorTexture == 0);
    CHECK(mat.roughness == doctest::Approx(0.25f));
    CHECK(mat.metallic == 0.0f);
    CHECK_FALSE(m->textures[0].srgb == false);  // base colour use: sRGB
    REQUIRE(m->warnings.size() == 1);
    CHECK(m->warnings[0] ==
          "sg.gltf: drawn as their base material (approximated): KHR_materials_clearcoat, "
          "KHR_materials_sheen");

    // Only a normal map: the texture is data, stored linear.
    auto n = io::loadModel(writeQuad(dir, "nm", R"({"normalTexture": {"index": 0}})").string());
    REQUIRE(n.ok());
    CHECK_FALSE(n->textures[0].srgb);

    auto unknown = io::loadModel(
        writeQuad(dir, "unknown", "{}", R"({"uri": "quadrants.png"})", R"(, "extensionsRequired": ["EXT_made_up"])")
            .string());
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("unknown.gltf: requires unsupported extension EXT_made_up") != std::string::npos);
}

TEST_CASE("gltf materials: a KTX2 image loads as no texture, with one line") {
    const auto dir = tempDir("gltf_materials_ktx2");
    const unsigned char magic[12] = {0xAB, 'K', 'T', 'X', ' ', '2', '0', 0xBB, '\r', '\n', 0x1A, '\n'};
    writeText(dir / "t.ktx2", std::string(reinterpret_cast<const char*>(magic), 12) + std::string(32, '\0'));
    auto m = io::loadModel(writeQuad(dir, "k", R"({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}})",
                                     R"({"uri": "t.ktx2", "mimeType": "image/ktx2"})")
                               .string());
    REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
    CHECK(m->textures[0].rgba.empty());
    REQUIRE(m->warnings.size() == 1);
    CHECK(m->warnings[0].find("1 KTX2/Basis texture(s) drawn untextured") != std::string::npos);
}

TEST_CASE("gltf materials: the sampler's wrap modes and filters reach the texture") {
    const auto dir = tempDir("gltf_materials_sampler");
    const std::string mat = R"({"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}})";
    struct Case {
        const char* sampler;
        TextureSampler want;
    };
    using W = TextureWrap;
    using F = TextureFilter;
    const Case cases[] = {
        {R"({})", {}},  // glTF leaves the filters to the viewer: trilinear, repeating
        {R"({"wrapS": 33071, "wrapT": 33648, "magFilter": 9728, "minFilter": 9728})",
         {W::ClampToEdge, W::MirroredRepeat, F::Nearest, F::Nearest, false, F::Linear}},
        {R"({"magFilter": 9729, "minFilter": 9729})", {W::Repeat, W::Repeat, F::Linear, F::Linear, false, F::Linear}},
        {R"({"minFilter": 9984})", {W::Repeat, W::Repeat, F::Linear, F::Nearest, true, F::Nearest}},
        {R"({"minFilter": 9985})", {W::Repeat, W::Repeat, F::Linear, F::Linear, true, F::Nearest}},
        {R"({"minFilter": 9986})", {W::Repeat, W::Repeat, F::Linear, F::Nearest, true, F::Linear}},
        {R"({"wrapS": 10497, "minFilter": 9987})", {W::Repeat, W::Repeat, F::Linear, F::Linear, true, F::Linear}},
    };
    int k = 0;
    for (const Case& c : cases) {
        CAPTURE(c.sampler);
        const auto file = writeQuad(dir, "s" + std::to_string(k++), mat, R"({"uri": "quadrants.png"})", "", c.sampler);
        auto m = io::loadModel(file.string());
        REQUIRE_MESSAGE(m.ok(), (m.ok() ? std::string() : m.error()));
        REQUIRE(m->textures.size() == 1);
        const TextureSampler& got = m->textures[0].sampler;
        CHECK(got.wrapS == c.want.wrapS);
        CHECK(got.wrapT == c.want.wrapT);
        CHECK(got.mag == c.want.mag);
        CHECK(got.min == c.want.min);
        CHECK(got.mipmaps == c.want.mipmaps);
        if (c.want.mipmaps) CHECK(got.mipmap == c.want.mipmap);
    }
}
