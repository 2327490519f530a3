// Printable handouts: which text goes beside each step, and the PDF itself (pages, text as text).
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unistd.h>

#include <doctest/doctest.h>

#include "core/HandoutPlan.h"
#include "export/PdfHandout.h"
#include "io/CatalogueLoader.h"

namespace {
la::StructureInfo entry(const std::string& id, const std::string& name, const std::string& markdown, bool featured) {
    auto body = la::io::parseMarkdown(markdown, id + ".md");
    REQUIRE(body.ok());
    la::StructureInfo s;
    s.id = id;
    s.name = name;
    s.kind = "muscle";
    s.sided = true;
    s.featured = featured;
    s.body = *body;
    return s;
}

la::Catalogue catalogue() {
    la::Catalogue c;
    c.add(entry("quadratus_lumborum", "Quadratus lumborum",
                "## In short\nA summary.\n\n## What it is\nA deep **square** muscle.\n\n<!-- therapist -->\nPalpate in "
                "side-lying.\n"
                "<!-- /therapist -->\n\n## Where the pain spreads\nAlong the crest.\n\n- to the hip\n",
                true));
    c.add(entry("gluteus_medius", "Gluteus medius", "## What it is\nA fan on the side of the hip.\n", true));
    auto strain = entry("lower_back_strain", "Lower back muscle strain",
                        "## What it feels like\nAching.\n\n## See a doctor first\nIf a leg goes numb.\n", false);
    strain.kind = "article";
    strain.sided = false;
    c.add(strain);
    return c;
}

std::string run(const std::string& cmd) {
    std::array<char, 4096> buf{};
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    if (!p) return out;
    while (auto n = std::fread(buf.data(), 1, buf.size(), p.get())) out.append(buf.data(), n);
    return out;
}
}  // namespace

TEST_CASE("handout plan: selection, panels and explain give each structure once, with the asked section") {
    la::Tour tour;
    tour.title = "Test tour";
    tour.audience = "patients";
    la::TourStep a;
    a.caption = "First";
    a.select = "quadratus_lumborum.L";
    a.panels = {"quadratus_lumborum.R", "lower_back_strain#see a doc"};
    la::TourStep b;
    b.caption = "Second";
    b.explain = true;
    la::TourStep c;
    c.caption = "Third, nothing open";
    la::TourStep d;
    d.caption = "Fourth, a named section";
    d.panels = {"quadratus_lumborum.L#what it"};
    tour.steps = {a, b, c, d};

    const auto plan = la::planHandout(tour, catalogue());
    CHECK_FALSE(plan.therapists);
    REQUIRE(plan.steps.size() == 4);
    REQUIRE(plan.steps[0].sections.size() == 2);
    CHECK(plan.steps[0].sections[0].heading == "Quadratus lumborum: In short");
    CHECK(plan.steps[0].sections[1].heading == "Lower back muscle strain: See a doctor first");
    CHECK(plan.steps[0].sections[0].blocks.size() == 1);
    // Patients do not get the therapist-only block of the section a step names.
    REQUIRE(plan.steps[3].sections.size() == 1);
    CHECK(plan.steps[3].sections[0].heading == "Quadratus lumborum: What it is");
    REQUIRE(plan.steps[3].sections[0].blocks.size() == 1);
    CHECK_FALSE(plan.steps[3].sections[0].blocks[0].therapistOnly);
    REQUIRE(plan.steps[1].sections.size() == 2);
    CHECK(plan.steps[1].sections[1].heading == "Gluteus medius: What it is");
    CHECK(plan.steps[2].sections.empty());
    CHECK(plan.steps[2].caption == "Third, nothing open");
}

TEST_CASE("handout plan: a therapists' tour includes the therapist detail") {
    la::Tour tour;
    tour.title = "T";
    tour.audience = "Therapists";
    la::TourStep a;
    a.caption = "x";
    a.select = "quadratus_lumborum";
    tour.steps = {a};
    const auto plan = la::planHandout(tour, catalogue());
    CHECK(plan.therapists);
    REQUIRE(plan.steps[0].sections.size() == 1);
    CHECK(plan.steps[0].sections[0].heading == "Quadratus lumborum: What it is");
    CHECK(plan.steps[0].sections[0].blocks.size() == 2);
}

TEST_CASE("handout PDF: a title page plus one page per step, captions and article text as text") {
    la::Tour tour;
    tour.title = "Why does my lower back hurt";
    tour.audience = "patients";
    for (int i = 0; i < 3; ++i) {
        la::TourStep s;
        s.caption = "Caption number " + std::to_string(i + 1) + " about the quadratus";
        s.select = "quadratus_lumborum.L";
        tour.steps.push_back(s);
    }
    la::exporter::HandoutDocument doc;
    doc.plan = la::planHandout(tour, catalogue());
    doc.version = "9.9.9";
    doc.sources = la::exporter::defaultHandoutSources();
    for (int i = 0; i < 3; ++i) {
        la::exporter::Picture p;
        p.width = 64;
        p.height = 36;
        p.rgba.assign(64 * 36 * 4, static_cast<std::uint8_t>(60 * i));
        doc.pictures.push_back(p);
    }
    const auto path =
        (std::filesystem::temp_directory_path() / ("la-handout-test-" + std::to_string(getpid()) + ".pdf")).string();
    std::filesystem::remove(path);
    auto ok = la::exporter::writeHandoutPdf(path, doc);
    REQUIRE_MESSAGE(ok.ok(), (ok.ok() ? std::string() : ok.error()));
    std::ifstream f(path, std::ios::binary);
    std::string head(5, '\0');
    f.read(head.data(), 5);
    CHECK(head == "%PDF-");

    if (std::system("command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1") != 0) {
        MESSAGE("poppler-utils missing: page count and text not checked");
        return;
    }
    const std::string info = run("pdfinfo '" + path + "'");
    const auto at = info.find("Pages:");
    REQUIRE(at != std::string::npos);
    CHECK(std::stoi(info.substr(at + 6)) == 4);
    CHECK(info.find("Why does my lower back hurt") != std::string::npos);
    const std::string text = run("pdftotext -layout '" + path + "' -");
    CHECK(text.find("Caption number 2 about the quadratus") != std::string::npos);
    CHECK(text.find("Quadratus lumborum: In short") != std::string::npos);
    CHECK(text.find("A summary.") != std::string::npos);
    CHECK(text.find("Palpate") == std::string::npos);  // therapist detail is not in a patients' handout
    CHECK(text.find("Cochrane") != std::string::npos);
    CHECK(text.find("Step 3 of 3") != std::string::npos);
    std::filesystem::remove(path);
}

TEST_CASE("handout PDF: an unwritable path is one line naming it") {
    la::exporter::HandoutDocument doc;
    doc.plan.title = "x";
    auto r = la::exporter::writeHandoutPdf("/nonexistent-dir/sub/out.pdf", doc);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("/nonexistent-dir/sub/out.pdf") == 0);
    CHECK(r.error().find('\n') == std::string::npos);
}
