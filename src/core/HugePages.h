#pragma once
// Transparent huge pages for large buffers, where the system leaves them to madvise (Debian's default):
// a buffer's first writes then fault once per 2 MiB instead of once per 4 KiB page. On the 2-core machine
// a fault costs about 2.5 µs (memory-cgroup accounting), so the first touch of a 15 MB buffer is ~9 ms.
#include <cstddef>

namespace la {

// Advises the whole 2 MiB pages inside [p, p + bytes) (nothing for a smaller buffer or off Linux). Call it
// before the buffer is first written; harmless if the system refuses.
void adviseHugePages(const void* p, std::size_t bytes);

}  // namespace la
