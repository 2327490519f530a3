#pragma once
// Fast PNG encoding for screenshots and handouts, written here with zlib: the SUB filter on every row and
// zlib level 1 with run-length matches only, several times faster than a full filter search and, on rendered
// pictures with flat backgrounds, smaller too. The rows are split into pieces (one per core, at most 4) that
// are filtered and deflated on their own threads and joined into one zlib stream (pigz's way: each piece but
// the last ends on a sync flush; the Adler-32s are combined), stored in IDAT chunks of up to 1 GiB (one
// for any screenshot). Opaque RGBA input is stored as RGB.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Result.h"

namespace la::io {

// width * height * 4 bytes, top row first. With `keepAlpha` false the alpha channel is dropped (the
// picture is opaque). Error: one line naming the problem.
Result<std::vector<std::uint8_t>> encodePng(int width, int height, const std::vector<std::uint8_t>& rgba,
                                            bool keepAlpha = false);

// The same in `pieces` pieces (1 to 64, at most one a row), each on its own thread but the first. encodePng
// chooses one for pictures under 256 KiB, else one per core up to 4.
Result<std::vector<std::uint8_t>> encodePngInPieces(int width, int height, const std::vector<std::uint8_t>& rgba,
                                                    bool keepAlpha, int pieces);

// Encodes and writes `path`. Error: "<path>: could not write the PNG (<reason>)".
Result<bool> writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                      bool keepAlpha = false);

}  // namespace la::io
