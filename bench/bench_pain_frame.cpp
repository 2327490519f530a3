// Frame cost of the referred-pain overlay: the bundled model from behind at 1280x720 (MSAA 4x, the
// screenshot path's target), skin shown, drawn with no pattern and with every pattern (--pain all), the
// zones per vertex as the viewer composes them; also the one-off bake and a compose + upload (done only
// when what is shown changes). Needs a GL context (Xvfb + Mesa llvmpipe is fine):
//   xvfb-run -a ./build/bench/bench_pain_frame
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <epoxy/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "core/Camera.h"
#include "core/PainSurface.h"
#include "io/ModelLoader.h"
#include "io/PainLoader.h"
#include "render/GpuScene.h"
#include "render/OffscreenTarget.h"
#include "render/Renderer.h"
#include "render/gl/State.h"

using namespace la;
using Clock = std::chrono::steady_clock;

namespace {
double ms(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}
}  // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* win = glfwCreateWindow(64, 64, "bench", nullptr, nullptr);
    if (!win) return 1;
    glfwMakeContextCurrent(win);
    {
        auto model = io::loadModel(std::string(LA_SOURCE_DIR) + "/models/lower_body.glb");
        auto renderer = render::Renderer::create();
        auto target = render::OffscreenTarget::create(1280, 720, 4);
        if (!model || !renderer || !target) {
            std::fprintf(stderr, "setup failed\n");
            return 1;
        }
        render::GpuScene scene = render::GpuScene::upload(*model);
        const auto loaded = io::loadPainDir(std::string(LA_SOURCE_DIR) + "/content/referred_pain");
        const PainField field(loaded.patterns);
        const PainFlat flat = field.flatten();
        auto t0 = Clock::now();
        const PainBake bake = bakePain(*model, field, flat);
        const double bakeMs = ms(t0, Clock::now());

        Camera camera;
        camera.setSceneRadius(model->worldBounds().radius());
        camera.flyTo(camera.presetPose(ViewPreset::Posterior, model->worldBounds(), 1280.0f / 720.0f), 0.0f);
        camera.update(0.0f);
        ViewState view;
        view.generation = model->generation;
        view.nodes.assign(model->nodes.size(), NodeStyle{});
        const int skin = model->findNode("skin");
        if (skin >= 0) view.nodes[static_cast<std::size_t>(skin)].painSurface = true;

        auto frames = [&](int n) {
            std::vector<double> t;
            for (int i = 0; i < n + 3; ++i) {
                view.pain.linkGlow = 0.5f + 0.5f * static_cast<float>(i % 7) / 7.0f;  // animating uniform
                const auto a = Clock::now();
                renderer->draw(scene, view, camera, target->target());
                gl::finish();
                if (i >= 3) t.push_back(ms(a, Clock::now()));  // the first frames compile and warm up
            }
            std::sort(t.begin(), t.end());
            return t[t.size() / 2];
        };
        auto compose = [&](float weight) {
            const std::vector<float> w(flat.triggers.size(), weight);
            std::vector<glm::vec4> buffer;
            for (std::size_t m = 0; m < bake.meshes.size(); ++m)
                for (std::size_t p = 0; p < bake.meshes[m].size(); ++p)
                    if (!bake.meshes[m][p].entries.empty()) {
                        composePain(bake.meshes[m][p], w, 0, buffer);
                        scene.setPainVertices(bake.meshId(m), p, buffer);
                    }
            gl::finish();
        };
        constexpr int kFrames = 30;
        for (int round = 0; round < 2; ++round) {
            view.pain.active = false;
            const double off = frames(kFrames);
            t0 = Clock::now();
            compose(1.0f);
            const double composeMs = ms(t0, Clock::now());
            view.pain.active = true;
            const double on = frames(kFrames);
            std::printf(
                "round %d: frame without pain %.1f ms, with --pain all %.1f ms (%+.1f %%); bake %.1f ms "
                "(%zu entries), compose + upload %.1f ms\n",
                round + 1, off, on, 100.0 * (on - off) / off, bakeMs, bake.entryCount(), composeMs);
            compose(0.0f);
        }
    }
    glfwDestroyWindow(win);
    glfwTerminate();
    return 0;
}
