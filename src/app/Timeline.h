#pragma once
// LA_TIMELINE=1: one stderr line per stage of a run, `timeline MS +DELTA cpu C thread T faults F rss R
// MiB peak P STAGE`, MS counted from the process's start (the kernel's start time, 10 ms steps) so that
// loading the program is in it too; C and T the processor time of all threads and of the calling one, F
// the page faults so far (first touches of memory), R and P the resident and peak resident memory then.
// Stages that hand work to the GPU are closed by the caller with a finish first, so the time of each
// lands on it (only when the timeline is on). For benchmarks; off, mark() does nothing.
#include <atomic>
#include <chrono>

namespace la::app {

// Whether LA_TIMELINE asks for the timeline: set to something other than "" or "0".
bool timelineRequested();

// Processor time of the whole process (every thread: llvmpipe's rasteriser threads too), seconds.
double processCpuSeconds();

class Timeline {
public:
    Timeline();  // on when timelineRequested()
    bool enabled() const { return enabled_; }
    // Safe from any thread (the model's worker marks its parse).
    void mark(const char* stage);

private:
    bool enabled_ = false;
    std::chrono::steady_clock::time_point start_;  // the process's start on this clock
    std::atomic<long long> lastUs_{0};
};

}  // namespace la::app
