#include "sheet.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <vector>

#include "fitted_types.h"

namespace mg {

namespace {

using namespace fitted;
#include "fitted_sections.inc"

const FitSheet* lookup(const char* id) {
    for (const FitSheet& s : kFittedSheets)
        if (std::strcmp(s.id, id) == 0) return &s;
    return nullptr;
}

constexpr int kParams = 8;  // x0 a zc bf bb th0 th1 t
using Params = std::array<float, kParams>;
constexpr float kExp = 2.0f / 2.4f;

float clampedCatmull(float p0, float p1, float p2, float p3, float t) {
    const float t2 = t * t, t3 = t2 * t;
    const float v = 0.5f * (2.0f * p1 + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                            (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
    return std::clamp(v, std::min(p1, p2), std::max(p1, p2));
}

float spow(float v) {
    return v >= 0.0f ? std::pow(v, kExp) : -std::pow(-v, kExp);
}

glm::vec2 arcPoint(const Params& q, float thDeg) {
    const float th = thDeg * 0.017453293f;
    const float s = std::sin(th), c = std::cos(th);
    return {q[0] + q[1] * spow(s), q[2] + (c >= 0.0f ? q[3] : q[4]) * spow(c)};
}

float taper(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    return 1.0f - 0.55f * t * t;
}

constexpr int kPoints = 32;  // points of each level's middle line
using Line = std::array<glm::vec2, kPoints>;

class SheetBody final : public Prim {
public:
    SheetBody(const FitSheet& f, const SheetOptions& o) : opt_(o) {
        ylo_ = std::max(f.ylo, o.ylo);
        yhi_ = std::min(f.yhi, o.yhi);
        for (std::size_t i = 0; i < f.count; ++i) {
            const SheetLevel& l = f.levels[i];
            const Params q{l.x0, l.a, l.zc, l.bf, l.bb, l.th0, l.th1, std::max(l.t + o.grow, o.minThickness)};
            Line line;
            for (int k = 0; k < kPoints; ++k)
                line[static_cast<std::size_t>(k)] =
                    arcPoint(q, q[5] + (q[6] - q[5]) * static_cast<float>(k) / (kPoints - 1));
            if (!o.under.empty()) drape(line, l.y, q[7]);
            y_.push_back(l.y);
            lines_.push_back(line);
            t_.push_back(q[7]);
            const float yy = std::clamp(l.y, ylo_, yhi_);
            for (const glm::vec2& p : line) box_.add(vec3(p.x, yy, p.y));
        }
        box_.add(vec3(box_.lo.x, ylo_, box_.lo.z));
        box_.add(vec3(box_.hi.x, yhi_, box_.hi.z));
        box_.expand(2.0f);
    }

    float dist(const vec3& p) const override {
        float scale = 1.0f, t = 0.0f;
        Line line;
        at(p.y, line, t, scale);
        const glm::vec2 pt(p.x, p.z);
        float best = kFar;
        for (int k = 1; k < kPoints; ++k) {
            const glm::vec2 a = line[static_cast<std::size_t>(k - 1)], ab = line[static_cast<std::size_t>(k)] - a;
            const float l2 = glm::dot(ab, ab);
            const float u = l2 > 1e-12f ? std::clamp(glm::dot(pt - a, ab) / l2, 0.0f, 1.0f) : 0.0f;
            const glm::vec2 e = pt - (a + ab * u);
            best = std::min(best, glm::dot(e, e));
        }
        const float d2 = std::sqrt(best) - 0.5f * t;  // full thickness to the end: thin rims mesh badly
        const float dy = std::max(ylo_ - p.y, p.y - yhi_);
        const float r = std::min(opt_.rim, 0.45f * t);
        const glm::vec2 e(d2 + r, dy + r);
        const float d = glm::length(glm::max(e, glm::vec2(0.0f))) + std::min(std::max(e.x, e.y), 0.0f) - r;
        return 0.6f * d;  // the sheet tilts in height: stay below the true distance
    }

    Box box() const override { return box_; }

    bool fibre(const vec3& p, vec3& dir) const override {
        float scale = 1.0f, t = 0.0f;
        Line line;
        at(p.y, line, t, scale);
        // The middle line's direction (front -> back) at the point nearest to p.
        const glm::vec2 pt(p.x, p.z);
        std::size_t near = 0;
        float best = kFar;
        for (std::size_t k = 0; k < line.size(); ++k) {
            const float d = glm::length(pt - line[k]);
            if (d < best) best = d, near = k;
        }
        glm::vec2 tan = line[std::min(near + 1, line.size() - 1)] - line[near > 0 ? near - 1 : 0];
        if (glm::dot(tan, tan) < 1e-12f) tan = glm::vec2(0.0f, -1.0f);
        tan = glm::normalize(tan);
        const float a = opt_.fibreAngle * 0.017453293f;
        dir = glm::normalize(vec3(tan.x * std::cos(a), std::sin(a), tan.y * std::cos(a)));
        return true;
    }

private:
    // Moves each point of a level's middle line out along the line's normal (away from the trunk's axis) until the
    // sheet clears `under` by `gap` at this height and half a centimetre above and below; the moves are spread a
    // little to the neighbouring points so the line stays smooth.
    void drape(Line& line, float y, float t) const {
        std::array<glm::vec2, kPoints> normals{};
        const float need = 0.5f * t + opt_.gap;
        auto clearance = [&](const glm::vec2& q) {
            float d = kFar;
            for (const Shape* s : opt_.under)
                for (float dy : {-0.5f, 0.0f, 0.5f}) d = std::min(d, s->eval(vec3(q.x, y + dy, q.y)));
            return d;
        };
        std::array<float, kPoints> move{};
        for (int k = 0; k < kPoints; ++k) {
            const glm::vec2 prev = line[static_cast<std::size_t>(std::max(k - 1, 0))];
            const glm::vec2 next = line[static_cast<std::size_t>(std::min(k + 1, kPoints - 1))];
            glm::vec2 n(next.y - prev.y, prev.x - next.x);
            const glm::vec2 out = line[static_cast<std::size_t>(k)] - glm::vec2(0.0f, -3.0f);
            if (glm::dot(n, out) < 0.0f) n = -n;
            n = glm::dot(n, n) > 1e-12f ? glm::normalize(n) : glm::normalize(out);
            float m = 0.0f;
            for (int it = 0; it < 40 && m < 3.0f; ++it) {
                const float c = clearance(line[static_cast<std::size_t>(k)] + n * m);
                if (c >= need) break;
                m += std::clamp(need - c, 0.05f, 0.5f);
            }
            move[static_cast<std::size_t>(k)] = m;
            normals[static_cast<std::size_t>(k)] = n;
        }
        std::array<float, kPoints> spread = move;
        for (int k = 0; k < kPoints; ++k)
            for (int j = -2; j <= 2; ++j) {
                const int i = k + j;
                if (i < 0 || i >= kPoints || j == 0) continue;
                const float w = std::abs(j) == 1 ? 0.7f : 0.4f;
                spread[static_cast<std::size_t>(k)] =
                    std::max(spread[static_cast<std::size_t>(k)], w * move[static_cast<std::size_t>(i)]);
            }
        for (std::size_t k = 0; k < line.size(); ++k) line[k] += normals[k] * spread[k];
    }

    // The middle line and thickness at height y (clamped Catmull-Rom of the points across levels); beyond the end
    // levels the end level, thinner and shorter (scale) towards the end of the fitted range.
    void at(float y, Line& line, float& t, float& scale) const {
        const int n = static_cast<int>(y_.size());
        scale = 1.0f;
        auto shrunk = [&](std::size_t i, float s) {
            const glm::vec2 mid = lines_[i][kPoints / 2];
            for (std::size_t k = 0; k < line.size(); ++k) line[k] = mid + (lines_[i][k] - mid) * s;
            t = t_[i];
        };
        if (n == 1 || y <= y_.front()) {
            if (y < y_.front() && y_.front() > ylo_) scale = taper((y_.front() - y) / (y_.front() - ylo_));
            shrunk(0, scale);
            return;
        }
        if (y >= y_.back()) {
            if (y_.back() < yhi_) scale = taper((y - y_.back()) / (yhi_ - y_.back()));
            shrunk(static_cast<std::size_t>(n - 1), scale);
            return;
        }
        int i = static_cast<int>(std::upper_bound(y_.begin(), y_.end(), y) - y_.begin()) - 1;
        i = std::clamp(i, 0, n - 2);
        const float u = (y - y_[i]) / (y_[i + 1] - y_[i]);
        const auto i0 = static_cast<std::size_t>(i > 0 ? i - 1 : i), i1 = static_cast<std::size_t>(i),
                   i2 = static_cast<std::size_t>(i + 1), i3 = static_cast<std::size_t>(i + 2 < n ? i + 2 : i + 1);
        for (std::size_t k = 0; k < line.size(); ++k)
            for (int c = 0; c < 2; ++c)
                line[k][c] = clampedCatmull(lines_[i0][k][c], lines_[i1][k][c], lines_[i2][k][c], lines_[i3][k][c], u);
        t = clampedCatmull(t_[i0], t_[i1], t_[i2], t_[i3], u);
    }

    SheetOptions opt_;
    std::vector<float> y_;
    std::vector<Line> lines_;
    std::vector<float> t_;
    float ylo_ = 0.0f, yhi_ = 0.0f;
    Box box_;
};

}  // namespace

PrimPtr sheetBody(const char* id, const SheetOptions& o) {
    const FitSheet* f = lookup(id);
    if (!f) {
        std::fprintf(stderr, "modelgen: no fitted sheet for %s\n", id);
        std::abort();
    }
    return std::make_unique<SheetBody>(*f, o);
}

bool hasSheet(const char* id) {
    return lookup(id) != nullptr;
}

}  // namespace mg
