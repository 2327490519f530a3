// Femur (left, to below mid-thigh) and the 11th and 12th ribs (left).
#include "anatomy.h"

namespace mg {

namespace {

std::unique_ptr<Shape> femur() {
    auto s = std::make_unique<Shape>();
    const vec3 H = L("femoral_head");
    const float r = Lval("femoral_head_radius");
    const vec3 gtl = L("gt_lateral"), gtt = L("gt_top");
    s->group(Op::Union, 0.0f);
    s->add(sphere(H, r));
    // Neck: oval (taller than wide), from the head to the trochanteric region. Against the shaft's axis (below:
    // its centroids 17 and 27 cm down, 6.3 degrees from vertical in the frontal plane) a neck-shaft angle of 125
    // degrees in the frontal plane, and 12 degrees of anteversion (the neck runs forward from its base to the head).
    const vec3 base(11.12f, -11.07f, -6.59f);
    s->group(Op::Union, 0.7f);
    s->add(cone(H + vec3(0, 0.35f, 0), base + vec3(0, 0.45f, 0), 1.25f, 1.45f));
    s->add(cone(H + vec3(0, -0.35f, 0), base + vec3(0, -0.45f, 0), 1.25f, 1.45f));
    // Greater trochanter: a block reaching the measured lateral point and top.
    s->group(Op::Union, 0.9f);
    s->add(ellipsoid(gtl + vec3(-1.35f, 1.2f, -0.5f), vec3(1.35f, 2.1f, 1.6f)));
    s->group(Op::Union, 0.8f);
    s->add(sphere(vec3(12.0f, gtt.y - 0.9f, -6.7f), 0.9f));
    // Shaft to below mid-thigh, placed on the measured femur's silhouettes: from the trochanters it runs down and
    // in (the two shafts converge towards the knees), bowed slightly forwards; the linea aspera on its back.
    addTube(*s,
            {{vec3(12.0f, -10.3f, -6.9f), 1.75f},
             {vec3(11.3f, -14.0f, -6.9f), 1.6f},
             {vec3(10.7f, -17.0f, -6.4f), 1.5f},
             {vec3(10.35f, -20.0f, -5.95f), 1.5f},
             {vec3(9.8f, -25.0f, -5.65f), 1.5f},
             {vec3(9.35f, -29.5f, -5.65f), 1.45f},
             {vec3(9.2f, -31.2f, -5.7f), 1.45f}},
            28, 1.0f);
    addTube(*s,
            {{vec3(11.0f, -15.5f, -7.9f), 0.3f},
             {vec3(10.35f, -21.0f, -7.25f), 0.45f},
             {vec3(9.7f, -28.0f, -6.95f), 0.35f}},
            12, 0.6f);
    // Intertrochanteric crest and lesser trochanter (posteromedial, reaching the measured medial border).
    const vec3 lt(9.1f, -14.0f, -7.6f);
    addTube(*s, {{vec3(12.8f, -8.8f, -7.8f), 0.7f}, {vec3(11.0f, -11.8f, -7.9f), 0.6f}, {lt, 0.7f}}, 10, 0.6f);
    s->group(Op::Union, 0.6f);
    s->add(sphere(lt, 0.8f));
    // The trochanteric fossa: a soft-rimmed pit where the trochanter's medial face meets the back of the neck, open
    // backwards and medially; the tendon of the obturator internus with the gemelli ends in it (the measured
    // gemellus superior reaches forward to z -6 there, 1.5 cm in front of the back of our neck).
    s->group(Op::Subtract, 0.6f);
    s->add(cone(vec3(11.3f, -9.05f, -8.6f), vec3(11.8f, -8.9f, -7.0f), 0.5f, 0.45f));
    s->finalize();
    return s;
}

std::unique_ptr<Shape> rib(int n) {
    auto s = std::make_unique<Shape>();
    // Both follow the measured ribs (centres of their silhouettes every centimetre of height, left side): from the
    // head on the body of its vertebra the neck runs back and out to the tubercle, then the shaft curves down,
    // out and forwards to the tip, sloping steeply (the 12th shorter and lower).
    if (n == 12) {
        const vec3 head = L("rib12_head"), tip = L("rib12_tip");
        addTube(*s,
                {{head + vec3(0.1f, -0.1f, 0.0f), 0.5f},
                 {vec3(2.8f, 19.0f, -9.6f), 0.5f},
                 {vec3(3.9f, 17.8f, -11.1f), 0.48f},
                 {vec3(5.0f, 16.5f, -11.5f), 0.45f},
                 {vec3(6.0f, 15.0f, -11.4f), 0.42f},
                 {vec3(6.8f, 13.5f, -10.8f), 0.4f},
                 {vec3(7.4f, 12.2f, -10.0f), 0.35f},
                 {tip + vec3(-0.05f, 0.35f, -0.05f), 0.3f}},
                32, 0.0f);
    } else {
        addTube(*s,
                {{rib11Head(), 0.55f},
                 {vec3(3.3f, 22.9f, -10.8f), 0.55f},
                 {vec3(4.3f, 22.0f, -12.0f), 0.53f},
                 {vec3(5.5f, 20.9f, -12.5f), 0.52f},
                 {vec3(6.9f, 19.3f, -12.3f), 0.5f},
                 {vec3(8.2f, 17.7f, -11.4f), 0.46f},
                 {vec3(9.4f, 16.1f, -10.1f), 0.43f},
                 {vec3(10.4f, 14.6f, -8.7f), 0.4f},
                 {vec3(11.1f, 13.1f, -7.2f), 0.36f},
                 {vec3(11.4f, 11.6f, -5.8f), 0.3f}},
                40, 0.0f);
    }
    s->finalize();
    return s;
}

}  // namespace

vec3 rib11Head() {
    return L("rib12_head") + (L("T12_body") - L("L1_body")) + vec3(0.4f, 0.0f, 0.0f);  // one level up, at T11
}

void buildFemurRibs(Shapes& out) {
    out["femur"] = femur();
    out["rib_11"] = rib(11);
    out["rib_12"] = rib(12);
}

}  // namespace mg
