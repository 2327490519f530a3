// Load time of a model file (default: the bundled model) and of the content folders. Prints figures;
// asserts nothing. Usage: bench_load [MODEL] [runs]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/Pick.h"
#include "io/CatalogueLoader.h"
#include "io/ModelLoader.h"
#include "io/PainLoader.h"

namespace {
template <class F>
double millis(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
    const std::string root = LA_SOURCE_DIR;
    const std::string path = argc > 1 ? argv[1] : root + "/models/lower_body.glb";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    double best = 1e300, bestPick = 1e300;
    std::size_t tris = 0;
    for (int i = 0; i < runs; ++i) {
        la::Result<la::Model> m = la::Error{""};
        best = std::min(best, millis([&] { m = la::io::loadModel(path); }));
        if (!m) {
            std::fprintf(stderr, "%s\n", m.error().c_str());
            return 1;
        }
        tris = m->triangleCount();
        bestPick = std::min(bestPick, millis([&] { la::PickScene scene(*m); }));
    }
    const double cat = millis([&] { la::io::loadCatalogueDir(root + "/content/structures"); });
    const double pain = millis([&] { la::io::loadPainDir(root + "/content/referred_pain"); });
    std::printf("model %s: %zu triangles, load %.1f ms, pick BVH build %.1f ms (best of %d)\n", path.c_str(), tris,
                best, bestPick, runs);
    std::printf("content: structures %.1f ms, referred pain %.1f ms\n", cat, pain);
    return 0;
}
