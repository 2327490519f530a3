#pragma once
// The fuzzed bytes as a file for loaders that take a path: one file per process, rewritten for every input.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace la::fuzz {

inline std::string writeInput(const std::uint8_t* data, std::size_t size, const std::string& extension) {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("lumbar_atlas_fuzz_" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    const std::filesystem::path file = dir / ("input" + extension);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return file.string();
}

}  // namespace la::fuzz
