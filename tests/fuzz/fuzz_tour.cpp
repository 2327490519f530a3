// Tour JSON, and a tour that parses written back and parsed again.
#include <string_view>

#include "io/TourLoader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = la::io::parseTour(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if (r) {
        auto again = la::io::parseTour(la::io::tourToJson(*r), "again.json");
        if (!again) __builtin_trap();  // what we write we must read
    }
    return 0;
}
