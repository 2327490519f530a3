// Lumbar Atlas: parse the command line, hand over to App.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "app/App.h"
#include "app/Options.h"
#include "app/Timeline.h"
#include "core/HugePages.h"
#include "io/BundledData.h"

int main(int argc, char** argv) {
    auto parsed = la::app::parseOptions(argc, argv);
    if (!parsed.options) return parsed.exitCode;
    // A still or an export allocates most of its memory at once and then ends: huge pages for the heap
    // (the bundled model's still: about 37,000 first touches of 4 KiB pages become 5,000).
    const la::app::Options& o = *parsed.options;
    const bool exporting = !o.exportDir.empty() || !o.exportPdf.empty();
    const bool still = exporting || !o.screenshot.empty();
    const la::HugePageHeap heap = still ? la::hugePageHeap(std::size_t{256} << 20) : la::HugePageHeap{};
    if (la::app::dataDir().empty()) {
        std::string where;
        for (const auto& c : la::io::bundledDataCandidates(la::io::executablePath(), la::io::processEnv))
            where += (where.empty() ? "" : ", ") + c;
        std::fprintf(stderr,
                     "lumbar-atlas: cannot find the bundled data (models/lower_body.glb, content/); looked in %s; "
                     "set LA_DATA_DIR to the folder that holds them\n",
                     where.c_str());
        return 1;
    }
    if (heap.active() && !std::getenv("LA_NO_PREFAULT")) {
        // The heap's first pages written now, before other threads start: where a virtual machine's host is
        // slow to hand over fresh memory, the rest of the heap falls back to 4 KiB pages. LA_NO_PREFAULT set:
        // not done (to measure against).
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(o.model.empty() ? la::app::bundledModelPath() : o.model, ec);
        const auto done = la::prefaultHeap(heap, la::stillHeapEstimate(o.width, o.height, ec ? 0 : bytes));
        if (la::app::timelineRequested())
            std::fprintf(stderr, "prefault %zu MiB, host %s\n", done.touched >> 20,
                         done.slowHost ? "slow: 4 KiB pages" : "fast");
    }
    la::app::App app(o);
    if (exporting) return app.runExport();
    // Once the window has closed (its settings saved) or a still's PNG is written, nothing is left to do,
    // so the process ends without tearing down the GL context, the model and llvmpipe's threads one by one
    // (10-35 ms), and without waiting for background builds nobody needs any more (the pick BVH, the
    // motion LOD, the pain bake: at low priority on a busy machine they held a closed window's process
    // for 17-22 s); the kernel frees it all. Headless runs save no settings.
    const int code = o.screenshot.empty() ? app.runWindow() : app.runHeadless();
    std::fflush(nullptr);
    std::_Exit(code);
}
