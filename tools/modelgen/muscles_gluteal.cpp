// Gluteus minimus, medius and maximus (left): thick fans draped over the ilium and each other,
// converging on the greater trochanter (minimus, medius) and the iliotibial tract / gluteal tuberosity (maximus);
// the deep lateral rotators and the tensor fasciae latae shaped from the measured reference figures.
#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "anatomy.h"

namespace mg {

vec3 drape(const std::vector<const Shape*>& under, const vec3& p, const vec3& dirIn, float offset) {
    const vec3 dir = glm::normalize(dirIn);
    vec3 q = p + dir * 8.0f;
    float t = 0.0f;
    while (t < 16.0f) {
        float d = kFar;
        for (const Shape* s : under) d = std::min(d, s->eval(q));
        if (d < 0.02f) return q + dir * offset;
        const float step = std::clamp(d * 0.8f, 0.02f, 0.5f);
        q -= dir * step;
        t += step;
    }
    return p;
}

namespace {

// Outward from the hip: away from a point inside the pelvis, flattened vertically.
vec3 outFromHip(const vec3& p, const vec3& centre = vec3(4.0f, -5.0f, -4.0f)) {
    vec3 d = p - centre;
    d.y *= 0.35f;
    return glm::normalize(d);
}

using Rows = std::vector<std::vector<CP>>;

// The deep lateral rotators, from above down.
constexpr const char* kRotators[] = {"piriformis", "obturator_internus", "gemellus_superior", "gemellus_inferior",
                                     "quadratus_femoris"};

// 0 below e0, 1 above e1, in between a quintic with zero slope and curvature at both ends.
float smootherstep(float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * t * (t * (6.0f * t - 15.0f) + 10.0f);
}

// Rounds the corner u = v = 0 of the unit square (gluteus maximus: the upper end of its origin on the
// posterior iliac crest): inside the box [0, ua] x [0, va] every point is pulled towards the box's inner
// corner so that the square's edges there become a rounded arc; the map is the identity on the box's
// inner edges, so the rest of the sheet is unchanged.
std::pair<float, float> roundCorner(float u, float v, float ua = 0.18f, float va = 0.15f) {
    if (u >= ua || v >= va) return {u, v};
    const float dx = 1.0f - u / ua, dy = 1.0f - v / va;  // from the inner corner, box units
    const float l2 = std::sqrt(dx * dx + dy * dy);
    if (l2 < 1e-6f) return {u, v};
    const float l4 = std::sqrt(std::sqrt(dx * dx * dx * dx + dy * dy * dy * dy));  // rounded-square norm
    const float s = l4 / l2;                                                       // 1 on the axes, < 1 between
    return {ua * (1.0f - dx * s), va * (1.0f - dy * s)};
}

// A fan: origin row (v = 0), insertion row (v = 1), `mid` intermediate rows interpolated between them and
// draped over `under`; thickness per row and column profile.
Rows fan(const std::vector<vec3>& origin, const std::vector<vec3>& insertion, int mid,
         const std::vector<const Shape*>& under, const std::vector<float>& rowR, const std::vector<float>& colR,
         const vec3& centre, float liftExtra) {
    const int n = static_cast<int>(origin.size());
    Rows rows;
    const int nrows = mid + 2;
    for (int j = 0; j < nrows; ++j) {
        const float v = static_cast<float>(j) / (nrows - 1);
        std::vector<CP> row;
        for (int i = 0; i < n; ++i) {
            const float u = n > 1 ? static_cast<float>(i) / (n - 1) : 0.0f;
            const float insU = u * static_cast<float>(insertion.size() - 1);
            const int i0 = std::min(static_cast<int>(insU), static_cast<int>(insertion.size()) - 2);
            const vec3 ins = glm::mix(insertion[i0], insertion[i0 + 1], insU - static_cast<float>(i0));
            const vec3 p = glm::mix(origin[i], ins, v);
            const float r = catmull(rowR, v) * catmull(colR, u);
            const float lift = r + liftExtra * std::sin(3.14159265f * v);
            row.push_back({drape(under, p, outFromHip(p, centre), lift), r});
        }
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

std::unique_ptr<Shape> referenceMuscle(const char* id, const RefOptions& o) {
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(referenceBody(id, o));
    return s;
}

void finishLeft(Shape& s) {
    // Left side only: never cross the midline.
    s.group(Op::Intersect, 0.0f);
    s.add(halfSpace(vec3(-1, 0, 0), -0.15f));
    s.finalize(2.0f);
}

void buildGluteals(Shapes& out) {
    const Shape& hip = *out.at("hip_bone");
    const Shape& femur = *out.at("femur");
    const Shape& sacrum = *out.at("sacrum");
    const Shape& coccyx = *out.at("coccyx");

    // Gluteus minimus: ilium between the anterior and inferior gluteal lines -> front of the greater trochanter.
    auto gmin = std::make_unique<Shape>();
    {
        // From the front of the ilium behind the ASIS, below the anterior gluteal line, back to the inferior
        // gluteal line above the greater sciatic notch; (measured figures: up to y 2.2, from x 6.3, z -9.2 to
        // -3.2) -> the anterior facet of the greater trochanter, in front of the medius tendon.
        const std::vector<vec3> origin = {{12.6f, 0.2f, -3.4f},
                                          {12.1f, 2.1f, -5.4f},
                                          {10.4f, 2.2f, -7.6f},
                                          {8.2f, 0.2f, -9.0f},
                                          {6.9f, -3.0f, -9.2f}};
        const std::vector<vec3> ins = {{13.9f, -9.0f, -5.8f}, {14.3f, -9.8f, -6.6f}, {14.0f, -10.4f, -7.4f}};
        Rows rows = fan(origin, ins, 2, {&hip, &femur}, {0.45f, 0.8f, 0.75f, 0.35f}, {0.6f, 1.0f, 1.0f, 1.0f, 0.6f},
                        vec3(4.0f, -5.0f, -4.0f), 0.0f);
        // Origin and insertion rows sit on the bone (the half inside is carved away).
        for (CP& c : rows.front()) c.p = drape({&hip}, c.p, outFromHip(c.p), 0.1f);
        for (CP& c : rows.back()) c.p = drape({&femur}, c.p, vec3(0.6f, 0.5f, 0.6f), 0.1f);
        addSheet(*gmin, rows, 16, 20, 0.6f, true);
        carve(*gmin, hip, 0.03f, 0.25f);
        carve(*gmin, femur, 0.03f, 0.25f);
        finishLeft(*gmin);
    }
    // A deep lateral rotator lofted through its measured sections, carved out of the bones.
    auto rotator = [&](const char* id) {
        RefOptions o;
        o.fibre = vec3(1.0f, -0.15f, 0.25f);  // transverse, out to the trochanter
        // The gemelli's measured sections are thin slivers where they leave the ischial spine: made fuller.
        if (std::string_view(id) == "gemellus_superior") o.minDepth = 0.5f;
        // The gemellus inferior is only 2 cm tall and its measured top is the -9 cm row itself: its upper end
        // reaches a little beyond (not short of it by the rounding, the gemellus superior pressing on it and the
        // femoral neck's base carving its lateral end).
        if (std::string_view(id) == "gemellus_inferior") o.reach = 0.15f;
        // The obturator internus's highest measured slip would lie in our hip bone above the obturator canal.
        if (std::string_view(id) == "obturator_internus") o.yhi = -6.75f;
        auto m = referenceMuscle(id, o);
        carve(*m, hip, 0.05f, 0.2f);
        carve(*m, femur, 0.05f, 0.2f);
        carve(*m, sacrum, 0.05f, 0.2f);
        carve(*m, coccyx, 0.05f, 0.2f);
        return m;
    };
    // Piriformis: front of the sacrum, out through the greater sciatic foramen below the medius's lower border, to
    // the top of the greater trochanter; built before the medius, which is carved out of it.
    auto piriformis = rotator("piriformis");
    carve(*piriformis, *gmin, 0.06f, 0.2f);
    finishLeft(*piriformis);
    // Gluteus medius: outer ilium below the crest, between the anterior and posterior gluteal lines ->
    // lateral and superoposterior facet of the greater trochanter.
    // The superior gluteal nerve and vessels on the minimus, under the medius (carved out of them below).
    buildSuperiorGluteal(out, *gmin);
    auto gmed = std::make_unique<Shape>();
    {
        // The whole gluteal surface: from just below the crest behind the tubercle, along the crest, and down the
        // posterior gluteal line (measured figures: up to y 5.0, from x 5.6, z -12.1 to -3.1) -> the lateral
        // and superoposterior facets of the greater trochanter.
        const std::vector<vec3> origin = {{13.0f, 0.4f, -3.6f}, {13.6f, 2.0f, -4.6f}, {12.6f, 3.8f, -6.4f},
                                          {10.4f, 4.8f, -8.8f}, {8.0f, 4.0f, -10.8f}, {6.2f, 2.0f, -12.0f},
                                          {6.3f, -3.0f, -12.0f}};
        const std::vector<vec3> ins = {{14.4f, -9.0f, -7.4f}, {14.4f, -10.0f, -7.9f}, {13.8f, -10.8f, -8.6f}};
        Rows rows = fan(origin, ins, 2, {&hip, gmin.get(), &femur}, {0.6f, 1.25f, 1.15f, 0.45f},
                        {0.55f, 1.0f, 1.0f, 1.0f, 1.0f, 0.9f, 0.55f}, vec3(4.0f, -5.0f, -4.0f), 0.0f);
        for (CP& c : rows.front()) c.p = drape({&hip}, c.p, outFromHip(c.p), 0.15f);
        for (CP& c : rows.back()) c.p = drape({&femur}, c.p, vec3(1.0f, 0.4f, -0.2f), 0.15f);
        addSheet(*gmed, rows, 18, 22, 0.6f, true);
        carve(*gmed, hip, 0.05f, 0.25f);
        carve(*gmed, femur, 0.05f, 0.25f);
        carve(*gmed, *gmin, 0.08f, 0.3f);
        carve(*gmed, *out.at("superior_gluteal_nerve"), 0.05f, 0.2f);
        carve(*gmed, *out.at("superior_gluteal_vessels"), 0.05f, 0.2f);
        carve(*gmed, *piriformis, 0.06f, 0.25f);
        finishLeft(*gmed);
    }
    // The other deep lateral rotators below the medius, deep to the maximus, from above down: gemellus superior,
    // obturator internus (its tendon between the gemelli, its belly inside the pelvis on the obturator
    // membrane), gemellus inferior, quadratus femoris (ischial tuberosity -> intertrochanteric crest). Lofted
    // through their measured sections, each carved out of the bones and the one above it; the maximus is draped over
    // them and carved out of them.
    const Shape* above = piriformis.get();
    out["piriformis"] = std::move(piriformis);
    // The obturator internus without its tendon: what the gemelli are carved out of (they blend with the tendon
    // laterally, inserting with it into the trochanteric fossa).
    std::unique_ptr<Shape> oiBelly;
    for (const char* id : kRotators) {
        if (std::string_view(id) == "piriformis") continue;
        auto m = rotator(id);
        if (std::string_view(id) == "obturator_internus") {
            oiBelly = rotator(id);
            carve(*oiBelly, *above, 0.06f, 0.2f);
            finishLeft(*oiBelly);
            // Its tendon: out of the pelvis round the lesser sciatic notch (turning almost a right angle on its
            // cartilage-covered groove), then back and out between the gemelli to the trochanteric fossa, at the
            // height measured (the levels every 2 cm miss it).
            m->group(Op::Union, 0.4f);
            addTube(*m,
                    {{vec3(3.9f, -9.3f, -8.4f), 0.55f},
                     {vec3(4.4f, -9.3f, -10.2f), 0.5f},
                     {vec3(5.6f, -9.2f, -10.7f), 0.45f},
                     {vec3(7.6f, -9.25f, -10.0f), 0.42f},
                     {vec3(9.3f, -9.35f, -8.9f), 0.38f}},
                    20, 0.0f);
            carve(*m, hip, 0.05f, 0.2f);
            carve(*m, femur, 0.05f, 0.2f);
        }
        if (std::string_view(id) == "gemellus_superior") {
            // Its belly as one spindle along the measured course, ischial spine -> over the obturator tendon -> the
            // medial face of the greater trochanter, ending in the trochanteric fossa: whole where the piriformis and
            // the tendon press on it.
            m->group(Op::Union, 0.4f);
            addTube(*m,
                    {{vec3(4.7f, -7.4f, -10.3f), 0.45f},
                     {vec3(7.0f, -8.1f, -9.5f), 0.6f},
                     {vec3(8.9f, -8.25f, -8.45f), 0.45f},
                     {vec3(10.6f, -8.7f, -7.9f), 0.42f},
                     {vec3(11.75f, -8.95f, -7.1f), 0.38f}},
                    20, 0.0f);
            carve(*m, hip, 0.05f, 0.2f);
            carve(*m, femur, 0.05f, 0.2f);
            // Its upper border slopes down laterally, under the piriformis (measured: x 6.4 at 7 cm below the ASIS,
            // 9.6 at 8, 12.2 at 9; its front, lateral part a little lower).
            m->group(Op::Intersect, 0.3f);
            m->add(halfSpace(glm::normalize(vec3(0.36f, 1.0f, 0.0f)), -4.46f));
        }
        const bool gemellus = std::string_view(id).rfind("gemellus", 0) == 0;
        carve(*m, gemellus && above == out.at("obturator_internus").get() ? *oiBelly : *above, 0.06f, 0.2f);
        if (above != out.at("piriformis").get()) carve(*m, *out.at("piriformis"), 0.06f, 0.2f);
        if (gemellus) carve(*m, *oiBelly, 0.06f, 0.2f);
        if (std::string_view(id) == "quadratus_femoris") carve(*m, *out.at("gemellus_inferior"), 0.06f, 0.2f);
        finishLeft(*m);
        above = m.get();
        out[id] = std::move(m);
    }
    out["obturator_internus_belly"] = std::move(oiBelly);  // kept alive for the gemelli (not meshed)

    // Gluteus maximus: posterior ilium, sacrum, coccyx, sacrotuberous ligament -> iliotibial tract (upper and
    // superficial fibres, over the greater trochanter) and gluteal tuberosity (lower deep fibres). A thick,
    // rounded quadrilateral: fibres 35-45 degrees below horizontal, upper border from the posterior crest to the
    // trochanter, lower border bowed down to the gluteal fold, thickest in the middle (the buttock); its lateral
    // fifth a broad flat tendinous band over the trochanter, ending in a broad edge on the lateral thigh.
    // The sciatic nerve on the rotators, under the maximus (its deep face is carved out of the nerve).
    out["sciatic_nerve"] = sciaticNerve(out);
    auto gmax = std::make_unique<Shape>();
    {
        std::vector<const Shape*> under = {&hip, gmed.get(), gmin.get(), &femur, &sacrum, &coccyx};
        for (const char* r : kRotators) under.push_back(out.at(r).get());
        // Origin border (top -> bottom): posterior iliac crest behind the posterior gluteal line, PSIS, side of
        // the sacrum, lower sacrum, side of the coccyx, sacrotuberous ligament. Insertion border (top -> bottom):
        // iliotibial tract just above and over the greater trochanter, down to the gluteal tuberosity. Both
        // about 16 cm long, so the fibres run parallel, 35-50 degrees below horizontal.
        // (Measured figures: the upper border from x 6-7 at y 3 to x 14 at y -6, so the anterior part of the
        // medius stays uncovered; at most x 14.1, narrowing to x 10-11.5 at y -20.)
        const std::vector<vec3> O = {{6.4f, 2.2f, -12.0f},  {4.9f, 0.9f, -14.2f},  {3.4f, -2.8f, -14.6f},
                                     {2.3f, -6.2f, -14.2f}, {1.6f, -9.8f, -13.2f}, {3.0f, -12.6f, -11.8f}};
        const std::vector<vec3> I = {{14.0f, -7.6f, -7.4f},  {14.4f, -8.8f, -7.2f},  {14.2f, -11.8f, -7.4f},
                                     {13.6f, -14.8f, -7.8f}, {12.8f, -17.8f, -8.0f}, {11.6f, -20.6f, -7.8f}};
        constexpr int NU = 11, NV = 15;
        const float pi = 3.14159265f;
        std::vector<vec3> base(NU * NV), dir(NU * NV);
        std::vector<float> depth(NU * NV);
        auto id = [&](int i, int j) { return j * NU + i; };
        for (int j = 0; j < NV; ++j)
            for (int i = 0; i < NU; ++i) {
                const float u = static_cast<float>(i) / (NU - 1), v = static_cast<float>(j) / (NV - 1);
                const auto [ru, rv] = roundCorner(u, v);
                vec3 p = glm::mix(catmull(O, ru), catmull(I, ru), rv);
                // Fibres sag slightly (convex downwards), most along the lower border: the buttock's lower curve;
                // the upper border runs straight.
                p.y -= 1.9f * ru * ru * std::sin(pi * rv);
                vec3 d = outFromHip(p, vec3(6.0f, -8.0f, -3.0f));
                if (j == 0) d = glm::normalize(vec3(0.3f, 0.0f, -1.0f));
                if (j == NV - 1) d = glm::normalize(vec3(1.0f, 0.0f, -0.3f));
                const vec3 q = drape(under, p, d, 0.0f);
                base[id(i, j)] = p;
                dir[id(i, j)] = d;
                depth[id(i, j)] = glm::dot(q - p, d);
            }
        // One Laplacian relaxation step on the grid, `iterations` times; keepBumps: values only rise.
        auto relax = [&](std::vector<float>& f, int iterations, bool keepBumps) {
            for (int it = 0; it < iterations; ++it) {
                std::vector<float> nf = f;
                for (int j = 0; j < NV; ++j)
                    for (int i = 0; i < NU; ++i) {
                        float sum = 0.0f;
                        int n = 0;
                        for (const auto& [di, dj] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
                            const int a = i + di, b = j + dj;
                            if (a < 0 || b < 0 || a >= NU || b >= NV) continue;
                            sum += f[id(a, b)];
                            ++n;
                        }
                        const float avg = 0.5f * f[id(i, j)] + 0.5f * sum / n;
                        nf[id(i, j)] = keepBumps ? std::max(f[id(i, j)], avg) : avg;
                    }
                f = nf;
            }
        };
        // Upper-envelope smoothing of the bed: gaps (sciatic notch, between ischium and femur) are bridged,
        // bumps are kept, so the muscle never dips into a hole.
        relax(depth, 6, true);
        // The bed with its bumps widened and rounded (a dilation, then a light smoothing): the thin tendinous band
        // lies over them (the trochanter shows through it) instead of being carved through.
        std::vector<float> envelope = depth;
        for (int j = 0; j < NV; ++j)
            for (int i = 0; i < NU; ++i)
                for (int dj = -1; dj <= 1; ++dj)
                    for (int di = -1; di <= 1; ++di) {
                        const int a = i + di, b = j + dj;
                        if (a >= 0 && b >= 0 && a < NU && b < NV)
                            envelope[id(i, j)] = std::max(envelope[id(i, j)], depth[id(a, b)]);
                    }
        relax(envelope, 3, false);
        // Then a plain smoothing of the bed: the outer surface is a smooth dome; where the bed lies
        // deeper than a bone or a deeper muscle the muscle is carved there (its inner face follows them).
        relax(depth, 12, false);
        // Inner face (bed) and half-thickness of every grid point.
        std::vector<float> inner(NU * NV), half(NU * NV);
        for (int j = 0; j < NV; ++j)
            for (int i = 0; i < NU; ++i) {
                const float u = static_cast<float>(i) / (NU - 1), v = static_cast<float>(j) / (NV - 1);
                // Half-thickness: a fleshy belly (flat across, still about 2 cm thick near its upper and lower
                // borders and at the origin line, about 4 cm at the middle) thinning gradually (zero slope at
                // both ends of the taper) to the musculotendinous junction vT, then a broad flat tendinous band
                // of even thickness running down and laterally over the greater trochanter into the iliotibial
                // tract and, below, onto the gluteal tuberosity; its end is a broad edge, not a point.
                constexpr float vT = 0.84f, band = 0.22f;
                // (sin(pi) is slightly negative in float: clamp before the fractional power.)
                const float bu = std::pow(std::max(std::sin(pi * (0.04f + 0.92f * u)), 0.0f), 0.4f);
                const float rise = 0.55f + 0.45f * std::sin(0.5f * pi * std::min(v / 0.28f, 1.0f));
                const float bv = rise * (1.0f - smootherstep(0.3f, vT, v));
                const float rim = 0.45f + (band - 0.45f) * smootherstep(0.35f, vT, v);
                half[id(i, j)] = rim + (1.25f + 0.45f * u) * bu * bv;
                // The thin band must not dip into the trochanter (it would be carved through).
                const float t = smootherstep(0.45f, vT, v);
                inner[id(i, j)] = glm::mix(depth[id(i, j)], std::max(depth[id(i, j)], envelope[id(i, j)]) + 0.1f, t);
            }
        // The band rises over the trochanter just beyond the point where the belly has thinned: fill the valley
        // between them along the fibres (the outer face only rises where it is concave), so the belly runs
        // smoothly onto the band with no groove or step.
        std::vector<float> outer(NU * NV);
        for (int k = 0; k < NU * NV; ++k) outer[k] = inner[k] + 2.0f * half[k];
        for (int it = 0; it < 10; ++it) {
            std::vector<float> next = outer;
            for (int j = 1; j + 1 < NV; ++j)
                for (int i = 0; i < NU; ++i) {
                    const float avg = 0.5f * outer[id(i, j)] + 0.25f * (outer[id(i, j - 1)] + outer[id(i, j + 1)]);
                    next[id(i, j)] = std::max(outer[id(i, j)], avg);
                }
            outer = next;
        }
        Rows rows(NV);
        for (int j = 0; j < NV; ++j)
            for (int i = 0; i < NU; ++i) {
                const float r = std::max(0.5f * (outer[id(i, j)] - inner[id(i, j)]), half[id(i, j)]);
                const vec3 d = dir[id(i, j)];
                rows[j].push_back({base[id(i, j)] + d * (inner[id(i, j)] + r + 0.1f), r});
            }
        addSheet(*gmax, rows, 24, 26, 0.8f, true);
        carve(*gmax, hip, 0.05f, 0.3f);
        carve(*gmax, femur, 0.05f, 0.3f);
        carve(*gmax, sacrum, 0.05f, 0.3f);
        carve(*gmax, coccyx, 0.05f, 0.3f);
        carve(*gmax, *gmed, 0.08f, 0.4f);
        carve(*gmax, *gmin, 0.08f, 0.4f);
        for (const char* r : kRotators) carve(*gmax, *out.at(r), 0.06f, 0.3f);
        carve(*gmax, *out.at("sciatic_nerve"), 0.06f, 0.3f);
        finishLeft(*gmax);
    }
    // Tensor fasciae latae: the outer lip of the crest behind the ASIS -> the iliotibial band below the
    // trochanter; in front of the gluteus medius.
    RefOptions tflOpt;
    tflOpt.fibre = vec3(0.15f, -1.0f, -0.15f);
    auto tfl = referenceMuscle("tensor_fasciae_latae", tflOpt);
    carve(*tfl, hip, 0.05f, 0.25f);
    carve(*tfl, femur, 0.05f, 0.25f);
    carve(*tfl, *gmed, 0.06f, 0.25f);
    carve(*tfl, *gmin, 0.06f, 0.25f);
    finishLeft(*tfl);
    out["tensor_fasciae_latae"] = std::move(tfl);
    out["gluteus_minimus"] = std::move(gmin);
    out["gluteus_medius"] = std::move(gmed);
    out["gluteus_maximus"] = std::move(gmax);
}

}  // namespace mg
