#include "core/HandoutPlan.h"

#include <algorithm>
#include <cctype>

namespace la {

namespace {
bool equalsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

struct Wanted {
    std::string id;       // without side
    std::string section;  // title start; empty = the first section
};

std::vector<Wanted> wantedFor(const TourStep& step, const Catalogue& catalogue) {
    std::vector<Wanted> out;
    auto add = [&](std::string_view ref) {
        const PanelRef p = splitPanelRef(ref);
        Wanted w{std::string(stripSide(p.id)), std::string(p.section)};
        const bool seen = std::any_of(out.begin(), out.end(), [&](const Wanted& o) { return o.id == w.id; });
        if (!seen) out.push_back(std::move(w));
    };
    if (step.select) add(*step.select);
    for (const auto& p : step.panels) add(p);
    if (step.explain)
        for (const auto* f : catalogue.featured()) add(f->id);
    return out;
}
}  // namespace

bool isTherapistAudience(const Tour& tour) {
    return equalsNoCase(tour.audience, "therapists") || equalsNoCase(tour.audience, "therapist");
}

HandoutPlan planHandout(const Tour& tour, const Catalogue& catalogue) {
    HandoutPlan plan;
    plan.title = tour.title;
    plan.therapists = isTherapistAudience(tour);
    for (const auto& step : tour.steps) {
        HandoutStep out;
        out.caption = step.caption;
        for (const auto& w : wantedFor(step, catalogue)) {
            const StructureInfo* info = catalogue.find(w.id);
            if (!info) continue;
            const auto sections = listSections(info->body);
            if (sections.empty()) continue;
            int pick = w.section.empty() ? -1 : findSection(info->body, w.section);
            if (pick < 0 && plan.therapists) {  // therapists: the first section with their detail
                for (std::size_t i = 0; i < sections.size() && pick < 0; ++i)
                    for (std::size_t b = sections[i].firstBlock; b < sections[i].endBlock; ++b)
                        if (info->body.blocks[b].therapistOnly) {
                            pick = static_cast<int>(i);
                            break;
                        }
            }
            if (pick < 0) {  // the first section the audience may read
                for (std::size_t i = 0; i < sections.size() && pick < 0; ++i)
                    if (plan.therapists || !sections[i].therapistOnly) pick = static_cast<int>(i);
            }
            if (pick < 0) continue;
            const TextSection& s = sections[static_cast<std::size_t>(pick)];
            HandoutSection hs;
            hs.heading = info->name + ": " + s.title;
            for (std::size_t b = s.firstBlock; b < s.endBlock; ++b) {
                const TextBlock& block = info->body.blocks[b];
                if (block.therapistOnly && !plan.therapists) continue;
                if (block.kind == BlockKind::Rule) continue;
                hs.blocks.push_back(block);
            }
            if (!hs.blocks.empty()) out.sections.push_back(std::move(hs));
        }
        plan.steps.push_back(std::move(out));
    }
    return plan;
}

}  // namespace la
