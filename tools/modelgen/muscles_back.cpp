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
            {{tp("L4") + vec3(0.2f, 0.1f, -0.4f), 0.4f}, {vec3(5.8f, 8.0f, -10.0f), 0.65f}, {vec3(7.1f, 8.2f, -10.3f), 0.4f}},
            {{tp("L3") + vec3(0.1f, 0.0f, -0.1f), 0.4f}, {vec3(5.4f, 10.5f, -10.0f), 0.65f}, {vec3(6.7f, 10.8f, -10.4f), 0.4f}},
            {{tp("L2") + vec3(0.1f, 0.0f, -0.1f), 0.4f}, {vec3(4.9f, 13.4f, -10.1f), 0.6f}, {vec3(6.1f, 13.6f, -10.5f), 0.38f}},
            {{tp("L1") + vec3(0.1f, 0.0f, -0.1f), 0.38f}, {vec3(4.5f, 16.0f, -10.3f), 0.55f}, {vec3(5.5f, 15.8f, -10.8f), 0.36f}},
            {{r12 + vec3(0.7f, -0.9f, -0.9f), 0.35f}, {vec3(3.9f, 18.4f, -10.2f), 0.45f}, {vec3(5.0f, 17.0f, -10.9f), 0.35f}},
        };
        addSheet(*ql, rows, 10, 30, 0.0f, true);
        for (const Shape* v : vertebrae) carve(*ql, *v, 0.05f, 0.2f);
        carve(*ql, rib12, 0.05f, 0.2f);
        carve(*ql, rib11, 0.05f, 0.2f);
        carve(*ql, hip, 0.05f, 0.2f);
        midlineCut(*ql);
        ql->finalize(2.0f);
    }

    // Erector spinae: a broad, flat tendinous and fleshy origin over the sacrum, the posterior iliac crest and
    // the lumbar spinous processes (fused below), thickening into a column in the lumbar region and splitting
    // upwards into a medial band (longissimus, with the deep multifidus filling the gutter beside the spinous
    // processes) and a lateral band (iliocostalis) diverging towards the rib angles. Draped from behind over
    // the arches, the QL (whose lateral border stays visible) and the posterior ilium; both bands thin and narrow
    // to rounded ends at the top of the model (over the 11th rib) instead of being cut flat.
    auto es = std::make_unique<Shape>();
    {
        std::vector<const Shape*> under = vertebrae;
        under.push_back(&sacrum);
        under.push_back(&hip);
        under.push_back(ql.get());
        under.push_back(&rib12);
        under.push_back(&rib11);
        struct Row {
            float y;
            float x[4];
            float r[4];
        };
        // Rows run up the muscle (fibre direction), four columns medial -> lateral.
        auto band = [&](const std::vector<Row>& spec, int nu, int nv, float k, float lift) {
            std::vector<std::vector<CP>> rows;
            float prevBed[4] = {-10.0f, -10.0f, -10.0f, -10.0f};
            for (const Row& rw : spec) {
                std::vector<CP> row;
                for (int i = 0; i < 4; ++i) {
                    // Bed = the most posterior surface within a small window around the point: the band
                    // bridges the processes and rib angles between its control rows instead of dipping round them.
                    // Above the modelled skeleton (nothing met) the bed of the row below continues.
                    float z = kFar;
                    for (const float dy : {-1.6f, -0.8f, 0.0f, 0.8f, 1.6f})
                        for (const float dx : {-0.5f, 0.0f, 0.5f}) {
                            const vec3 q = drape(under, vec3(rw.x[i] + dx, rw.y + dy, -10.0f), vec3(0, 0, -1), 0.0f);
                            if (q.z < -10.0f) z = std::min(z, q.z);
                        }
                    if (z >= kFar * 0.5f) z = prevBed[i];
                    prevBed[i] = z;
                    row.push_back({vec3(rw.x[i], rw.y, z - rw.r[i] - lift), rw.r[i]});
                }
                rows.push_back(row);
            }
            addSheet(*es, rows, nu, nv, k, true);
        };
        // The common origin: a thin aponeurotic sheet over the sacrum widening to the posterior crest (the
        // muscle stays thin over the sacrum and the posterior iliac spines and thickens above them).
        band({{-5.0f, {0.5f, 0.9f, 1.4f, 1.9f}, {0.2f, 0.26f, 0.26f, 0.2f}},
              {-2.0f, {0.6f, 1.7f, 2.8f, 3.8f}, {0.3f, 0.42f, 0.42f, 0.3f}},
              {1.5f, {0.7f, 2.3f, 4.0f, 5.6f}, {0.32f, 0.48f, 0.48f, 0.32f}},
              {5.5f, {0.8f, 2.4f, 4.0f, 5.5f}, {0.45f, 0.66f, 0.66f, 0.4f}}},
             8, 12, 0.0f, 0.2f);
        // Longissimus (+ multifidus): medial, thickest at L3-L4, tapering upwards.
        band({{-4.0f, {0.6f, 1.1f, 1.6f, 2.1f}, {0.26f, 0.36f, 0.36f, 0.26f}},
              {0.0f, {0.7f, 1.7f, 2.7f, 3.6f}, {0.36f, 0.58f, 0.54f, 0.36f}},
              {4.0f, {0.8f, 1.9f, 3.0f, 4.0f}, {0.6f, 0.98f, 0.94f, 0.62f}},
              {8.5f, {0.8f, 1.8f, 2.9f, 3.9f}, {0.8f, 1.4f, 1.3f, 0.8f}},
              {13.5f, {0.8f, 1.6f, 2.5f, 3.3f}, {0.7f, 1.2f, 1.1f, 0.6f}},
              {17.0f, {0.8f, 1.55f, 2.4f, 3.1f}, {0.62f, 1.02f, 0.95f, 0.52f}},
              {20.5f, {0.8f, 1.5f, 2.3f, 3.0f}, {0.55f, 0.92f, 0.85f, 0.48f}},
              {23.2f, {0.85f, 1.5f, 2.2f, 2.85f}, {0.46f, 0.74f, 0.68f, 0.4f}},
              {25.2f, {1.0f, 1.55f, 2.15f, 2.65f}, {0.32f, 0.52f, 0.48f, 0.28f}},
              {26.4f, {1.3f, 1.65f, 2.05f, 2.35f}, {0.16f, 0.24f, 0.22f, 0.15f}}},
             8, 40, 0.9f, 0.1f);
        // Iliocostalis: lateral, from the posterior crest; diverges laterally upwards, leaving a groove.
        band({{-0.5f, {3.4f, 4.1f, 4.8f, 5.4f}, {0.25f, 0.36f, 0.34f, 0.25f}},
              {3.5f, {3.4f, 4.4f, 5.3f, 5.9f}, {0.46f, 0.68f, 0.58f, 0.36f}},
              {8.5f, {3.5f, 4.4f, 5.3f, 6.0f}, {0.65f, 1.0f, 0.85f, 0.45f}},
              {13.5f, {3.8f, 4.5f, 5.3f, 6.0f}, {0.55f, 0.85f, 0.75f, 0.42f}},
              {17.0f, {3.9f, 4.65f, 5.45f, 6.15f}, {0.5f, 0.78f, 0.7f, 0.4f}},
              {20.5f, {4.05f, 4.85f, 5.7f, 6.4f}, {0.45f, 0.68f, 0.6f, 0.37f}},
              {23.2f, {4.2f, 5.0f, 5.9f, 6.6f}, {0.4f, 0.58f, 0.52f, 0.34f}},
              {25.2f, {4.45f, 5.15f, 5.9f, 6.45f}, {0.28f, 0.4f, 0.36f, 0.24f}},
              {26.4f, {4.8f, 5.3f, 5.8f, 6.15f}, {0.14f, 0.2f, 0.18f, 0.12f}}},
             8, 36, 1.2f, 0.1f);
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
