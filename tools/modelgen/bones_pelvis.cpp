// Hip bone (left), sacrum and coccyx.
#include <cmath>

#include "anatomy.h"

namespace mg {

namespace {

// Outward (lateral-posterior) direction of the iliac wing at p: away from the pelvic cavity axis.
vec3 wingOutward(const vec3& p) {
    const vec3 axis(0.0f, p.y, -6.0f);
    vec3 d = p - axis;
    d.y = 0.0f;
    return glm::normalize(d);
}

// A polyline of landmarks.h (cm).
std::vector<vec3> hipLine(const char* name) {
    const landmarks::Polyline* l = landmarks::findHipLine(name);
    if (!l) {
        std::fprintf(stderr, "modelgen: unknown hip line %s\n", name);
        std::abort();
    }
    std::vector<vec3> out;
    for (int i = 0; i < l->n; ++i) {
        const auto& p = l->p[static_cast<std::size_t>(i)];
        out.emplace_back(p[0], p[1], p[2]);
    }
    return out;
}

// Outward from the outer surface of the ilium: away from a point inside the pelvis, flattened vertically.
vec3 outOfIlium(const vec3& p) {
    vec3 d = p - vec3(4.0f, -5.0f, -4.0f);
    d.y *= 0.35f;
    return glm::normalize(d);
}

// The hip bone; with `base` (the same bone built without them) the gluteal lines are laid on its outer surface as
// low ridges.
std::unique_ptr<Shape> hipBone(const Shape* base) {
    auto s = std::make_unique<Shape>();
    const vec3 asis = L("asis"), tub = L("iliac_tubercle"), top = L("crest_top"), psis = L("psis");
    const vec3 H = L("femoral_head");
    const float headR = Lval("femoral_head_radius");

    // Iliac crest from the ASIS over the tubercle and the highest point back to the PSIS (S-curve seen
    // from above), and the lower edge of the wing above the acetabulum and the greater sciatic notch.
    const std::vector<CP> crest = {
        {asis, 0.75f},
        {asis + vec3(1.1f, 1.3f, -1.5f), 0.5f},
        {tub, 0.8f},
        {vec3(12.4f, 4.6f, -5.8f), 0.6f},
        {top, 0.55f},
        {vec3(7.4f, 5.7f, -10.6f), 0.6f},
        {vec3(5.6f, 3.8f, -12.7f), 0.7f},
        {psis, 0.9f},
    };
    // Lower edge of the wing: from the AIIS along the body of the ilium (between the arcuate line and the
    // acetabulum / greater sciatic notch) to the PIIS.
    const std::vector<CP> lower = {
        {vec3(10.8f, -3.6f, -1.0f), 0.7f},  // anterior inferior iliac spine
        {vec3(8.9f, -5.4f, -3.6f), 1.1f},  {vec3(7.6f, -5.0f, -6.8f), 1.2f},
        {vec3(6.5f, -3.4f, -8.3f), 0.9f},  {vec3(5.0f, -1.2f, -12.2f), 1.0f},  // posterior inferior iliac spine
    };
    // The wing: a thin curved blade (iliac fossa inside, gluteal surface outside), thick along its rims.
    const int cols = 7;
    std::vector<std::vector<CP>> rows(4, std::vector<CP>(cols));
    for (int i = 0; i < cols; ++i) {
        const float u = static_cast<float>(i) / (cols - 1);
        const CP c = catmull(crest, u), b = catmull(lower, u);
        const float post = std::max(0.0f, (u - 0.7f) / 0.3f);  // thick posterior (auricular) part
        for (int j = 0; j < 4; ++j) {
            const float v = static_cast<float>(j) / 3.0f;
            vec3 p = c.p * (1.0f - v) + b.p * v;
            const float bulge = 0.9f * std::sin(3.14159265f * v) * std::sin(3.14159265f * std::min(u * 1.15f, 1.0f));
            p += wingOutward(p) * bulge;
            float r = (j == 0) ? c.r * 0.8f : (j == 3 ? b.r : 0.24f + 0.5f * post * post);
            rows[j][i] = {p, r};
        }
    }
    addSheet(*s, rows, 28, 22, 0.0f, false);
    addTube(*s, crest, 40, 0.5f);

    // Acetabular mass with the cup for the femoral head (opens laterally, down and forwards).
    const vec3 open = glm::normalize(vec3(0.67f, -0.63f, 0.36f));
    const vec3 ax2 = glm::normalize(glm::cross(open, vec3(0, 0, 1)));
    const vec3 ax3 = glm::cross(open, ax2);
    s->group(Op::Union, 0.9f);
    // (Its back reaches z -9.1 behind the head, as measured; further back it took the piriformis's path to the
    // trochanter.)
    s->add(ellipsoid(H - open * 1.3f, vec3(2.6f, 3.4f, 3.0f), glm::mat3(open, ax2, ax3)));

    // Posterior border: PSIS, PIIS, greater sciatic notch, ischial spine.
    addTube(*s,
            {{psis + vec3(0.3f, -0.3f, 0.5f), 0.95f},
             {vec3(5.0f, -1.2f, -12.0f), 0.95f},
             {vec3(6.2f, -3.0f, -9.3f), 0.7f},  // the greater sciatic notch, deepest about 4 cm below the ASIS
             {vec3(6.9f, -4.6f, -8.1f), 0.7f},  // (measured: the bone's back at z -8.6 there)
             {vec3(6.9f, -6.4f, -8.2f), 0.75f},
             {vec3(6.0f, -8.2f, -9.4f), 0.7f},
             {vec3(5.0f, -8.9f, -10.4f), 0.3f}},
            24, 0.6f);
    // Pelvic brim: the body of the ilium carries the arcuate line from the front of the sacroiliac joint to the
    // iliopubic eminence (a solid shelf from the lower edge of the wing to the line), and the superior pubic ramus
    // the pectineal line on to the pubic tubercle; along it a rounded ridge, the inlet's rim.
    const std::vector<vec3> brim = hipLine("pelvic_brim");
    const vec3 wingEdge[4] = {{5.1f, -1.3f, -11.6f}, {6.5f, -3.4f, -8.3f}, {7.6f, -5.0f, -6.8f}, {8.9f, -5.4f, -3.6f}};
    std::vector<std::vector<CP>> shelf(2);
    for (int i = 0; i < 4; ++i) {
        shelf[0].push_back({wingEdge[i], i == 0 ? 0.6f : 0.75f});
        shelf[1].push_back({brim[static_cast<std::size_t>(i)], i == 0 ? 0.45f : 0.6f});
    }
    addSheet(*s, shelf, 12, 4, 0.5f, false);
    std::vector<CP> ridge;
    ridge.reserve(brim.size());
    for (const vec3& p : brim) ridge.push_back({p, 0.4f});
    addTube(*s, ridge, 30, 0.3f);
    // Ischium: body, tuberosity, ramus; inferior pubic ramus; pubic body at the symphysis.
    const vec3 it = L("ischial_tuberosity");
    addTube(*s,
            {{vec3(7.6f, -9.6f, -7.8f), 1.2f},
             {vec3(6.0f, -12.0f, -8.7f), 1.0f},
             {it + vec3(0.5f, 1.2f, -0.2f), 0.95f},
             {vec3(3.8f, -13.5f, -6.8f), 0.65f},
             {vec3(2.6f, -12.5f, -4.6f), 0.55f},
             {vec3(1.5f, -11.0f, -3.0f), 0.6f}},
            30, 0.7f);
    s->group(Op::Union, 0.6f);
    s->add(ellipsoid(it + vec3(0.4f, 1.4f, -0.1f), vec3(0.95f, 1.55f, 1.1f)));
    const vec3 sym = L("symphysis");
    s->group(Op::Union, 0.6f);
    // Its medial (symphyseal) face about 0.5 cm from the midline, the interpubic disc filling the rest.
    s->add(ellipsoid(sym + vec3(0.85f, 0.2f, 0.1f), vec3(0.85f, 1.7f, 1.0f)));
    addTube(*s,
            {{vec3(7.6f, -7.3f, -3.4f), 1.0f}, {vec3(4.6f, -8.0f, -2.2f), 0.7f}, {sym + vec3(1.25f, 1.0f, 0.4f), 0.7f}},
            16, 0.6f);

    // The iliac tubercle: a knob on the outer lip of the crest.
    s->group(Op::Union, 0.35f);
    s->add(ellipsoid(tub + vec3(0.35f, 0.05f, 0.0f), vec3(0.65f, 0.7f, 0.6f)));
    // The gluteal lines: low rounded ridges laid on the outer surface of the ilium (the borders of the gluteal
    // attachments: medius between the posterior and anterior lines, minimus between the anterior and inferior).
    if (base)
        for (const char* name : {"posterior_gluteal_line", "anterior_gluteal_line", "inferior_gluteal_line"}) {
            std::vector<CP> line;
            for (const vec3& p : hipLine(name)) line.push_back({drape({base}, p, outOfIlium(p), -0.05f), 0.25f});
            addTube(*s, line, 24, 0.25f);
        }
    // The socket: the femoral head plus a thin joint space.
    s->group(Op::Subtract, 0.25f);
    s->add(sphere(H, headR + 0.15f));
    s->finalize();
    return s;
}

}  // namespace

// The centre of the body of S1: its front about 2 cm ahead of the promontory landmark's z, as the measured sacrum
// (reference_shapes.json) has it, below the landmark's height.
vec3 sacralBody() {
    return L("promontory") + vec3(0.0f, -1.1f, 0.3f);
}

namespace {

std::unique_ptr<Shape> sacrum() {
    auto s = std::make_unique<Shape>();
    const vec3 prom = L("promontory");
    // Left half (u: midline -> lateral edge, v: base -> apex), mirrored across the midline. The dorsal surface lies
    // where the measured sacrum (reference_shapes.json) has it, 0.5-1.5 cm further forward over S1-S3 than a plain
    // thick plate put it (the multifidus lies on it there); the pelvic surface is unchanged.
    const std::vector<CP> mid = {{vec3(0, prom.y - 1.1f, prom.z - 1.675f), 1.575f},
                                 {vec3(0, -1.7f, -11.725f), 1.275f},
                                 {vec3(0, -4.0f, -12.875f), 0.925f},
                                 {vec3(0, -6.0f, -13.3f), 0.75f},
                                 {vec3(0, -7.7f, -13.0f), 0.5f}};
    const std::vector<CP> lat = {{vec3(4.7f, 0.3f, -10.325f), 1.075f},
                                 {vec3(4.4f, -2.2f, -11.925f), 0.875f},
                                 {vec3(3.0f, -4.3f, -12.925f), 0.525f},
                                 {vec3(1.9f, -6.1f, -13.125f), 0.375f},
                                 {vec3(0.9f, -7.8f, -13.0f), 0.45f}};
    std::vector<std::vector<CP>> rows;
    for (std::size_t j = 0; j < mid.size(); ++j) {
        std::vector<CP> row;
        for (int i = 0; i < 4; ++i) {
            const float u = static_cast<float>(i) / 3.0f;
            vec3 p = mid[j].p * (1.0f - u) + lat[j].p * u;
            p.z += 0.35f * std::sin(3.14159265f * u);  // slight concavity of the pelvic surface
            row.push_back({p, mid[j].r * (1.0f - u) + lat[j].r * u});
        }
        rows.push_back(row);
    }
    addSheet(*s, rows, 10, 20, 0.0f, false, true);
    // Body of S1 with its upper end plate, the superior articular processes, the median crest. The superior
    // articular processes stand lateral to and in front of L5's inferior ones, as measured (z about -10; they were
    // 2 cm further back, in the multifidus's bed).
    const vec3 up = glm::normalize(vec3(0.0f, 1.0f, 0.45f));
    const vec3 fwd = glm::normalize(glm::cross(vec3(1, 0, 0), up));
    s->group(Op::Union, 0.8f);
    // (Its front 2 cm ahead of the promontory landmark's z, as the measured sacrum has it: see sacralBody.)
    s->add(ellipsoid(sacralBody(), vec3(2.5f, 1.2f, 1.8f), glm::mat3(vec3(1, 0, 0), up, fwd)));
    s->group(Op::Union, 0.5f);
    s->add(mirrorX(cone(vec3(2.2f, 0.9f, -10.3f), vec3(2.4f, 2.7f, -9.8f), 0.6f, 0.45f)));
    // Median sacral crest, with the tubercles of the fused spinous processes S1-S4 along it (at most 5 mm behind the
    // measured crest's back).
    addTube(*s,
            {{vec3(0, 0.0f, -11.6f), 0.4f},
             {vec3(0, -2.0f, -12.95f), 0.42f},
             {vec3(0, -4.2f, -14.0f), 0.4f},
             {vec3(0, -6.4f, -14.0f), 0.3f}},
            14, 0.6f);
    s->group(Op::Union, 0.25f);
    const vec3 tubercles[4] = {{0, -0.1f, -12.1f}, {0, -1.9f, -13.45f}, {0, -3.8f, -14.45f}, {0, -5.5f, -14.4f}};
    for (int i = 0; i < 4; ++i) s->add(ellipsoid(tubercles[i], vec3(0.45f, 0.5f, 0.4f) * (1.0f - 0.1f * i)));
    // Sacral canal opening and the anterior sacral foramina.
    addTube(*s, {{vec3(0, 2.5f, -10.6f), 0.7f}, {vec3(0, 0.0f, -11.0f), 0.6f}, {vec3(0, -2.5f, -12.1f), 0.42f}}, 8,
            0.3f, Op::Subtract);
    s->group(Op::Subtract, 0.3f);
    const float fy[4] = {-0.5f, -2.7f, -4.6f, -6.3f};
    const float fx[4] = {1.9f, 1.8f, 1.5f, 1.2f};
    for (int i = 0; i < 4; ++i) {
        // On the pelvic (front) surface, one sheet half-thickness in front of the mid-surface.
        const CP c = catmull(mid, (static_cast<float>(i) + 0.6f) / 4.6f);
        s->add(mirrorX(sphere(vec3(fx[i], fy[i], c.p.z + 0.35f + 1.05f * c.r), 0.42f - 0.05f * static_cast<float>(i))));
    }
    // The posterior sacral foramina: deep pits through the dorsal surface, lateral to the median crest, towards the
    // canal (the dorsal rami leave through them), a little beyond the mid-surface of the thinner lower sacrum.
    s->group(Op::Subtract, 0.15f);
    for (int i = 0; i < 4; ++i) {
        const auto& f = landmarks::kSacralForamina[static_cast<std::size_t>(i)];
        const CP c = catmull(mid, (static_cast<float>(i) + 0.6f) / 4.6f);
        const float r = 0.4f - 0.04f * static_cast<float>(i);
        s->add(mirrorX(cone(vec3(f[0], f[1], -16.0f), vec3(f[0], f[1] + 0.1f, c.p.z + 0.2f), r, r * 0.8f)));
    }
    s->finalize();
    return s;
}

std::unique_ptr<Shape> coccyx() {
    auto s = std::make_unique<Shape>();
    const vec3 c[4] = {{0, -8.85f, -12.75f}, {0, -9.65f, -12.35f}, {0, -10.25f, -11.95f}, {0, -10.75f, -11.55f}};
    const vec3 r[4] = {{1.15f, 0.5f, 0.6f}, {0.85f, 0.45f, 0.5f}, {0.6f, 0.35f, 0.4f}, {0.4f, 0.3f, 0.32f}};
    for (int i = 0; i < 4; ++i) {
        s->group(Op::Union, 0.35f);
        s->add(ellipsoid(c[i], r[i]));
    }
    s->finalize();
    return s;
}

// The interpubic disc: a fibrocartilage plate across the midline between the two pubic bodies, filling the space
// between their symphyseal faces (carved to fit them, a little proud of them in front and behind).
std::unique_ptr<Shape> interpubicDisc(const Shape& hip) {
    const vec3 sym = L("symphysis");
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(ellipticCylinder(vec3(0.0f, sym.y + 0.2f, sym.z + 0.1f), glm::mat3(1.0f), 0.8f, 1.35f, 0.8f, 0.35f));
    s->group(Op::Subtract, 0.1f);
    s->add(mirrorX(nested(&hip, 0.0f)));
    s->finalize();
    return s;
}

}  // namespace

void buildPelvis(Shapes& out) {
    out["hip_bone"] = hipBone(hipBone(nullptr).get());
    out["interpubic_disc"] = interpubicDisc(*out.at("hip_bone"));
    out["sacrum"] = sacrum();
    out["coccyx"] = coccyx();
}

}  // namespace mg
