#pragma once
// Runs an importer we do not control (Assimp) in a forked child process with a time limit and a memory limit,
// and brings the Model back through a pipe. A crash, a hang or a runaway allocation in the importer ends the
// child, never the viewer: the caller gets one line ("<file>: the importer crashed", "... timed out").
#include <atomic>
#include <functional>
#include <string>

#include "core/Model.h"
#include "core/Result.h"

namespace la::io {

struct IsolationLimits {
    // Processor time the import may use (a looping importer burns it; a busy machine does not count against a
    // large file) and wall-clock time (an importer that waits on something).
    int cpuSeconds = 20;
    double seconds = 120.0;
    std::size_t extraBytes = std::size_t{1536} << 20;  // address space the child may add to what it inherits
    // When it becomes true (another thread), the child is ended and the result is "... cancelled".
    const std::atomic<bool>* cancel = nullptr;
};

// `import` runs in the child; its result (a Model or an error line) is returned here. `path` names the file
// in the lines this function writes itself.
Result<Model> runIsolated(const std::string& path, const std::function<Result<Model>()>& import,
                          const IsolationLimits& limits = {});

}  // namespace la::io
