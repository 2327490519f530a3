#pragma once
// Markdown (a structure file's body) -> la::RichText, through md4c.
#include <string>
#include <string_view>

#include "core/Result.h"
#include "core/RichText.h"

namespace la::io {

// Markdown -> RichText. Lines `<!-- therapist -->` and `<!-- /therapist -->` (alone on their line)
// flag the blocks between them as therapist-only; other HTML is dropped. `path` and `firstLine`
// (the file line of the text's first line) only serve the error messages.
Result<RichText> parseMarkdown(std::string_view markdown, const std::string& path, int firstLine = 1);

}  // namespace la::io
