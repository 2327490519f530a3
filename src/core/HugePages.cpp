#include "core/HugePages.h"

#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace la {

void adviseHugePages(const void* p, std::size_t bytes) {
#ifdef __linux__
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
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

}  // namespace la
