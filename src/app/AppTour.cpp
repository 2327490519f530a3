// App: guided tours. The list of bundled and user tours, playing a tour step by step, authoring in the
// viewer, the caption bar and article panels, and the handout export (--tour FILE --export-dir DIR).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <variant>

#include <imgui.h>

#include "app/App.h"
#include "app/ImGuiLayer.h"
#include "core/TourApply.h"
#include "io/AtomicFile.h"
#include "io/TourLoader.h"
#include "io/XdgPaths.h"
#include "render/OffscreenTarget.h"
#include "ui/ArticlePanel.h"
#include "ui/CaptionBar.h"

namespace la::app {

namespace fs = std::filesystem;

namespace {

constexpr float kExportPainTime = 0.5f;  // seconds into the pain animation when a step gives no pain_time

// Tour ids are checked against the catalogue: sided structures also with .L / .R.
io::IdPredicate catalogueIds(const Catalogue& catalogue) {
    std::vector<std::string> ids, sided;
    for (const auto& e : catalogue.entries()) (e.sided ? sided : ids).push_back(e.id);
    return io::makeIdPredicate(std::move(ids), std::move(sided));
}

std::string bundledTourDir() {
    return (fs::path(dataDir()) / "content" / "tours").string();
}
std::string userTourDir() {
    return (fs::path(io::dataDir(io::processEnv)) / "tours").string();
}

// A file name from what the user typed: letters, digits, '-' and '_' (spaces become '_'), ".json" added.
std::string tourFileName(std::string typed) {
    if (typed.size() >= 5 && typed.compare(typed.size() - 5, 5, ".json") == 0) typed.resize(typed.size() - 5);
    std::string name;
    for (char c : typed) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_')
            name += c;
        else if (c == ' ')
            name += '_';
    }
    return name.empty() ? std::string() : name + ".json";
}

// Text size for stills: proportional to the image height (720 pixels = the window's default).
float stillFontScale(int height) {
    return std::clamp(static_cast<float>(height) / 720.0f, 0.75f, 3.0f);
}

}  // namespace

