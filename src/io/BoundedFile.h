#pragma once
// Reading whole files we were handed: regular files only (a FIFO, a device such as /dev/zero, a socket or a
// folder is refused without blocking) and never more than a size cap, so no input can hang the viewer or
// fill its memory.
#include <cstddef>
#include <string>
#include <vector>

namespace la::io {

inline constexpr std::size_t kTextFileLimit = std::size_t{16} << 20;    // tours, content, settings
inline constexpr std::size_t kModelFileLimit = std::size_t{512} << 20;  // a model, one of its buffers or images

// On failure `problem` is one line without the path: "is a folder, not a file", "is larger than 16 MB", ...
bool readBoundedFile(const std::string& path, std::size_t limit, std::string& out, std::string& problem);
bool readBoundedFile(const std::string& path, std::size_t limit, std::vector<unsigned char>& out, std::string& problem);

// "is a folder, not a file" / "is not a regular file (a pipe, device or socket)" / "" when it is a regular file
// or does not exist (the caller's open then reports that).
std::string notRegularFileProblem(const std::string& path);

}  // namespace la::io
