// Structure files: front matter and the Markdown body (md4c).
#include <string>
#include <string_view>
#include <vector>

#include "io/CatalogueLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> warnings;
    auto r =
        la::io::parseStructureText(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.md", &warnings);
    if (warnings.size() > 21) __builtin_trap();  // a file gives a few warnings, not one per line
    return 0;
}
