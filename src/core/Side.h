#pragma once

#include <string>
#include <string_view>

namespace la {

// Which side of the body a structure instance is on (the body's left is +X). None: unpaired.
enum class Side { None, Left, Right };

// The key of one instance of a structure: "gluteus_medius" + Left -> "gluteus_medius.L"; "sacrum" + None -> "sacrum".
inline std::string instanceKey(std::string_view id, Side side) {
    std::string k(id);
    if (side == Side::Left) k += ".L";
    if (side == Side::Right) k += ".R";
    return k;
}

}  // namespace la
