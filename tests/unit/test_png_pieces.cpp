// The PNG writer's own encoder: the rows deflated in pieces on several threads and joined into one zlib
// stream decode to the same pixels, and the stream is checked whole by zlib (stb_image does not check the
// Adler-32, zlib's uncompress does), every chunk's CRC too.
#include <cstdint>
#include <random>
#include <string>
#include <vector>
#include <zlib.h>

#include <doctest/doctest.h>
#include <stb_image.h>

#include "io/PngWriter.h"

using namespace la;

namespace {

// A gradient with noise, the alpha varying too.
std::vector<std::uint8_t> gradient(int w, int h, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &px[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + x) * 4];
            p[0] = static_cast<std::uint8_t>(x * 255 / w + rng() % 6);
            p[1] = static_cast<std::uint8_t>(y * 255 / h);
            p[2] = static_cast<std::uint8_t>((x + y) / 3 + rng() % 3);
            p[3] = static_cast<std::uint8_t>(255 - (x + 2 * y) % 97);
        }
    return px;
}

std::uint32_t be32(const std::uint8_t* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

// Walks the chunks (checking each CRC), inflates the IDAT data with zlib (checking the Adler-32) and
// checks every row has filter byte 1. Returns the number of chunk problems found (0: all good).
int checkStream(const std::vector<std::uint8_t>& png, int w, int h, int channels) {
    int problems = 0;
    std::vector<std::uint8_t> idat;
    std::size_t at = 8;
    std::string last;
    while (at + 12 <= png.size()) {
        const std::uint32_t len = be32(&png[at]);
        if (at + 12 + len > png.size()) return problems + 1;
        const std::string type(reinterpret_cast<const char*>(&png[at + 4]), 4);
        const auto crc = static_cast<std::uint32_t>(crc32(0, &png[at + 4], len + 4));
        problems += crc != be32(&png[at + 8 + len]);
        if (type == "IDAT") idat.insert(idat.end(), &png[at + 8], &png[at + 8 + len]);
        last = type;
        at += 12 + len;
    }
    problems += at != png.size() || last != "IEND";
    const std::size_t rowBytes = 1 + static_cast<std::size_t>(w) * channels;
    std::vector<std::uint8_t> raw(rowBytes * static_cast<std::size_t>(h) + 1);  // one spare: no excess data
    uLongf rawLen = raw.size();
    const int z = uncompress(raw.data(), &rawLen, idat.data(), idat.size());
    CHECK_MESSAGE(z == Z_OK, "zlib says ", z);
    problems += z != Z_OK;
    CHECK(rawLen == rowBytes * static_cast<std::size_t>(h));
    for (int y = 0; y < h && z == Z_OK; ++y) problems += raw[rowBytes * static_cast<std::size_t>(y)] != 1;
    return problems;
}

// Decodes with stb_image; the number of samples that differ from `px` (-1: not decoded or another size).
int wrongSamples(const std::vector<std::uint8_t>& png, const std::vector<std::uint8_t>& px, int w, int h,
                 int channels) {
    int dw = 0, dh = 0, dc = 0;
    stbi_uc* back = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &dw, &dh, &dc, 0);
    if (!back) return -1;
    int wrong = dw == w && dh == h && dc == channels ? 0 : -1;
    for (int i = 0; i < w * h && wrong >= 0; ++i)
        for (int c = 0; c < channels; ++c) wrong += back[i * channels + c] != px[static_cast<std::size_t>(i) * 4 + c];
    stbi_image_free(back);
    return wrong;
}

}  // namespace

TEST_CASE("png pieces: pictures of several sizes round-trip, RGB and RGBA, in 1 to 4 pieces") {
    struct Size {
        int w, h;
    };
    for (const Size s : {Size{1, 1}, Size{3, 2}, Size{1, 7}, Size{1280, 720}, Size{1280, 721}, Size{333, 5}}) {
        const auto px = gradient(s.w, s.h, static_cast<unsigned>(s.w * 31 + s.h));
        for (const bool alpha : {false, true}) {
            const int channels = alpha ? 4 : 3;
            CAPTURE(s.w);
            CAPTURE(s.h);
            CAPTURE(alpha);
            auto png = io::encodePng(s.w, s.h, px, alpha);
            REQUIRE(png);
            CHECK(checkStream(*png, s.w, s.h, channels) == 0);
            CHECK(wrongSamples(*png, px, s.w, s.h, channels) == 0);
            for (int pieces = 1; pieces <= 4; ++pieces) {  // more pieces than rows: fewer pieces
                CAPTURE(pieces);
                auto split = io::encodePngInPieces(s.w, s.h, px, alpha, pieces);
                REQUIRE(split);
                CHECK(checkStream(*split, s.w, s.h, channels) == 0);
                CHECK(wrongSamples(*split, px, s.w, s.h, channels) == 0);
            }
        }
    }
}

TEST_CASE("png pieces: a flat picture compresses; the pieces cost little") {
    std::vector<std::uint8_t> px(std::size_t{1280} * 720 * 4, 200);
    auto one = io::encodePngInPieces(1280, 720, px, false, 1);
    auto four = io::encodePngInPieces(1280, 720, px, false, 4);
    REQUIRE(one);
    REQUIRE(four);
    CHECK(one->size() < 20000);
    CHECK(four->size() < one->size() + 200);
    CHECK(checkStream(*four, 1280, 720, 3) == 0);
}
