// App: --chart MUSCLE[.L|.R] --screenshot OUT.png, the classic referred-pain chart for handouts: the body
// from behind and from the muscle's side, side by side, with the pattern and the X marks, and the legend
// in a column beside them.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "app/App.h"
#include "io/PngWriter.h"
#include "render/OffscreenTarget.h"
#include "ui/Fonts.h"
#include "ui/PainPanel.h"

namespace la::app {

namespace {
constexpr float kChartFill = 0.86f;  // of each view's half-height: room for the caption above the body
}  // namespace

void App::drawChartPart(glm::ivec2 viewport) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ctrl::Viewer& v = *viewer_;
    if (chartPart_ == ChartPart::View) {
        drawTriggerMarks(viewport);
        const ImVec2 size = ImGui::CalcTextSize(chartCaption_.c_str());
        dl->AddText(ImVec2((static_cast<float>(viewport.x) - size.x) * 0.5f, 14.0f), IM_COL32(30, 30, 40, 255),
                    chartCaption_.c_str());
        return;
    }
    const float margin = 16.0f;
    ImFont* bold = ui::font(ui::FontRole::Bold);
    dl->AddText(bold, ImGui::GetFontSize() * 1.3f, ImVec2(margin, margin), IM_COL32(20, 20, 30, 255),
                chartCaption_.c_str());
    ui::drawPainLegendAt(v.pain.field(), v.pain.state(), margin, margin + ImGui::GetFontSize() * 2.2f,
                         static_cast<float>(viewport.x) - 3.0f * margin - ImGui::GetFontSize() * 2.0f);
}

int App::runChart() {
    ctrl::Viewer& v = *viewer_;
    std::string key = options_.chart;
    if (!parsePainInstanceKey(key)) key += ".L";
    const auto inst = parsePainInstanceKey(key);
    if (!inst || !v.pain.field().find(inst->muscle)) {
        std::fprintf(stderr, "--chart '%s': no referred-pain pattern for that muscle (expected e.g. %s)\n",
                     options_.chart.c_str(),
                     v.pain.field().instanceKeys().empty() ? "quadratus_lumborum.L"
                                                           : v.pain.field().instanceKeys().front().c_str());
        return 2;
    }
    v.pain.state().patternsOn = {key};
    v.pain.state().playing = false;  // a handout: no link glow
    const SceneNode* node = v.scene.index().findKey(key);
    const std::string title = (node ? node->label : key) + ": referred pain";

    const int width = options_.width, height = options_.height;
    const int viewWidth = std::max(16, width * 5 / 16), legendWidth = std::max(16, width - 2 * viewWidth);
    std::vector<std::uint8_t> page(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 255);
    auto paste = [&](const std::vector<std::uint8_t>& part, int partWidth, int x0) {
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < partWidth && x0 + x < width; ++x)
                std::copy_n(&part[(static_cast<std::size_t>(y) * static_cast<std::size_t>(partWidth) +
                                   static_cast<std::size_t>(x)) *
                                  4],
                            4,
                            &page[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                   static_cast<std::size_t>(x0 + x)) *
                                  4]);
    };
    auto target = stillTarget(viewWidth, height);
    if (!target) {
        std::fprintf(stderr, "%s\n", target.error().c_str());
        return 1;
    }
    const bool left = inst->side == Side::Left;
    struct View {
        ViewPreset preset;
        const char* caption;
    };
    const View views[2] = {
        {ViewPreset::Posterior, "From behind"},
        {left ? ViewPreset::Left : ViewPreset::Right, left ? "From the left side" : "From the right side"}};
    chartPart_ = ChartPart::View;
    for (int i = 0; i < 2; ++i) {
        // Each view fills its column, as on a printed chart: the box of the body, not its sphere.
        const float aspect = static_cast<float>(viewWidth) / static_cast<float>(height);
        const Aabb bounds = v.scene.model().worldBounds();
        v.camera.flyTo(
            v.camera.fitPose(v.camera.presetPose(views[i].preset, bounds, aspect), bounds, aspect, kChartFill), 0.0f);
        chartCaption_ = views[i].caption;
        renderStill(target->target());
        paste(target->readPixels(), viewWidth, i * viewWidth);
    }
    // The legend column: title and legend on white.
    auto legendTarget = stillTarget(legendWidth, height);
    if (!legendTarget) {
        std::fprintf(stderr, "%s\n", legendTarget.error().c_str());
        return 1;
    }
    chartPart_ = ChartPart::Legend;
    chartCaption_ = title;
    for (int i = 0; i < 6; ++i) {
        legendTarget->target().clear(glm::vec4(1.0f));
        renderFrame(legendTarget->target(), true, false);
    }
    paste(legendTarget->readPixels(), legendWidth, 2 * viewWidth);
    chartPart_ = ChartPart::None;
    if (auto ok = io::writePng(options_.screenshot, width, height, page); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().c_str());
        return 1;
    }
    return 0;
}

}  // namespace la::app
