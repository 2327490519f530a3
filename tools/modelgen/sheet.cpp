#include "sheet.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <vector>

#include "fitted_types.h"

namespace mg {

namespace {

using namespace fitted;

constexpr float kDeg = 0.017453293f;
constexpr float kAxisZ = -4.5f;  // the trunk's axis (x = 0, z = kAxisZ): phi and rho are measured round it
constexpr float kPhi0 = -10.0f, kDphi = 2.0f;
constexpr int kNphi = 101;  // -10 .. 190 degrees
constexpr float kDy = 0.5f;
constexpr float kGridY0 = -12.5f;  // every sheet's grid starts here (below the lowest measured level)
constexpr float kExp = 2.0f / 2.4f;

float spow(float v) {
    return v >= 0.0f ? std::pow(v, kExp) : -std::pow(-v, kExp);
}

// A point of a fitted level's arc (x, z): see fitted_types.h.
glm::vec2 arcPoint(const SheetLevel& l, float thDeg) {
    const float s = std::sin(thDeg * kDeg), c = std::cos(thDeg * kDeg);
    return {l.x0 + l.a * spow(s), l.zc + (c >= 0.0f ? l.bf : l.bb) * spow(c)};
}

// Separable Gaussian blur of a row-major grid (rows = y, columns = phi), clamped at the borders.
void blur(std::vector<float>& a, int ny, int nx, float sx, float sy) {
    auto kernel = [](float s) {
        std::vector<float> k;
        if (s <= 0.0f) return std::vector<float>{1.0f};
        const int r = static_cast<int>(std::ceil(3.0f * s));
        float sum = 0.0f;
        for (int i = -r; i <= r; ++i)
            k.push_back(std::exp(-0.5f * static_cast<float>(i * i) / (s * s))), sum += k.back();
        for (float& v : k) v /= sum;
        return k;
    };
    const std::vector<float> kx = kernel(sx), ky = kernel(sy);
    const int rx = static_cast<int>(kx.size() / 2), ry = static_cast<int>(ky.size() / 2);
    std::vector<float> tmp(a.size());
    for (int r = 0; r < ny; ++r)
        for (int c = 0; c < nx; ++c) {
            float v = 0.0f;
            for (int i = -rx; i <= rx; ++i)
                v += kx[static_cast<std::size_t>(i + rx)] *
                     a[static_cast<std::size_t>(r * nx + std::clamp(c + i, 0, nx - 1))];
            tmp[static_cast<std::size_t>(r * nx + c)] = v;
        }
    for (int r = 0; r < ny; ++r)
        for (int c = 0; c < nx; ++c) {
            float v = 0.0f;
            for (int i = -ry; i <= ry; ++i)
                v += ky[static_cast<std::size_t>(i + ry)] *
                     tmp[static_cast<std::size_t>(std::clamp(r + i, 0, ny - 1) * nx + c)];
            a[static_cast<std::size_t>(r * nx + c)] = v;
        }
}

// Largest value within rx columns and ry rows.
void dilate(std::vector<float>& a, int ny, int nx, int rx, int ry) {
    const std::vector<float> src = a;
    for (int r = 0; r < ny; ++r)
        for (int c = 0; c < nx; ++c) {
            float m = -std::numeric_limits<float>::max();
            for (int j = std::max(0, r - ry); j <= std::min(ny - 1, r + ry); ++j)
                for (int i = std::max(0, c - rx); i <= std::min(nx - 1, c + rx); ++i)
                    m = std::max(m, src[static_cast<std::size_t>(j * nx + i)]);
            a[static_cast<std::size_t>(r * nx + c)] = m;
        }
}

}  // namespace

struct SheetGrid {
    float y0 = 0.0f;
    int ny = 0;
    float yhi = 1e6f;
    float fibreAngle = 90.0f;
    std::vector<float> R, Rp, Ry, t, M, e;  // per cell (row y, column phi): radius, dR/dphi (per radian), dR/dy,
                                            // thickness, outline mask (0..1), distance to the outline (cm)
    std::vector<float> push;                // how far draping moved the radius out
    bool floor = false;                     // the sheet ends below y = floorY + floorK * min(x, floorX)
    float floorY = 0.0f, floorK = 0.0f, floorX = 0.0f;
    std::vector<float> cutY;  // per column: the sheet ends below this height (-1e3: nowhere)
    Box box;

