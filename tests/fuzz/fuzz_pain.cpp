// Referred-pain JSON.
#include <string_view>

#include "io/PainLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = la::io::parsePainPattern(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    (void)r;
    return 0;
}
