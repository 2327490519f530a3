// Picking benchmark: BVH build time and time per ray on a synthetic ~300k-triangle model
// (a grid of UV spheres), or on a model file given as the first argument. Prints figures only.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>

#include <glm/gtc/matrix_transform.hpp>

#include "core/Model.h"
#include "core/PanelAnchor.h"
#include "core/Pick.h"
#include "io/ModelLoader.h"

namespace {

la::Primitive sphere(int rings, int segments, float radius) {
    la::Primitive p;
    const float pi = 3.14159265f;
    for (int r = 0; r <= rings; ++r) {
        float phi = pi * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s <= segments; ++s) {
            float theta = 2.0f * pi * static_cast<float>(s) / static_cast<float>(segments);
            glm::vec3 n(std::sin(phi) * std::cos(theta), std::cos(phi), std::sin(phi) * std::sin(theta));
            p.positions.push_back(n * radius);
            p.normals.push_back(n);
        }
    }
    const auto row = static_cast<std::uint32_t>(segments + 1);
    for (std::uint32_t r = 0; r < static_cast<std::uint32_t>(rings); ++r)
        for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(segments); ++s) {
            std::uint32_t a = r * row + s, b = a + row;
            for (std::uint32_t k : {a, b, a + 1, a + 1, b, b + 1}) p.indices.push_back(k);
        }
    for (const auto& v : p.positions) p.bounds.add(v);
    return p;
}