    std::size_t at(int r, int c) const { return static_cast<std::size_t>(r * kNphi + c); }
    float yOf(int r) const { return y0 + kDy * static_cast<float>(r); }
    static float phiOf(int c) { return kPhi0 + kDphi * static_cast<float>(c); }
    static vec3 point(float rho, float phi, float y) {
        return vec3(rho * std::sin(phi * kDeg), y, kAxisZ + rho * std::cos(phi * kDeg));
    }
    // Bilinear lookup (clamped to the grid).
    float sample(const std::vector<float>& a, float phi, float y) const {
        const float fc = std::clamp((phi - kPhi0) / kDphi, 0.0f, static_cast<float>(kNphi - 1) - 1e-3f);
        const float fr = std::clamp((y - y0) / kDy, 0.0f, static_cast<float>(ny - 1) - 1e-3f);
        const int c = static_cast<int>(fc), r = static_cast<int>(fr);
        const float u = fc - static_cast<float>(c), v = fr - static_cast<float>(r);
        return (1.0f - v) * ((1.0f - u) * a[at(r, c)] + u * a[at(r, c + 1)]) +
               v * ((1.0f - u) * a[at(r + 1, c)] + u * a[at(r + 1, c + 1)]);
    }
    float cutAt(float phi) const {
        const float fc = std::clamp((phi - kPhi0) / kDphi, 0.0f, static_cast<float>(kNphi - 1) - 1e-3f);
        const int c = static_cast<int>(fc);
        const float u = fc - static_cast<float>(c);
        return (1.0f - u) * cutY[static_cast<std::size_t>(c)] + u * cutY[static_cast<std::size_t>(c + 1)];
    }
    bool inside(float y) const { return y >= y0 && y <= yOf(ny - 1); }
    void derivatives() {
        Rp.assign(R.size(), 0.0f);
        Ry.assign(R.size(), 0.0f);
        for (int r = 0; r < ny; ++r)
            for (int c = 0; c < kNphi; ++c) {
                const int c0 = std::max(c - 1, 0), c1 = std::min(c + 1, kNphi - 1);
                const int r0 = std::max(r - 1, 0), r1 = std::min(r + 1, ny - 1);
                Rp[at(r, c)] = (R[at(r, c1)] - R[at(r, c0)]) / (static_cast<float>(c1 - c0) * kDphi * kDeg);
                Ry[at(r, c)] = r1 > r0 ? (R[at(r1, c)] - R[at(r0, c)]) / (static_cast<float>(r1 - r0) * kDy) : 0.0f;
            }
    }
};

namespace {

constexpr float kNone = std::numeric_limits<float>::quiet_NaN();

// The fitted levels as rows of the grid: radius (round the axis) and coverage per column.
void rowsFromLevels(const FitSheet& f, SheetGrid& g) {
    const std::size_t nl = f.count;
    std::vector<std::vector<float>> lr(nl, std::vector<float>(kNphi, kNone));
    for (std::size_t i = 0; i < nl; ++i) {
        const SheetLevel& l = f.levels[i];
        std::vector<float>& row = lr[i];
        constexpr int kSamples = 400;
        for (int s = 0; s < kSamples; ++s) {
            const glm::vec2 p = arcPoint(l, l.th0 + (l.th1 - l.th0) * static_cast<float>(s) / (kSamples - 1));
            float phi = std::atan2(p.x, p.y - kAxisZ) / kDeg;
            if (phi < -90.0f) phi += 360.0f;
            const int c = static_cast<int>(std::lround((phi - kPhi0) / kDphi));
            if (c < 2 || c > kNphi - 3) continue;
            const float rho = glm::length(glm::vec2(p.x, p.y - kAxisZ));
            float& v = row[static_cast<std::size_t>(c)];
            v = std::isnan(v) ? rho : std::max(v, rho);
        }
        // Gaps between covered columns: linear between their neighbours.
        int last = -1;
        for (int c = 0; c < kNphi; ++c) {
            if (std::isnan(row[static_cast<std::size_t>(c)])) continue;
            if (last >= 0 && c - last > 1)
                for (int k = last + 1; k < c; ++k)
                    row[static_cast<std::size_t>(k)] =
                        row[static_cast<std::size_t>(last)] +
                        (row[static_cast<std::size_t>(c)] - row[static_cast<std::size_t>(last)]) *
                            static_cast<float>(k - last) / static_cast<float>(c - last);
            last = c;
        }
    }
    g.R.assign(static_cast<std::size_t>(g.ny * kNphi), kNone);
    g.M.assign(g.R.size(), 0.0f);
    for (int r = 0; r < g.ny; ++r) {
        const float y = g.yOf(r);
        if (y < f.ylo || y > f.yhi) continue;
        std::size_t i0 = 0, i1 = 0;
        float u = 0.0f;
        if (y <= f.levels[0].y) {
            i0 = i1 = 0;
        } else if (y >= f.levels[nl - 1].y) {
            i0 = i1 = nl - 1;
        } else {
            while (i1 + 1 < nl && f.levels[i1].y < y) ++i1;
            i0 = i1 - 1;
            u = (y - f.levels[i0].y) / (f.levels[i1].y - f.levels[i0].y);
        }
        for (int c = 0; c < kNphi; ++c) {
            const float a = lr[i0][static_cast<std::size_t>(c)], b = lr[i1][static_cast<std::size_t>(c)];
            const bool ha = !std::isnan(a), hb = !std::isnan(b);
            g.M[g.at(r, c)] = (1.0f - u) * (ha ? 1.0f : 0.0f) + u * (hb ? 1.0f : 0.0f);
            g.R[g.at(r, c)] = ha && hb ? (1.0f - u) * a + u * b : ha ? a : hb ? b : kNone;
        }
    }
    // Radius where no level says anything: the nearest known one in the row, then in the column.
    for (int r = 0; r < g.ny; ++r) {
        int known = -1;
        for (int c = 0; c < kNphi; ++c)
            if (!std::isnan(g.R[g.at(r, c)])) known = c;
        if (known < 0) continue;
        for (int c = 0; c < kNphi; ++c) {
            if (!std::isnan(g.R[g.at(r, c)])) continue;
            int best = -1;
            for (int d = 1; d < kNphi && best < 0; ++d) {
                if (c - d >= 0 && !std::isnan(g.R[g.at(r, c - d)])) best = c - d;
                if (best < 0 && c + d < kNphi && !std::isnan(g.R[g.at(r, c + d)])) best = c + d;
            }
            g.R[g.at(r, c)] = g.R[g.at(r, best)];
        }
    }
    for (int c = 0; c < kNphi; ++c) {
        for (int r = 0; r < g.ny; ++r) {
            if (!std::isnan(g.R[g.at(r, c)])) continue;
            int best = -1;
            for (int d = 1; d < g.ny && best < 0; ++d) {
                if (r - d >= 0 && !std::isnan(g.R[g.at(r - d, c)])) best = r - d;
                if (best < 0 && r + d < g.ny && !std::isnan(g.R[g.at(r + d, c)])) best = r + d;
            }
            g.R[g.at(r, c)] = best >= 0 ? g.R[g.at(best, c)] : 10.0f;
        }
    }
}

float minEval(const std::vector<const Shape*>& shapes, const vec3& p) {
    float d = kFar;
    for (const Shape* s : shapes) d = std::min(d, s->eval(p));
    return d;
}

// Moves the middle surface out where it would come closer than the gap to what it lies on.
std::vector<float> drape(SheetGrid& g, const SheetOptions& o) {
    std::vector<float> push(g.R.size(), 0.0f);
    for (int r = 0; r < g.ny; ++r)
        for (int c = 0; c < kNphi; ++c) {
            const std::size_t i = g.at(r, c);
            if (g.M[i] < 0.35f) continue;
            const float y = g.yOf(r), phi = SheetGrid::phiOf(c), R = g.R[i];
            const float need = 0.5f * g.t[i] + o.gap;
            float want = R;
            for (const auto& og : o.over) {
                if (!og->inside(y) || og->sample(og->M, phi, y) < 0.35f) continue;
                want = std::max(want, og->sample(og->R, phi, y) + 0.5f * og->sample(og->t, phi, y) + need);
            }
            if (!o.under.empty()) {
                // From 4 cm outside inwards along the ray: the outermost place closer than `need` to any of them.
                for (float rho = R + 4.0f; rho > R - need;) {
                    const float d = minEval(o.under, SheetGrid::point(rho, phi, y));
                    if (d < need) {
                        want = std::max(want, rho + 0.1f);
                        break;
                    }
                    rho -= std::clamp(d - need, 0.1f, 1.5f);
                }
            }
            push[i] = std::min(want - R, 4.0f);
        }
    // Spread wide (a gentle swelling over a rib's tip, not a lump), in two passes: the second makes up what the
    // first's blur took off the peaks.
    std::vector<float> total(push.size(), 0.0f), rest = push;
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<float> p = rest;
        dilate(p, g.ny, kNphi, 4, 3);
        blur(p, g.ny, kNphi, 3.0f, 2.5f);
        for (std::size_t i = 0; i < p.size(); ++i) {
            total[i] += p[i];
            rest[i] = std::max(0.0f, push[i] - total[i]);
        }
    }
    for (std::size_t i = 0; i < g.R.size(); ++i) g.R[i] += total[i];
    return total;
}

// Per column, the height below which the sheet would meet one of o.stopAt (coming down from the top), raised a
// little and smoothed round the trunk so the sheet ends on a smooth line clear of them.
void stopAbove(SheetGrid& g, const SheetOptions& o) {
    g.cutY.assign(kNphi, -1e3f);
    if (o.stopAt.empty()) return;
    std::vector<float> cut(kNphi, g.y0 - 2.0f);
    for (int c = 0; c < kNphi; ++c)
        for (int r = g.ny - 1; r >= 0; --r) {
            const std::size_t i = g.at(r, c);
            if (g.M[i] < 0.2f) continue;
            const float phi = SheetGrid::phiOf(c), y = g.yOf(r), h = 0.5f * g.t[i];
            float d = kFar;
            for (float s : {-h, 0.0f, h}) d = std::min(d, minEval(o.stopAt, SheetGrid::point(g.R[i] + s, phi, y)));
            if (d < h + o.gap + 0.15f) {
                cut[static_cast<std::size_t>(c)] = y + 0.6f;
                break;
            }
        }
    std::vector<float> tmp = cut;
    dilate(tmp, 1, kNphi, 3, 0);
    blur(tmp, 1, kNphi, 1.5f, 0.0f);
    for (int c = 0; c < kNphi; ++c)
        g.cutY[static_cast<std::size_t>(c)] =
            std::max(tmp[static_cast<std::size_t>(c)], cut[static_cast<std::size_t>(c)]);
}

class SheetBody final : public Prim {
public:
    explicit SheetBody(std::shared_ptr<const SheetGrid> g) : g_(std::move(g)) {}

