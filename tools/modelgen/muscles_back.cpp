// Quadratus lumborum, erector spinae, psoas major and iliacus (left).
#include <algorithm>
#include <string>

#include "anatomy.h"

namespace mg {

namespace {

void midlineCut(Shape& s) {
    s.group(Op::Intersect, 0.0f);
    s.add(halfSpace(vec3(-1, 0, 0), -0.15f));
}

}  // namespace

void buildBackMuscles(Shapes& out) {
    std::vector<const Shape*> vertebrae;
    for (const char* v : {"vertebra_T12", "vertebra_L1", "vertebra_L2", "vertebra_L3", "vertebra_L4", "vertebra_L5"})
        vertebrae.push_back(out.at(v).get());
    const std::vector<const Shape*> spine = allVertebrae(out);  // with the thoracic vertebrae above T12
    const Shape& hip = *out.at("hip_bone");
    const Shape& sacrum = *out.at("sacrum");
    const Shape& rib12 = *out.at("rib_12");
    const Shape& rib11 = *out.at("rib_11");
    const Shape& femur = *out.at("femur");
    const Shape& gmax = *out.at("gluteus_maximus");

    // Quadratus lumborum: iliac crest + iliolumbar ligament (below) -> lower border of the 12th rib (above),
    // medial border on the tips of the L1-L4 transverse processes; shaped from the measured sections.
    // Its lateral border a little wider than measured: it lies beyond the erector spinae's lateral edge, where
    // it is palpated (the measured one hides under the measured iliocostalis).
    RefOptions qlOpt;
    qlOpt.growLateral = 0.7f;
    auto ql = referenceMuscle("quadratus_lumborum", qlOpt);
    {
        // Its medial slips blend into the tips of the L1-L4 transverse processes.
        ql->group(Op::Union, 0.4f);
        for (const char* lv : {"L1_tp", "L2_tp", "L3_tp", "L4_tp"}) {
            const vec3 tip = L(lv);
            ql->add(cone(tip, tip + vec3(0.9f, 0.0f, -1.1f), 0.3f, 0.5f));
        }
        carve(*ql, sacrum, 0.05f, 0.2f);
        for (const Shape* v : vertebrae) carve(*ql, *v, 0.05f, 0.2f);
        carve(*ql, rib12, 0.05f, 0.2f);
        carve(*ql, rib11, 0.05f, 0.2f);
        carve(*ql, hip, 0.05f, 0.2f);
        midlineCut(*ql);
        ql->finalize(2.0f);
    }

    // The erector spinae's lumbar columns and the multifidus beneath them, each lofted through its fitted
    // sections: multifidus (deepest, in the gutter beside the spinous processes, from the back of the sacrum
    // up), longissimus thoracis (the thick middle column from the common tendon on the sacrum and the
    // posterior crest) and iliocostalis lumborum (lateral, from the crest out towards the rib angles). Each is
    // carved out of the bones, the QL and the column beneath it; all end flat at the top of the model.
    auto column = [&](const char* id, RefOptions o, const std::vector<const Shape*>& deeper) {
        o.yhi = kModelTop;
        o.rim = 0.6f;
        auto m = referenceMuscle(id, o);
        for (const Shape* v : spine) carve(*m, *v, 0.08f, 0.3f);
        carve(*m, sacrum, 0.08f, 0.3f);
        carve(*m, hip, 0.08f, 0.3f);
        carve(*m, *ql, 0.1f, 0.3f);
        carve(*m, rib12, 0.08f, 0.3f);
        carve(*m, rib11, 0.08f, 0.3f);
        carve(*m, gmax, 0.1f, 0.3f);
        for (const Shape* d : deeper) carve(*m, *d, 0.06f, 0.3f);
        midlineCut(*m);
        m->finalize(2.0f);
        return m;
    };
    // The measured multifidus is a thin sheet (1-1.5 cm deep from the side), fitted every 1 cm of height: over the
    // sacrum, whose back lies where the measured one has it, it is made a little fuller and eased 1 mm forward onto
    // the bone (it stays whole at L5-S1); from L5 up it lies as measured, on our vertebrae (placed on the measured
    // ones) and the thoracic spine.
    RefOptions mfOpt;
    mfOpt.minDepth = 0.45f;
    mfOpt.shift = vec3(0.1f, 0.0f, 0.1f);
    mfOpt.fadeLo = 2.0f;
    mfOpt.fadeHi = 6.0f;
    RefOptions esOpt;
    esOpt.grow = 0.1f;
    // The iliocostalis trimmed laterally between the crest and the 12th rib, where the QL's lateral border shows
    // beyond it (and is palpated); below 10 cm, over the crest, as wide as measured.
    RefOptions icOpt = esOpt;
    icOpt.growLateral = -0.4f;
    icOpt.growLateralLow = 0.4f;
    icOpt.fadeLo = 10.0f;
    icOpt.fadeHi = 12.0f;
    auto multifidus = column("multifidus", mfOpt, {});
    auto longissimus = column("longissimus_thoracis", esOpt, {multifidus.get()});
    auto iliocostalis = column("iliocostalis_lumborum", icOpt, {multifidus.get(), longissimus.get()});

    // Psoas major: sides of the T12-L5 bodies -> over the pelvic brim, in front of the hip -> lesser trochanter.
    auto psoas = referenceMuscle("psoas_major");
    {
        // Below the brim its tendon runs over the front of the hip joint to the lesser trochanter, clear of the
        // pubic ramus (the measured body would be cut through there by our hip bone), about 2 cm thick over the
        // hip (the measured one is no wider).
        psoas->group(Op::Union, 0.6f);
        addTube(*psoas,
                {{vec3(5.6f, 0.0f, -4.0f), 1.6f},
                 {vec3(6.5f, -2.0f, -3.2f), 1.2f},
                 {vec3(7.3f, -5.5f, -2.9f), 1.0f},
                 {vec3(7.9f, -8.4f, -2.8f), 0.8f},
                 {vec3(8.6f, -11.3f, -3.9f), 0.75f},
                 {vec3(9.3f, -13.4f, -5.7f), 0.5f},
                 {vec3(9.6f, -14.1f, -6.6f), 0.4f}},
                30, 0.0f);
        for (const Shape* v : vertebrae) carve(*psoas, *v, 0.08f, 0.3f);
        for (const char* d : {"disc_T12_L1", "disc_L1_L2", "disc_L2_L3", "disc_L3_L4", "disc_L4_L5", "disc_L5_S1"})
            carve(*psoas, *out.at(d), 0.08f, 0.3f);
        carve(*psoas, sacrum, 0.08f, 0.3f);
        carve(*psoas, hip, 0.08f, 0.3f);
        carve(*psoas, femur, 0.08f, 0.3f);
        carve(*psoas, *ql, 0.1f, 0.3f);
        carve(*psoas, rib12, 0.08f, 0.3f);
        carve(*psoas, rib11, 0.08f, 0.3f);
        midlineCut(*psoas);
        psoas->finalize(2.0f);
    }
    // Iliacus: the iliac fossa -> with the psoas tendon onto the lesser trochanter; behind and lateral to psoas.
    // Grown a little: our iliac fossa is not the measured one, and the thin muscle on it must stay whole.
    RefOptions ilOpt;
    ilOpt.grow = 0.35f;
    auto iliacus = referenceMuscle("iliacus", ilOpt);
    carve(*iliacus, hip, 0.05f, 0.25f);
    carve(*iliacus, femur, 0.05f, 0.25f);
    carve(*iliacus, sacrum, 0.05f, 0.25f);
    carve(*iliacus, *psoas, 0.06f, 0.25f);
    carve(*iliacus, *out.at("gluteus_minimus"), 0.06f, 0.25f);
    carve(*iliacus, *out.at("gluteus_medius"), 0.06f, 0.25f);
    midlineCut(*iliacus);
    iliacus->finalize(2.0f);
    out["iliacus"] = std::move(iliacus);
    out["quadratus_lumborum"] = std::move(ql);
    out["multifidus"] = std::move(multifidus);
    out["longissimus_thoracis"] = std::move(longissimus);
    out["iliocostalis_lumborum"] = std::move(iliocostalis);
    out["psoas_major"] = std::move(psoas);
}

}  // namespace mg
