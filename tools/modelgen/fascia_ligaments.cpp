// The posterior layer of the thoracolumbar fascia, the iliotibial band and two ligaments of the pelvis
// (iliolumbar, sacrotuberous), left side. Built after the muscles they lie on or between.
#include <algorithm>
#include <cmath>

#include "anatomy.h"

namespace mg {

namespace {

// The most lateral x (cm) at height y where any of `cols` is solid, searched behind z0..z1; 0 when none.
float lateralEdge(const std::vector<const Shape*>& cols, float y, float z0, float z1) {
    for (float x = 12.0f; x > 0.2f; x -= 0.1f)
        for (float z = z0; z <= z1; z += 0.2f)
            for (const Shape* c : cols)
                if (c->eval(vec3(x, y, z)) < 0.0f) return x;
    return 0.0f;
}

// Posterior layer of the thoracolumbar fascia: a thin sheet over the erector spinae and multifidus, from the
// spinous processes (medially) to the lateral raphe at the erector spinae's lateral border, where it turns
// forwards to meet the middle layer and the aponeurosis of transversus abdominis; below, onto the posterior
// iliac crest, the PSIS and the back of the sacrum (under the gluteus maximus' origin).
std::unique_ptr<Shape> thoracolumbarFascia(const Shapes& out) {
    const std::vector<const Shape*> cols = {out.at("multifidus").get(), out.at("longissimus_thoracis").get(),
                                            out.at("iliocostalis_lumborum").get()};
    std::vector<const Shape*> under = cols;
    for (const char* id : {"sacrum", "hip_bone", "rib_11", "rib_12"}) under.push_back(out.at(id).get());
    for (const Shape* v : allVertebrae(out)) under.push_back(v);
    constexpr float r = 0.18f;  // half-thickness
    const float y0 = -3.0f, y1 = kModelTop - 0.4f;
    constexpr int NY = 50, NX = 15;
    std::vector<float> edges;
    for (int j = 0; j < NY; ++j) {
        const float y = y0 + (y1 - y0) * static_cast<float>(j) / (NY - 1);
        edges.push_back(lateralEdge(cols, y, -20.0f, -6.0f));
    }
    // Smooth the lateral border along the height (the columns' edges are bumpy where they end).
    for (int it = 0; it < 4; ++it) {
        std::vector<float> e = edges;
        for (int j = 1; j + 1 < NY; ++j) e[j] = 0.25f * edges[j - 1] + 0.5f * edges[j] + 0.25f * edges[j + 1];
        edges = e;
    }
    // The depth of what lies beneath on a grid, then its upper envelope (the most posterior of each point's
    // neighbours, lightly smoothed without sinking): the sheet bridges the grooves between the columns and
    // clears their bulges between the grid points, as a taut fascia does.
    auto at = [&](int i, int j) {
        const float y = y0 + (y1 - y0) * static_cast<float>(j) / (NY - 1);
        const float xl = std::max(edges[j], 3.0f);
        const float x = 0.3f + (xl - 0.6f) * static_cast<float>(i) / (NX - 1);
        return vec3(x, y, -12.0f);
    };
    std::vector<float> z(NX * NY);
    for (int j = 0; j < NY; ++j)
        for (int i = 0; i < NX; ++i) z[j * NX + i] = drape(under, at(i, j), vec3(0.0f, 0.0f, -1.0f), 0.0f).z;
    std::vector<float> env = z;
    for (int j = 0; j < NY; ++j)
        for (int i = 0; i < NX; ++i)
            for (int dj = -1; dj <= 1; ++dj)
                for (int di = -1; di <= 1; ++di) {
                    const int a = i + di, b = j + dj;
                    if (a >= 0 && b >= 0 && a < NX && b < NY)
                        env[j * NX + i] = std::min(env[j * NX + i], z[b * NX + a]);
                }
    for (int it = 0; it < 2; ++it) {
        std::vector<float> e = env;
        for (int j = 1; j + 1 < NY; ++j)
            for (int i = 1; i + 1 < NX; ++i) {
                const float avg =
                    0.25f * (env[j * NX + i - 1] + env[j * NX + i + 1] + env[(j - 1) * NX + i] + env[(j + 1) * NX + i]);
                e[j * NX + i] = std::min(env[j * NX + i], 0.5f * (env[j * NX + i] + avg));
            }
        env = e;
    }
    std::vector<std::vector<CP>> rows;
    std::vector<CP> raphe;
    const std::vector<const Shape*> side = cols;  // the raphe wraps the columns only, not the ribs
    for (int j = 0; j < NY; ++j) {
        std::vector<CP> row;
        for (int i = 0; i < NX; ++i) {
            const vec3 p = at(i, j);
            row.push_back({vec3(p.x, p.y, env[j * NX + i] - r - 0.1f), r});
        }
        // The lateral raphe: the sheet turns forwards round the erector spinae's lateral border.
        const vec3 last = row.back().p;
        const float xl = std::max(edges[j], 3.0f);
        const vec3 wrap = drape(side, vec3(xl, last.y, last.z + 1.2f), vec3(1.0f, 0.0f, -0.3f), r + 0.1f);
        row.push_back({glm::mix(last, wrap, 0.5f) + vec3(0.2f, 0.0f, -0.05f), r});
        row.push_back({wrap, r});
        raphe.push_back({glm::mix(last, wrap, 0.6f) + vec3(0.12f, 0.0f, 0.0f), 0.3f});
        rows.push_back(row);
    }
    auto s = std::make_unique<Shape>();
    addSheet(*s, rows, 20, 60, 0.3f, false);
    s->group(Op::Union, 0.3f);
    addTube(*s, raphe, 40, 0.0f);
    carve(*s, *out.at("gluteus_maximus"), 0.05f, 0.2f);
    // Between the grid points the sheet would cut the convex posterior crest and sacrum: carved out of them.
    carve(*s, *out.at("hip_bone"), 0.05f, 0.2f);
    carve(*s, *out.at("sacrum"), 0.05f, 0.2f);
    finishLeft(*s);
    return s;
}

// Iliolumbar ligament: from the tip and front of the L5 transverse process out to the inner lip of the
// posterior iliac crest (upper band) and down to the ilium in front of the sacroiliac joint (lower band).
std::unique_ptr<Shape> iliolumbarLigament(const Shapes& out) {
    const Shape& hip = *out.at("hip_bone");
    const Shape& l5 = *out.at("vertebra_L5");
    const Shape& sacrum = *out.at("sacrum");
    const vec3 tip = L("L5_tp");
    const vec3 crest = drape({&hip}, vec3(6.5f, 5.2f, -10.6f), vec3(-1.0f, 0.0f, 0.0f), -0.25f);
    const vec3 ala = drape({&hip}, vec3(6.0f, 3.4f, -9.6f), vec3(-1.0f, 0.0f, 0.15f), -0.25f);
    auto s = std::make_unique<Shape>();
    addTube(*s, {{tip + vec3(-0.6f, 0.1f, 0.0f), 0.42f}, {glm::mix(tip, crest, 0.5f), 0.4f}, {crest, 0.42f}}, 10, 0.0f);
    s->group(Op::Union, 0.3f);
    addTube(*s, {{tip + vec3(-0.5f, -0.2f, 0.1f), 0.38f}, {glm::mix(tip, ala, 0.5f), 0.36f}, {ala, 0.4f}}, 10, 0.0f);
    carve(*s, l5, 0.03f, 0.15f);
    carve(*s, hip, 0.03f, 0.15f);
    carve(*s, sacrum, 0.03f, 0.15f);
    finishLeft(*s);
    return s;
}

// Sacrotuberous ligament: a broad origin on the PSIS, the lower lateral sacrum and the upper coccyx, narrowing
// (and twisting) to the medial margin of the ischial tuberosity, then widening again; it closes the sciatic
// foramina behind. Deep to the gluteus maximus, which arises from it.
std::unique_ptr<Shape> sacrotuberousLigament(const Shapes& out) {
    const Shape& hip = *out.at("hip_bone");
    const Shape& sacrum = *out.at("sacrum");
    const Shape& coccyx = *out.at("coccyx");
    const vec3 back(0.0f, 0.0f, -1.0f);
    const std::vector<vec3> origin = {drape({&hip}, vec3(4.6f, 0.2f, -13.5f), back, 0.1f),
                                      drape({&sacrum, &hip}, vec3(3.4f, -3.8f, -13.2f), back, 0.1f),
                                      drape({&sacrum}, vec3(2.3f, -6.8f, -12.5f), back, 0.1f),
                                      drape({&coccyx, &sacrum}, vec3(1.4f, -8.8f, -11.5f), back, 0.1f)};
    const vec3 it = L("ischial_tuberosity");
    const std::vector<vec3> insertion = {drape({&hip}, it + vec3(-0.3f, 1.8f, -0.6f), vec3(-0.6f, 0.3f, -1.0f), 0.1f),
                                         drape({&hip}, it + vec3(-0.6f, 1.2f, -0.4f), vec3(-0.6f, 0.3f, -1.0f), 0.1f),
                                         drape({&hip}, it + vec3(-0.8f, 0.6f, -0.2f), vec3(-0.6f, 0.3f, -1.0f), 0.1f),
                                         drape({&hip}, it + vec3(-0.9f, 0.1f, 0.0f), vec3(-0.6f, 0.3f, -1.0f), 0.1f)};
    std::vector<std::vector<CP>> rows;
    constexpr int NV = 6;
    for (int j = 0; j < NV; ++j) {
        const float v = static_cast<float>(j) / (NV - 1);
        // Narrowest a little below the middle.
        const float pinch = 1.0f - 0.6f * std::sin(3.14159265f * std::min(v / 0.9f, 1.0f));
        std::vector<CP> row;
        vec3 mid(0.0f);
        for (int i = 0; i < 4; ++i) mid += glm::mix(origin[i], insertion[i], v) * 0.25f;
        for (int i = 0; i < 4; ++i) {
            const vec3 p = glm::mix(origin[i], insertion[i], v);
            row.push_back({mid + (p - mid) * pinch, 0.22f + 0.1f * std::sin(3.14159265f * v)});
        }
        rows.push_back(row);
    }
    auto s = std::make_unique<Shape>();
    addSheet(*s, rows, 8, 16, 0.3f, false);
    carve(*s, hip, 0.03f, 0.15f);
    carve(*s, sacrum, 0.03f, 0.15f);
    carve(*s, coccyx, 0.03f, 0.15f);
    finishLeft(*s);
    return s;
}

// Iliotibial band: from the outer lip of the iliac crest at the tubercle, over the tensor fasciae latae and the
// front of the gluteus medius (as the gluteal aponeurosis), receiving the tensor and the upper gluteus maximus
// at the level of the greater trochanter, then a narrower band down the lateral thigh to the model's lower
// cut. (The vastus lateralis it covers in the thigh is not in the model; the band keeps its place under the
// lateral skin.)
std::unique_ptr<Shape> iliotibialBand(const Shapes& out) {
    const std::vector<const Shape*> under = {out.at("tensor_fasciae_latae").get(), out.at("gluteus_medius").get(),
                                             out.at("gluteus_maximus").get(), out.at("femur").get(),
                                             out.at("hip_bone").get()};
    constexpr float r = 0.18f;
    // Per height: centre z, half-width (front-back), lateral x where nothing lies beneath.
    struct Level {
        float y, z, half, x;
    };
    const std::vector<Level> levels = {{1.6f, -3.6f, 1.4f, 13.6f},   {-2.0f, -4.0f, 2.4f, 14.4f},
                                       {-6.0f, -5.0f, 2.9f, 15.2f},  {-10.0f, -6.0f, 2.8f, 15.6f},
                                       {-14.0f, -6.0f, 2.2f, 15.7f}, {-19.0f, -5.8f, 1.8f, 15.4f},
                                       {-25.0f, -5.6f, 1.6f, 15.0f}, {-31.5f, -5.4f, 1.5f, 14.4f}};
    constexpr int NU = 6;
    std::vector<std::vector<CP>> rows;
    for (const Level& l : levels) {
        std::vector<CP> row;
        for (int i = 0; i < NU; ++i) {
            const float u = static_cast<float>(i) / (NU - 1);
            const float z = l.z + l.half * (1.0f - 2.0f * u);
            const vec3 free(l.x, l.y, z);
            const vec3 d = drape(under, vec3(l.x - 2.0f, l.y, z), vec3(1.0f, 0.0f, 0.0f), r + 0.06f);
            // Draped where something lies beneath (crest to trochanter); below, the band's own course.
            const vec3 p = d.x > l.x - 2.0f ? vec3(std::max(d.x, free.x - 0.6f), l.y, z) : free;
            row.push_back({p, r});
        }
        rows.push_back(row);
    }
    auto s = std::make_unique<Shape>();
    addSheet(*s, rows, 10, 40, 0.3f, false);
    // Draped over the muscles, it needs carving only out of the bones it touches.
    carve(*s, *out.at("hip_bone"), 0.03f, 0.2f);
    carve(*s, *out.at("femur"), 0.03f, 0.2f);
    finishLeft(*s);
    return s;
}

}  // namespace

void buildFasciaLigaments(Shapes& out) {
    auto tlf = thoracolumbarFascia(out);
    auto il = iliolumbarLigament(out);
    auto st = sacrotuberousLigament(out);
    auto itb = iliotibialBand(out);
    out["thoracolumbar_fascia"] = std::move(tlf);
    out["iliolumbar_ligament"] = std::move(il);
    out["sacrotuberous_ligament"] = std::move(st);
    out["iliotibial_band"] = std::move(itb);
}

}  // namespace mg