    float dist(const vec3& p) const override {
        const SheetGrid& g = *g_;
        const float dx = p.x, dz = p.z - kAxisZ;
        const float rho = std::sqrt(dx * dx + dz * dz);
        float phi = std::atan2(dx, dz) / kDeg;
        if (phi < -90.0f) phi += 360.0f;
        const float R = g.sample(g.R, phi, p.y), t = g.sample(g.t, phi, p.y);
        const float rp = g.sample(g.Rp, phi, p.y) / std::max(rho, 1.0f), ry = g.sample(g.Ry, phi, p.y);
        const float dn = std::fabs(rho - R) / std::sqrt(1.0f + rp * rp + ry * ry) - 0.5f * t;
        // Distance to the outline within the surface: the smoothed outline, the flat top, the line above the bones,
        // and beyond the grid.
        float e = g.sample(g.e, phi, p.y);
        e = smax(e, p.y - g.yhi, 0.3f);
        e = smax(e, g.cutAt(phi) - p.y, 0.4f);
        if (g.floor) e = smax(e, g.floorY + g.floorK * std::min(p.x, g.floorX) - p.y, 0.4f);
        const float beyond = std::max({kPhi0 + 2.0f * kDphi - phi, phi - (kPhi0 + kDphi * (kNphi - 3))}) * kDeg * rho;
        e = std::max({e, beyond, g.y0 - p.y, p.y - g.yOf(g.ny - 1)});
        const float rim = 0.45f * t;
        const glm::vec2 q(dn + rim, e + rim);
        const float d = glm::length(glm::max(q, glm::vec2(0.0f))) + std::min(std::max(q.x, q.y), 0.0f) - rim;
        return 0.8f * d;
    }

