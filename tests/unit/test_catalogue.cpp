// Catalogue: front matter, Markdown -> RichText, directory loading, change watching.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "core/Catalogue.h"
#include "core/NameMap.h"
#include "core/RichText.h"
#include "io/CatalogueLoader.h"
#include "io/MarkdownText.h"

namespace fs = std::filesystem;
using namespace la;

namespace {

// A fresh directory under the system temp dir, removed again at the end of the test.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& tag) {
        auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path = fs::temp_directory_path() / ("la_catalogue_" + tag + "_" + std::to_string(stamp));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& name, const std::string& text) const {
        fs::path p = path / name;
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
};

const char* kGood = R"(---
id: quadratus_lumborum
name: Quadratus lumborum
latin: Musculus quadratus lumborum
fma: 15569, FMA22315            # two ids
kind: muscle
layer: 3
group: Muscles
featured: true
sided: yes
aliases: QL, quadrate muscle of the loins,  hip hiker
patterns: quadratus lumborum, vertebra_L*
---
# Quadratus lumborum

A **deep** muscle of the *posterior* abdominal wall, see [psoas](psoas_major) &amp; friends.

## Where it is

- From the iliac crest
  - to rib 12
- and the lumbar transverse processes

1. first
2. second

---

## Trigger points

Hurts when you stand up.

<!-- therapist -->
Palpate in side-lying with the arm overhead.

- Needle angle: medial
<!-- /therapist -->

<!-- an ordinary comment is dropped -->
Ends here.
)";

const TextBlock* findBlock(const RichText& t, const std::string& text) {
    for (const auto& b : t.blocks)
        if (plainText(b) == text) return &b;
    return nullptr;
}

}  // namespace

TEST_CASE("catalogue: front matter fields are parsed") {
    std::vector<std::string> warnings;
    auto r = io::parseStructureText(kGood, "content/quadratus_lumborum.md", &warnings);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    const StructureInfo& s = *r;
    CHECK(s.id == "quadratus_lumborum");
    CHECK(s.name == "Quadratus lumborum");
    CHECK(s.latin == "Musculus quadratus lumborum");
    CHECK(s.fma == std::vector<std::string>{"15569", "22315"});
    CHECK(s.kind == "muscle");
    CHECK(s.layer == 3);
    CHECK(s.group == "Muscles");
    CHECK(s.featured);
    CHECK(s.sided);
    CHECK(s.aliases == std::vector<std::string>{"QL", "quadrate muscle of the loins", "hip hiker"});
    CHECK(s.patterns == std::vector<std::string>{"quadratus lumborum", "vertebra_L*"});
    CHECK(s.sourcePath == "content/quadratus_lumborum.md");
    CHECK(warnings.empty());
}

TEST_CASE("catalogue: Markdown body becomes blocks and styled spans") {
    auto r = io::parseStructureText(kGood, "q.md");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    const RichText& body = r->body;

    REQUIRE(!body.blocks.empty());
    CHECK(body.blocks[0].kind == BlockKind::Heading);
    CHECK(body.blocks[0].level == 1);
    CHECK(plainText(body.blocks[0]) == "Quadratus lumborum");

    const TextBlock& para = body.blocks[1];
    CHECK(para.kind == BlockKind::Paragraph);
    CHECK(plainText(para) == "A deep muscle of the posterior abdominal wall, see psoas & friends.");
    bool sawBold = false, sawItalic = false, sawLink = false;
    for (const auto& sp : para.spans) {
        if (sp.text == "deep") sawBold = sp.bold && !sp.italic;
        if (sp.text == "posterior") sawItalic = sp.italic && !sp.bold;
        if (sp.text == "psoas") sawLink = sp.link && sp.href == "psoas_major";
        if (sp.text.find("muscle of the") != std::string::npos) CHECK_FALSE((sp.bold || sp.italic || sp.link));
    }
    CHECK(sawBold);
    CHECK(sawItalic);
    CHECK(sawLink);

    const TextBlock* outer = findBlock(body, "From the iliac crest");
    const TextBlock* inner = findBlock(body, "to rib 12");
    REQUIRE(outer);
    REQUIRE(inner);
    CHECK(outer->kind == BlockKind::BulletItem);
    CHECK(outer->depth == 0);
    CHECK(outer->number == 0);
    CHECK(inner->kind == BlockKind::BulletItem);
    CHECK(inner->depth == 1);
    const TextBlock* second = findBlock(body, "second");
    REQUIRE(second);
    CHECK(second->number == 2);

    int rules = 0;
    for (const auto& b : body.blocks) rules += b.kind == BlockKind::Rule;
    CHECK(rules == 1);
    CHECK(findBlock(body, "an ordinary comment is dropped") == nullptr);
    CHECK(findBlock(body, "Ends here.") != nullptr);
}

