#pragma once
// Reads referred-pain definitions: content/referred_pain/<muscle_id>.json (docs/CONVENTIONS.md).
// Errors are one line each: "<file>:<line>: <problem>". Never throws.
#include <string>
#include <string_view>
#include <vector>

#include "core/PainField.h"
#include "core/Result.h"

namespace la::io {

// One file's text; `file` names it in errors.
Result<PainPattern> parsePainPattern(std::string_view text, const std::string& file);
Result<PainPattern> loadPainFile(const std::string& path);

struct PainLoadResult {
    std::vector<PainPattern> patterns;  // in file-name order; files with errors are skipped
    std::vector<std::string> errors;    // one line per bad file (a missing dir is not an error)
};
// Every *.json in `dir`; a second definition of the same muscle is an error.
PainLoadResult loadPainDir(const std::string& dir);

}  // namespace la::io
