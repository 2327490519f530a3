#include "core/HugePages.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#ifdef __linux__
#include <ctime>
#include <sys/mman.h>
#include <unistd.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace la {

namespace {
constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;

#if defined(__linux__) && defined(__GLIBC__)
// The calling thread's processor time, the kernel's work for its page faults included (and the host's, as
// seen from a virtual machine), while time it spends waiting for a core does not count.
std::chrono::nanoseconds threadCpuTime() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::chrono::seconds{t.tv_sec} + std::chrono::nanoseconds{t.tv_nsec};
}
#endif

// The system's setting for anonymous memory: "always [madvise] never" with the current one in brackets.
bool hugePagesOff() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    return !std::getline(in, line) || line.find("[never]") != std::string::npos;
}
}  // namespace

void adviseHugePages(const void* p, std::size_t bytes) {
#ifdef __linux__
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    const auto from = (at + kHuge - 1) & ~(kHuge - 1);
    const auto to = (at + bytes) & ~(kHuge - 1);
    // The aligned start as an offset from p (no integer-to-pointer cast: the pointer keeps its provenance).
    if (p != nullptr && to > from)
        ::madvise(const_cast<char*>(static_cast<const char*>(p)) + (from - at), to - from, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

HugePageHeap hugePageHeap(std::size_t reserve) {
    HugePageHeap out;
#if defined(__linux__) && defined(__GLIBC__)
    if (reserve < kHuge || hugePagesOff()) return out;
    const int pad = static_cast<int>(std::min<std::size_t>(reserve, std::size_t{512} << 20));
    // One arena for every thread (the model's worker, llvmpipe's), so that all of it lands in this heap;
    // blocks up to 32 MiB from the heap instead of a mapping each; the heap grows by `pad` at a time and
    // is not given back, so the advised range stays the one in use.
    if (mallopt(M_ARENA_MAX, 1) == 0 || mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0 ||
        mallopt(M_TRIM_THRESHOLD, 2 * pad) == 0 || mallopt(M_TOP_PAD, pad) == 0)
        return out;
    void* const top = ::sbrk(0);
    if (reinterpret_cast<std::intptr_t>(top) == -1) return out;
    const auto* before = static_cast<const char*>(top);
    // Blocks taken until one does not fit in what is free at the heap's top: malloc then grows the heap
    // by the pad. Only their headers are written.
    void* probes[64] = {};
    for (void*& p : probes) {
        p = std::malloc(kHuge);
        if (!p || ::sbrk(0) != top) break;
    }
    for (void* p : probes) std::free(p);
    const auto* after = static_cast<const char*>(::sbrk(0));
    if (after <= before) return out;
    adviseHugePages(before, static_cast<std::size_t>(after - before));
    out.begin = before;
    out.end = after;
#else
    (void)reserve;
#endif
    return out;
}

HeapPrefault prefaultHeap(const HugePageHeap& heap, std::size_t bytes, std::chrono::microseconds slowPage) {
    HeapPrefault r;
#if defined(__linux__) && defined(__GLIBC__)
    if (!heap.active()) return r;
    // Blocks of the heap (below malloc's 32 MiB mapping threshold), written and given back to it.
    constexpr std::size_t kBlock = std::size_t{16} << 20;
    std::vector<void*> blocks;
    while (r.touched < bytes && !r.slowHost) {
        auto* const block = static_cast<char*>(std::malloc(kBlock));
        if (!block) break;
        blocks.push_back(block);
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        // One 2 MiB page (or the part of one at the block's ends) at a time: a write every 4 KiB, timed.
        for (std::size_t from = 0; from < kBlock && !r.slowHost;) {
            const std::size_t to = std::min(kBlock, ((at + from + kHuge) & ~(kHuge - 1)) - at);
            const auto start = threadCpuTime();
            for (std::size_t o = from; o < to; o += 4096) static_cast<volatile char*>(block)[o] = 0;
            const auto took = threadCpuTime() - start;
            r.touched += to - from;
            if (to - from == kHuge && took > slowPage) {
                // The host hands this memory over slowly: 4 KiB pages for the rest of the heap.
                r.slowHost = true;
                const char* const rest = std::max<const char*>(block + to, heap.begin);
                if (rest < heap.end)
                    ::madvise(const_cast<char*>(rest), static_cast<std::size_t>(heap.end - rest), MADV_NOHUGEPAGE);
            }
            from = to;
        }
    }
    for (void* b : blocks) std::free(b);
#else
    (void)heap;
    (void)bytes;
    (void)slowPage;
#endif
    return r;
}

std::size_t stillHeapEstimate(int width, int height, std::uintmax_t modelFileBytes) {
    const auto pixels = static_cast<std::size_t>(std::max(width, 0)) * static_cast<std::size_t>(std::max(height, 0));
    const auto model = static_cast<std::size_t>(std::min<std::uintmax_t>(modelFileBytes, std::uintmax_t{1} << 30));
    return (std::size_t{16} << 20) + 32 * pixels + 2 * model;
}

}  // namespace la
