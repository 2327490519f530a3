#include "core/Similarity.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace la {

namespace {

using Mat4 = std::array<std::array<double, 4>, 4>;

// Eigenvector of the largest eigenvalue of a symmetric 4x4 matrix (cyclic Jacobi rotations).
std::array<double, 4> largestEigenvector(Mat4 a) {
    Mat4 v{};
    for (int i = 0; i < 4; ++i) v[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)] = 1.0;
    for (int sweep = 0; sweep < 50; ++sweep) {
        double off = 0.0;
        for (std::size_t p = 0; p < 4; ++p)
            for (std::size_t q = p + 1; q < 4; ++q) off += a[p][q] * a[p][q];
        if (off < 1e-24) break;
        for (std::size_t p = 0; p < 4; ++p)
            for (std::size_t q = p + 1; q < 4; ++q) {
                if (std::abs(a[p][q]) < 1e-300) continue;
                const double theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
                for (std::size_t k = 0; k < 4; ++k) {  // A <- A J (columns p, q)
                    const double akp = a[k][p], akq = a[k][q];
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < 4; ++k) {  // A <- J^T A (rows p, q)
                    const double apk = a[p][k], aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < 4; ++k) {
                    const double vkp = v[k][p], vkq = v[k][q];
                    v[k][p] = c * vkp - s * vkq;
                    v[k][q] = s * vkp + c * vkq;
                }
            }
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < 4; ++i)
        if (a[i][i] > a[best][best]) best = i;
    return {v[0][best], v[1][best], v[2][best], v[3][best]};
}

}  // namespace

glm::mat4 Similarity::matrix() const {
    glm::mat4 m(rotation * scale);
    m[3] = glm::vec4(translation, 1.0f);
    return m;
}

float Similarity::rotationDegrees() const {
    const float c = std::clamp((rotation[0][0] + rotation[1][1] + rotation[2][2] - 1.0f) * 0.5f, -1.0f, 1.0f);
    return glm::degrees(std::acos(c));
}

std::optional<Similarity> fitSimilarity(const std::vector<glm::vec3>& src, const std::vector<glm::vec3>& dst) {
    if (src.size() < 3 || src.size() != dst.size()) return std::nullopt;
    glm::dvec3 cs(0.0), cd(0.0);
    for (std::size_t i = 0; i < src.size(); ++i) cs += glm::dvec3(src[i]), cd += glm::dvec3(dst[i]);
    cs /= static_cast<double>(src.size());
    cd /= static_cast<double>(src.size());
    // Cross-covariance S[a][b] = sum src'_a dst'_b, and the spread of the source.
    double s[3][3] = {};
    double spread = 0.0;
    for (std::size_t i = 0; i < src.size(); ++i) {
        const glm::dvec3 a = glm::dvec3(src[i]) - cs, b = glm::dvec3(dst[i]) - cd;
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c) s[r][c] += a[r] * b[c];
        spread += glm::dot(a, a);
    }
    if (spread <= 0.0) return std::nullopt;
    // Collinear sources leave a rotation about their line undetermined: the second-largest spread
    // direction must carry some weight. Covariance of the source alone:
    glm::dmat3 cov(0.0);
    for (const auto& p : src) {
        const glm::dvec3 a = glm::dvec3(p) - cs;
        cov += glm::outerProduct(a, a);
    }
    const double tr = cov[0][0] + cov[1][1] + cov[2][2];
    const double minor2 = (tr * tr - (glm::dot(cov[0], cov[0]) + glm::dot(cov[1], cov[1]) + glm::dot(cov[2], cov[2]))) *
                          0.5;  // sum of products of eigenvalue pairs
    if (minor2 < 1e-6 * tr * tr) return std::nullopt;

    const double sxx = s[0][0], sxy = s[0][1], sxz = s[0][2], syx = s[1][0], syy = s[1][1], syz = s[1][2],
                 szx = s[2][0], szy = s[2][1], szz = s[2][2];
    const Mat4 n = {{{sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
                     {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
                     {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
                     {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}}};
    const auto q = largestEigenvector(n);  // (w, x, y, z)
    const double w = q[0], x = q[1], y = q[2], z = q[3];
    glm::dmat3 r;  // column-major: r[col][row]
    r[0] = {w * w + x * x - y * y - z * z, 2 * (x * y + w * z), 2 * (x * z - w * y)};
    r[1] = {2 * (x * y - w * z), w * w - x * x + y * y - z * z, 2 * (y * z + w * x)};
    r[2] = {2 * (x * z + w * y), 2 * (y * z - w * x), w * w - x * x - y * y + z * z};
    double num = 0.0;
    for (std::size_t i = 0; i < src.size(); ++i)
        num += glm::dot(glm::dvec3(dst[i]) - cd, r * (glm::dvec3(src[i]) - cs));
    const double scale = num / spread;
    if (!(scale > 0.0)) return std::nullopt;
    Similarity out;
    out.scale = static_cast<float>(scale);
    out.rotation = glm::mat3(r);
    out.translation = glm::vec3(cd - scale * (r * cs));
    return out;
}

float rmsError(const Similarity& t, const std::vector<glm::vec3>& src, const std::vector<glm::vec3>& dst) {
    if (src.empty() || src.size() != dst.size()) return 0.0f;
    double sum = 0.0;
    for (std::size_t i = 0; i < src.size(); ++i) {
        const glm::vec3 d = t.apply(src[i]) - dst[i];
        sum += static_cast<double>(glm::dot(d, d));
    }
    return static_cast<float>(std::sqrt(sum / static_cast<double>(src.size())));
}

}  // namespace la
