// Load time of a model file (default: the bundled model) and of the content folders, and the per-frame
// cost of placing the leader-line anchors of four panels (explain mode). Prints figures; asserts nothing.
// Usage: bench_load [MODEL] [runs]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "core/PanelAnchor.h"
#include "core/Pick.h"
#include "io/CatalogueLoader.h"
#include "io/ModelLoader.h"
#include "io/PainLoader.h"

namespace {
template <class F>
double millis(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
    const std::string root = LA_SOURCE_DIR;
    const std::string path = argc > 1 ? argv[1] : root + "/models/lower_body.glb";
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    double best = 1e300, bestPick = 1e300, bestAnchors = 1e300;
    std::size_t tris = 0;
    for (int i = 0; i < runs; ++i) {
        la::Result<la::Model> m = la::Error{""};
        best = std::min(best, millis([&] { m = la::io::loadModel(path); }));
        if (!m) {
            std::fprintf(stderr, "%s\n", m.error().c_str());
            return 1;
        }
        tris = m->triangleCount();
        std::optional<la::PickScene> scene;
        bestPick = std::min(bestPick, millis([&] { scene.emplace(*m); }));
        // Four panels' anchors from behind, as explain mode places them every frame (the featured muscles
        // of the bundled model, else the first four nodes with a mesh; candidates are cached in the viewer).
        const la::Aabb box = m->worldBounds();
        const glm::vec3 eye = box.center() + glm::vec3(0.0f, 0.0f, -2.5f * glm::length(box.size()));
        const glm::mat4 vp = glm::perspective(glm::radians(35.0f), 16.0f / 9.0f, 0.05f, 50.0f) *
                             glm::lookAt(eye, box.center(), glm::vec3(0.0f, 1.0f, 0.0f));
        std::vector<std::pair<la::NodeId, std::vector<glm::vec3>>> nodes;
        for (const char* name :
             {"quadratus_lumborum.L", "quadratus_lumborum.R", "gluteus_medius.L", "gluteus_medius.R"})
            for (std::size_t n = 0; n < m->nodes.size(); ++n)
                if (m->nodes[n].name == name) nodes.emplace_back(m->nodeId(n), la::anchorCandidates(*m, m->nodeId(n)));
        for (std::size_t n = 0; n < m->nodes.size() && nodes.size() < 4; ++n)
            if (m->nodes[n].mesh >= 0) nodes.emplace_back(m->nodeId(n), la::anchorCandidates(*m, m->nodeId(n)));
        bestAnchors = std::min(bestAnchors, millis([&] {
                                   for (const auto& [node, cands] : nodes)
                                       la::chooseAnchor(*scene, {}, node, cands, eye, vp);
                               }));
    }
    const double cat = millis([&] { la::io::loadCatalogueDir(root + "/content/structures"); });
    const double pain = millis([&] { la::io::loadPainDir(root + "/content/referred_pain"); });
    std::printf("model %s: %zu triangles, load %.1f ms, pick BVH build %.1f ms (best of %d)\n", path.c_str(), tris,
                best, bestPick, runs);
    std::printf("panel anchors: 4 panels x %d candidates, %.2f ms a frame\n", 160, bestAnchors);
    std::printf("content: structures %.1f ms, referred pain %.1f ms\n", cat, pain);
    return 0;
}
