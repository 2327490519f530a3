#include "io/IsolatedImport.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <poll.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): POSIX kill() and sigaction, not <csignal>'s C subset
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/ModelWire.h"

#if defined(__SANITIZE_ADDRESS__)
#define LA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LA_ASAN 1
#endif
#endif

namespace la::io {

namespace {

bool writeAll(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

#ifndef LA_ASAN
// Address space in use now (VmSize), so the limit can be set relative to what the child inherits.
std::size_t addressSpaceInUse() {
    unsigned long pages = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
        std::fclose(f);
    }
    return static_cast<std::size_t>(pages) * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}
#endif

[[noreturn]] void runChild(int fd, const std::string& path, const std::function<Result<Model>()>& import,
                           const IsolationLimits& limits, pid_t parent) {
    // If the viewer dies (killed, crashed) while the importer runs, the importer goes with it instead of
    // spinning on alone; the check after it covers a parent that died before the call.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    // A crash ends the child plainly: no handler of the parent's (a test framework's, say) runs in it.
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGPIPE}) ::signal(sig, SIG_DFL);
    rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);  // a crash should not write a core file
    const auto cpu = static_cast<rlim_t>(std::max(1, limits.cpuSeconds));
    rlimit cpuLimit{cpu, cpu + 1};  // SIGXCPU at the soft limit, SIGKILL a second later
    ::setrlimit(RLIMIT_CPU, &cpuLimit);
#ifndef LA_ASAN  // ASan reserves terabytes of shadow memory; an address-space limit would stop it at once
    const rlim_t cap = static_cast<rlim_t>(addressSpaceInUse() + limits.extraBytes);
    rlimit as{cap, cap};
    ::setrlimit(RLIMIT_AS, &as);
#endif
    std::string message;
    try {
        Result<Model> r = import();
        message = r ? "M" + serialiseModel(*r) : "E" + r.error();
    } catch (const std::bad_alloc&) {
        message = "E" + path + ": the importer needed more than " + std::to_string(limits.extraBytes >> 20) +
                  " MB of memory for this file";
    } catch (const std::exception& e) {
        message = "E" + path + ": the importer failed: " + e.what();
    } catch (...) {
        message = "E" + path + ": the importer failed";
    }
    const bool ok = writeAll(fd, message);
    ::_exit(ok ? 0 : 1);  // no destructors or atexit handlers of the parent's state
}

std::string signalName(int sig) {
    const char* s = ::strsignal(sig);
    return s ? std::string(s) : "signal " + std::to_string(sig);
}

}  // namespace

Result<Model> runIsolated(const std::string& path, const std::function<Result<Model>()>& import,
                          const IsolationLimits& limits) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return Error{path + ": could not start the importer (" + std::strerror(errno) + ")"};
    const pid_t self = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int e = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return Error{path + ": could not start the importer (" + std::strerror(e) + ")"};
    }
    if (pid == 0) {
        ::close(fds[0]);
        runChild(fds[1], path, import, limits, self);
    }
    ::close(fds[1]);

    using Clock = std::chrono::steady_clock;
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limits.seconds));
    std::string bytes;
    bool timedOut = false, cancelled = false;
    char chunk[1 << 16];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        if (limits.cancel && limits.cancel->load()) {
            cancelled = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, limits.cancel ? 50 : 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // end of the child's message (or its death)
        bytes.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timedOut || cancelled) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (cancelled) return Error{path + ": the import was cancelled"};
    if (timedOut) {
        char secs[32];
        std::snprintf(secs, sizeof secs, "%g", limits.seconds);
        return Error{path + ": the importer timed out (no result after " + std::string(secs) + " s)"};
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        return Error{path + ": the importer timed out (more than " + std::to_string(limits.cpuSeconds) +
                     " s of processor time)"};
    if (WIFSIGNALED(status))
        return Error{path + ": the importer crashed on this file (" + signalName(WTERMSIG(status)) + ")"};
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || bytes.empty())
        return Error{path + ": the importer stopped without a result"};
    if (bytes[0] == 'E') return Error{bytes.substr(1)};
    if (bytes[0] == 'M')
        if (auto m = deserialiseModel(std::string_view(bytes).substr(1))) return std::move(*m);
    return Error{path + ": the importer returned a damaged result"};
}

}  // namespace la::io
