#include "io/ImageDecode.h"

#include <cstring>

#include <climits>
#include <stb_image.h>

namespace la::io {

namespace {

bool isPngOrJpeg(const unsigned char* b, std::size_t n) {
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    return (n >= 8 && std::memcmp(b, png, 8) == 0) || (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff);
}

}  // namespace

bool decodeImageLimited(const unsigned char* bytes, std::size_t size, std::size_t& bytesLeft, int& width, int& height,
                        std::vector<unsigned char>& rgba, std::string& problem) {
    if (!bytes || !isPngOrJpeg(bytes, size) || size > static_cast<std::size_t>(INT_MAX)) {
        problem = "is not a PNG or JPEG image";
        return false;
    }
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(bytes, static_cast<int>(size), &w, &h, &comp) || w < 1 || h < 1) {
        problem = "has a damaged header";
        return false;
    }
    if (w > kMaxImageSide || h > kMaxImageSide) {
        problem = "is " + std::to_string(w) + " x " + std::to_string(h) + " pixels, larger than the " +
                  std::to_string(kMaxImageSide) + " x " + std::to_string(kMaxImageSide) + " the viewer accepts";
        return false;
    }
    const std::size_t decoded = static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4;
    if (decoded > bytesLeft) {
        problem = "would take the decoded images past " + std::to_string(kImageBytesLimit >> 20) + " MB";
        return false;
    }
    unsigned char* px = stbi_load_from_memory(bytes, static_cast<int>(size), &w, &h, &comp, 4);
    if (!px) {
        const char* why = stbi_failure_reason();
        problem = std::string("could not be decoded (") + (why ? why : "damaged") + ")";
        return false;
    }
    bytesLeft -= decoded;
    width = w;
    height = h;
    rgba.assign(px, px + decoded);
    stbi_image_free(px);
    return true;
}

}  // namespace la::io