TEST_CASE("catalogue: therapist markers are found indented, in capitals and spaced out, and only alone") {
    // Lines are checked for a marker by their first visible character first (a fast path): the markers
    // must still be found however they are written, and text that mentions one is still text.
    const std::string md =
        "Before.\n\n   <!--   THERAPIST   -->\nHidden detail.\n\t< !-- /therapist -- >\n\n"
        "Said: <!-- therapist --> is how a block opens.\n";
    auto r = io::parseMarkdown(md, "m.md");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    const TextBlock* hidden = findBlock(*r, "Hidden detail.");
    const TextBlock* before = findBlock(*r, "Before.");
    REQUIRE(hidden);
    REQUIRE(before);
    CHECK(hidden->therapistOnly);
    CHECK_FALSE(before->therapistOnly);
    // An opening marker inside a line of text opens nothing: an unclosed block would be an error.
    auto unclosed = io::parseMarkdown("Text.\n  <!-- therapist -->\nNever closed.\n", "u.md");
    CHECK_FALSE(unclosed.ok());
}

TEST_CASE("catalogue: therapist blocks are flagged and sections listed") {
    auto r = io::parseStructureText(kGood, "q.md");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    const RichText& body = r->body;
    const TextBlock* palpate = findBlock(body, "Palpate in side-lying with the arm overhead.");
    const TextBlock* needle = findBlock(body, "Needle angle: medial");
    const TextBlock* hurts = findBlock(body, "Hurts when you stand up.");
    const TextBlock* ends = findBlock(body, "Ends here.");
    REQUIRE(palpate);
    REQUIRE(needle);
    REQUIRE(hurts);
    REQUIRE(ends);
    CHECK(palpate->therapistOnly);
    CHECK(needle->therapistOnly);
    CHECK(needle->kind == BlockKind::BulletItem);
    CHECK_FALSE(hurts->therapistOnly);
    CHECK_FALSE(ends->therapistOnly);

    auto sections = listSections(body);
    REQUIRE(sections.size() == 2);
    CHECK(sections[0].title == "Where it is");
    CHECK(sections[1].title == "Trigger points");
    CHECK(sections[1].endBlock == body.blocks.size());

    CHECK(sectionPlainText(body, "trigger points") == "Hurts when you stand up.\nEnds here.");
    CHECK(sectionPlainText(body, "Trigger points", true) ==
          "Hurts when you stand up.\nPalpate in side-lying with the arm overhead.\n- Needle angle: medial\nEnds here.");
    CHECK(sectionPlainText(body, "Where it is") ==
          "- From the iliac crest\n  - to rib 12\n- and the lumbar transverse processes\n- first\n- second");
    CHECK(sectionPlainText(body, "No such section").empty());
}

TEST_CASE("catalogue: unknown keys warn but load") {
    std::vector<std::string> warnings;
    auto r = io::parseStructureText("---\nid: sacrum\nname: Sacrum\nkind: bone\ncolour: red\n---\nBody.\n",
                                    "x/sacrum.md", &warnings);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    CHECK(r->id == "sacrum");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("x/sacrum.md:5:") == 0);
    CHECK(warnings[0].find("colour") != std::string::npos);
}

