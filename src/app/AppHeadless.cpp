// App without a window: --screenshot (one still, with --pick reports) and --tour --export-dir
// (handouts: every step of a tour as a PNG). A surfaceless EGL context (no X server), an offscreen
// target, the same renderFrame.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <future>

#include <imgui.h>

#include "app/App.h"
#include "app/ImGuiLayer.h"
#include "app/Window.h"
#include "core/HandoutPlan.h"
#include "export/PdfHandout.h"
#include "io/PngWriter.h"
#include "io/TourLoader.h"
#include "la_version.h"
#include "render/OffscreenTarget.h"
#include "render/gl/State.h"
#include "ui/Screen.h"

namespace la::app {

namespace fs = std::filesystem;

namespace {
// Text size for stills: proportional to the image height (720 pixels = the window's default).
float stillFontScale(int height) {
    return std::clamp(static_cast<float>(height) / 720.0f, 0.75f, 3.0f);
}
}  // namespace

std::string exportFileName(int stepIndex) {
    char name[32];
    std::snprintf(name, sizeof name, "step-%02d.png", stepIndex + 1);
    return name;
}

int App::startHeadless() {
    headless_ = true;
    if (!viewer_) viewer_.emplace(false);
    // The structure files (whose names the model's registration looks up) and then the model are read on
    // another thread while the GL context, shaders and fonts are made; the pain patterns here.
    const bool readCatalogue = viewer_->scene.catalogue().empty();
    loadContent(false);
    timeline_.mark("content");
    viewer_->registerModels = !options_.noRegister;
    const std::string path = options_.model.empty() ? bundledModelPath() : options_.model;
    struct Prepared {
        std::optional<io::CatalogueLoad> catalogue;  // read there (none: the viewer's was used)
        Result<ctrl::LoadedModel> model = Error{""};
    };
    const std::string structures = readCatalogue ? (fs::path(dataDir()) / "content" / "structures").string() : "";
    auto model =
        std::async(std::launch::async, [path, structures, load = loadOptions(), &current = viewer_->scene.catalogue(),
                                        reg = viewer_->registerModels, &tl = timeline_] {
            Prepared out;
            if (!structures.empty()) out.catalogue = io::loadCatalogueDir(structures);
            const Catalogue& catalogue = out.catalogue ? out.catalogue->catalogue : current;
            out.model = ctrl::Viewer::prepareModel(path, load, catalogue, reg);
            tl.mark("model parsed (worker thread)");
            return out;
        });
    // No display server needed: EGL's surfaceless platform; a hidden GLFW window only where EGL lacks it.
    if (auto egl = gl::EglContext::createSurfaceless()) {
        egl_ = std::move(*egl);
    } else {
        auto win = Window::create(64, 64, false, "Lumbar Atlas");
        if (!win) {
            std::fprintf(stderr, "%s; %s\n", egl.error().c_str(), win.error().c_str());
            return 1;
        }
        window_ = std::move(*win);
    }
    timeline_.mark("GL context");
    // Fonts and ImGui only when the picture has UI on it (panels, pain legend and marks, caption bar, chrome).
    if (stillHasUi()) {
        imgui_ = std::make_unique<ImGuiLayer>(window_ ? window_->handle() : nullptr,
                                              options_.uiScale > 0.0f ? options_.uiScale : 1.0f, false);
        applySidebarOption();
        timeline_.mark("ImGui and fonts");
    }
    if (!createRenderPasses()) return 1;
    if (timeline_.enabled()) gl::finish();
    timeline_.mark("renderer (shaders compiled and linked)");
    Prepared prepared = model.get();
    if (prepared.catalogue) viewer_->applyCatalogue(std::move(*prepared.catalogue));
    auto& loaded = prepared.model;
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().c_str());
        return 1;
    }
    timeline_.mark("waited for the model");
    viewer_->applyLoaded(std::move(*loaded), path);
    timeline_.mark("model in place");
    gpuScene_ = render::GpuScene::upload(viewer_->scene.model(), renderer_->mipmapsFor(viewer_->scene.model()));
    viewer_->pain.forceUpload();  // the GPU copy starts with no pain weights
    if (timeline_.enabled()) gl::finish();
    timeline_.mark("model uploaded");
    return 0;
}

Result<render::OffscreenTarget> App::stillTarget(int width, int height) const {
    const bool msaa = options_.aa == "msaa";
    return render::OffscreenTarget::create(width, height, msaa ? 4 : 0, !fxaa_);
}

