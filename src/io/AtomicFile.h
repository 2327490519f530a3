#pragma once
// Crash-safe file replacement: the target holds either its old bytes or the new ones, never a
// mix. Write a temporary file in the same directory, fflush + fsync it, rename it over the
// target, fsync the directory. On any failure the old file is untouched and the temporary removed.
#include <chrono>
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

// Returns the number of bytes written, or "<path>: <problem>". A symbolic link is written through: its target
// is replaced atomically and the link kept.
Result<std::size_t> writeFileAtomically(const std::string& path, std::string_view bytes,
                                        const ChunkWriter& writer = {});

// Removes the temporary files writeFileAtomically leaves beside `path` when the process is killed mid-save
// (".<name>.tmp-XXXXXX"), if older than `olderThan` (younger ones may belong to a save in progress).
// Returns how many were removed.
std::size_t removeStaleTemporaries(const std::string& path, std::chrono::seconds olderThan = std::chrono::minutes(10));

}  // namespace la::io
