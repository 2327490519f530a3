#pragma once
// content/structures/*.md -> la::Catalogue. Front matter (docs/CONVENTIONS.md) plus a Markdown body
// parsed with md4c into la::RichText (io/MarkdownText.h). Never throws; problems are one line "<file>[:line]:
// <problem>".
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/Catalogue.h"
#include "core/Result.h"
#include "core/RichText.h"
#include "io/MarkdownText.h"  // parseMarkdown: a structure file's body

namespace la::io {

// One structure file's text. Unknown front-matter keys and similar harmless oddities are appended
// to `warnings` (when given) and the file still loads.
Result<StructureInfo> parseStructureText(std::string_view text, const std::string& path,
                                         std::vector<std::string>* warnings = nullptr);
Result<StructureInfo> loadStructureFile(const std::string& path, std::vector<std::string>* warnings = nullptr);

struct CatalogueLoad {
    Catalogue catalogue;
    std::vector<std::string> errors;    // files skipped, one line each
    std::vector<std::string> warnings;  // files loaded anyway
};

// Every *.md file of `dir` (not recursive; README.md is skipped), in file-name order. A malformed
// file is skipped with an error while the others still load; a repeated id is an error too.
// With `previous` (a reload), a file that no longer parses keeps its last good entry from `previous`, and its
// error line says so.
CatalogueLoad loadCatalogueDir(const std::string& dir, const Catalogue* previous = nullptr);

struct FileChanges {
    std::vector<std::string> modified;
    std::vector<std::string> added;
    std::vector<std::string> removed;
    bool any() const { return !modified.empty() || !added.empty() || !removed.empty(); }
};

// Remembers the modification time and size of each *.md file of a directory and reports what changed
// since the previous poll (or since construction). Meant to be polled about once a second. A change is
// reported once the files looked the same on two polls in a row, so a save in progress is not read half-written.
class CatalogueWatcher {
public:
    CatalogueWatcher() = default;
    explicit CatalogueWatcher(std::string dir);  // takes the first snapshot

    FileChanges poll();
    const std::string& dir() const { return dir_; }

private:
    struct Stamp {
        std::filesystem::file_time_type mtime{};
        std::uintmax_t size = 0;
        bool operator==(const Stamp&) const = default;
    };
    std::map<std::string, Stamp> snapshot() const;

    std::string dir_;
    std::map<std::string, Stamp> stamps_;  // as last reported
    std::map<std::string, Stamp> seen_;    // as seen by the last poll
};

// Polls the watcher; when anything changed, reloads its whole directory into `load` and returns true. A file
// that no longer parses keeps its last good version (see loadCatalogueDir).
bool reloadIfChanged(CatalogueWatcher& watcher, CatalogueLoad& load);

}  // namespace la::io