la::Model syntheticModel() {
    la::Model m;
    m.name = "synthetic";
    la::Mesh mesh;
    mesh.primitives.push_back(sphere(96, 128, 0.09f));  // 24,576 triangles
    m.meshes.push_back(mesh);
    for (int i = 0; i < 12; ++i) {  // 12 overlapping instances: ~295k triangles
        la::Node n;
        n.name = "sphere_" + std::to_string(i);
        n.mesh = 0;
        n.local = glm::translate(
            glm::mat4(1.0f), glm::vec3(0.12f * static_cast<float>(i % 4) - 0.18f,
                                       0.12f * static_cast<float>(i / 4) - 0.12f, 0.05f * static_cast<float>(i % 3)));
        m.roots.push_back(static_cast<int>(m.nodes.size()));
        m.nodes.push_back(n);
    }
    m.updateWorldTransforms();
    return m;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of this thread: on a shared machine it is what the work costs, whatever else runs.
double threadSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// CPU time of the whole process (every thread of a parallel build).
double processSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
    la::Model model;
    if (argc > 1) {
        auto loaded = la::io::loadModel(argv[1]);
        if (!loaded) {
            std::fprintf(stderr, "%s\n", loaded.error().c_str());
            return 1;
        }
        model = std::move(loaded.value());
        model.updateWorldTransforms();
    } else {
        model = syntheticModel();
    }

    // The BVH build alone (PickScene also gathers world-space corners first), best of five: the
    // figure the goal is about. Wall time and the process's CPU time (both threads' of a parallel
    // build); given the corners' bounds as PickScene gathers them with the corners, on two threads as
    // PickScene builds and on one, and without the bounds (the build then finds them itself).
    la::PickScene scene(model);
    std::vector<glm::vec3> corners;
    corners.reserve(scene.bvh().triangleCount() * 3);
    la::Aabb cornerBounds;
    for (std::uint32_t t = 0; t < scene.bvh().triangleCount(); ++t)
        for (int k = 0; k < 3; ++k) {
            corners.push_back(scene.bvh().corner(t, k));
            cornerBounds.add(corners.back());
        }
    double buildWall[3] = {1e9, 1e9, 1e9}, buildCpu[3] = {1e9, 1e9, 1e9}, callerCpu = 1e9;
    for (int i = 0; i < 15; ++i) {
        la::Bvh bvh;
        auto copy = corners;
        const int kind = i % 3;  // 0: given, 2 threads; 1: given, 1 thread; 2: not given, 2 threads
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = processSeconds(), t0Cpu = threadSeconds();
        bvh.build(std::move(copy), kind == 2 ? la::Aabb{} : cornerBounds, kind == 1 ? 1 : 2);
        buildCpu[kind] = std::min(buildCpu[kind], processSeconds() - c0);
        if (kind == 0) callerCpu = std::min(callerCpu, threadSeconds() - t0Cpu);
        buildWall[kind] = std::min(buildWall[kind], secondsSince(t0));
    }
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = processSeconds();
    la::PickScene again(model);
    const double sceneWall = secondsSince(t0), sceneCpu = processSeconds() - c0;
    std::printf("model: %s, %zu triangles\n", model.name.c_str(), scene.triangleCount());
    std::printf(
        "BVH build: %.1f ms wall, %.1f ms CPU (both threads; %.1f of it on the calling thread) given the bounds, as "
        "PickScene does; on one thread %.1f ms wall, %.1f ms CPU; without the bounds %.1f ms wall, %.1f ms CPU "
        "(best of 5 each; %zu nodes, depth %d)\n",
        buildWall[0] * 1000.0, buildCpu[0] * 1000.0, callerCpu * 1000.0, buildWall[1] * 1000.0, buildCpu[1] * 1000.0,
        buildWall[2] * 1000.0, buildCpu[2] * 1000.0, scene.bvh().nodeCount(), scene.bvh().depth());
    std::printf("PickScene (world corners + BVH): %.1f ms wall, %.1f ms CPU\n", sceneWall * 1000.0, sceneCpu * 1000.0);

    // Rays from a camera in front of the model's bounds, aimed at random points of the bounds.
    const la::Aabb box = model.worldBounds();
    if (!box.valid()) {
        std::printf("no geometry\n");
        return 0;
    }
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    const glm::vec3 eye = box.center() + glm::vec3(0.0f, 0.0f, 3.0f * box.radius() + 0.1f);
    const int rays = 200000;
    std::vector<la::Ray> batch(rays);
    for (auto& r : batch) {
        glm::vec3 target = box.min + glm::vec3(u(rng), u(rng), u(rng)) * box.size();
        r = la::Ray{eye, glm::normalize(target - eye)};
    }
    // Everything visible (a click), then with the first node ghosted: a ray that meets only ghosted
    // triangles is traced twice, the first time accepting none of them (on a one-node model: all of them).
    double p0 = 0.0;
    for (const bool ghostFirst : {false, true}) {
        la::PickFilter filter(model.nodes.size(), la::PickMode::Visible);
        if (ghostFirst && !filter.empty()) filter[0] = la::PickMode::Ghosted;
        int hits = 0;
        t0 = std::chrono::steady_clock::now();
        p0 = threadSeconds();
        for (const auto& r : batch) hits += la::pick(scene, r, filter).has_value();
        const double pickTime = secondsSince(t0), pickCpu = threadSeconds() - p0;
        std::printf("pick%s: %d rays, %.2f us per ray wall, %.2f us CPU (%d hits)\n",
                    ghostFirst ? " (first node ghosted)" : "", rays, pickTime * 1e6 / rays, pickCpu * 1e6 / rays, hits);
    }

    const int allRays = 20000;
    std::size_t total = 0;
    t0 = std::chrono::steady_clock::now();
    p0 = threadSeconds();
    for (int i = 0; i < allRays; ++i) total += la::pickAll(scene, batch[static_cast<std::size_t>(i)]).size();
    const double allTime = secondsSince(t0), allCpu = threadSeconds() - p0;
    std::printf("pickAll: %d rays, %.2f us per ray wall, %.2f us CPU (%.1f hits per ray)\n", allRays,
                allTime * 1e6 / allRays, allCpu * 1e6 / allRays, static_cast<double>(total) / allRays);

    // Leader-line anchors (core/PanelAnchor): every structure's candidates, seen from behind and from the
    // front with the skin ghosted as the viewer shows it; the time per structure is what an open article
    // panel costs a frame.
    la::PickFilter anchorFilter(model.nodes.size(), la::PickMode::Visible);
    std::vector<la::NodeId> structures;
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
        if (model.nodes[n].name.find("skin") != std::string::npos) anchorFilter[n] = la::PickMode::Ghosted;
        if (model.nodes[n].mesh >= 0) structures.push_back(model.nodeId(n));
    }
    std::vector<std::vector<glm::vec3>> candidates;
    std::size_t candidateCount = 0;
    for (const la::NodeId id : structures) {
        candidates.push_back(la::anchorCandidates(model, id));
        candidateCount += candidates.back().size();
    }
    int seenCount = 0;
    double anchorCpu = 1e9;  // best of 5
    for (int pass = 0; pass < 5; ++pass) {
        double cpu = 0.0;
        seenCount = 0;
        for (const float side : {-1.0f, 1.0f}) {
            const glm::vec3 from = box.center() + glm::vec3(0.0f, 0.0f, side * 3.0f * box.radius());
            const glm::mat4 viewProj =
                glm::perspective(glm::radians(30.0f), 16.0f / 9.0f, 0.01f, 100.0f * box.radius()) *
                glm::lookAt(from, box.center(), glm::vec3(0.0f, 1.0f, 0.0f));
            p0 = threadSeconds();
            for (std::size_t i = 0; i < structures.size(); ++i)
                seenCount +=
                    la::chooseAnchor(scene, anchorFilter, structures[i], candidates[i], from, viewProj).visible;
            cpu += threadSeconds() - p0;
        }
        anchorCpu = std::min(anchorCpu, cpu);
    }
    if (!structures.empty())
        std::printf(
            "anchors: %zu structures x 2 views, %.1f us CPU per structure (%.2f per candidate; %d seen; best of 5)\n",
            structures.size(), anchorCpu * 1e6 / (2.0 * static_cast<double>(structures.size())),
            anchorCpu * 1e6 / (2.0 * static_cast<double>(std::max<std::size_t>(candidateCount, 1))), seenCount);
    return 0;
}
