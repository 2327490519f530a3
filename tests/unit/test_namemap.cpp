// Node name -> catalogue structure mapping, and the id lists of the command line.
#include <string>

#include <doctest/doctest.h>

#include "core/Catalogue.h"
#include "core/NameMap.h"

using namespace la;

namespace {

StructureInfo entry(const std::string& id, const std::string& name, const std::string& kind, bool sided,
                    std::vector<std::string> fma = {}, std::vector<std::string> aliases = {},
                    std::vector<std::string> patterns = {}, const std::string& latin = {}) {
    StructureInfo s;
    s.id = id;
    s.name = name;
    s.kind = kind;
    s.sided = sided;
    s.fma = std::move(fma);
    s.aliases = std::move(aliases);
    s.patterns = std::move(patterns);
    s.latin = latin;
    return s;
}

Catalogue testCatalogue() {
    Catalogue c;
    c.add(entry("gluteus_maximus", "Gluteus maximus", "muscle", true, {"22314"}, {}, {}, "Musculus gluteus maximus"));
    c.add(entry("gluteus_medius", "Gluteus medius", "muscle", true, {"22315"}, {}, {}, "Musculus gluteus medius"));
    c.add(entry("gluteus_minimus", "Gluteus minimus", "muscle", true, {"22317"}, {}, {}, "Musculus gluteus minimus"));
    c.add(entry("quadratus_lumborum", "Quadratus lumborum", "muscle", true, {"15569"}, {"QL", "hip hiker"},
                {"quadratus lumborum"}, "Musculus quadratus lumborum"));
    c.add(entry("lumbar_vertebra", "Lumbar vertebra", "bone", false, {"9921"}, {}, {"vertebra_L*", "L? vertebra"}));
    c.add(entry("thoracic_vertebra_12", "Twelfth thoracic vertebra", "bone", false, {}, {"T12"}, {"vertebra_T12"}));
    c.add(entry("rib_11", "Eleventh rib", "bone", true, {}, {}, {"rib_11", "rib 11"}));
    c.add(entry("rib_12", "Twelfth rib", "bone", true, {}, {}, {"rib_12", "rib 12"}));
    c.add(entry("skin", "Skin", "skin", false));
    c.add(entry("erector_spinae", "Erector spinae", "muscle", true, {}, {}, {}, "Musculus erector spinae"));
    c.add(entry("about_back_pain", "About back pain", "article", false));
    return c;
}

std::string mapped(const NameMap& m, const std::string& name) {
    auto r = m.map(name);
    return r ? r->key() : std::string("<none>");
}

}  // namespace

TEST_CASE("namemap: our own convention") {
    NameMap m(testCatalogue());
    CHECK(mapped(m, "gluteus_medius.L") == "gluteus_medius.L");
    CHECK(mapped(m, "gluteus_medius.R") == "gluteus_medius.R");
    CHECK(mapped(m, "quadratus_lumborum.R") == "quadratus_lumborum.R");
    CHECK(mapped(m, "gluteus_medius") == "gluteus_medius");
    CHECK(mapped(m, "skin") == "skin");
    CHECK(mapped(m, "vertebra_L3") == "lumbar_vertebra");
    CHECK(mapped(m, "vertebra_L5") == "lumbar_vertebra");
    CHECK(mapped(m, "vertebra_T12") == "thoracic_vertebra_12");
    CHECK(m.conflicts().empty());
}

TEST_CASE("namemap: neighbours are not confused") {
    NameMap m(testCatalogue());
    CHECK(mapped(m, "gluteus_maximus.L") == "gluteus_maximus.L");
    CHECK(mapped(m, "gluteus_minimus.L") == "gluteus_minimus.L");
    CHECK(mapped(m, "Gluteus minimus muscle.r") == "gluteus_minimus.R");
    CHECK(mapped(m, "FMA22314_Right_gluteus_maximus") == "gluteus_maximus.R");
    CHECK(mapped(m, "rib_11.L") == "rib_11.L");
    CHECK(mapped(m, "rib_12.L") == "rib_12.L");
    CHECK(mapped(m, "Rib 12 left") == "rib_12.L");
    CHECK(mapped(m, "rib11.R") == "rib_11.R");
    CHECK(mapped(m, "Right eleventh rib") == "rib_11.R");
    // "L1 vertebra" fits the lumbar pattern, "L12 vertebra" does not ('?' is one character).
    CHECK(mapped(m, "L1 vertebra") == "lumbar_vertebra");
    CHECK(mapped(m, "L12 vertebra") == "<none>");
}

TEST_CASE("namemap: BodyParts3D names") {
    NameMap m(testCatalogue());
    CHECK(mapped(m, "FMA22315_Left_gluteus_medius") == "gluteus_medius.L");
    CHECK(mapped(m, "FMA22315") == "gluteus_medius");
    CHECK(mapped(m, "FMA15569_Right_quadratus_lumborum") == "quadratus_lumborum.R");
    // Unknown FMA id: the words still say which muscle.
    CHECK(mapped(m, "FMA99999_Left_gluteus_medius") == "gluteus_medius.L");
    CHECK(mapped(m, "Right gluteus medius") == "gluteus_medius.R");
    CHECK(mapped(m, "Left quadratus lumborum") == "quadratus_lumborum.L");
}

