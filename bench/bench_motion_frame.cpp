// What a frame of the window costs with every effect on (every referred-pain pattern, a ghosted muscle,
// the skin, as --pain all --ghost gluteus_maximus --explain sets them up; the article panels are UI and
// not drawn here), at rest (the full model at full resolution) and while the camera moves (the motion
// level of detail, at reduced resolution, upscaled): the scene into a single-sampled target of the
// window's size and the FXAA pass over it, as App::renderFrame does. Wall and CPU time (all threads:
// llvmpipe's too) per frame, medians of N frames while the camera turns. Needs a GL context:
//   xvfb-run -a ./build/bench/bench_motion_frame [WIDTHxHEIGHT] [FRAMES] [MODEL]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "core/MeshLod.h"
#include "ctrl/Viewer.h"
#include "render/FxaaPass.h"
#include "render/GpuScene.h"
#include "render/OffscreenTarget.h"
#include "render/Renderer.h"
#include "render/gl/State.h"

using namespace la;
using Clock = std::chrono::steady_clock;

namespace {
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}
double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
    int w = 1920, h = 1080, frames = 12;
    if (argc > 1 && std::sscanf(argv[1], "%dx%d", &w, &h) != 2) return 2;
    if (argc > 2) frames = std::max(1, std::atoi(argv[2]));
    const std::string model = argc > 3 ? argv[3] : std::string(LA_SOURCE_DIR) + "/models/lower_body.glb";
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* win = glfwCreateWindow(64, 64, "bench", nullptr, nullptr);
    if (!win) return 1;
    glfwMakeContextCurrent(win);
    {
        ctrl::Viewer v(false);
        v.loadCatalogue(std::string(LA_SOURCE_DIR) + "/content/structures");
        for (const auto& e : v.pain.load(std::string(LA_SOURCE_DIR) + "/content/referred_pain"))
            std::fprintf(stderr, "%s\n", e.c_str());
        if (auto ok = v.openModel(model); !ok) {
            std::fprintf(stderr, "%s\n", ok.error().c_str());
            return 1;
        }
        ctrl::SceneOptions o;
        o.pain = "all";
        o.explain = true;
        if (model.find("lower_body") != std::string::npos) o.ghost = "gluteus_maximus";
        if (auto ok = v.applySceneOptions(o); !ok) std::fprintf(stderr, "%s\n", ok.error().c_str());
        const float aspect = static_cast<float>(w) / static_cast<float>(h);
        v.applyPreset(ViewPreset::Posterior, aspect, false);
        v.prepareFrame(0.0f);
        auto renderer = render::Renderer::create();
        auto fxaa = render::FxaaPass::create();
        auto window = render::OffscreenTarget::create(w, h, 0);
        if (!renderer || !fxaa || !window) {
            std::fprintf(stderr, "setup failed\n");
            return 1;
        }
        render::GpuScene scene = render::GpuScene::upload(v.scene.model());
        v.pain.forceUpload();
        v.pain.uploadChanged([&](MeshId mesh, std::size_t prim, const std::vector<glm::vec4>& weights) {
            scene.setPainVertices(mesh, prim, weights);
        });
        auto t0 = Clock::now();
        const ModelLod lod = buildLod(v.scene.model());
        const double lodMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        scene.setLod(lod);

        struct Case {
            const char* name;
            bool lod;
            float scale;
        };
        const Case cases[] = {{"full model, full resolution (at rest)", false, 1.0f},
                              {"LOD, full resolution", true, 1.0f},
                              {"full model, 0.5 resolution", false, 0.5f},
                              {"LOD, 0.5 resolution (moving, most)", true, 0.5f},
                              {"LOD, 0.25 resolution (moving, least)", true, 0.25f}};
        std::printf("%dx%d, %s: LOD built in %.0f ms\n", w, h, model.c_str(), lodMs);
        const char* only = std::getenv("BENCH_CASE");  // 0-4: one case only (profiling)
        for (const Case& c : cases) {
            if (only && &c - cases != std::atoi(only)) continue;
            std::vector<double> wall, cpu;
            std::size_t triangles = 0;
            for (int i = 0; i < frames + 2; ++i) {
                v.camera.orbit(3.0f, 0.0f);
                v.camera.update(0.0f);
                const glm::ivec2 size(glm::max(glm::vec2(w, h) * c.scale, glm::vec2(1.0f)));
                const auto a = Clock::now();
                const double ca = cpuMs();
                renderer->draw(scene, v.scene.view(), v.camera, fxaa->sceneTarget(size), {c.lod});
                fxaa->resolve(window->target());
                gl::finish();
                triangles = renderer->lastStats().triangles;
                if (i < 2) continue;  // the first frames compile shaders and allocate targets
                wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
                cpu.push_back(cpuMs() - ca);
            }
            std::printf("  %-40s %7.1f ms wall, %7.1f ms CPU a frame (medians of %d), %zu triangles\n", c.name,
                        median(wall), median(cpu), frames, triangles);
        }
    }
    glfwDestroyWindow(win);
    glfwTerminate();
    return 0;
}
