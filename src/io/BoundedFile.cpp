#include "io/BoundedFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/HugePages.h"

namespace la::io {

namespace {

std::string typeProblem(const struct stat& st) {
    if (S_ISDIR(st.st_mode)) return "is a folder, not a file";
    if (!S_ISREG(st.st_mode)) return "is not a regular file (a pipe, device or socket)";
    return {};
}

std::string megabytes(std::size_t bytes) {
    return std::to_string((bytes + (std::size_t{1} << 20) - 1) >> 20) + " MB";
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

template <class Buffer>
bool readInto(const std::string& path, std::size_t limit, Buffer& out, std::string& problem) {
    out.clear();
    // O_NONBLOCK: opening a FIFO with no writer must not wait; it is refused by the type check below.
    Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        problem = errno == ENOENT ? "no such file" : std::string("cannot read: ") + std::strerror(errno);
        return false;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        problem = std::string("cannot read: ") + std::strerror(errno);
        return false;
    }
    if (problem = typeProblem(st); !problem.empty()) return false;
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > limit) {
        problem = "is larger than " + megabytes(limit) + " (" + megabytes(size) + "), the most the viewer reads";
        return false;
    }
    out.reserve(size);
    adviseHugePages(out.data(), size);  // a model file of 15 MB: 7 faults instead of 3,600
    out.resize(size);
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd.get(), out.data() + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            problem = std::string("cannot read: ") + std::strerror(errno);
            return false;
        }
        if (n == 0) break;  // shrank while we read: take what is there
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    return true;
}

}  // namespace

bool readBoundedFile(const std::string& path, std::size_t limit, std::string& out, std::string& problem) {
    return readInto(path, limit, out, problem);
}

bool readBoundedFile(const std::string& path, std::size_t limit, std::vector<unsigned char>& out,
                     std::string& problem) {
    return readInto(path, limit, out, problem);
}

std::string notRegularFileProblem(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return typeProblem(st);
}

}  // namespace la::io
