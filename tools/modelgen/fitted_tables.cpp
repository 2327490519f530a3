// The fitted tables (fitted_sections.inc, written by fit_reference.py), compiled once, and their one lookup.
#include <cstring>
#include <iterator>

#include "fitted_types.h"

namespace mg::fitted {

namespace {

#include "fitted_sections.inc"

// The record named `id` in a table of muscles or sheets.
template <typename Record, std::size_t N>
const Record* byId(const Record (&table)[N], const char* id) {
    for (const Record& r : table)
        if (std::strcmp(r.id, id) == 0) return &r;
    return nullptr;
}

}  // namespace

const FitMuscle* findMuscle(const char* id) {
    return byId(kFittedMuscles, id);
}

const FitSheet* findSheet(const char* id) {
    return byId(kFittedSheets, id);
}

}  // namespace mg::fitted
