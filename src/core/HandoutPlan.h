#pragma once
// What a printed handout of a tour says beside each step's picture: the caption and the article
// sections the step opens, in reading order. Pure: a tour and the catalogue in, text out (no GL, no cairo).
#include <string>
#include <vector>

#include "core/Catalogue.h"
#include "core/RichText.h"
#include "core/Tour.h"

namespace la {

struct HandoutSection {
    std::string heading;            // "Quadratus lumborum: Where the pain spreads"
    std::vector<TextBlock> blocks;  // the section's paragraphs and bullets (no heading block)
};

struct HandoutStep {
    std::string caption;
    std::vector<HandoutSection> sections;
};

struct HandoutPlan {
    std::string title;
    bool therapists = false;  // the tour's audience is therapists: their detail is included
    std::vector<HandoutStep> steps;
};

// A tour is for therapists when its audience says so ("therapists", any case).
bool isTherapistAudience(const Tour& tour);

// For each step: its selection, its panels and (with explain) both featured muscles, each structure once
// whatever its side, in that order. A panel naming a section ("lower_back_strain#See a doctor") gives that
// section; otherwise the structure's first section (for a therapists' tour, the first section that has
// therapist detail: the patients' summary would tell them little). Therapist-only blocks only for a
// therapists' tour.
// Ids the catalogue lacks, and structures without text, are left out.
HandoutPlan planHandout(const Tour& tour, const Catalogue& catalogue);

}  // namespace la
