// The PNG writer: what it writes decodes to the same pixels; errors name the file.
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

#include <doctest/doctest.h>
#include <stb_image.h>

#include "io/PngWriter.h"

using namespace la;

namespace {

std::vector<std::uint8_t> testPicture(int w, int h) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w * h * 4));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &px[static_cast<std::size_t>((y * w + x) * 4)];
            p[0] = static_cast<std::uint8_t>(x * 7 + y);
            p[1] = static_cast<std::uint8_t>(y * 3);
            p[2] = static_cast<std::uint8_t>((x ^ y) & 0xff);
            p[3] = static_cast<std::uint8_t>(x + y);  // not opaque: dropped unless kept
        }
    return px;
}

}  // namespace

TEST_CASE("png: an opaque picture decodes to the same RGB, top row first") {
    const int w = 97, h = 41;  // odd sizes: no row padding assumed
    const auto px = testPicture(w, h);
    auto png = io::encodePng(w, h, px);
    REQUIRE(png);
    int dw = 0, dh = 0, channels = 0;
    stbi_uc* back = stbi_load_from_memory(png->data(), static_cast<int>(png->size()), &dw, &dh, &channels, 0);
    REQUIRE(back);
    CHECK(dw == w);
    CHECK(dh == h);
    CHECK(channels == 3);
    int wrong = 0;
    for (int i = 0; i < w * h; ++i)
        for (int c = 0; c < 3; ++c) wrong += back[i * 3 + c] != px[static_cast<std::size_t>(i * 4 + c)];
    stbi_image_free(back);
    CHECK(wrong == 0);
}

TEST_CASE("png: with alpha kept, RGBA round-trips") {
    const int w = 16, h = 9;
    const auto px = testPicture(w, h);
    auto png = io::encodePng(w, h, px, true);
    REQUIRE(png);
    int dw = 0, dh = 0, channels = 0;
    stbi_uc* back = stbi_load_from_memory(png->data(), static_cast<int>(png->size()), &dw, &dh, &channels, 0);
    REQUIRE(back);
    CHECK(channels == 4);
    CHECK(std::vector<std::uint8_t>(back, back + w * h * 4) == px);
    stbi_image_free(back);
}

TEST_CASE("png: writePng writes the file; a bad folder or a size mismatch gives one line") {
    const auto dir = std::filesystem::temp_directory_path() / ("lumbar_atlas_test_png_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto px = testPicture(8, 8);
    const std::string path = (dir / "a.png").string();
    REQUIRE(io::writePng(path, 8, 8, px));
    int dw = 0, dh = 0, channels = 0;
    CHECK(stbi_info(path.c_str(), &dw, &dh, &channels) == 1);
    CHECK(dw == 8);

    const std::string missing = (dir / "no_such_folder" / "b.png").string();
    auto bad = io::writePng(missing, 8, 8, px);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().rfind(missing + ": ", 0) == 0);
    CHECK(bad.error().find('\n') == std::string::npos);

    auto mismatch = io::writePng(path, 9, 8, px);
    REQUIRE_FALSE(mismatch);
    CHECK(mismatch.error().find(path) == 0);
    CHECK_FALSE(io::encodePng(0, 8, {}));
    std::filesystem::remove_all(dir);
}