TEST_CASE("namemap: Z-Anatomy and Blender names") {
    NameMap m(testCatalogue());
    CHECK(mapped(m, "Gluteus medius muscle.l") == "gluteus_medius.L");
    CHECK(mapped(m, "Quadratus lumborum muscle.r") == "quadratus_lumborum.R");
    CHECK(mapped(m, "Gluteus medius.L") == "gluteus_medius.L");
    CHECK(mapped(m, "gluteus_medius_left") == "gluteus_medius.L");
    CHECK(mapped(m, "gluteus_medius_right") == "gluteus_medius.R");
    CHECK(mapped(m, "gluteus_medius.L.001") == "gluteus_medius.L");
    CHECK(mapped(m, "Gluteus medius muscle.l.002") == "gluteus_medius.L");
    CHECK(mapped(m, "GluteusMedius_R") == "gluteus_medius.R");
    CHECK(mapped(m, "GLUTEUS-MEDIUS (left)") == "gluteus_medius.L");
    CHECK(mapped(m, "Musculus gluteus medius.R") == "gluteus_medius.R");
    CHECK(mapped(m, "Erector spinae muscle group.L") == "erector_spinae.L");  // contained phrase
    CHECK(mapped(m, "hip_hiker.L") == "quadratus_lumborum.L");                // alias
}

TEST_CASE("namemap: sides only for sided structures; unknown names stay unmapped") {
    NameMap m(testCatalogue());
    CHECK(mapped(m, "skin.L") == "skin");
    CHECK(mapped(m, "vertebra_L3.001") == "lumbar_vertebra");
    CHECK(mapped(m, "psoas_major.L") == "<none>");
    CHECK(mapped(m, "Cube") == "<none>");
    CHECK(mapped(m, "") == "<none>");
    CHECK(mapped(m, ".L") == "<none>");
    CHECK(mapped(m, "gluteus") == "<none>");   // not enough to choose between three
    CHECK(mapped(m, "QL_thing") == "<none>");  // short aliases are not searched inside longer names
    CHECK(mapped(m, "QL.L") == "quadratus_lumborum.L");
}

TEST_CASE("namemap: a name claimed twice is reported; ids beat aliases, equal claims match neither") {
    Catalogue c;
    c.add(entry("psoas_major", "Psoas major", "muscle", true, {}, {"hip flexor"}));
    c.add(entry("iliacus", "Iliacus", "muscle", true, {}, {"hip flexor", "sacrum"}));
    c.add(entry("sacrum", "Sacrum", "bone", false));
    NameMap m(c);
    CHECK(m.conflicts().size() == 2);
    CHECK(mapped(m, "hip_flexor.L") == "<none>");
    CHECK(mapped(m, "Hip flexor muscle of the left side") == "<none>");
    CHECK(mapped(m, "sacrum") == "sacrum");
    CHECK(mapped(m, "iliacus.L") == "iliacus.L");
    CHECK(mapped(m, "Psoas major.L") == "psoas_major.L");
}

TEST_CASE("namemap: instance keys") {
    CHECK(instanceKey("gluteus_medius", Side::Left) == "gluteus_medius.L");
    CHECK(instanceKey("gluteus_medius", Side::Right) == "gluteus_medius.R");
    CHECK(instanceKey("sacrum", Side::None) == "sacrum");
    CHECK(parseInstanceKey("gluteus_medius.R") == CatalogueRef{"gluteus_medius", Side::Right});
    CHECK(parseInstanceKey("sacrum") == CatalogueRef{"sacrum", Side::None});
    CHECK(parseInstanceKey("x.Q") == CatalogueRef{"x.Q", Side::None});
}

TEST_CASE("namemap: id lists for the command line") {
    Catalogue c = testCatalogue();
    auto r = parseIdList("quadratus_lumborum, skin ,gluteus_medius.L,", c);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error()));
    const auto& list = *r;
    CHECK(list.size() == 3);
    CHECK(listSelects(list, {"quadratus_lumborum", Side::Left}));
    CHECK(listSelects(list, {"quadratus_lumborum", Side::Right}));
    CHECK(listSelects(list, {"gluteus_medius", Side::Left}));
    CHECK_FALSE(listSelects(list, {"gluteus_medius", Side::Right}));
    CHECK(listSelects(list, {"skin", Side::None}));
    CHECK_FALSE(listSelects(list, {"gluteus_maximus", Side::Left}));

    auto keys = instanceKeys(list, c);
    CHECK(keys == std::vector<std::string>{"quadratus_lumborum.L", "quadratus_lumborum.R", "skin", "gluteus_medius.L"});

    auto bones = parseIdList("bones", c);
    REQUIRE(bones.ok());
    CHECK(bones->size() == 4);  // lumbar_vertebra, thoracic_vertebra_12, rib_11, rib_12
    CHECK(listSelects(*bones, {"rib_12", Side::Right}));
    CHECK_FALSE(listSelects(*bones, {"skin", Side::None}));

    auto muscles = parseIdList("Muscles", c);
    REQUIRE(muscles.ok());
    CHECK(muscles->size() == 5);
    CHECK_FALSE(listSelects(*muscles, {"rib_12", Side::Right}));

    auto bad = parseIdList("quadratus_lumborum,no_such_muscle", c);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("no_such_muscle") != std::string::npos);
    CHECK_FALSE(parseIdList("skin.L", c).ok());  // skin has no sides

    auto empty = parseIdList("", c);
    REQUIRE(empty.ok());
    CHECK(empty->empty());
}

