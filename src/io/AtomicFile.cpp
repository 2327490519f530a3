#include "io/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace la::io {

namespace {

std::string errnoText(int err) {
    return err != 0 ? std::strerror(err) : "unknown error";
}

bool writeAll(std::FILE* f, std::string_view bytes) {
    return bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
}

// fsync a directory so the rename itself is durable. Some file systems refuse: not an error.
void syncDirectory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    static_cast<void>(::fsync(fd));
    ::close(fd);
}

}  // namespace

Result<std::size_t> writeFileAtomically(const std::string& givenPath, std::string_view bytes,
                                        const ChunkWriter& writer) {
    namespace fs = std::filesystem;
    // A symbolic link is written through: its target is replaced (atomically, in the target's folder) and the
    // link stays a link.
    std::string path = givenPath;
    std::error_code lec;
    if (fs::is_symlink(givenPath, lec)) {
        const fs::path resolved = fs::weakly_canonical(givenPath, lec);
        if (lec) return Error{givenPath + ": cannot follow the symbolic link: " + lec.message()};
        path = resolved.string();
    }
    const fs::path target(path);
    if (path.empty() || !target.has_filename()) return Error{path + ": not a file path"};
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();

    std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return Error{path + ": cannot create a temporary file: " + errnoText(errno)};

    // Keep the permissions of the file being replaced; new files get rw-r--r--.
    struct stat st {};
    const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    ::fchmod(fd, mode);

    auto failWith = [&](const std::string& what, int err, std::FILE* f) -> Result<std::size_t> {
        if (f)
            std::fclose(f);
        else
            ::close(fd);
        ::unlink(temp.c_str());
        return Error{path + ": " + what + ": " + errnoText(err)};
    };

    std::FILE* f = ::fdopen(fd, "wb");
    if (!f) return failWith("cannot open the temporary file", errno, nullptr);
    errno = 0;
    bool ok = false;
    try {
        ok = writer ? writer(f, bytes) : writeAll(f, bytes);
    } catch (...) {
        ok = false;
    }
    if (!ok) return failWith("cannot write", errno != 0 ? errno : EIO, f);
    if (std::fflush(f) != 0) return failWith("cannot write", errno, f);
    if (::fsync(::fileno(f)) != 0) return failWith("cannot sync", errno, f);
    if (std::fclose(f) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return Error{path + ": cannot close the temporary file: " + errnoText(err)};
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return Error{path + ": cannot replace the file: " + errnoText(err)};
    }
    syncDirectory(dir.string());
    return bytes.size();
}

std::size_t removeStaleTemporaries(const std::string& path, std::chrono::seconds olderThan) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    const std::string prefix = "." + target.filename().string() + ".tmp-";
    std::size_t removed = 0;
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code fec;
        if (name.rfind(prefix, 0) != 0 || !it->is_regular_file(fec)) continue;
        const auto written = fs::last_write_time(it->path(), fec);
        if (fec || now - written < olderThan) continue;  // may be a save in progress in another instance
        if (fs::remove(it->path(), fec)) ++removed;
    }
    return removed;
}

}  // namespace la::io
