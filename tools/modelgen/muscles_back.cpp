// Quadratus lumborum, erector spinae and psoas major (left).
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
    const Shape& hip = *out.at("hip_bone");
    const Shape& sacrum = *out.at("sacrum");
    const Shape& rib12 = *out.at("rib_12");
    const Shape& rib11 = *out.at("rib_11");
    const Shape& femur = *out.at("femur");
    const Shape& gmax = *out.at("gluteus_maximus");

    // Quadratus lumborum: iliac crest + iliolumbar ligament (below) -> lower border of the 12th rib (above),
    // medial border on the tips of the L1-L4 transverse processes. Rows run up the muscle (fibre direction).
    auto ql = std::make_unique<Shape>();
    {
        auto tp = [](const char* lv) { return L((std::string(lv) + "_tp").c_str()); };
        const vec3 r12 = L("rib12_head");
        const std::vector<std::vector<CP>> rows = {
            {{vec3(5.0f, 4.4f, -9.7f), 0.45f}, {vec3(6.3f, 4.8f, -10.6f), 0.55f}, {vec3(7.5f, 5.6f, -10.3f), 0.4f}},
            {{tp("L4") + vec3(0.2f, 0.1f, -0.4f), 0.4f},
             {vec3(5.8f, 8.0f, -10.0f), 0.65f},
             {vec3(7.1f, 8.2f, -10.3f), 0.4f}},
            {{tp("L3") + vec3(0.1f, 0.0f, -0.1f), 0.4f},
             {vec3(5.4f, 10.5f, -10.0f), 0.65f},
             {vec3(6.7f, 10.8f, -10.4f), 0.4f}},
            {{tp("L2") + vec3(0.1f, 0.0f, -0.1f), 0.4f},
             {vec3(4.9f, 13.4f, -10.1f), 0.6f},
             {vec3(6.1f, 13.6f, -10.5f), 0.38f}},
            {{tp("L1") + vec3(0.1f, 0.0f, -0.1f), 0.38f},
             {vec3(4.5f, 16.0f, -10.3f), 0.55f},
             {vec3(5.5f, 15.8f, -10.8f), 0.36f}},
            {{r12 + vec3(0.7f, -0.9f, -0.9f), 0.35f},
             {vec3(3.9f, 18.4f, -10.2f), 0.45f},
             {vec3(5.0f, 17.0f, -10.9f), 0.35f}},
        };
        addSheet(*ql, rows, 10, 30, 0.0f, true);
        for (const Shape* v : vertebrae) carve(*ql, *v, 0.05f, 0.2f);
        carve(*ql, rib12, 0.05f, 0.2f);
        carve(*ql, rib11, 0.05f, 0.2f);
        carve(*ql, hip, 0.05f, 0.2f);
        midlineCut(*ql);
        ql->finalize(2.0f);
    }

    // Erector spinae: one thick, smooth, rounded column each side of the spinous processes, arising from the
    // common tendon on the back of the sacrum, the lumbar spinous processes and the posterior iliac crest
    // (narrow over the sacrum, widest and thickest at L3-L4), dividing above L1 into longissimus (medial, with
    // the deep multifidus filling the gutter beside the spinous processes) and iliocostalis (lateral, drifting
    // out towards the rib angles). Two lobes lofted through horizontal sections: below L1 the iliocostalis lobe
    // lies inside the common column, above it it emerges laterally, leaving a shallow groove. The deep face is
    // carved out of the bones and the QL (whose lateral border stays visible beside the column); the top is cut
    // flat just below the top of the model, like the skin.
    auto es = std::make_unique<Shape>();
    {
        // y, centre x and z, half-width medial / lateral of the centre, depth behind / in front of it.
        const std::vector<Section> longissimus = {
            {-7.6f, 1.0f, -13.6f, 0.6f, 0.6f, 0.9f, 0.8f},    // S4: the tip of the common tendon
            {-5.5f, 1.3f, -13.5f, 0.95f, 1.1f, 1.45f, 1.0f},  // S3
            {-2.5f, 1.75f, -13.0f, 1.4f, 1.6f, 2.2f, 1.6f},   // S2, medial to the PSIS
            {0.5f, 2.3f, -12.2f, 1.95f, 2.6f, 3.3f, 2.4f},    // S1, over the PSIS and the posterior crest
            {3.5f, 2.55f, -11.1f, 2.2f, 3.4f, 4.8f, 1.9f},    // L5
            {6.5f, 2.6f, -10.3f, 2.25f, 3.8f, 5.6f, 1.2f},    // L4: the thickest
            {10.0f, 2.6f, -10.0f, 2.25f, 3.75f, 5.5f, 1.0f},  // L3
            {13.5f, 2.5f, -10.1f, 2.15f, 3.2f, 4.8f, 1.0f},   // L1-L2: the division begins
            {17.0f, 2.35f, -10.3f, 2.0f, 2.6f, 4.0f, 1.0f},   // T12: longissimus alone
            {21.0f, 2.3f, -10.6f, 1.95f, 2.6f, 3.6f, 1.0f},  {25.0f, 2.25f, -10.9f, 1.9f, 2.55f, 3.35f, 1.0f},
            {30.0f, 2.2f, -11.2f, 1.85f, 2.5f, 3.2f, 1.0f},
        };
        const std::vector<Section> iliocostalis = {
            {8.0f, 4.2f, -10.2f, 1.0f, 1.2f, 3.6f, 0.8f},  // inside the common column
            {12.0f, 4.4f, -10.2f, 1.3f, 1.4f, 3.9f, 0.9f},
            {15.5f, 4.8f, -10.4f, 1.6f, 1.6f, 3.6f, 1.0f},  // emerging lateral to longissimus
            {19.0f, 5.4f, -10.7f, 1.8f, 1.9f, 3.2f, 1.0f},
            {23.0f, 5.9f, -11.0f, 1.9f, 2.1f, 2.9f, 1.0f},  // towards the angles of the lower ribs
            {30.0f, 6.6f, -11.5f, 1.9f, 2.2f, 2.6f, 1.0f},
        };
        es->group(Op::Union, 0.0f);
        es->add(loft(longissimus, 0.8f, true));
        es->group(Op::Union, 2.0f);
        es->add(loft(iliocostalis, 0.8f, true));
        // Flat top just below the top of the model.
        es->group(Op::Intersect, 0.3f);
        es->add(halfSpace(vec3(0, 1, 0), 27.5f));
        for (const Shape* v : vertebrae) carve(*es, *v, 0.08f, 0.3f);
        carve(*es, sacrum, 0.08f, 0.3f);
        carve(*es, hip, 0.08f, 0.3f);
        carve(*es, *ql, 0.1f, 0.3f);
        carve(*es, rib12, 0.08f, 0.3f);
        carve(*es, rib11, 0.08f, 0.3f);
        carve(*es, gmax, 0.1f, 0.3f);
        midlineCut(*es);
        es->finalize(2.0f);
    }

    // Psoas major: sides of the T12-L5 bodies -> over the pelvic brim, in front of the hip -> lesser trochanter.
    auto psoas = std::make_unique<Shape>();
    {
        addTube(*psoas,
                {{vec3(2.2f, 19.8f, -7.6f), 0.6f},
                 {vec3(2.8f, 16.5f, -6.5f), 1.0f},
                 {vec3(3.3f, 13.0f, -5.8f), 1.45f},
                 {vec3(3.8f, 9.5f, -5.2f), 1.8f},
                 {vec3(4.4f, 6.0f, -4.6f), 2.0f},
                 {vec3(5.4f, 2.0f, -3.9f), 2.0f},
                 {vec3(6.5f, -2.0f, -3.2f), 1.75f},
                 {vec3(7.3f, -5.5f, -2.9f), 1.35f},
                 {vec3(7.9f, -8.4f, -2.8f), 1.05f},
                 {vec3(8.6f, -11.3f, -3.9f), 0.75f},
                 {vec3(9.3f, -13.4f, -5.7f), 0.5f},
                 {vec3(9.6f, -14.1f, -6.6f), 0.4f}},
                60, 0.0f);
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
    out["quadratus_lumborum"] = std::move(ql);
    out["erector_spinae"] = std::move(es);
    out["psoas_major"] = std::move(psoas);
}

}  // namespace mg