namespace {
// The catalogue's FMA lists as content/structures writes them: generic ids and per-side ids.
Catalogue bodyParts3dCatalogue() {
    Catalogue c = testCatalogue();
    Catalogue out;
    for (StructureInfo e : c.entries()) {
        auto side = [&e](const std::string& id, Side s) {
            e.fma.push_back(id);
            e.fmaDetail[id] = FmaDetail{s, {}};
        };
        if (e.id == "quadratus_lumborum") side("22349", Side::Left), side("22348", Side::Right);
        if (e.id == "gluteus_medius") side("22331", Side::Left), side("22330", Side::Right);
        if (e.id == "gluteus_maximus") side("22329", Side::Left), side("22328", Side::Right);
        if (e.id == "rib_12") side("8534", Side::Left), side("8533", Side::Right);
        if (e.id == "lumbar_vertebra") {
            e.fma = {"13072", "13073"};
            e.fmaDetail["13072"] = FmaDetail{Side::None, "L1"};
            e.fmaDetail["13073"] = FmaDetail{Side::None, "L2"};
        }
        out.add(e);
    }
    StructureInfo hip = entry("hip_bone", "Hip bone", "bone", true, {"16585", "16587", "16586"}, {}, {"hip bone"});
    hip.fmaDetail["16587"] = FmaDetail{Side::Left, {}};
    hip.fmaDetail["16586"] = FmaDetail{Side::Right, {}};
    out.add(hip);
    return out;
}
}  // namespace

TEST_CASE("namemap: BodyParts3D export names with FJ/BP tokens and per-side FMA ids") {
    NameMap m(bodyParts3dCatalogue());
    CHECK(m.conflicts().empty());
    CHECK(mapped(m, "FJ618_BP4582_FMA22349_Left_quadratus_lumborum") == "quadratus_lumborum.L");
    CHECK(mapped(m, "FJ619_BP4583_FMA22348_Right_quadratus_lumborum") == "quadratus_lumborum.R");
    CHECK(mapped(m, "FJ498_BP2768_FMA22331_Left_gluteus_medius") == "gluteus_medius.L");
    CHECK(mapped(m, "FJ499_BP2769_FMA22330_Right gluteus medius") == "gluteus_medius.R");
    CHECK(mapped(m, "FJ500_BP2770_FMA22328_Right_gluteus_maximus") == "gluteus_maximus.R");
    CHECK(mapped(m, "FJ30_BP4181_FMA16587_Left hip bone") == "hip_bone.L");
    CHECK(mapped(m, "FJ31 BP4182 FMA16586 Right hip bone") == "hip_bone.R");
    CHECK(mapped(m, "FJ828_BP4276_FMA8533_Right twelfth rib") == "rib_12.R");
    CHECK(mapped(m, "FJ135_BP4166_FMA13072_First lumbar vertebra") == "lumbar_vertebra");
    // The per-side id alone says the side; it wins over a contradicting word.
    CHECK(mapped(m, "FMA22349") == "quadratus_lumborum.L");
    CHECK(mapped(m, "FMA22348_Left_quadratus_lumborum") == "quadratus_lumborum.R");
    // The generic id takes the side from the words.
    CHECK(mapped(m, "FJ1_BP2_FMA15569_Right_quadratus_lumborum") == "quadratus_lumborum.R");
    // A part of a shared structure comes from the catalogue's FMA list.
    auto v = m.match("FJ136_BP4167_FMA13073_Second lumbar vertebra");
    REQUIRE(v);
    CHECK(v->ref.key() == "lumbar_vertebra");
    CHECK(v->part == "L2");
    // Unknown FJ/BP/FMA ids: the words decide.
    CHECK(mapped(m, "FJ9_BP9_FMA1_Left_gluteus_minimus") == "gluteus_minimus.L");
}

TEST_CASE("namemap: English and Latin side words") {
    NameMap m(testCatalogue());
    CHECK(mapped(m, "Left gluteus medius") == "gluteus_medius.L");
    CHECK(mapped(m, "Right Quadratus Lumborum") == "quadratus_lumborum.R");
    CHECK(mapped(m, "M. quadratus lumborum dexter") == "quadratus_lumborum.R");
    CHECK(mapped(m, "M. gluteus medius sinister") == "gluteus_medius.L");
    CHECK(mapped(m, "Musculus gluteus maximus dextra") == "gluteus_maximus.R");
    CHECK(mapped(m, "Gluteus medius muscle.l") == "gluteus_medius.L");
    CHECK(mapped(m, "Gluteus maximus muscle.r") == "gluteus_maximus.R");
}
