#include "core/HugePages.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace la {

namespace {
constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;

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

}  // namespace la
