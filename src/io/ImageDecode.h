#pragma once
// PNG and JPEG decoding within limits: the size is read from the header first, so an image that would decode
// to gigabytes is refused before anything is allocated.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace la::io {

inline constexpr int kMaxImageSide = 8192;
inline constexpr std::size_t kImageBytesLimit = std::size_t{256} << 20;  // decoded RGBA, all images of a model

// Decodes to 8-bit RGBA (rows top to bottom) and takes the decoded size from `bytesLeft`. On failure `problem`
// completes "image N ..." ("is 16384 x 16384 pixels, larger than ...").
bool decodeImageLimited(const unsigned char* bytes, std::size_t size, std::size_t& bytesLeft, int& width, int& height,
                        std::vector<unsigned char>& rgba, std::string& problem);

}  // namespace la::io