TEST_CASE("catalogue: the kinds of fascia, ligaments, organs, nerves and vessels; 'start: ghosted'") {
    std::vector<std::string> warnings;
    auto r = io::parseStructureText(
        "---\nid: thoracolumbar_fascia\nname: Thoracolumbar fascia\nkind: fascia\ngroup: Fascia\nstart: ghosted\n"
        "---\nBody.\n",
        "x/thoracolumbar_fascia.md", &warnings);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    CHECK(r->startGhosted);
    CHECK(warnings.empty());
    for (const char* kind : {"ligament", "organ", "nerve", "vessel"}) {
        warnings.clear();
        auto k = io::parseStructureText(std::string("---\nid: x\nname: X\nkind: ") + kind + "\n---\nBody.\n", "x/x.md",
                                        &warnings);
        REQUIRE(k.ok());
        CHECK_FALSE(k->startGhosted);
        CHECK(warnings.empty());
    }
    auto shown = io::parseStructureText("---\nid: x\nname: X\nkind: organ\nstart: shown\n---\n", "x/x.md", nullptr);
    REQUIRE(shown.ok());
    CHECK_FALSE(shown->startGhosted);
    auto bad = io::parseStructureText("---\nid: x\nname: X\nkind: organ\nstart: sometimes\n---\n", "x/x.md", nullptr);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("x/x.md:5:") == 0);
    CHECK(bad.error().find("sometimes") != std::string::npos);
}

TEST_CASE("catalogue: malformed files give file:line errors") {
    struct Case {
        const char* text;
        const char* where;  // expected start of the message
        const char* what;   // expected fragment
    };
    const Case cases[] = {
        {"---\nid: a\nname: A\nthis line has no colon\n---\n", "bad.md:4:", "key: value"},
        {"---\nid: a\nname: A\nlayer: deep\n---\n", "bad.md:4:", "layer"},
        {"---\nid: a\nname: A\nlayer: 3x\n---\n", "bad.md:4:", "not an integer"},
        {"---\nname: A\n---\nbody\n", "bad.md:3:", "'id'"},
        {"---\nid: a\n---\nbody\n", "bad.md:3:", "'name'"},
        {"---\nid: a\nname: A\n", "bad.md:1:", "not closed"},
        {"id: a\nname: A\n", "bad.md:1:", "---"},
        {"", "bad.md:1:", "---"},
        {"---\nid: Not An Id\nname: A\n---\n", "bad.md:2:", "id"},
        {"---\nid: a\nname: A\nsided: maybe\n---\n", "bad.md:4:", "sided"},
        {"---\nid: a\nname: A\nfma: twelve\n---\n", "bad.md:4:", "fma"},
        {"---\nid: a\nname: A\n---\ntext\n<!-- therapist -->\nsecret\n", "bad.md:6:", "never closed"},
        {"---\nid: a\nname: A\n---\ntext\n<!-- /therapist -->\n", "bad.md:6:", "without an opening"},
        {"---\nid: a\nname: A\n---\n<!-- therapist -->\n<!-- therapist -->\n<!-- /therapist -->\n",
         "bad.md:6:", "inside another"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto r = io::parseStructureText(c.text, "bad.md");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().find(c.where) == 0);
        CHECK(r.error().find(c.what) != std::string::npos);
        CHECK(r.error().find('\n') == std::string::npos);
    }
}

TEST_CASE("catalogue: a directory loads every good file and reports the bad one") {
    TempDir dir("load");
    dir.write("gluteus_medius.md",
              "---\nid: gluteus_medius\nname: Gluteus medius\nkind: muscle\nlayer: 2\nsided: true\n---\nText.\n");
    dir.write("skin.md", "---\nid: skin\nname: Skin\nkind: skin\n---\n");
    std::string bad = dir.write("broken.md", "---\nid: broken\nlayer: one\nname: Broken\n---\n");
    dir.write("README.md", "Not a structure.\n");
    dir.write("notes.txt", "ignored\n");

    auto load = io::loadCatalogueDir(dir.path.string());
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].find(bad + ":3:") == 0);
    CHECK(load.catalogue.size() == 2);
    const StructureInfo* gm = load.catalogue.find("gluteus_medius");
    REQUIRE(gm);
    CHECK(gm->layer == 2);
    CHECK(gm->sided);
    CHECK(load.catalogue.find("skin") != nullptr);
    CHECK(load.catalogue.find("broken") == nullptr);
    CHECK(load.catalogue.ofKind("skin").size() == 1);
}