    Box box() const override { return g_->box; }

    bool fibre(const vec3& p, vec3& dir) const override {
        const SheetGrid& g = *g_;
        float phi = std::atan2(p.x, p.z - kAxisZ) / kDeg;
        if (phi < -90.0f) phi += 360.0f;
        const float R = g.sample(g.R, phi, p.y), rp = g.sample(g.Rp, phi, p.y);
        const float s = std::sin(phi * kDeg), c = std::cos(phi * kDeg);
        glm::vec2 tan(rp * s + R * c, rp * c - R * s);  // d(x, z)/d(phi): front -> back
        if (glm::dot(tan, tan) < 1e-12f) tan = glm::vec2(0.0f, -1.0f);
        tan = glm::normalize(tan);
        const float a = g.fibreAngle * kDeg;
        dir = glm::normalize(vec3(tan.x * std::cos(a), std::sin(a), tan.y * std::cos(a)));
        return true;
    }

private:
    std::shared_ptr<const SheetGrid> g_;
};

}  // namespace

std::shared_ptr<SheetGrid> sheetGrid(const char* id, const SheetOptions& o) {
    const FitSheet* f = findSheet(id);
    if (!f) {
        std::fprintf(stderr, "modelgen: no fitted sheet for %s\n", id);
        std::abort();
    }
    auto g = std::make_shared<SheetGrid>();
    g->fibreAngle = o.fibreAngle;
    g->yhi = o.yhi;
    g->y0 = kGridY0;
    const float top = o.fillTop < o.yhi ? o.yhi : std::min(f->yhi, o.yhi);
    g->ny = static_cast<int>(std::ceil((top + 1.5f - g->y0) / kDy)) + 1;
    rowsFromLevels(*f, *g);
    if (o.fillTop < o.yhi) {
        const int rf = std::clamp(static_cast<int>(std::lround((o.fillTop - g->y0) / kDy)), 0, g->ny - 1);
        for (int r = rf + 1; r < g->ny; ++r)
            for (int c = 0; c < kNphi; ++c)
                if (g->yOf(r) <= o.yhi + 1.0f && g->M[g->at(rf, c)] > g->M[g->at(r, c)]) {
                    g->M[g->at(r, c)] = g->M[g->at(rf, c)];
                    g->R[g->at(r, c)] = g->R[g->at(rf, c)];
                }
    }
    // The outline: nothing at the grid's first and last columns, nor behind the erector spinae when asked.
    for (int r = 0; r < g->ny; ++r)
        for (int c = 0; c < kNphi; ++c) {
            const std::size_t i = g->at(r, c);
            if (c < 3 || c > kNphi - 4) g->M[i] = 0.0f;
            const vec3 p = SheetGrid::point(g->R[i], SheetGrid::phiOf(c), g->yOf(r));
            if (o.backX > 0.0f && p.x < o.backX && p.z < o.backZ) g->M[i] = 0.0f;
        }
    if (o.widenFront > 0) {
        // Reaches a few columns further forward (round the flank) than the fitted arcs.
        const std::vector<float> m = g->M;
        for (int r = 0; r < g->ny; ++r)
            for (int c = 0; c < kNphi; ++c)
                for (int k = 1; k <= o.widenFront && c + k < kNphi; ++k)
                    g->M[g->at(r, c)] = std::max(g->M[g->at(r, c)], m[g->at(r, c + k)]);
    }
    blur(g->R, g->ny, kNphi, 3.0f, 5.0f);
    blur(g->M, g->ny, kNphi, 3.0f, 3.0f);
    g->t.assign(g->R.size(), o.muscle);
    for (int r = 0; r < g->ny; ++r)
        for (int c = 0; c < kNphi; ++c) {
            const std::size_t i = g->at(r, c);
            const float b =
                o.belly ? std::clamp(o.belly(SheetGrid::point(g->R[i], SheetGrid::phiOf(c), g->yOf(r))), 0.0f, 1.0f)
                        : 1.0f;
            g->t[i] = o.aponeurosis + (o.muscle - o.aponeurosis) * b;
        }
    blur(g->t, g->ny, kNphi, 1.0f, 1.0f);
    g->push = drape(*g, o);
    return g;
}

