#pragma once
// PNG reading and simple image facts for render tests.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <stb_image.h>

namespace la::test {

struct Image {
    int w = 0, h = 0;
    std::vector<std::uint8_t> rgb;  // 3 bytes per pixel, top row first
    bool ok() const { return w > 0 && h > 0; }
    const std::uint8_t* at(int x, int y) const { return &rgb[(static_cast<std::size_t>(y) * w + x) * 3]; }
};

inline Image readPng(const std::string& path) {
    Image img;
    int c = 0;
    unsigned char* px = stbi_load(path.c_str(), &img.w, &img.h, &c, 3);
    if (!px) return Image{};
    img.rgb.assign(px, px + static_cast<std::size_t>(img.w) * img.h * 3);
    stbi_image_free(px);
    return img;
}

inline int colourDistance(const std::uint8_t* a, const std::uint8_t* b) {
    return std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
}

// Pixels that differ from the background, estimated per row from the left-most pixel of that row
// (the background is a vertical gradient, so each row has its own colour).
struct Coverage {
    double fraction = 0;    // share of pixels that show the model
    double cx = 0, cy = 0;  // centroid of those pixels, in 0..1
    int minX = 0, maxX = 0, minY = 0, maxY = 0;
};

inline Coverage foreground(const Image& img, int threshold = 40) {
    Coverage c;
    c.minX = img.w;
    c.minY = img.h;
    std::size_t n = 0;
    double sx = 0, sy = 0;
    for (int y = 0; y < img.h; ++y) {
        const std::uint8_t* bg = img.at(0, y);
        for (int x = 0; x < img.w; ++x) {
            // Compare with the background at the same height on the nearer edge (vignette varies with x).
            const std::uint8_t* ref = x < img.w / 2 ? bg : img.at(img.w - 1, y);
            if (colourDistance(img.at(x, y), ref) > threshold) {
                ++n;
                sx += x;
                sy += y;
                c.minX = std::min(c.minX, x);
                c.maxX = std::max(c.maxX, x);
                c.minY = std::min(c.minY, y);
                c.maxY = std::max(c.maxY, y);
            }
        }
    }
    c.fraction = static_cast<double>(n) / (static_cast<double>(img.w) * img.h);
    if (n) {
        c.cx = sx / n / img.w;
        c.cy = sy / n / img.h;
    }
    return c;
}

// Mean absolute per-channel difference of two images of the same size.
inline double meanDifference(const Image& a, const Image& b) {
    if (a.w != b.w || a.h != b.h) return 1e9;
    double s = 0;
    for (std::size_t i = 0; i < a.rgb.size(); ++i) s += std::abs(a.rgb[i] - b.rgb[i]);
    return s / static_cast<double>(a.rgb.size());
}

}  // namespace la::test