TEST_CASE("catalogue: a repeated id is an error and the first file wins") {
    TempDir dir("dup");
    dir.write("a.md", "---\nid: sacrum\nname: First\n---\n");
    dir.write("b.md", "---\nid: sacrum\nname: Second\n---\n");
    auto load = io::loadCatalogueDir(dir.path.string());
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].find("b.md") != std::string::npos);
    REQUIRE(load.catalogue.find("sacrum"));
    CHECK(load.catalogue.find("sacrum")->name == "First");
}

TEST_CASE("catalogue: a missing directory is an error, not a crash") {
    auto load = io::loadCatalogueDir((fs::temp_directory_path() / "la_catalogue_no_such_dir_4f7a").string());
    CHECK(load.catalogue.empty());
    CHECK(load.errors.size() == 1);
}

TEST_CASE("catalogue: Catalogue rejects empty and repeated ids") {
    Catalogue c;
    StructureInfo a;
    a.id = "a";
    a.featured = true;
    CHECK(c.add(a));
    CHECK_FALSE(c.add(a));
    CHECK_FALSE(c.add(StructureInfo{}));
    CHECK(c.size() == 1);
    CHECK(c.featured().size() == 1);
    CHECK(c.find("b") == nullptr);
}

TEST_CASE("catalogue: the watcher reports changed, added and removed files; reload follows") {
    TempDir dir("watch");
    std::string a = dir.write("a.md", "---\nid: a\nname: Old name\n---\n");
    io::CatalogueWatcher watcher(dir.path.string());
    io::CatalogueLoad load = io::loadCatalogueDir(dir.path.string());
    REQUIRE(load.catalogue.find("a"));

    CHECK_FALSE(watcher.poll().any());

    dir.write("a.md", "---\nid: a\nname: New name\n---\n");
    fs::last_write_time(a, fs::last_write_time(a) + std::chrono::seconds(5));  // coarse clocks
    CHECK_FALSE(watcher.poll().any());  // changed since the last poll: may still be being written
    auto ch = watcher.poll();
    CHECK(ch.modified == std::vector<std::string>{a});
    CHECK(ch.added.empty());
    CHECK(ch.removed.empty());
    CHECK_FALSE(watcher.poll().any());  // reported once

    std::string b = dir.write("b.md", "---\nid: b\nname: B\n---\n");
    CHECK_FALSE(watcher.poll().any());
    ch = watcher.poll();
    CHECK(ch.added == std::vector<std::string>{b});
    fs::remove(b);
    CHECK_FALSE(watcher.poll().any());
    ch = watcher.poll();
    CHECK(ch.removed == std::vector<std::string>{b});

    dir.write("a.md", "---\nid: a\nname: Newest name\n---\n");
    fs::last_write_time(a, fs::last_write_time(a) + std::chrono::seconds(10));
    CHECK_FALSE(io::reloadIfChanged(watcher, load));  // not settled yet
    CHECK(io::reloadIfChanged(watcher, load));
    REQUIRE(load.catalogue.find("a"));
    CHECK(load.catalogue.find("a")->name == "Newest name");
    CHECK_FALSE(io::reloadIfChanged(watcher, load));

    // A save that breaks the file: the last good version stays, and the error says so in one line.
    dir.write("a.md", "---\nid: a\nname: Broken\n");  // front matter never closed
    fs::last_write_time(a, fs::last_write_time(a) + std::chrono::seconds(15));
    CHECK_FALSE(io::reloadIfChanged(watcher, load));
    CHECK(io::reloadIfChanged(watcher, load));
    REQUIRE(load.catalogue.find("a"));
    CHECK(load.catalogue.find("a")->name == "Newest name");
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].find("a.md") != std::string::npos);
    CHECK(load.errors[0].find("the last good version is shown") != std::string::npos);
}