bool App::createRenderPasses() {
    auto r = render::Renderer::create();
    if (!r) {
        std::fprintf(stderr, "%s\n", r.error().c_str());
        return false;
    }
    renderer_ = std::move(*r);
    if (options_.aa != "msaa") {  // the scene single-sampled, then filtered (fxaa) or copied (off)
        auto fxaa = render::FxaaPass::create();
        if (!fxaa) {
            std::fprintf(stderr, "%s\n", fxaa.error().c_str());
            return false;
        }
        fxaa_ = std::move(*fxaa);
    }
    return true;
}

bool App::stillHasUi() const {
    return !options_.exportDir.empty() || !options_.exportPdf.empty() || !options_.chart.empty() ||
           !options_.tour.empty() || options_.presenter || options_.explain || !options_.select.empty() ||
           !options_.pain.empty() || options_.sidebar.has_value() || options_.click.has_value() ||
           options_.layoutReport;
}

int App::runHeadless() {
    headless_ = true;
    std::error_code ec;  // a path the system refuses is one line, not an exception
    const auto folder = fs::absolute(options_.screenshot, ec).parent_path();
    if (!fs::is_directory(folder, ec)) {
        std::fprintf(stderr, "%s: the folder %s does not exist\n", options_.screenshot.c_str(),
                     folder.string().c_str());
        return 1;
    }
    if (const int code = startHeadless(); code != 0) return code;
    if (!applySceneOptions()) return 2;
    timeline_.mark("scene options");
    if (!options_.chart.empty()) return runChart();
    auto target = stillTarget(options_.width, options_.height);
    if (!target) {
        std::fprintf(stderr, "%s\n", target.error().c_str());
        return 1;
    }
    if (timeline_.enabled()) gl::finish();
    timeline_.mark("offscreen target");
    viewer_->applyPreset(viewer_->firstView(options_.view, options_.viewGiven), aspect(), false);
    // --tour with --screenshot: that step (--step, default 1), e.g. to check presenter mode (--presenter).
    if (const int code = prepareTourStill(); code != 0) return code;
    if (options_.click) {
        // --click X,Y: what a click there does (select; with pain shown, the lookup beside it), once the
        // layout (and the view's centre beside the sidebar) has settled.
        renderStill(target->target());
        viewer_->click(glm::vec2(*options_.click), {options_.width, options_.height});
    }
    renderStill(target->target());
    timeline_.mark("draw calls given");
    if (timeline_.enabled()) gl::finish();
    timeline_.mark("drawn (finish)");
    const auto pixels = target->readPixels();
    timeline_.mark("resolved and read back");
    printPicks({options_.width, options_.height});
    if (options_.layoutReport && imgui_) {
        std::printf("%s", ui::layoutReport(layout_, drawnItems_).c_str());
        for (const ui::DrawnItem& m : markItems_)  // the trigger points' X's and numbers over the body
            std::printf("layout mark %s %.0f %.0f %.0f %.0f\n", m.name.c_str(), m.rect.min.x, m.rect.min.y,
                        m.rect.size().x, m.rect.size().y);
    }
    if (auto ok = io::writePng(options_.screenshot, options_.width, options_.height, pixels); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        return 1;
    }
    timeline_.mark("PNG written");
    return 0;
}

void App::applySidebarOption() {
    if (!options_.sidebar) return;
    viewer_->ui.sidebarOpen = *options_.sidebar >= 0;
    if (*options_.sidebar >= 0) viewer_->ui.sidebarTab = static_cast<SidebarTab>(*options_.sidebar);
}

