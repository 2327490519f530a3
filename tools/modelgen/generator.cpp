#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "anatomy.h"
#include "modelgen_generator.h"

namespace mg {

namespace {

struct Spec {
    const char* id;
    const char* kind;
    int layer;
    bool sided;
    float h;           // voxel size, cm
    std::size_t tris;  // triangle target after simplification
    // A sided structure that is not symmetric (the right kidney lies lower): the shape, built on the left, that
    // is meshed and mirrored for the right side; nullptr = the mirror of the left.
    const char* rightShape = nullptr;
};

// Output order: bones, muscles (deep to superficial), skin last (it is the transparent one).
constexpr Spec kSpecs[] = {
    {"hip_bone", "bone", 5, true, 0.2f, 11200},
    {"interpubic_disc", "disc", 5, false, 0.08f, 1050},
    {"sacrum", "bone", 5, false, 0.2f, 7000},
    {"coccyx", "bone", 5, false, 0.12f, 1050},
    {"vertebra_T4", "bone", 5, false, 0.14f, 2450},
    {"vertebra_T5", "bone", 5, false, 0.14f, 2450},
    {"vertebra_T6", "bone", 5, false, 0.14f, 2450},
    {"vertebra_T7", "bone", 5, false, 0.14f, 2450},
    {"vertebra_T8", "bone", 5, false, 0.14f, 2450},
    {"vertebra_T9", "bone", 5, false, 0.14f, 2450},
    {"vertebra_T10", "bone", 5, false, 0.14f, 2450},
    {"vertebra_T11", "bone", 5, false, 0.15f, 2800},
    {"vertebra_T12", "bone", 5, false, 0.16f, 4550},
    {"vertebra_L1", "bone", 5, false, 0.16f, 4550},
    {"vertebra_L2", "bone", 5, false, 0.16f, 4550},
    {"vertebra_L3", "bone", 5, false, 0.16f, 4550},
    {"vertebra_L4", "bone", 5, false, 0.16f, 4550},
    {"vertebra_L5", "bone", 5, false, 0.16f, 4550},
    {"disc_T4_T5", "disc", 5, false, 0.12f, 630},
    {"disc_T5_T6", "disc", 5, false, 0.12f, 630},
    {"disc_T6_T7", "disc", 5, false, 0.12f, 630},
    {"disc_T7_T8", "disc", 5, false, 0.12f, 630},
    {"disc_T8_T9", "disc", 5, false, 0.12f, 630},
    {"disc_T9_T10", "disc", 5, false, 0.12f, 630},
    {"disc_T10_T11", "disc", 5, false, 0.12f, 630},
    {"disc_T11_T12", "disc", 5, false, 0.12f, 630},
    {"disc_T12_L1", "disc", 5, false, 0.12f, 1400},
    {"disc_L1_L2", "disc", 5, false, 0.12f, 1400},
    {"disc_L2_L3", "disc", 5, false, 0.12f, 1400},
    {"disc_L3_L4", "disc", 5, false, 0.12f, 1400},
    {"disc_L4_L5", "disc", 5, false, 0.12f, 1400},
    {"disc_L5_S1", "disc", 5, false, 0.12f, 1400},
    {"rib_11", "bone", 5, true, 0.14f, 1750},
    {"rib_12", "bone", 5, true, 0.14f, 1750},
    {"femur", "bone", 5, true, 0.2f, 8400},
    {"psoas_major", "muscle", 4, true, 0.25f, 5600},
    {"quadratus_lumborum", "muscle", 3, true, 0.2f, 4900},
    {"gluteus_minimus", "muscle", 3, true, 0.22f, 4900},
    {"gluteus_medius", "muscle", 2, true, 0.25f, 7000},
    {"piriformis", "muscle", 2, true, 0.18f, 2100},
    {"obturator_internus", "muscle", 3, true, 0.18f, 2450},
    {"gemellus_superior", "muscle", 2, true, 0.15f, 1050},
    {"gemellus_inferior", "muscle", 2, true, 0.15f, 1050},
    {"quadratus_femoris", "muscle", 2, true, 0.18f, 1750},
    {"gluteus_maximus", "muscle", 1, true, 0.3f, 8400},
    {"multifidus", "muscle", 2, true, 0.2f, 4200},
    {"longissimus_thoracis", "muscle", 1, true, 0.25f, 5600},
    {"iliocostalis_lumborum", "muscle", 1, true, 0.25f, 4200},
    {"iliacus", "muscle", 4, true, 0.22f, 4200},
    {"tensor_fasciae_latae", "muscle", 1, true, 0.2f, 2100},
    {"transversus_abdominis", "muscle", 3, true, 0.2f, 6300},
    {"internal_oblique", "muscle", 2, true, 0.2f, 6300},
    {"external_oblique", "muscle", 1, true, 0.2f, 7000},
    {"serratus_posterior_inferior", "muscle", 1, true, 0.2f, 2100},
    {"latissimus_dorsi", "muscle", 1, true, 0.2f, 7000},
    {"thoracolumbar_fascia", "fascia", 1, true, 0.12f, 4200},
    {"iliotibial_band", "fascia", 1, true, 0.12f, 3500},
    {"iliolumbar_ligament", "ligament", 4, true, 0.1f, 1400},
    {"sacrotuberous_ligament", "ligament", 2, true, 0.1f, 1750},
    {"kidney", "organ", 4, true, 0.15f, 3500, "kidney_right"},
    {"sciatic_nerve", "nerve", 2, true, 0.14f, 2800},
    {"superior_gluteal_nerve", "nerve", 3, true, 0.08f, 1750},
    {"superior_gluteal_vessels", "vessel", 3, true, 0.08f, 1750},
    {"skin", "skin", 0, false, 0.5f, 36000},  // the referred-pain zones are traced on it: kept fine
};

Mesh meshShape(const Shape& s, const Spec& sp) {
    using clk = std::chrono::steady_clock;
    auto t = clk::now();
    auto lap = [&] {
        const auto n = clk::now();
        const double d = std::chrono::duration<double, std::milli>(n - t).count();
        t = n;
        return d;
    };
    Mesh m = polygonise(s, sp.h);
    const double tPoly = lap();
    if (std::getenv("MG_DEBUG"))
        std::fprintf(stderr, "  %s raw: %zu tris %s\n", sp.id, m.triangles(), manifoldProblem(m).c_str());
    const std::size_t before = m.triangles();
    keepLargestComponent(m);
    if (m.triangles() < before * 99 / 100)
        std::fprintf(stderr, "modelgen: warning: %s: dropped %zu of %zu triangles (separate pieces)\n", sp.id,
                     before - m.triangles(), before);
    smoothAndProject(m, s, 4, sp.h);
    const double tSmooth = lap();
    // Simplified to the target, or until the surface would move by more than 0.375 voxel: 385k triangles
    // in all, against 543k with 0.25 voxel and targets 1/0.7 of these (the skin's unchanged), with
    // shapecheck.py's means unchanged (each structure within 0.03 of IoU). llvmpipe's main thread spends
    // about 0.13 µs a triangle on a still whatever its size on the screen.
    simplify(m, sp.tris, 0.375f * sp.h);
    const double tSimp = lap();
    normalsFromShape(m, s, 0.5f * sp.h);
    if (std::string(sp.kind) == "muscle") fibresFromShape(m, s);
    const double tNrm = lap();
    if (std::getenv("MG_TIMES"))
        std::fprintf(stderr, "  %-28s raw %7zu: polygonise %6.0f smooth %6.0f simplify %6.0f normals %6.0f ms\n", sp.id,
                     before, tPoly, tSmooth, tSimp, tNrm);
    return m;
}

}  // namespace

std::vector<Structure> generateStructures(const GenerateOptions& opt) {
    const auto start = std::chrono::steady_clock::now();
    Shapes shapes;
    buildPelvis(shapes);
    buildSpine(shapes);
    buildDiscs(shapes);
    buildThoracicSpine(shapes);
    buildFemurRibs(shapes);
    buildGluteals(shapes);
    buildBackMuscles(shapes);
    buildWallMuscles(shapes);
    buildFasciaLigaments(shapes);
    buildOrgansNerves(shapes);
    buildSkin(shapes);
    if (opt.verbose)
        std::fprintf(stderr, "shapes built in %.0f ms\n",
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());

    // Each structure is meshed on its own (the shapes are read-only by now), by up to `threads` workers taking
    // the next one in turn; the results keep the table's order, so the file is the same whatever the timing or
    // the order of the work. One job per shape to mesh: the structure's own, and for an asymmetric sided one
    // also its right side's.
    struct Job {
        const Spec* spec;
        const char* shape;
    };
    std::vector<Job> todo;
    for (const Spec& sp : kSpecs)
        if (opt.only.empty() || std::find(opt.only.begin(), opt.only.end(), sp.id) != opt.only.end()) {
            todo.push_back({&sp, sp.id});
            if (sp.rightShape) todo.push_back({&sp, sp.rightShape});
        }
    std::vector<Mesh> meshes(todo.size());
    std::vector<double> ms(todo.size());
    // The largest first (their box's area over the voxel's face: about the number of surface voxels), so no large
    // one is left to run alone at the end.
    std::vector<std::size_t> order(todo.size());
    std::vector<float> cost(todo.size());
    for (std::size_t i = 0; i < todo.size(); ++i) {
        const Box& b = shapes.at(todo[i].shape)->bounds();
        const vec3 e = glm::max(b.hi - b.lo, vec3(0.0f));
        cost[i] = (e.x * e.y + e.y * e.z + e.z * e.x) / (todo[i].spec->h * todo[i].spec->h);
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t n; (n = next++) < todo.size();) {
            const std::size_t i = order[n];
            const auto t0 = std::chrono::steady_clock::now();
            meshes[i] = meshShape(*shapes.at(todo[i].shape), *todo[i].spec);
            ms[i] = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        }
    };
    const unsigned threads = std::clamp(opt.threads, 1u, 16u);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();

    std::vector<Structure> out;
    for (std::size_t i = 0; i < todo.size(); ++i) {
        const Spec& sp = *todo[i].spec;
        if (todo[i].shape != sp.id) continue;  // a right side of its own: taken with its left below
        Mesh& m = meshes[i];
        const std::string problem = manifoldProblem(m);
        if (opt.verbose)
            std::fprintf(stderr, "%-22s %7zu triangles %7.0f ms %s\n", sp.id, m.triangles(), ms[i],
                         problem.empty() ? "" : problem.c_str());
        if (sp.sided) {
            Structure left{std::string(sp.id) + ".L", sp.kind, sp.layer, m};
            Structure right{std::string(sp.id) + ".R", sp.kind, sp.layer, mirrored(sp.rightShape ? meshes[i + 1] : m)};
            out.push_back(std::move(left));
            out.push_back(std::move(right));
        } else {
            out.push_back({sp.id, sp.kind, sp.layer, std::move(m)});
        }
    }
    return out;
}

std::vector<std::uint8_t> generateGlb(const GenerateOptions& opt) {
    return writeGlb(generateStructures(opt));
}

}  // namespace mg
