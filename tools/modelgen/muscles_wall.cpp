// The sheets of the trunk wall (left): transversus abdominis with its posterior aponeurosis, internal and external
// oblique, serratus posterior inferior and the lower part of latissimus dorsi with its aponeurosis (sheet.h).
// Built from the deepest out: each is draped over the structures and the sheets it lies on, ends above the hip
// bone and the sacrum on a smooth line (the flat muscles attach along the iliac crest, they do not pass through
// it), is thinner where it is aponeurosis, and is carved out of the bones as a last guard.
#include <initializer_list>
#include <vector>

#include "anatomy.h"
#include "sheet.h"

namespace mg {

namespace {

std::unique_ptr<Shape> wallSheet(const std::shared_ptr<const SheetGrid>& g, const std::vector<const Shape*>& carved) {
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(sheetBody(g));
    for (const Shape* d : carved) carve(*s, *d, 0.05f, 0.1f);
    finishLeft(*s);
    return s;
}

float smooth01(float a, float b, float v) {
    const float t = std::clamp((v - a) / (b - a), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

void buildWallMuscles(Shapes& out) {
    auto shapes = [&](std::initializer_list<const char*> ids) {
        std::vector<const Shape*> v;
        for (const char* id : ids) v.push_back(out.at(id).get());
        return v;
    };
    auto plus = [](std::vector<const Shape*> a, const std::vector<const Shape*>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    const auto bones = plus(shapes({"hip_bone", "sacrum", "rib_11", "rib_12"}), allVertebrae(out));
    const auto pelvis = shapes({"hip_bone", "sacrum"});
    const auto ribs = shapes({"rib_11", "rib_12"});
    const auto columns = shapes({"multifidus", "longissimus_thoracis", "iliocostalis_lumborum"});
    SheetOptions base;
    base.yhi = kModelTop;
    base.stopAt = pelvis;
    SheetOptions front = base;     // the flat muscles of the front end on the inguinal ligament
    front.floorA = {2.5f, -8.7f};  // pubic tubercle
    front.floorB = {L("asis").x, L("asis").y};
    front.fillTop = 26.0f;
    front.yhi = 32.0f;  // the obliques end here in front (the external oblique measured to 32.6 cm)
    // Transversus abdominis: fibres round the trunk; fleshy at the side, its anterior aponeurosis medial to the
    // linea semilunaris and its posterior aponeurosis reaching the lateral border of the quadratus lumborum.
    SheetOptions ta = front;
    ta.fibreAngle = 180.0f;
    ta.fillTop = 1e6f;  // its front ends lower than the obliques, behind the costal margin (as measured)
    ta.muscle = 0.45f;
    ta.aponeurosis = 0.28f;
    ta.belly = [](const vec3& p) { return smooth01(5.0f, 8.0f, p.x) * smooth01(-10.5f, -7.5f, p.z); };
    // It lies deep to the ribs (it arises from their inner faces) and ends at the quadratus lumborum's lateral
    // border: both are carved out of it, not draped over.
    ta.under = shapes({"psoas_major", "iliacus"});
    // Internal oblique: from the thoracolumbar fascia and the iliac crest up and forwards, over the transversus;
    // aponeurotic in front.
    SheetOptions io = front;
    io.fibreAngle = 135.0f;
    io.muscle = 0.55f;
    io.belly = [](const vec3& p) { return smooth01(5.0f, 8.0f, p.x); };
    io.backX = 8.0f;
    io.under = ribs;
    // External oblique: from the lower ribs down and forwards, over the internal oblique; its aponeurosis in
    // front and down to the inguinal ligament.
    SheetOptions eo = front;
    eo.fibreAngle = 225.0f;
    eo.muscle = 0.55f;
    eo.belly = [](const vec3& p) { return smooth01(5.5f, 8.5f, p.x); };
    eo.backX = 9.0f;
    eo.under = ribs;
    auto taG = sheetGrid("transversus_abdominis", ta), ioG = sheetGrid("internal_oblique", io),
         eoG = sheetGrid("external_oblique", eo);
    stackSheets({eoG.get(), ioG.get(), taG.get()}, 0.06f);
    const auto taGrid = finishSheet(taG, ta), ioGrid = finishSheet(ioG, io), eoGrid = finishSheet(eoG, eo);
    // Serratus posterior inferior: from the spinous processes T11-L2 up and out to the lower four ribs, over the
    // erector spinae; a short aponeurosis medially.
    SheetOptions o = base;
    o.fibreAngle = 150.0f;
    o.muscle = 0.6f;
    o.widenFront = 4;
    o.belly = [](const vec3& p) { return smooth01(2.0f, 4.0f, p.x); };
    o.under = plus(columns, plus(ribs, shapes({"vertebra_T12", "vertebra_L1", "vertebra_L2"})));
    const auto spiGrid = finishSheet(sheetGrid("serratus_posterior_inferior", o), o);
    // Latissimus dorsi (its lower part): from its aponeurosis on the spinous processes, the sacrum and the
    // posterior iliac crest up and out towards the arm; over the serratus posterior inferior, the erector spinae
    // and the back of the external oblique. Fleshy lateral to a line rising medially from the crest.
    o = base;
    o.fibreAngle = 130.0f;
    o.muscle = 0.55f;
    o.belly = [](const vec3& p) { return smooth01(-1.5f, 1.5f, p.x - (9.0f - 0.18f * p.y)); };
    o.under = plus(columns, plus(ribs, allVertebrae(out)));
    o.over = {spiGrid, eoGrid, ioGrid, taGrid};
    const auto ldGrid = finishSheet(sheetGrid("latissimus_dorsi", o), o);

    out["transversus_abdominis"] = wallSheet(taGrid, plus(bones, shapes({"quadratus_lumborum", "psoas_major"})));
    out["internal_oblique"] = wallSheet(ioGrid, plus(bones, shapes({"quadratus_lumborum"})));
    out["external_oblique"] = wallSheet(eoGrid, bones);
    out["serratus_posterior_inferior"] = wallSheet(spiGrid, plus(bones, columns));
    out["latissimus_dorsi"] = wallSheet(ldGrid, plus(bones, columns));
}

}  // namespace mg
