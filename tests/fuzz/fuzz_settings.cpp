// Settings JSON, and settings that parse written back and parsed again.
#include <string_view>

#include "io/SettingsStore.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto r = la::io::parseSettings(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    if (r) {
        auto again = la::io::parseSettings(la::io::settingsToJson(r->settings), "again.json");
        if (!again) __builtin_trap();
    }
    return 0;
}
