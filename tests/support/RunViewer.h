#pragma once
// Runs the lumbar-atlas binary with arguments; returns its exit code and what it printed.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

#include "TestGltf.h"

namespace la::test {

struct RunResult {
    int exitCode = -1;
    std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline RunResult runViewer(const std::string& args) {
    static int counter = 0;
    const auto dir = std::filesystem::temp_directory_path();
    // The process id in the name: test runs of several checkouts share the temporary folder.
    const std::string id = std::to_string(getpid()) + "_" + std::to_string(++counter);
    const auto out = dir / ("la_run_out_" + id);
    const auto err = dir / ("la_run_err_" + id);
    const std::string cmd =
        std::string("'") + LA_VIEWER + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
}

}  // namespace la::test
