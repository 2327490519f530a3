#pragma once

namespace la {

// Which side of the body a structure instance is on (the body's left is +X). None: unpaired.
enum class Side { None, Left, Right };

}  // namespace la
