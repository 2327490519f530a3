#include "app/Timeline.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace la::app {

namespace {
// Seconds from the process's start to now, from /proc/self/stat (field 22, clock ticks after boot) and
// CLOCK_BOOTTIME; 0 where that is not there.
double secondsSinceProcessStart() {
    std::ifstream in("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto paren = stat.rfind(')');  // the command name may hold spaces
    if (paren == std::string::npos) return 0.0;
    std::istringstream fields(stat.substr(paren + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i)
        if (i == 22) {
            timespec now{};
            clock_gettime(CLOCK_BOOTTIME, &now);
            const double started = std::strtod(field.c_str(), nullptr) / static_cast<double>(sysconf(_SC_CLK_TCK));
            const double s = static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9 - started;
            return s > 0.0 ? s : 0.0;
        }
    return 0.0;
}
// Resident and peak resident memory of the process, MiB (/proc/self/status: VmRSS, VmHWM).
void residentMiB(double& now, double& peak) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmRSS:", 0) == 0) now = std::strtod(line.c_str() + 6, nullptr) / 1024.0;
        if (line.rfind("VmHWM:", 0) == 0) peak = std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    }
}
// Processor time of the clock `id` (the whole process or this thread), ms.
double cpuMs(clockid_t id) {
    timespec t{};
    clock_gettime(id, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}
}  // namespace

bool timelineRequested() {
    const char* v = std::getenv("LA_TIMELINE");
    return v && *v && std::strcmp(v, "0") != 0;
}

double processCpuSeconds() {
    return cpuMs(CLOCK_PROCESS_CPUTIME_ID) * 1e-3;
}

Timeline::Timeline() {
    enabled_ = timelineRequested();
    const auto now = std::chrono::steady_clock::now();
    start_ = now;
    if (!enabled_) return;
    start_ = now - std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                       std::chrono::duration<double>(secondsSinceProcessStart()));
    // The start on CLOCK_MONOTONIC (steady_clock's clock here), to line these up with a profiler's samples.
    std::fprintf(stderr, "timeline start %.6f s CLOCK_MONOTONIC\n",
                 std::chrono::duration<double>(start_.time_since_epoch()).count());
    mark("main");
}

void Timeline::mark(const char* stage) {
    if (!enabled_) return;
    const long long us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start_).count();
    const long long prev = lastUs_.exchange(us);
    double rss = 0.0, peak = 0.0;
    residentMiB(rss, peak);
    // Processor time so far: every thread (llvmpipe's rasterisers and the model's worker too), and the
    // calling thread alone; the process's page faults so far (first touches of memory: ~2.5 µs each here).
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::fprintf(stderr,
                 "timeline %8.1f ms %+8.1f  cpu %6.1f thread %6.1f  faults %6ld  rss %5.0f MiB peak %5.0f  %s\n",
                 static_cast<double>(us) / 1000.0, static_cast<double>(us - prev) / 1000.0,
                 cpuMs(CLOCK_PROCESS_CPUTIME_ID), cpuMs(CLOCK_THREAD_CPUTIME_ID), usage.ru_minflt, rss, peak, stage);
}

}  // namespace la::app
