// Picking benchmark: BVH build time and rays per second on a synthetic ~300k-triangle model
// (a grid of UV spheres), or on a model file given as the first argument. Prints figures only.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>

#include <glm/gtc/matrix_transform.hpp>

#include "core/Model.h"
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

    auto t0 = std::chrono::steady_clock::now();
    la::PickScene scene(model);
    const double build = secondsSince(t0);
    std::printf("model: %s, %zu triangles\n", model.name.c_str(), scene.triangleCount());
    std::printf("BVH build: %.1f ms (%zu nodes, depth %d)\n", build * 1000.0, scene.bvh().nodeCount(),
                scene.bvh().depth());

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
    la::PickFilter filter(model.nodes.size(), la::PickMode::Visible);
    if (!filter.empty()) filter[0] = la::PickMode::Ghosted;
    int hits = 0;
    t0 = std::chrono::steady_clock::now();
    for (const auto& r : batch) hits += la::pick(scene, r, filter).has_value();
    const double pickTime = secondsSince(t0);
    std::printf("pick: %d rays in %.1f ms = %.0f rays/s (%d hits)\n", rays, pickTime * 1000.0, rays / pickTime, hits);

    const int allRays = 20000;
    std::size_t total = 0;
    t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < allRays; ++i) total += la::pickAll(scene, batch[static_cast<std::size_t>(i)]).size();
    const double allTime = secondsSince(t0);
    std::printf("pickAll: %d rays in %.1f ms = %.0f rays/s (%.1f hits per ray)\n", allRays, allTime * 1000.0,
                allRays / allTime, static_cast<double>(total) / allRays);
    return 0;
}