void stackSheets(const std::vector<SheetGrid*>& outerToInner, float gap) {
    if (outerToInner.empty()) return;
    const SheetGrid& g0 = *outerToInner.front();
    for (const SheetGrid* g : outerToInner)
        if (g->y0 != g0.y0) {
            std::fprintf(stderr, "modelgen: stacked sheets need one grid\n");
            std::abort();
        }
    int ny = 0;
    for (const SheetGrid* g : outerToInner) ny = std::max(ny, g->ny);
    // The outer face of the stack: each layer's own (fitted) radius plus half its thickness plus the layers
    // above it, averaged with the cube of the layers' outlines as weights (a layer counts where it is); raised by
    // the largest draping of the layers there.
    std::vector<float> W(static_cast<std::size_t>(ny * kNphi), 0.0f), need(W.size(), 0.0f), sum(W.size(), 0.0f);
    auto depthOf = [&](std::size_t layer, int r, int c) {
        float d = 0.0f;
        for (std::size_t k = 0; k < layer; ++k) {
            const SheetGrid& a = *outerToInner[k];
            d += a.t[a.at(std::min(r, a.ny - 1), c)] + gap;
        }
        return d;
    };
    for (int r = 0; r < ny; ++r)
        for (int c = 0; c < kNphi; ++c) {
            const std::size_t i = static_cast<std::size_t>(r * kNphi + c);
            for (std::size_t k = 0; k < outerToInner.size(); ++k) {
                const SheetGrid& a = *outerToInner[k];
                const std::size_t j = a.at(std::min(r, a.ny - 1), c);
                const float m = r < a.ny ? a.M[j] : 0.0f;
                const float outer = a.R[j] - a.push[j] + 0.5f * a.t[j] + depthOf(k, r, c);
                const float w = m * m * m + 1e-4f;
                W[i] += w * outer;
                sum[i] += w;
                if (m > 0.3f) need[i] = std::max(need[i], a.push[j]);
            }
            W[i] /= sum[i];
        }
    std::vector<float> push(W.size());
    for (std::size_t i = 0; i < W.size(); ++i) push[i] = std::max(0.0f, need[i]);
    blur(push, ny, kNphi, 1.0f, 1.0f);
    for (std::size_t i = 0; i < W.size(); ++i) W[i] += push[i];
    for (std::size_t k = 0; k < outerToInner.size(); ++k) {
        SheetGrid& a = *outerToInner[k];
        for (int r = 0; r < a.ny; ++r)
            for (int c = 0; c < kNphi; ++c) {
                const std::size_t j = a.at(r, c);
                a.R[j] = W[static_cast<std::size_t>(r * kNphi + c)] - depthOf(k, r, c) - 0.5f * a.t[j];
            }
    }
}

