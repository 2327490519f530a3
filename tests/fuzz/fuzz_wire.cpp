// The model wire format the importer's child sends back: any bytes give a consistent model or none.
#include <string_view>

#include "io/ModelWire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto m = la::io::deserialiseModel(std::string_view(reinterpret_cast<const char*>(data), size));
    if (m)
        for (const auto& mesh : m->meshes)
            for (const auto& p : mesh.primitives)
                for (auto i : p.indices)
                    if (i >= p.positions.size()) __builtin_trap();
    return 0;
}
