// render/MipmapPass against glGenerateMipmap (llvmpipe's blit): every level of random textures, sRGB and
// linear, of power-of-two and other sizes, must hold the same texels, so that stills stay byte-identical
// with our own mipmaps. A texture the driver's mipmaps would make differently fails here.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "render/MipmapPass.h"
#include "render/gl/Objects.h"

using namespace la;

namespace {

std::vector<std::uint8_t> noise(int width, int height, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    for (auto& c : rgba) c = static_cast<std::uint8_t>(byte(rng));
    return rgba;
}

// Levels that differ between the two textures, described ("" when all match).
std::string differingLevels(const gl::Texture& a, const gl::Texture& b) {
    std::string out;
    for (int level = 0; level < 16; ++level) {
        glm::ivec2 sa{0}, sb{0};
        const auto ta = a.readLevel(level, sa), tb = b.readLevel(level, sb);
        if (sa != sb) out += " level " + std::to_string(level) + " has another size;";
        if (sa.x == 0) break;
        std::size_t differ = 0;
        for (std::size_t i = 0; i < ta.size() && i < tb.size(); ++i) differ += ta[i] != tb[i] ? 1 : 0;
        if (differ > 0) out += " level " + std::to_string(level) + ": " + std::to_string(differ) + " channels differ;";
        if (sa == glm::ivec2(1)) break;
    }
    return out;
}

}  // namespace

TEST_CASE("gpu: our mipmaps hold the texels of the driver's, for sRGB and linear textures of any size") {
    auto pass = render::MipmapPass::create();
    REQUIRE(pass);
    gl::SamplerParams trilinear;
    trilinear.minFilter = GL_LINEAR_MIPMAP_LINEAR;
    unsigned seed = 1;
    for (const glm::ivec2 size : {glm::ivec2(256, 256), glm::ivec2(512, 128), glm::ivec2(300, 200), glm::ivec2(97, 61),
                                  glm::ivec2(1, 7), glm::ivec2(257, 3), glm::ivec2(2, 2), glm::ivec2(3, 3),
                                  glm::ivec2(640, 480), glm::ivec2(5, 1000), glm::ivec2(1023, 1025)})
        for (const bool srgb : {true, false}) {
            CAPTURE(size.x);
            CAPTURE(size.y);
            CAPTURE(srgb);
            const auto rgba = noise(size.x, size.y, seed++);
            const gl::Texture driver = gl::Texture::image(size.x, size.y, rgba.data(), trilinear, srgb);
            const gl::Texture ours = pass->image(size.x, size.y, rgba.data(), trilinear, srgb);
            CHECK(differingLevels(driver, ours) == "");
        }
}

TEST_CASE("gpu: a texture sampled without mipmaps gets none from the pass") {
    auto pass = render::MipmapPass::create();
    REQUIRE(pass);
    gl::SamplerParams linear;
    linear.minFilter = GL_LINEAR;
    const auto rgba = noise(64, 64, 99);
    const gl::Texture t = pass->image(64, 64, rgba.data(), linear, true);
    glm::ivec2 size{0};
    CHECK(t.readLevel(0, size) == gl::Texture::image(64, 64, rgba.data(), linear, true).readLevel(0, size));
    CHECK(size == glm::ivec2(64, 64));
    glm::ivec2 second{-1};
    t.readLevel(1, second);
    CHECK(second == glm::ivec2(0));
}
