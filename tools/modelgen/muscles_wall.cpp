// The sheets of the trunk wall (left): transversus abdominis with its posterior aponeurosis, internal and external
// oblique, serratus posterior inferior and the lower part of latissimus dorsi with its aponeurosis, each an arc
// around the trunk per centimetre of height (sheet.h) fitted to the measured figures. Built from the deepest out:
// each is draped over the structures it lies on and carved out of them and the bones, so the layers never
// interpenetrate.
#include <initializer_list>
#include <vector>

#include "anatomy.h"
#include "sheet.h"

namespace mg {

namespace {

// backX > 0: the sheet ends at the side of the back, lateral to the erector spinae: nothing of it medial to x =
// backX behind z = -6.5 (the fitted arcs, which only match the silhouettes' extents, may run on round the back).
std::unique_ptr<Shape> wallSheet(const char* id, SheetOptions o, const std::vector<const Shape*>& under,
                                 const std::vector<const Shape*>& carved, float backX = 0.0f) {
    o.under = under;
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(sheetBody(id, o));
    if (backX > 0.0f) {
        s->group(Op::Subtract, 0.4f);
        s->add(ellipticCylinder(vec3(backX - 12.0f, 0.0f, -18.5f), glm::mat3(1.0f), 12.0f, 60.0f, 12.0f, 1.0f));
    }
    for (const Shape* d : under) carve(*s, *d, 0.05f, 0.12f);
    for (const Shape* d : carved) carve(*s, *d, 0.05f, 0.12f);
    finishLeft(*s);
    return s;
}

}  // namespace

void buildWallMuscles(Shapes& out) {
    auto shapes = [&](std::initializer_list<const char*> ids) {
        std::vector<const Shape*> v;
        for (const char* id : ids) v.push_back(out.at(id).get());
        return v;
    };
    const auto bones = shapes({"hip_bone", "sacrum", "rib_11", "rib_12", "vertebra_T12", "vertebra_L1", "vertebra_L2",
                               "vertebra_L3", "vertebra_L4", "vertebra_L5"});
    const auto columns = shapes({"multifidus", "longissimus_thoracis", "iliocostalis_lumborum"});
    auto plus = [](std::vector<const Shape*> a, const std::vector<const Shape*>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    SheetOptions o;
    o.minThickness = 0.8f;
    o.yhi = kModelTop;
    // Transversus abdominis: fibres run round the trunk, from the thoracolumbar fascia forwards; its posterior
    // aponeurosis reaches the lateral border of the quadratus lumborum.
    o.fibreAngle = 180.0f;
    auto ta =
        wallSheet("transversus_abdominis", o,
                  plus(shapes({"quadratus_lumborum", "psoas_major", "iliacus", "hip_bone", "rib_11", "rib_12"}), {}),
                  plus(bones, plus(columns, shapes({"gluteus_minimus", "gluteus_medius", "tensor_fasciae_latae"}))));
    // Internal oblique: from the thoracolumbar fascia and the iliac crest up and forwards, over the transversus.
    o.fibreAngle = 135.0f;
    auto io = wallSheet(
        "internal_oblique", o, {ta.get(), out.at("hip_bone").get(), out.at("rib_12").get()},
        plus(bones, plus(columns, shapes({"quadratus_lumborum", "gluteus_medius", "tensor_fasciae_latae"}))), 8.0f);
    // External oblique: from the lower ribs down and forwards, over the internal oblique.
    o.fibreAngle = 225.0f;
    auto eo = wallSheet(
        "external_oblique", o, {io.get(), out.at("hip_bone").get(), out.at("rib_11").get(), out.at("rib_12").get()},
        plus(bones,
             plus(columns, shapes({"gluteus_medius", "gluteus_minimus", "gluteus_maximus", "tensor_fasciae_latae"}))),
        9.0f);
    // Serratus posterior inferior: from the spinous processes T11-L2 up and out to the lower four ribs, over the
    // erector spinae.
    o.fibreAngle = 150.0f;
    o.minThickness = 0.6f;
    auto spi = wallSheet("serratus_posterior_inferior", o, plus(columns, shapes({"rib_11", "rib_12"})),
                         plus(bones, shapes({"quadratus_lumborum"})));
    // Latissimus dorsi (its lower part): from its aponeurosis on the spinous processes, the sacrum and the
    // posterior iliac crest up and out towards the arm; over the serratus posterior inferior, the erector spinae
    // and the back of the external oblique.
    o.fibreAngle = 130.0f;
    o.minThickness = 0.8f;
    auto ld = wallSheet("latissimus_dorsi", o, plus(columns, {spi.get(), eo.get(), out.at("rib_11").get()}),
                        plus(bones, shapes({"quadratus_lumborum", "gluteus_medius", "gluteus_maximus"})));
    out["transversus_abdominis"] = std::move(ta);
    out["internal_oblique"] = std::move(io);
    out["serratus_posterior_inferior"] = std::move(spi);
    out["external_oblique"] = std::move(eo);
    out["latissimus_dorsi"] = std::move(ld);
}

}  // namespace mg
