#pragma once
#include <filesystem>
#include <vector>
// JSON text with line numbers, for loaders whose errors read "<file>:<line>: <problem>".
// parseJsonText turns nlohmann's byte-position parse errors into line numbers; JsonLines maps
// a JSON pointer ("/steps/2/hide/0") to the line where that value starts, so semantic errors
// (unknown id, bad camera) can name the line of the offending value.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/Result.h"

namespace la::io {

// 1-based line of a 0-based byte offset (offsets past the end give the last line).
int lineOfOffset(std::string_view text, std::size_t offset);

// Parses JSON (// and /* */ comments allowed). Error: "<file>:<line>: malformed JSON: <what>".
Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& file);

// Reads a whole regular file of at most kTextFileLimit bytes (a FIFO, device or folder is refused without
// blocking). Error: "<path>: <problem>".
Result<std::string> readTextFile(const std::string& path);
// The regular files of `dir` ending in `extension` (".json"), sorted. A missing folder gives none; a
// folder that cannot be listed adds one line to `errors`.
std::vector<std::filesystem::path> listFiles(const std::string& dir, const std::string& extension,
                                             std::vector<std::string>& errors);

// "/a" + "b" -> "/a/b", escaping '~' and '/' as JSON pointers do.
std::string pointerChild(const std::string& parent, std::string_view key);
std::string pointerChild(const std::string& parent, std::size_t index);

// Keys that hold notes for people and are ignored by the content loaders: "_anything",
// "comment", "notes", "source", "sources".
bool isAnnotationKey(std::string_view key);

class JsonLines {
public:
    // `text` should be JSON that parseJsonText accepted; anything else gives partial results.
    explicit JsonLines(std::string_view text);
    // Line of the value at `pointer`; the nearest recorded ancestor's line when absent; 1 at worst.
    int line(const std::string& pointer) const;
    // "<file>:<line of pointer>: <problem>"
    std::string at(const std::string& file, const std::string& pointer, std::string_view problem) const;

private:
    std::map<std::string, int> lines_;
};

}  // namespace la::io
