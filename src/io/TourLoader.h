#pragma once
// Reads and writes tours (content/tours/*.json and user tours; format in docs/CONVENTIONS.md),
// and the camera pose as JSON text for "copy view as JSON" / paste.
// Errors are one line: "<file>:<line>: <problem>". Never throws.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/CameraPose.h"
#include "core/Result.h"
#include "core/Tour.h"

namespace la::io {

// True for a known structure id, called with the id as written ("gluteus_medius.L", "sacrum"):
// the predicate decides whether a side suffix is allowed. Empty function: every id is known.
// Groups (skin, bones, muscles in hide/ghost) and "all" (in pain) never reach it.
using IdPredicate = std::function<bool(std::string_view)>;

// A predicate for a fixed list: `ids` as written, `sidedIds` also with .L / .R.
IdPredicate makeIdPredicate(std::vector<std::string> ids, std::vector<std::string> sidedIds);

// Validates: camera (preset name or {target, yaw, pitch, distance} with pitch in -89..89 and
// distance > 0), ids in hide/ghost (also skin/bones/muscles), select, panels, pain (also "all").
Result<Tour> parseTour(std::string_view text, const std::string& file, const IdPredicate& isKnownId = {});
Result<Tour> loadTour(const std::string& path, const IdPredicate& isKnownId = {});

struct TourFile {
    std::string path;
    Tour tour;
};
struct TourLoadResult {
    std::vector<TourFile> tours;      // in file-name order; files with errors are skipped
    std::vector<std::string> errors;  // one line per bad file (a missing dir is not an error)
};
TourLoadResult loadTourDir(const std::string& dir, const IdPredicate& isKnownId = {});

// Pretty JSON (2-space indent, keys in the documented order) that parseTour reads back equal.
std::string tourToJson(const Tour& tour);

// One line: {"target":[x,y,z],"yaw":deg,"pitch":deg,"distance":m}
std::string cameraPoseToJson(const CameraPose& pose);
// Accepts that object (or {"camera": {...}}); validated like a tour camera.
Result<CameraPose> cameraPoseFromJson(std::string_view text, const std::string& source = "clipboard");

}  // namespace la::io