std::shared_ptr<const SheetGrid> finishSheet(std::shared_ptr<SheetGrid> g, const SheetOptions& o) {
    g->derivatives();
    stopAbove(*g, o);
    if (o.floorB.x != o.floorA.x) {
        g->floor = true;
        g->floorK = (o.floorB.y - o.floorA.y) / (o.floorB.x - o.floorA.x);
        g->floorY = o.floorA.y - g->floorK * o.floorA.x;
        g->floorX = o.floorB.x;
    }
    // Distance to the outline (M = 0.5) within the surface, from M's gradient (cm).
    g->e.assign(g->R.size(), 0.0f);
    for (int r = 0; r < g->ny; ++r)
        for (int c = 0; c < kNphi; ++c) {
            const int c0 = std::max(c - 1, 0), c1 = std::min(c + 1, kNphi - 1);
            const int r0 = std::max(r - 1, 0), r1 = std::min(r + 1, g->ny - 1);
            const float R = g->R[g->at(r, c)];
            const float gu = (g->M[g->at(r, c1)] - g->M[g->at(r, c0)]) /
                             (static_cast<float>(c1 - c0) * kDphi * kDeg * std::max(R, 1.0f));
            const float gy = (g->M[g->at(r1, c)] - g->M[g->at(r0, c)]) / (static_cast<float>(r1 - r0) * kDy);
            const float grad = std::max(std::sqrt(gu * gu + gy * gy), 0.1f);
            g->e[g->at(r, c)] = std::clamp((0.5f - g->M[g->at(r, c)]) / grad, -3.0f, 3.0f);
        }
    for (int r = 0; r < g->ny; ++r)
        for (int c = 0; c < kNphi; ++c) {
            const std::size_t i = g->at(r, c);
            const float y = g->yOf(r);
            if (g->e[i] > 1.0f || y > o.yhi + 1.0f || y < g->cutY[static_cast<std::size_t>(c)] - 1.0f) continue;
            g->box.add(SheetGrid::point(g->R[i], SheetGrid::phiOf(c), y));
        }
    g->box.expand(1.5f);
    return g;
}

PrimPtr sheetBody(std::shared_ptr<const SheetGrid> g) {
    return std::make_unique<SheetBody>(std::move(g));
}

bool hasSheet(const char* id) {
    return findSheet(id) != nullptr;
}

}  // namespace mg
