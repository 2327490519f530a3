#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <utility>

#include <meshoptimizer.h>

#include "mesh.h"

namespace mg {

namespace {

void compact(Mesh& m) {
    std::vector<std::uint32_t> remap(m.pos.size(), UINT32_MAX);
    Mesh out;
    for (std::uint32_t& i : m.idx) {
        if (remap[i] == UINT32_MAX) {
            remap[i] = static_cast<std::uint32_t>(out.pos.size());
            out.pos.push_back(m.pos[i]);
            if (!m.nrm.empty()) out.nrm.push_back(m.nrm[i]);
            if (!m.fib.empty()) out.fib.push_back(m.fib[i]);
        }
        i = remap[i];
    }
    out.idx = std::move(m.idx);
    m = std::move(out);
}

std::vector<std::vector<std::uint32_t>> neighbours(const Mesh& m) {
    std::vector<std::vector<std::uint32_t>> nb(m.pos.size());
    for (std::size_t t = 0; t < m.idx.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = m.idx[t + e], b = m.idx[t + (e + 1) % 3];
            nb[a].push_back(b);
            nb[b].push_back(a);
        }
    for (auto& n : nb) {
        std::sort(n.begin(), n.end());
        n.erase(std::unique(n.begin(), n.end()), n.end());
    }
    return nb;
}

std::uint32_t findRoot(std::vector<std::uint32_t>& p, std::uint32_t x) {
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

}  // namespace

void keepLargestComponent(Mesh& m) {
    std::vector<std::uint32_t> parent(m.pos.size());
    std::iota(parent.begin(), parent.end(), 0u);
    for (std::size_t t = 0; t < m.idx.size(); t += 3)
        for (int e = 1; e < 3; ++e) {
            const std::uint32_t a = findRoot(parent, m.idx[t]), b = findRoot(parent, m.idx[t + e]);
            if (a != b) parent[std::max(a, b)] = std::min(a, b);
        }
    std::vector<std::size_t> count(m.pos.size(), 0);
    for (std::size_t t = 0; t < m.idx.size(); t += 3) ++count[findRoot(parent, m.idx[t])];
    const std::uint32_t best = static_cast<std::uint32_t>(std::max_element(count.begin(), count.end()) - count.begin());
    if (std::getenv("MG_DEBUG"))
        for (std::size_t t = 0; t < m.idx.size(); t += 3)
            if (findRoot(parent, m.idx[t]) != best && count[findRoot(parent, m.idx[t])] > 0) {
                const vec3 p = m.pos[m.idx[t]];
                std::fprintf(stderr, "  dropped piece of %zu near %.1f %.1f %.1f\n", count[findRoot(parent, m.idx[t])],
                             p.x, p.y, p.z);
                count[findRoot(parent, m.idx[t])] = 0;
            }
    std::vector<std::uint32_t> kept;
    for (std::size_t t = 0; t < m.idx.size(); t += 3)
        if (findRoot(parent, m.idx[t]) == best) kept.insert(kept.end(), m.idx.begin() + t, m.idx.begin() + t + 3);
    m.idx = std::move(kept);
    compact(m);
}

void smoothAndProject(Mesh& m, const Shape& s, int iterations, float h) {
    const auto nb = neighbours(m);
    std::vector<vec3> tmp(m.pos.size());
    auto step = [&](float lambda) {
        for (std::size_t i = 0; i < m.pos.size(); ++i) {
            vec3 c(0.0f);
            for (std::uint32_t j : nb[i]) c += m.pos[j];
            c /= static_cast<float>(std::max<std::size_t>(nb[i].size(), 1));
            tmp[i] = m.pos[i] + (c - m.pos[i]) * lambda;
        }
        m.pos.swap(tmp);
    };
    for (int it = 0; it < iterations; ++it) {
        step(0.5f);
        step(-0.53f);
    }
    // Newton steps back onto the surface (forward differences: four evaluations a step), until within 1/50 of a
    // voxel: usually two steps.
    const float e = 0.25f * h;
    for (vec3& p : m.pos)
        for (int it = 0; it < 3; ++it) {
            const float d = s.eval(p);
            if (std::fabs(d) > 2.0f * h) break;  // should not happen; leave the vertex where it is
            if (std::fabs(d) < 0.02f * h) break;
            const vec3 g =
                vec3(s.eval(p + vec3(e, 0, 0)) - d, s.eval(p + vec3(0, e, 0)) - d, s.eval(p + vec3(0, 0, e)) - d) / e;
            const float g2 = glm::dot(g, g);
            if (g2 < 1e-6f) break;
            // A near-flat field (a smooth blend's saddle, a carve's rim) would throw the vertex far off, even onto
            // another part of the shape: a step longer than two voxels is not taken.
            const vec3 stepv = g * (d / g2);
            if (glm::dot(stepv, stepv) > 4.0f * h * h) break;
            p -= stepv;
        }
}

namespace {

// Edge collapses can leave two back-to-back copies of one triangle (a zero-volume fin); drop both.
void removeFins(std::vector<std::uint32_t>& idx) {
    for (bool again = true; again;) {
        again = false;
        std::map<std::array<std::uint32_t, 3>, std::vector<std::size_t>> byKey;
        for (std::size_t t = 0; t < idx.size(); t += 3) {
            std::array<std::uint32_t, 3> k{idx[t], idx[t + 1], idx[t + 2]};
            std::sort(k.begin(), k.end());
            byKey[k].push_back(t);
        }
        std::vector<bool> drop(idx.size() / 3, false);
        for (const auto& [k, ts] : byKey)
            if (ts.size() >= 2) {
                for (std::size_t t : ts) drop[t / 3] = true;
                again = true;
            }
        if (!again) break;
        std::vector<std::uint32_t> kept;
        for (std::size_t t = 0; t < idx.size(); t += 3)
            if (!drop[t / 3]) kept.insert(kept.end(), idx.begin() + t, idx.begin() + t + 3);
        idx.swap(kept);
    }
}

std::vector<std::uint32_t> simplifyOnce(const Mesh& m, std::size_t targetTris, float relError, unsigned options = 0) {
    std::vector<std::uint32_t> dst(m.idx.size());
    const std::size_t n = meshopt_simplify(dst.data(), m.idx.data(), m.idx.size(), &m.pos[0].x, m.pos.size(),
                                           sizeof(vec3), targetTris * 3, relError, options, nullptr);
    dst.resize(n);
    removeFins(dst);
    return dst;
}

}  // namespace

void simplify(Mesh& m, std::size_t targetTris, float maxError) {
    if (m.triangles() <= targetTris) return;
    Box b;
    for (const vec3& p : m.pos) b.add(p);
    const vec3 e = b.hi - b.lo;
    const float extent = std::max(e.x, std::max(e.y, e.z));
    // Retry with gentler targets while the result is not a closed manifold.
    std::vector<std::uint32_t> dst;
    std::size_t target = targetTris;
    for (int attempt = 0; attempt < 6; ++attempt, target += targetTris / 4) {
        dst = simplifyOnce(m, target, maxError / extent);
        Mesh probe;
        probe.idx = dst;
        const std::string problem = manifoldProblem(probe);
        if (std::getenv("MG_DEBUG"))
            std::fprintf(stderr, "  simplify attempt %d: %zu tris %s\n", attempt, dst.size() / 3, problem.c_str());
        if (problem.empty()) break;
        dst = m.idx;  // give up on this target
    }
    if (dst.size() == m.idx.size()) {
        // Thin sheets: a pinch (an edge shared by four triangles) can appear where collapses meet across a thin
        // spot. Keep the triangles around each pinch as they are and simplify the rest with its border locked,
        // until the result is a closed manifold.
        std::vector<bool> frozen(m.pos.size(), false);
        for (int round = 0; round < 12; ++round) {
            std::vector<std::uint32_t> keep, rest;
            for (std::size_t t = 0; t < m.idx.size(); t += 3) {
                const bool f = frozen[m.idx[t]] || frozen[m.idx[t + 1]] || frozen[m.idx[t + 2]];
                (f ? keep : rest)
                    .insert((f ? keep : rest).end(), m.idx.begin() + static_cast<std::ptrdiff_t>(t),
                            m.idx.begin() + static_cast<std::ptrdiff_t>(t) + 3);
            }
            Mesh part;
            part.pos = m.pos;
            part.idx = rest;
            const std::size_t goal = targetTris > keep.size() / 3 ? targetTris - keep.size() / 3 : targetTris / 4;
            std::vector<std::uint32_t> next = simplifyOnce(part, goal, maxError / extent, meshopt_SimplifyLockBorder);
            next.insert(next.end(), keep.begin(), keep.end());
            Mesh probe;
            probe.idx = next;
            if (manifoldProblem(probe).empty()) {
                dst = std::move(next);
                break;
            }
            // Freeze three rings of triangles around the vertices of the edges used twice.
            std::map<std::pair<std::uint32_t, std::uint32_t>, int> seen;
            std::vector<bool> bad(m.pos.size(), false);
            for (std::size_t t = 0; t < next.size(); t += 3)
                for (int c = 0; c < 3; ++c)
                    if (++seen[{next[t + c], next[t + (c + 1) % 3]}] == 2)
                        bad[next[t + c]] = bad[next[t + (c + 1) % 3]] = true;
            for (std::size_t i = 0; i < bad.size(); ++i)
                if (bad[i]) frozen[i] = true;
            for (int ring = 0; ring < 3; ++ring) {
                std::vector<bool> grow = frozen;
                for (std::size_t t = 0; t < m.idx.size(); t += 3)
                    if (frozen[m.idx[t]] || frozen[m.idx[t + 1]] || frozen[m.idx[t + 2]])
                        grow[m.idx[t]] = grow[m.idx[t + 1]] = grow[m.idx[t + 2]] = true;
                frozen.swap(grow);
            }
        }
        if (std::getenv("MG_DEBUG")) std::fprintf(stderr, "  simplified around pinches: %zu tris\n", dst.size() / 3);
    }
    const std::size_t n = dst.size();
    std::vector<std::uint32_t> opt(n);
    meshopt_optimizeVertexCache(opt.data(), dst.data(), n, m.pos.size());
    m.idx = std::move(opt);
    m.nrm.clear();
    m.fib.clear();
    compact(m);
}

void normalsFromShape(Mesh& m, const Shape& s, float h) {
    // Field gradient (smooth) blended with the area-weighted mesh normal (guards against thin spots).
    std::vector<vec3> fn(m.pos.size(), vec3(0.0f));
    for (std::size_t t = 0; t < m.idx.size(); t += 3) {
        const vec3 a = m.pos[m.idx[t]], b = m.pos[m.idx[t + 1]], c = m.pos[m.idx[t + 2]];
        const vec3 n = glm::cross(b - a, c - a);
        for (int e = 0; e < 3; ++e) fn[m.idx[t + e]] += n;
    }
    m.nrm.resize(m.pos.size());
    for (std::size_t i = 0; i < m.pos.size(); ++i) {
        const vec3 meshN = glm::dot(fn[i], fn[i]) > 0.0f ? glm::normalize(fn[i]) : vec3(0, 1, 0);
        vec3 g = s.gradient(m.pos[i], h);
        if (glm::dot(g, g) < 1e-8f || glm::dot(glm::normalize(g), meshN) < 0.5f)
            m.nrm[i] = meshN;
        else
            m.nrm[i] = glm::normalize(g);
    }
}

void fibresFromShape(Mesh& m, const Shape& s) {
    m.fib.resize(m.pos.size());
    for (std::size_t i = 0; i < m.pos.size(); ++i) {
        vec3 d(0, 1, 0);
        s.fibre(m.pos[i], d);
        const vec3 n = m.nrm.empty() ? vec3(0.0f) : m.nrm[i];
        vec3 t = d - n * glm::dot(d, n);  // along the surface
        if (glm::dot(t, t) < 1e-6f) t = d;
        m.fib[i] = glm::normalize(t);
    }
}

Mesh mirrored(const Mesh& m) {
    Mesh r = m;
    for (vec3& p : r.pos) p.x = -p.x;
    for (vec3& n : r.nrm) n.x = -n.x;
    for (vec3& f : r.fib) f.x = -f.x;
    for (std::size_t t = 0; t < r.idx.size(); t += 3) std::swap(r.idx[t + 1], r.idx[t + 2]);
    return r;
}

std::string manifoldProblem(const Mesh& m) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
    for (std::size_t t = 0; t < m.idx.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = m.idx[t + e], b = m.idx[t + (e + 1) % 3];
            if (a == b) return "degenerate triangle";
            if (++directed[{a, b}] > 1) return "edge used twice in the same direction";
        }
    for (const auto& [e, n] : directed)
        if (directed.find({e.second, e.first}) == directed.end()) return "open edge";
    return {};
}

}  // namespace mg