void App::printPicks(glm::ivec2 viewport) const {
    const ctrl::Viewer& v = *viewer_;
    for (const auto& p : options_.picks) {
        int x = 0, y = 0;
        std::sscanf(p.c_str(), "%d,%d", &x, &y);
        // Pixel centres: the pixel (x, y) covers [x, x+1) x [y, y+1).
        const glm::vec2 at(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
        const auto hit = v.scene.pickAt(v.camera, at, viewport);
        const SceneNode* n = hit ? v.scene.index().find(hit->node) : nullptr;
        std::string pain;
        if (const auto surface = v.scene.surfaceAt(v.camera, at, viewport))
            for (const auto& e : v.pain.coverage(*surface)) {
                const std::string item = e.instance + (e.kind == ZoneKind::Essential ? ":essential" : ":spillover");
                // One entry per muscle instance: its strongest kind (coverage lists essential first).
                if (pain.find(e.instance + ":") == std::string::npos) pain += (pain.empty() ? "" : ",") + item;
            }
        std::printf("pick %d,%d: %s%s\n", x, y, n ? n->uniqueName().c_str() : "none",
                    pain.empty() ? "" : (" pain=" + pain).c_str());
    }
    std::fflush(stdout);
}

int App::prepareTourStill() {
    ctrl::TourController& t = viewer_->tours;
    const float scale = stillFontScale(options_.height) * (options_.presenter ? t.presenter.fontScale : 1.0f);
    // A still of the window's look (--sidebar) keeps the window's sizes; the others grow with the picture.
    if (imgui_ && (options_.presenter || !options_.tour.empty()) && !options_.sidebar) imgui_->setFontScale(scale);
    if (imgui_ && options_.presenter && options_.sidebar) imgui_->setFontScale(viewer_->tours.presenter.fontScale);
    t.presenter.active = options_.presenter;
    if (options_.tour.empty()) return 0;
    if (auto ok = viewer_->openTour(options_.tour); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        return 1;
    }
    if (options_.step > static_cast<int>(t.player().stepCount())) {
        std::fprintf(stderr, "lumbar-atlas: --step %d: %s has %zu steps\n", options_.step, options_.tour.c_str(),
                     t.player().stepCount());
        return 2;
    }
    t.player().goTo(options_.step - 1);
    t.player().finishTransition();
    // Scene options given with a tour go on top of its step, as in the window.
    if (auto ok = viewer_->applyTourStepWithOptions(sceneOptions(), false, framebufferSize(), tourFontScale()); !ok) {
        std::fprintf(stderr, "lumbar-atlas: %s\n", ok.error().c_str());
        return 2;
    }
    return 0;
}

int App::runExport() {
    headless_ = true;
    exporting_ = true;
    viewer_.emplace(false);
    // Before any window: a bad tour is reported even without a display.
    viewer_->loadCatalogue((fs::path(dataDir()) / "content" / "structures").string());
    auto tour = io::loadTour(options_.tour, ctrl::catalogueIds(viewer_->scene.catalogue()));
    if (!tour) {
        std::fprintf(stderr, "%s\n", tour.error().c_str());
        return 1;
    }
    const bool pngs = !options_.exportDir.empty(), pdf = !options_.exportPdf.empty();
    std::error_code ec;
    if (pngs) fs::create_directories(options_.exportDir, ec);
    if (pngs && (ec || !fs::is_directory(options_.exportDir))) {
        std::fprintf(stderr, "%s: cannot create the folder (%s)\n", options_.exportDir.c_str(),
                     ec ? ec.message().c_str() : "not a folder");
        return 1;
    }
    exporter::HandoutDocument handout;
    if (pdf) handout.plan = planHandout(*tour, viewer_->scene.catalogue());
    if (const int code = startHeadless(); code != 0) return code;
    if (imgui_) imgui_->setFontScale(stillFontScale(options_.height));
    auto target = stillTarget(options_.width, options_.height);
    if (!target) {
        std::fprintf(stderr, "%s\n", target.error().c_str());
        return 1;
    }
    ctrl::TourController& t = viewer_->tours;
    t.load(std::move(*tour), options_.tour);
    const glm::ivec2 size(options_.width, options_.height);
    for (std::size_t i = 0; i < t.player().stepCount(); ++i) {
        t.player().goTo(static_cast<int>(i));
        t.player().finishTransition();  // stills: the step itself, no cross-fade, no flight
        applyTourStep(false);
        renderStill(target->target());
        auto pixels = target->readPixels();
        if (pngs) {
            const std::string file = (fs::path(options_.exportDir) / exportFileName(static_cast<int>(i))).string();
            if (auto ok = io::writePng(file, size.x, size.y, pixels); !ok) {
                std::fprintf(stderr, "%s\n", ok.error().c_str());
                return 1;
            }
        }
        if (pdf) handout.pictures.push_back({size.x, size.y, std::move(pixels)});
    }
    if (pngs) std::printf("%zu steps written to %s\n", t.player().stepCount(), options_.exportDir.c_str());
    if (pdf) {
        handout.version = kVersion;
        handout.sources = exporter::defaultHandoutSources();
        if (auto ok = exporter::writeHandoutPdf(options_.exportPdf, handout); !ok) {
            std::fprintf(stderr, "%s\n", ok.error().c_str());
            return 1;
        }
        std::printf("handout of %zu steps written to %s\n", t.player().stepCount(), options_.exportPdf.c_str());
    }
    return 0;
}

}  // namespace la::app
