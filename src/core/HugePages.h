#pragma once
// Transparent huge pages for large buffers, where the system leaves them to madvise (Debian's default):
// a buffer's first writes then fault once per 2 MiB instead of once per 4 KiB page. On the 2-core machine
// a fault costs about 2.5 µs (memory-cgroup accounting), so the first touch of a 15 MB buffer is ~9 ms.
#include <cstddef>

namespace la {

// Advises the whole 2 MiB pages inside [p, p + bytes) (nothing for a smaller buffer or off Linux). Call it
// before the buffer is first written; harmless if the system refuses.
void adviseHugePages(const void* p, std::size_t bytes);

// What hugePageHeap did: the heap range advised (empty when nothing was done).
struct HugePageHeap {
    const char* begin = nullptr;
    const char* end = nullptr;
    bool active() const { return end > begin; }
};

// For a short run that allocates most of its memory at once (a still: the model, llvmpipe's buffers,
// render targets and binned triangles, 35-40 thousand first touches): every thread's malloc blocks up
// to 32 MiB come from the one main heap, grown now by `reserve` bytes of address space (nothing resident
// until written) that is advised for huge pages, and freed memory stays in it. The same in effect as
// glibc's `glibc.malloc.hugetlb=1` tunable, which can only be set before the process starts. glibc on
// Linux only, and only where the system's huge pages are not turned off (`never`); elsewhere (and under
// a sanitizer's malloc, which ignores these settings) nothing.
// Call it first thing, before other threads exist. Peak resident memory grows by a few MiB (pages are
// whole 2 MiB where written).
HugePageHeap hugePageHeap(std::size_t reserve);

}  // namespace la
