// The bundled content as a clinical reader checked it: every article says when and against what it was
// checked, and corrected wording does not come back.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "io/CatalogueLoader.h"

namespace fs = std::filesystem;

namespace {
const fs::path kContent = fs::path(LA_SOURCE_DIR) / "content";

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// The text with line breaks and runs of spaces folded, so wording is found across wrapped lines.
std::string folded(const fs::path& p) {
    std::string out;
    for (char c : slurp(p)) {
        if (c == '\n' || c == '\t') c = ' ';
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out += c;
    }
    return out;
}

bool has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}
}  // namespace

TEST_CASE("content: every structure file says when it was reviewed and against which sources") {
    const auto load = la::io::loadCatalogueDir((kContent / "structures").string());
    CHECK(load.errors.empty());
    REQUIRE(load.catalogue.size() >= 17);
    for (const auto& s : load.catalogue.entries()) {
        INFO(s.sourcePath);
        CHECK(s.reviewed.size() == 10);
        CHECK_FALSE(s.checkedAgainst.empty());
    }
}

TEST_CASE("content: the reviewed date must be a date") {
    const std::string bad = "---\nid: x\nname: X\nkind: muscle\nreviewed: last week\n---\n## A\nText.\n";
    auto r = la::io::parseStructureText(bad, "x.md");
    REQUIRE_FALSE(r.ok());
    CHECK(has(r.error(), "x.md:5"));
    const std::string good =
        "---\nid: x\nname: X\nkind: muscle\nreviewed: 2026-12-01\n"
        "checked_against: Gray's Anatomy 42nd ed., NICE NG59\n---\n## A\nText.\n";
    auto g = la::io::parseStructureText(good, "x.md");
    REQUIRE(g.ok());
    CHECK(g->reviewed == "2026-12-01");
    REQUIRE(g->checkedAgainst.size() == 2);
    CHECK(g->checkedAgainst[1] == "NICE NG59");
}

TEST_CASE("content: corrected claims stay corrected") {
    const auto S = kContent / "structures";
    const auto T = kContent / "tours";
    const std::string ql = folded(S / "quadratus_lumborum.md");
    const std::string gm = folded(S / "gluteus_medius.md");
    const std::string strain = folded(S / "lower_back_strain.md");
    const std::string patients = folded(T / "why_does_my_back_hurt.json");
    const std::string therapists = folded(T / "ql_gmed_for_therapists.json");

    // Cochrane 2015: 25 trials, 3,096 people, low to very low certainty; not "few studies".
    for (const auto* text : {&ql, &gm, &strain}) {
        CHECK(has(*text, "3,096"));
        CHECK(has(*text, "low to very low"));
        CHECK_FALSE(has(*text, "are few"));
        CHECK_FALSE(has(*text, "The certainty of this is **very low**"));
    }
    CHECK(has(therapists, "3,096"));
    CHECK_FALSE(has(therapists, "Evidence for massage is very low certainty"));

    // Most low back pain is non-specific: the muscles are involved in it, they do not "cause" it.
    CHECK_FALSE(has(patients, "often cause"));
    CHECK(has(patients, "often involved in"));
    CHECK(has(patients, "only alongside exercise"));
    CHECK_FALSE(has(patients, "works best together with exercise"));
    CHECK(has(patients, "back of the thigh"));

    // Greater trochanteric pain syndrome, mostly tendinopathy; bursitis is the less common cause.
    const std::string femur = folded(S / "femur.md");
    for (const auto* text : {&gm, &femur}) {
        CHECK(has(*text, "trochanteric pain syndrome"));
        CHECK(has(*text, "less common"));
    }

    // QL is not the deepest muscle: psoas lies in front of it.
    CHECK_FALSE(has(ql, "deepest muscle"));
    CHECK(has(folded(S / "psoas_major.md"), "in front of it"));

    CHECK_FALSE(has(gm, "to be checked against the paper"));
    CHECK(has(folded(S / "erector_spinae.md"), "lower six or seven ribs"));
    CHECK_FALSE(has(folded(S / "rib_12.md"), "shortest rib"));
    CHECK(has(strain, "below the knee"));
    CHECK(has(therapists, "TrP3 refers along the crest"));
}

TEST_CASE("content: a closed panel shows the essentials: every first section is at most about 150 words") {
    const auto load = la::io::loadCatalogueDir((kContent / "structures").string());
    for (const auto& s : load.catalogue.entries()) {
        INFO(s.sourcePath);
        const auto sections = la::listSections(s.body);
        REQUIRE_FALSE(sections.empty());
        std::size_t words = 0;
        for (std::size_t b = sections[0].firstBlock; b < sections[0].endBlock; ++b) {
            if (s.body.blocks[b].therapistOnly) continue;
            std::istringstream in(la::plainText(s.body.blocks[b]));
            for (std::string w; in >> w;) ++words;
        }
        CHECK(words >= 15);
        CHECK(words <= 170);
    }
    // The featured muscles open with a summary that covers the pain and when to see a doctor.
    for (const char* id : {"quadratus_lumborum", "gluteus_medius"}) {
        const auto* s = load.catalogue.find(id);
        REQUIRE(s);
        const auto first = la::listSections(s->body).front();
        CHECK(first.title == "In short");
        const std::string text = la::sectionPlainText(s->body, first.title);
        CHECK(has(text, "spread"));
        CHECK(has(text, "doctor"));
    }
}
