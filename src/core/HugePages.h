#pragma once
// Transparent huge pages for large buffers, where the system leaves them to madvise (Debian's default):
// a buffer's first writes then fault once per 2 MiB instead of once per 4 KiB page. On the 2-core machine
// a fault costs about 2.5 µs (memory-cgroup accounting), so the first touch of a 15 MB buffer is ~9 ms.
#include <chrono>
#include <cstddef>
#include <cstdint>

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

// What prefaultHeap did: the bytes of the heap written, and whether the host was found slow.
struct HeapPrefault {
    std::size_t touched = 0;
    bool slowHost = false;
};

// Writes the first `bytes` of the advised heap now, 2 MiB page by page, in blocks taken from malloc and
// given back (so later allocations find the pages in place). On a virtual machine whose host takes back
// the memory its guest frees (free page reporting), the first write of a huge page costs 0.1 ms when the
// host still backs it and 5-7 ms when it must supply it afresh, while 4 KiB pages cost a steady 1 ms per
// 2 MiB either way. So once one huge page takes longer than `slowPage` of the thread's processor time
// (time spent waiting for a core does not count), the rest of the heap is advised back to 4 KiB pages and
// the writing stops. Nothing for an inactive heap.
HeapPrefault prefaultHeap(const HugePageHeap& heap, std::size_t bytes,
                          std::chrono::microseconds slowPage = std::chrono::microseconds{4000});

// A low estimate of the heap a still of width x height pixels of a model file of that size takes at its
// peak (targets, the model's arrays and their GL copies, the driver's state): what to prefault.
std::size_t stillHeapEstimate(int width, int height, std::uintmax_t modelFileBytes);

}  // namespace la
