#pragma once
// la::Model as bytes, to bring a model out of the importer's child process (IsolatedImport) through a pipe.
// The reader trusts nothing: every count is checked against the bytes that are left.
#include <optional>
#include <string>
#include <string_view>

#include "core/Model.h"

namespace la::io {

std::string serialiseModel(const Model& m);
// nullopt when the bytes are not a whole, consistent model (wrong counts, indices out of range, cut short).
std::optional<Model> deserialiseModel(std::string_view bytes);

}  // namespace la::io
