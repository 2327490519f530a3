#pragma once
// Shell quoting and "run the viewer, read its screenshot" for render tests.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "Image.h"
#include "RunViewer.h"

namespace la::test {

// A path in single quotes for the shell (test paths hold no quotes).
inline std::string shellQuoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

// Runs the viewer with `args --screenshot png`, requires success and returns the picture.
inline Image shoot(const std::string& args, const std::filesystem::path& png) {
    const RunResult r = runViewer(args + " --screenshot " + shellQuoted(png));
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    Image img = readPng(png.string());
    REQUIRE(img.ok());
    return img;
}

}  // namespace la::test
