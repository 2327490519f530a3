#pragma once
// Fast PNG encoding for screenshots and handouts (libspng): zlib level 1 and the SUB filter on every
// row, which is several times faster than a full filter search and, on rendered pictures with flat
// backgrounds, smaller too. Opaque RGBA input is stored as RGB.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"

namespace la::io {

// width * height * 4 bytes, top row first. With `keepAlpha` false the alpha channel is dropped (the
// picture is opaque). Error: one line naming the problem.
Result<std::vector<std::uint8_t>> encodePng(int width, int height, const std::vector<std::uint8_t>& rgba,
                                            bool keepAlpha = false);

// Encodes and writes `path`. Error: "<path>: could not write the PNG (<reason>)".
Result<bool> writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                      bool keepAlpha = false);

}  // namespace la::io