void App::scanTours() {
    const std::string chosenPath = tour_.path;
    tour_.list.clear();
    const auto ids = catalogueIds(catalogue_);
    for (const auto& [dir, user] : {std::pair{bundledTourDir(), false}, std::pair{userTourDir(), true}}) {
        io::TourLoadResult r = io::loadTourDir(dir, ids);
        for (auto& t : r.tours) tour_.list.push_back({t.tour.title, t.path, user});
        for (const auto& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
        if (!r.errors.empty() && !headless_) {
            ui_.message = r.errors.front();
            ui_.messageIsError = true;
        }
    }
    tour_.panel.chosen = -1;
    for (std::size_t i = 0; i < tour_.list.size(); ++i)
        if (!chosenPath.empty() && tour_.list[i].path == chosenPath) tour_.panel.chosen = static_cast<int>(i);
}

Result<bool> App::openTour(const std::string& path) {
    auto tour = io::loadTour(path, catalogueIds(catalogue_));
    if (!tour) return Error{tour.error()};
    tour_.player.load(std::move(*tour));
    tour_.loaded = true;
    tour_.path = path;
    tour_.panel.titleLoaded = false;
    tour_.panel.captionStep = -1;
    tour_.panel.chosen = -1;
    for (std::size_t i = 0; i < tour_.list.size(); ++i)
        if (tour_.list[i].path == path) tour_.panel.chosen = static_cast<int>(i);
    applyTourStep(!headless_);
    return true;
}

void App::applyTourStep(bool animate) {
    const TourStep* step = tour_.player.currentStep();
    if (!step) return;
    tour_.appliedStep = tour_.player.current();
    const glm::ivec2 fb = headless_ ? glm::ivec2(options_.width, options_.height) : framebufferSize();
    const float aspect = static_cast<float>(fb.x) / static_cast<float>(std::max(fb.y, 1));
    const CameraPose pose = std::holds_alternative<ViewPreset>(step->camera)
                                ? camera_.presetPose(std::get<ViewPreset>(step->camera), model_.worldBounds(), aspect)
                                : std::get<CameraPose>(step->camera);
    camera_.flyTo(pose, animate ? std::max(tour_.player.transitionSeconds(), 0.1f) : 0.0f);

    StepScene scene = resolveStep(*step, index_, catalogue_, model_.nodes.size());
    ui_.scene.visibility = std::move(scene.visibility);
    ui_.scene.peelDepth = 0;
    select(scene.selected);
    ui_.scene.explain = scene.explain;
    // The step's other panels are pinned in a column at the right edge, below the menu bar.
    auto& panels = ui_.scene.panels;
    panels.erase(std::remove_if(panels.begin(), panels.end(), [](const ui::PanelState& p) { return p.pinned; }),
                 panels.end());
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const float scale = atlas->Fonts.Size > 0 ? atlas->Fonts[0]->FontSize / 17.0f : 1.0f;
    for (std::size_t k = 0; k < scene.panelNodes.size(); ++k) {
        ui::PanelState st;
        st.node = scene.panelNodes[k];
        st.pinned = true;
        st.pinnedPos = {static_cast<float>(fb.x) - 372.0f * scale,
                        40.0f * scale + static_cast<float>(k) * 240.0f * scale};
        panels.push_back(st);
    }
    tour_.articles = std::move(scene.articles);
    if (auto ok = setPainPatterns(step->pain); !ok) scene.warnings.push_back(ok.error());
    if (step->painTime)
        painState_.time = *step->painTime;
    else if (headless_)
        painState_.time = kExportPainTime;
    const std::string where = tour_.path.empty() ? std::string("tour") : tour_.path;
    for (const auto& w : scene.warnings) {
        const std::string line = where + ": step " + std::to_string(tour_.player.current() + 1) + ": " + w;
        std::fprintf(stderr, "%s\n", line.c_str());
        if (!headless_) {
            ui_.message = line;
            ui_.messageIsError = true;
        }
    }
}

TourStep App::captureView() const {
    ViewCapture v;
    v.pose = camera_.pose;
    v.visibility = effectiveVisibility(index_, ui_.scene.visibility, ui_.scene.peelDepth);
    v.selected = ui_.scene.selected;
    for (const auto& p : ui_.scene.panels)
        if (p.pinned) v.panelNodes.push_back(p.node);
    v.explain = ui_.scene.explain;
    v.pain.assign(painState_.patternsOn.begin(), painState_.patternsOn.end());
    TourStep step = captureStep(v, index_);
    for (const auto& a : tour_.articles) step.panels.push_back(a);
    return step;
}

void App::drawTourUi() {
    tour_.player.update(frameDt_);
    const bool chrome = !headless_ && !presenter_.active;
    if (chrome) {
        tour_.panel.open = ui_.showTours;
        ui::TourActions actions;
        drawTourPanel(tour_.panel, tour_.list, tour_.player, actions);
        ui_.showTours = tour_.panel.open;
        if (actions.any()) handleTourActions(actions);
    }
    // The caption bar first: the article panels stop above it.
    const float statusBar = chrome && ui_.showStatusBar ? ImGui::GetFrameHeight() : 0.0f;
    tour_.captionHeight = 0.0f;
    if (tour_.loaded && !tour_.player.empty()) {
        const CaptionFade fade = captionFade(tour_.player);
        ui::CaptionView cap;
        cap.text = fade.step >= 0 ? tour_.player.tour().steps[static_cast<std::size_t>(fade.step)].caption : "";
        cap.alpha = fade.alpha;
        cap.step = tour_.player.current() + 1;
        cap.count = static_cast<int>(tour_.player.stepCount());
        cap.bottomOffset = statusBar;
        tour_.captionHeight = ui::drawCaptionBar(cap);
    }
    std::vector<ui::ArticleView> articles;
    for (const auto& ref : tour_.articles) {
        const PanelRef r = splitPanelRef(ref);
        articles.push_back({catalogue_.find(r.id), std::string(r.section)});
    }
    int closed = -1;
    if (ui::drawArticlePanels(articles, ui_.scene.therapist, chrome ? ImGui::GetFrameHeight() : 0.0f,
                              statusBar + tour_.captionHeight, closed))
        tour_.articles.erase(tour_.articles.begin() + closed);
}

void App::handleTourActions(const ui::TourActions& a) {
    auto say = [this](const std::string& text, bool error) {
        ui_.message = text;
        ui_.messageIsError = error;
        if (error) std::fprintf(stderr, "%s\n", text.c_str());
    };
    TourPlayer& p = tour_.player;
    if (a.openTour && *a.openTour >= 0 && *a.openTour < static_cast<int>(tour_.list.size())) {
        if (auto ok = openTour(tour_.list[static_cast<std::size_t>(*a.openTour)].path); !ok) say(ok.error(), true);
    }
    if (a.newTour || (a.addStep && !tour_.loaded)) {
        p.load(Tour{"My tour", "", {}});
        tour_.loaded = true;
        tour_.path.clear();
        tour_.panel.chosen = -1;
        tour_.panel.titleLoaded = false;
    }
    if (a.closeTour) {
        p.load(Tour{});
        tour_.loaded = false;
        tour_.path.clear();
        tour_.articles.clear();
        tour_.panel.chosen = -1;
    }
    bool moved = false;
    if (a.first) moved |= p.first();
    if (a.previous) moved |= p.previous();
    if (a.next) moved |= p.next();
    if (a.goTo) moved |= p.goTo(*a.goTo);
    if (moved) applyTourStep(true);
    const auto cur = static_cast<std::size_t>(std::max(p.current(), 0));
    if (a.addStep) p.addStep(captureView(), p.empty() ? 0 : cur + 1);
    if (a.replaceStep && p.currentStep()) {
        TourStep s = captureView();
        s.caption = p.currentStep()->caption;
        p.replaceStep(cur, std::move(s));
    }
    if (a.removeStep) p.removeStep(cur);
    if (a.move != 0 && !p.empty()) {
        const int to = static_cast<int>(cur) + a.move;
        if (to >= 0 && to < static_cast<int>(p.stepCount())) p.moveStep(cur, static_cast<std::size_t>(to));
    }
    if (a.caption && p.currentStep()) p.setCaption(cur, *a.caption);
    if (a.title) p.setTitle(*a.title);
    if (a.saveAs) {
        const std::string name = tourFileName(*a.saveAs);
        if (name.empty()) {
            say("'" + *a.saveAs + "': a tour file name needs letters or digits", true);
        } else {
            Tour t = p.tour();
            if (t.title.empty()) t.title = name.substr(0, name.size() - 5);
            const std::string path = (fs::path(userTourDir()) / name).string();
            std::error_code ec;
            fs::create_directories(userTourDir(), ec);
            if (auto ok = io::writeFileAtomically(path, io::tourToJson(t)); !ok) {
                say(ok.error(), true);
            } else {
                tour_.path = path;
                scanTours();
                say("Tour saved: " + path, false);
            }
        }
    }
    if (a.copyView) {
        ImGui::SetClipboardText(io::cameraPoseToJson(camera_.pose).c_str());
        say("View copied as JSON.", false);
    }
    if (a.pasteView) {
        const char* text = ImGui::GetClipboardText();
        auto pose = io::cameraPoseFromJson(text ? text : "");
        if (!pose)
            say(pose.error(), true);
        else
            camera_.flyTo(*pose, 0.6f);
    }
    if (a.presenter) pending_.presenter = !presenter_.active;
}

int App::prepareTourStill() {
    const float scale = stillFontScale(options_.height) * (options_.presenter ? presenter_.fontScale : 1.0f);
    if (options_.presenter || !options_.tour.empty()) imgui_->setFontScale(scale);
    presenter_.active = options_.presenter;
    if (options_.tour.empty()) return 0;
    if (auto ok = openTour(options_.tour); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        return 1;
    }
    if (options_.step > static_cast<int>(tour_.player.stepCount())) {
        std::fprintf(stderr, "lumbar-atlas: --step %d: %s has %zu steps\n", options_.step, options_.tour.c_str(),
                     tour_.player.stepCount());
        return 2;
    }
    tour_.player.goTo(options_.step - 1);
    tour_.player.finishTransition();
    applyTourStep(false);
    return 0;
}

int App::runExport() {
    headless_ = true;
    loadCatalogue();  // before any window: a bad tour is reported even without a display
    auto tour = io::loadTour(options_.tour, catalogueIds(catalogue_));
    if (!tour) {
        std::fprintf(stderr, "%s\n", tour.error().c_str());
        return 1;
    }
    std::error_code ec;
    fs::create_directories(options_.exportDir, ec);
    if (ec || !fs::is_directory(options_.exportDir)) {
        std::fprintf(stderr, "%s: cannot create the folder (%s)\n", options_.exportDir.c_str(),
                     ec ? ec.message().c_str() : "not a folder");
        return 1;
    }
    if (const int code = startHeadless(); code != 0) return code;
    imgui_->setFontScale(stillFontScale(options_.height));
    auto target = render::OffscreenTarget::create(options_.width, options_.height, 4);
    if (!target) {
        std::fprintf(stderr, "%s\n", target.error().c_str());
        return 1;
    }
    tour_.player.load(std::move(*tour));
    tour_.loaded = true;
    tour_.path = options_.tour;
    const glm::ivec2 size(options_.width, options_.height);
    for (std::size_t i = 0; i < tour_.player.stepCount(); ++i) {
        tour_.player.goTo(static_cast<int>(i));
        tour_.player.finishTransition();  // stills: the step itself, no cross-fade, no flight
        applyTourStep(false);
        target->bind();
        renderStill(size);
        const std::string file = (fs::path(options_.exportDir) / exportFileName(static_cast<int>(i))).string();
        if (auto ok = render::writePng(file, size.x, size.y, target->readPixels()); !ok) {
            std::fprintf(stderr, "%s\n", ok.error().c_str());
            return 1;
        }
    }
    std::printf("%zu steps written to %s\n", tour_.player.stepCount(), options_.exportDir.c_str());
    return 0;
}

}  // namespace la::app
