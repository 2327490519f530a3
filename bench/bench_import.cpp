// Wall-clock and processor time of loading one model through io::loadModel (for OBJ/PLY/...: Assimp in its
// child process, the model back through the pipe). Prints figures; asserts nothing.
// Usage: bench_import MODEL [runs]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>

#include "io/ModelLoader.h"

namespace {
double cpuSeconds(int who) {
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_import MODEL [runs]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    la::io::LoadOptions options;
    options.importSeconds = 600.0;  // measure, do not cut off
    options.importCpuSeconds = 600;
    for (int i = 0; i < runs; ++i) {
        const double cpu0 = cpuSeconds(RUSAGE_SELF) + cpuSeconds(RUSAGE_CHILDREN);
        const auto t0 = std::chrono::steady_clock::now();
        auto m = la::io::loadModel(argv[1], options);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double cpu = cpuSeconds(RUSAGE_SELF) + cpuSeconds(RUSAGE_CHILDREN) - cpu0;
        if (!m) {
            std::fprintf(stderr, "%s\n", m.error().c_str());
            return 1;
        }
        std::printf("%s: %zu triangles, %.2f s wall, %.2f s processor (viewer + importer child)\n", argv[1],
                    m->triangleCount(), wall, cpu);
    }
    return 0;
}
