#pragma once
// Crash-safe file replacement: the target holds either its old bytes or the new ones, never a
// mix. Write a temporary file in the same directory, fflush + fsync it, rename it over the
// target, fsync the directory. On any failure the old file is untouched and the temporary removed.
#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "core/Result.h"

namespace la::io {

// Writes `bytes` to an open temporary file; false = failure (errno describes it, if set).
// The default writes everything with fwrite. Tests inject writers that fail halfway.
using ChunkWriter = std::function<bool(std::FILE* file, std::string_view bytes)>;

// Returns the number of bytes written, or "<path>: <problem>".
Result<std::size_t> writeFileAtomically(const std::string& path, std::string_view bytes,
                                        const ChunkWriter& writer = {});

}  // namespace la::io
