// core/HugePages: advising ranges, and the huge-page heap of a still (in a child process of its own,
// since it changes how the whole process allocates).
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <doctest/doctest.h>

#include "core/HugePages.h"

// Under AddressSanitizer malloc is the sanitizer's: glibc's settings do not apply, and nothing is done.
#if defined(__SANITIZE_ADDRESS__)
#define LA_SANITIZED_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LA_SANITIZED_MALLOC 1
#endif
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(LA_SANITIZED_MALLOC)
#define LA_HEAP_TESTS 1
#endif

#ifdef LA_HEAP_TESTS
namespace {

std::string thpSetting() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    std::getline(in, line);
    return line;
}

// The VmFlags line of the mapping of /proc/self/smaps that holds `p` ("" when none does).
std::string vmFlagsAt(const void* p) {
    std::ifstream in("/proc/self/smaps");
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        unsigned long lo = 0, hi = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> lo >> dash >> hi && dash == '-' && line.find(':') > line.find(' ')) {
            inside = at >= lo && at < hi;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0) return line;
    }
    return {};
}

// The name column of the line of /proc/self/maps whose range holds `p` ("[heap]", a file, or "").
std::string mappingAt(const void* p) {
    std::ifstream in("/proc/self/maps");
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    std::string line;
    while (std::getline(in, line)) {
        unsigned long lo = 0, hi = 0;
        char dash = 0;
        std::istringstream fields(line);
        if (!(fields >> std::hex >> lo >> dash >> hi) || at < lo || at >= hi) continue;
        std::string perms, offset, device, inode, name;
        fields >> perms >> offset >> device >> inode >> name;
        return name;
    }
    return {};
}

// Runs `check` in a child process; its exit code (0 = passed).
template <class F>
int inChild(F check) {
    const pid_t pid = fork();
    if (pid == 0) _exit(check());
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

}  // namespace
#endif

TEST_CASE("adviseHugePages leaves small and null ranges alone and never fails a buffer") {
    la::adviseHugePages(nullptr, std::size_t{8} << 20);
    std::vector<unsigned char> small(4096, 7);
    la::adviseHugePages(small.data(), small.size());
    CHECK(small[4095] == 7);
    std::vector<unsigned char> big;
    big.reserve(std::size_t{6} << 20);
    la::adviseHugePages(big.data(), big.capacity());
    big.assign(std::size_t{6} << 20, 3);
    CHECK(big.front() == 3);
    CHECK(big.back() == 3);
}

#ifdef LA_HEAP_TESTS
TEST_CASE("hugePageHeap: later blocks of up to 32 MiB come from the advised heap, on any thread") {
    const std::string setting = thpSetting();
    const int code = inChild([&] {
        const la::HugePageHeap heap = la::hugePageHeap(std::size_t{64} << 20);
        if (setting.empty() || setting.find("[never]") != std::string::npos) return heap.active() ? 1 : 0;
        if (!heap.active() || heap.end - heap.begin < (std::ptrdiff_t{64} << 20)) return 2;
        // A block the default settings would map on its own (above 128 KiB) comes from the heap now (from
        // what was free in it before, or from the range grown for it), not from a mapping of its own.
        const std::size_t size = std::size_t{8} << 20;
        auto* block = static_cast<char*>(std::malloc(size));
        if (!block || mappingAt(block) != "[heap]" || mappingAt(block + size - 1) != "[heap]") return 3;
        block[0] = 1;
        block[size - 1] = 1;
        // With the system's `madvise` setting the grown range's mapping is marked for huge pages ("hg"):
        // the whole 2 MiB pages in it, so its middle.
        const char* middle = heap.begin + (heap.end - heap.begin) / 2;
        if (mappingAt(middle) != "[heap]") return 4;
        if (setting.find("[madvise]") != std::string::npos && vmFlagsAt(middle).find(" hg") == std::string::npos)
            return 5;
        std::free(block);
        return 0;
    });
    CHECK(code == 0);
}

TEST_CASE("hugePageHeap does nothing for a reserve below one huge page") {
    const int code = inChild([] { return la::hugePageHeap(4096).active() ? 1 : 0; });
    CHECK(code == 0);
}
#endif

#ifdef LA_HEAP_TESTS
namespace {
// Whether every 4 KiB page of [p, p + bytes) is resident.
bool resident(const void* p, std::size_t bytes) {
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto at = reinterpret_cast<std::uintptr_t>(p) & ~(page - 1);
    const std::size_t n = (reinterpret_cast<std::uintptr_t>(p) + bytes - at + page - 1) / page;
    std::vector<unsigned char> in(n);
    if (mincore(reinterpret_cast<void*>(at), n * page, in.data()) != 0) return false;
    for (unsigned char c : in)
        if (!(c & 1)) return false;
    return true;
}
}  // namespace

TEST_CASE("prefaultHeap: the heap's first pages are resident before they are allocated") {
    const int code = inChild([&] {
        const la::HugePageHeap heap = la::hugePageHeap(std::size_t{96} << 20);
        const auto done = la::prefaultHeap(heap, std::size_t{40} << 20, std::chrono::hours{1});
        if (!heap.active()) return done.touched == 0 ? 0 : 1;
        if (done.touched < (std::size_t{40} << 20) || done.slowHost) return 2;
        // Blocks allocated afterwards take the written pages: nothing left for them to fault in.
        const std::size_t size = std::size_t{12} << 20;
        auto* a = static_cast<char*>(std::malloc(size));
        auto* b = static_cast<char*>(std::malloc(size));
        if (!a || !b || !resident(a, size) || !resident(b, size)) return 3;
        // Past what was written, the heap's pages are not resident yet.
        if (resident(heap.end - (std::size_t{4} << 20), std::size_t{2} << 20)) return 4;
        std::free(a);
        std::free(b);
        return 0;
    });
    CHECK(code == 0);
}

TEST_CASE("prefaultHeap: a slow huge page turns the rest of the heap to 4 KiB pages and stops") {
    const int code = inChild([&] {
        const la::HugePageHeap heap = la::hugePageHeap(std::size_t{96} << 20);
        if (!heap.active()) return 0;
        // Every page counts as slow: the first whole 2 MiB page is the last one written.
        const auto done = la::prefaultHeap(heap, std::size_t{64} << 20, std::chrono::microseconds{0});
        if (!done.slowHost || done.touched == 0 || done.touched > (std::size_t{4} << 20)) return 1;
        const char* late = heap.end - (std::size_t{4} << 20);
        if (vmFlagsAt(late).find(" nh") == std::string::npos || vmFlagsAt(late).find(" hg") != std::string::npos)
            return 2;
        return 0;
    });
    CHECK(code == 0);
}
#endif

TEST_CASE("stillHeapEstimate grows with the picture and the model file") {
    const std::size_t small = la::stillHeapEstimate(640, 360, 0);
    CHECK(la::stillHeapEstimate(1280, 720, 0) > small);
    CHECK(la::stillHeapEstimate(640, 360, std::size_t{15} << 20) >= small + (std::size_t{15} << 20));
    CHECK(la::stillHeapEstimate(-5, 10, 0) == la::stillHeapEstimate(0, 0, 0));
    // A model of several GiB is not taken for an estimate of that many bytes to write.
    CHECK(la::stillHeapEstimate(1280, 720, std::uintmax_t{1} << 40) < (std::size_t{4} << 30));
}