TEST_CASE("catalogue: the project's content/structures loads without errors") {
    fs::path dir = fs::path(LA_SOURCE_DIR) / "content" / "structures";
    bool hasFiles = false;
    std::error_code ec;
    if (fs::is_directory(dir, ec))
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.path().extension() == ".md") hasFiles = true;
    if (!hasFiles) {
        MESSAGE("content/structures has no .md files yet; skipped");
        return;
    }
    auto load = io::loadCatalogueDir(dir.string());
    for (const auto& e : load.errors) FAIL_CHECK(e);
    for (const auto& w : load.warnings) MESSAGE(w);
    CHECK_FALSE(load.catalogue.empty());
    // Every entry's own node names map back to it.
    NameMap map(load.catalogue);
    for (const auto& s : load.catalogue.entries()) {
        CAPTURE(s.id);
        CHECK_FALSE(s.name.empty());
        auto r = map.map(s.sided ? s.id + ".L" : s.id);
        REQUIRE(r);
        CHECK(r->id == s.id);
        CHECK(r->side == (s.sided ? Side::Left : Side::None));
    }
}

TEST_CASE("catalogue: FMA ids may say which side or part they stand for") {
    auto r = io::parseStructureText("---\nid: ql\nname: QL\nfma: 15569, 22349 left, FMA22348 Right, 13072 L1\n---\n",
                                    "ql.md", nullptr);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    CHECK(r->fma == std::vector<std::string>{"15569", "22349", "22348", "13072"});
    CHECK(r->fmaDetail.size() == 3);
    CHECK(r->fmaDetail.at("22349").side == Side::Left);
    CHECK(r->fmaDetail.at("22348").side == Side::Right);
    CHECK(r->fmaDetail.at("13072").part == "L1");
    CHECK(r->fmaDetail.count("15569") == 0);
    for (const char* bad : {"fma: 22349 left side\n", "fma: 22349left\n", "fma: left\n"}) {
        auto e = io::parseStructureText(std::string("---\nid: ql\nname: QL\n") + bad + "---\n", "ql.md", nullptr);
        REQUIRE_FALSE(e.ok());
        CHECK(e.error().find("ql.md:4: fma:") == 0);
    }
}

TEST_CASE("catalogue: the project's FMA lists name the BodyParts3D per-side ids of the deeper muscles") {
    auto load = io::loadCatalogueDir((fs::path(LA_SOURCE_DIR) / "content" / "structures").string());
    REQUIRE(load.errors.empty());
    NameMap map(load.catalogue);
    auto mapped = [&map](const char* node) {
        auto r = map.map(node);
        return r ? r->key() : std::string("(none)");
    };
    // The left-side ids BodyParts3D gives these muscles: the id alone says the structure and its side.
    const std::pair<const char*, const char*> leftIds[] = {
        {"FMA22341", "piriformis.L"},
        {"FMA22339", "quadratus_femoris.L"},
        {"FMA22337", "gemellus_inferior.L"},
        {"FMA22335", "gemellus_superior.L"},
        {"FMA22325", "obturator_internus.L"},
        {"FMA22426", "tensor_fasciae_latae.L"},
        {"FMA22741", "iliocostalis_lumborum.L"},
        {"FMA22753", "longissimus_thoracis.L"},
        {"FMA22879", "multifidus.L"},
        {"FMA22323", "iliacus.L"},
        {"FMA22322", "iliacus.R"},
        {"FMA8531", "rib_11.R"},
    };
    for (const auto& [node, key] : leftIds) {
        CAPTURE(node);
        CHECK(mapped(node) == key);
    }
    // Whole export names; a right side whose id the catalogue does not hold takes the side word.
    CHECK(mapped("FJ432_BP2786_FMA22341_Left_piriformis") == "piriformis.L");
    CHECK(mapped("FJ433_BP2787_FMA22340_Right_piriformis") == "piriformis.R");
    CHECK(mapped("FJ590_BP2800_FMA22322_Right_iliacus") == "iliacus.R");
    // A generic id takes the side from the words.
    CHECK(mapped("FMA19082_Right_piriformis") == "piriformis.R");
    CHECK(mapped("FMA22321 quadratus femoris") == "quadratus_femoris");
}
