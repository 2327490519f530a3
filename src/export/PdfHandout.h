#pragma once
// A printable A4 handout of a tour as PDF (cairo): a title page with the sources, then one page per step
// with its picture, its caption and the article sections it opens. Text is set as text (selectable,
// searchable), not drawn into the pictures. No GL here: the caller renders the pictures.
#include <cstdint>
#include <string>
#include <vector>

#include "core/HandoutPlan.h"
#include "core/Result.h"

namespace la::exporter {

struct Picture {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, top row first
};

struct HandoutDocument {
    HandoutPlan plan;
    std::vector<Picture> pictures;     // one per step of plan.steps
    std::string version;               // "0.2.0"
    std::vector<std::string> sources;  // one reference per line, for the title page
};

struct Unit {};

// Writes the PDF; one line naming the file and the problem when it cannot.
Result<Unit> writeHandoutPdf(const std::string& path, const HandoutDocument& doc);

// The sources every handout cites (the clinical references of the content, the model's reference figures).
std::vector<std::string> defaultHandoutSources();

}  // namespace la::exporter
