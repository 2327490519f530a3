#include "app/ImGuiLayer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "core/InputFeed.h"
#include "core/ScreenLayout.h"
#include "render/UiLayer.h"

namespace la::app {

namespace {
std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h * 0xFF51AFD7ED558CCDULL;
}
std::uint64_t hashBytes(std::uint64_t h, const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, 8);
        h = mix(h, w);
    }
    std::uint64_t tail = bytes;
    for (; i < bytes; ++i) tail = (tail << 8) | p[i];
    return mix(h, tail);
}

// What a draw list draws (core/UiLayerCache.h): its window's name, a hash of its vertices, indices and
// commands measured from the whole pixel of its first vertex (a window moved by whole pixels hashes the
// same), and the framebuffer pixels its clip rectangles bound.
UiListInfo describe(const ImDrawList& l, const ImDrawData& dd, glm::ivec2 fb) {
    UiListInfo info;
    const char* name = l._OwnerName ? l._OwnerName : "";
    info.id = hashBytes(0, name, std::strlen(name));
    // Moving by whole framebuffer pixels is whole logical pixels only at a framebuffer scale of 1.
    const bool movable = dd.FramebufferScale.x == 1.0f && dd.FramebufferScale.y == 1.0f && l.VtxBuffer.Size > 0;
    const glm::vec2 origin =
        movable ? glm::floor(glm::vec2(l.VtxBuffer[0].pos.x, l.VtxBuffer[0].pos.y)) : glm::vec2(0.0f);
    std::uint64_t h = 1;
    for (const ImDrawVert& v : l.VtxBuffer) {
        // To 1/64 pixel: ImGui computes the anti-aliased fringes from absolute positions, so a moved
        // window's vertices differ from the first one's by float rounding (1e-4 pixel), far below what
        // rasterisation resolves.
        const float rel[2] = {std::round((v.pos.x - origin.x) * 64.0f), std::round((v.pos.y - origin.y) * 64.0f)};
        h = hashBytes(h, rel, sizeof rel);
        h = hashBytes(h, &v.uv, sizeof v.uv + sizeof v.col);
    }
    h = hashBytes(h, l.IdxBuffer.Data, static_cast<std::size_t>(l.IdxBuffer.Size) * sizeof(ImDrawIdx));
    glm::vec2 lo(1e30f), hi(-1e30f);
    info.overlay = &l == ImGui::GetBackgroundDrawList() || &l == ImGui::GetForegroundDrawList();
    for (const ImDrawCmd& c : l.CmdBuffer) {
        if (c.UserCallback) info.overlay = true;  // drawn live, never cached
        const std::uint64_t ids[4] = {reinterpret_cast<std::uintptr_t>(c.TextureId), c.VtxOffset, c.IdxOffset,
                                      c.ElemCount};
        h = hashBytes(h, ids, sizeof ids);
        // The pixels its triangles cover within its clip rectangle (a window's first commands clip to the
        // whole screen but draw only its frame).
        glm::vec2 vlo(1e30f), vhi(-1e30f);
        for (unsigned k = c.IdxOffset; k < c.IdxOffset + c.ElemCount && k < static_cast<unsigned>(l.IdxBuffer.Size);
             ++k) {
            const unsigned v = c.VtxOffset + l.IdxBuffer[static_cast<int>(k)];
            if (v >= static_cast<unsigned>(l.VtxBuffer.Size)) continue;
            const ImVec2 p = l.VtxBuffer[static_cast<int>(v)].pos;
            vlo = glm::min(vlo, glm::vec2(p.x, p.y));
            vhi = glm::max(vhi, glm::vec2(p.x, p.y));
        }
        // A clip rectangle around all of the command's triangles clips nothing: it counts as none, so the
        // screen-wide clip of a window's frame does not tie the window to where it is.
        const bool clips = c.ElemCount > 0 && (vlo.x < c.ClipRect.x || vlo.y < c.ClipRect.y || vhi.x > c.ClipRect.z ||
                                               vhi.y > c.ClipRect.w);
        const float cmd[4] = {clips ? c.ClipRect.x - origin.x : -1.0f, clips ? c.ClipRect.y - origin.y : -1.0f,
                              clips ? c.ClipRect.z - origin.x : -1.0f, clips ? c.ClipRect.w - origin.y : -1.0f};
        h = hashBytes(h, cmd, sizeof cmd);
        if (c.ElemCount == 0) continue;
        vlo = glm::max(vlo, glm::vec2(c.ClipRect.x, c.ClipRect.y));
        vhi = glm::min(vhi, glm::vec2(c.ClipRect.z, c.ClipRect.w));
        if (vhi.x <= vlo.x || vhi.y <= vlo.y) continue;
        const glm::vec2 displayOrigin(dd.DisplayPos.x, dd.DisplayPos.y),
            scale(dd.FramebufferScale.x, dd.FramebufferScale.y);
        lo = glm::min(lo, (vlo - displayOrigin) * scale);
        hi = glm::max(hi, (vhi - displayOrigin) * scale);
    }
    info.hash = h;
    info.origin = glm::ivec2(origin - glm::vec2(dd.DisplayPos.x, dd.DisplayPos.y));
    if (hi.x > lo.x && hi.y > lo.y) {
        const glm::ivec2 a = glm::clamp(glm::ivec2(glm::floor(lo)), glm::ivec2(0), fb);
        const glm::ivec2 b = glm::clamp(glm::ivec2(glm::ceil(hi)), glm::ivec2(0), fb);
        info.rect = {a.x, a.y, b.x - a.x, b.y - a.y};
    }
    return info;
}

// The framebuffer pixels a list's triangles can touch, as boxes of up to 32 triangles in a row (a leader
// line, a trigger mark), each within its command's clip rectangle.
void triangleBoxes(const ImDrawList& l, const ImDrawData& dd, std::vector<PixelRect>& out) {
    constexpr unsigned kRun = 32 * 3;
    const glm::vec2 origin(dd.DisplayPos.x, dd.DisplayPos.y), scale(dd.FramebufferScale.x, dd.FramebufferScale.y);
    for (const ImDrawCmd& c : l.CmdBuffer) {
        if (c.UserCallback) continue;
        const unsigned end = std::min(c.IdxOffset + c.ElemCount, static_cast<unsigned>(l.IdxBuffer.Size));
        for (unsigned k0 = c.IdxOffset; k0 < end; k0 += kRun) {
            glm::vec2 lo(1e30f), hi(-1e30f);
            for (unsigned k = k0; k < std::min(k0 + kRun, end); ++k) {
                const unsigned v = c.VtxOffset + l.IdxBuffer[static_cast<int>(k)];
                if (v >= static_cast<unsigned>(l.VtxBuffer.Size)) continue;
                const ImVec2 p = l.VtxBuffer[static_cast<int>(v)].pos;
                lo = glm::min(lo, glm::vec2(p.x, p.y));
                hi = glm::max(hi, glm::vec2(p.x, p.y));
            }
            lo = glm::max(lo, glm::vec2(c.ClipRect.x, c.ClipRect.y));
            hi = glm::min(hi, glm::vec2(c.ClipRect.z, c.ClipRect.w));
            if (hi.x <= lo.x || hi.y <= lo.y) continue;
            const glm::ivec2 a(glm::floor((lo - origin) * scale) - 1.0f), b(glm::ceil((hi - origin) * scale) + 1.0f);
            out.emplace_back(a.x, a.y, b.x - a.x, b.y - a.y);
        }
    }
}

// Some of the frame's lists, drawn by the OpenGL backend into the bound target.
void drawLists(const ImDrawData& dd, std::vector<ImDrawList*> lists) {
    if (lists.empty()) return;
    ImDrawData part = dd;
    part.CmdLists = lists.data();
    part.CmdListsCount = static_cast<int>(lists.size());
    part.TotalVtxCount = part.TotalIdxCount = 0;
    for (const ImDrawList* l : lists) {
        part.TotalVtxCount += l->VtxBuffer.Size;
        part.TotalIdxCount += l->IdxBuffer.Size;
    }
    ImGui_ImplOpenGL3_RenderDrawData(&part);
}
}  // namespace

PreparedFonts ImGuiLayer::prepareFonts(float scale) {
    PreparedFonts p;
    p.files = ui::findSansFonts();
    p.atlas = std::make_unique<ImFontAtlas>();
    ui::loadFonts(*p.atlas, p.files, uiMetrics(scale).font);
    p.scale = scale;
    return p;
}

ImGuiLayer::ImGuiLayer(GLFWwindow* window, float contentScale, bool installCallbacks, PreparedFonts prepared,
                       float fontScale)
    : contentScale_(contentScale), fontScale_(fontScale) {
    IMGUI_CHECKVERSION();
    const bool usePrepared = prepared.atlas && prepared.scale == contentScale_ * fontScale_;
    if (usePrepared) atlas_ = std::move(prepared.atlas);
    ImGui::CreateContext(atlas_.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout comes from our settings, not imgui.ini in the working folder
    // Tab, arrows, Space and Enter work the panels. Navigation does not claim the keyboard by itself: the
    // app's keys (clicker arrows) stay the app's until the user starts navigating (App::imguiWantsKeys).
    if (installCallbacks) io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavNoCaptureKeyboard;
    if (window) ImGui_ImplGlfw_InitForOpenGL(window, installCallbacks);
    withGlfw_ = window != nullptr;
    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (usePrepared) {
        fonts_ = std::move(prepared.files);
        ui::applyTheme(uiMetrics(contentScale_ * fontScale_));
    } else {
        fonts_ = prepared.atlas ? std::move(prepared.files) : ui::findSansFonts();
        rebuild();
    }
}

ImGuiLayer::~ImGuiLayer() {
    ImGui_ImplOpenGL3_Shutdown();
    if (withGlfw_) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

void ImGuiLayer::rebuild() {
    layerCache_.forget();  // its pictures have the old glyphs
    const float scale = contentScale_ * fontScale_;
    ui::applyTheme(uiMetrics(scale));
    ui::loadFonts(fonts_, uiMetrics(scale).font);
}

void ImGuiLayer::setFontScale(float scale) {
    if (scale == fontScale_) return;
    fontScale_ = scale;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    rebuild();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiLayer::setContentScale(float scale) {
    if (scale == contentScale_) return;
    contentScale_ = scale;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    rebuild();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiLayer::newFrame(int displayWidth, int displayHeight, const InputFeed* feed, FedFrame* frame) {
    ImGui_ImplOpenGL3_NewFrame();
    if (withGlfw_) ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (feed) {
        for (int i = 0; i < IM_ARRAYSIZE(io.MouseDown); ++i) io.MouseDown[i] = feed->buttonDown(i);
        for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k) io.KeysDown[k] = feed->keyDown(k);
        io.KeyCtrl = feed->keyDown(GLFW_KEY_LEFT_CONTROL) || feed->keyDown(GLFW_KEY_RIGHT_CONTROL);
        io.KeyShift = feed->keyDown(GLFW_KEY_LEFT_SHIFT) || feed->keyDown(GLFW_KEY_RIGHT_SHIFT);
        io.KeyAlt = feed->keyDown(GLFW_KEY_LEFT_ALT) || feed->keyDown(GLFW_KEY_RIGHT_ALT);
        io.KeySuper = feed->keyDown(GLFW_KEY_LEFT_SUPER) || feed->keyDown(GLFW_KEY_RIGHT_SUPER);
    }
    if (frame) {
        for (unsigned c : frame->chars) io.AddInputCharacter(c);
        frame->chars.clear();
        if (frame->mousePos) io.MousePos = ImVec2(frame->mousePos->x, frame->mousePos->y);
    }
    if (!withGlfw_) io.DeltaTime = 1.0f / 60.0f;  // no window backend to measure it; stills do not animate UI
    if (displayWidth > 0 && displayHeight > 0) {
        io.DisplaySize = ImVec2(static_cast<float>(displayWidth), static_cast<float>(displayHeight));
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
}

void ImGuiLayer::render() {
    kept_.forget();  // the window's pixels are drawn anew
    keptBackground_.forget();
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void ImGuiLayer::render(render::RenderTarget& out, render::UiLayer& layer, bool useLayer, const Underlay& underlay,
                        bool kept, const PixelRect& sceneBox, glm::ivec2 sceneSize) {
    ImGui::Render();
    ImDrawData& dd = *ImGui::GetDrawData();
    const glm::ivec2 fb = out.size();
    std::vector<UiListInfo> infos;
    infos.reserve(static_cast<std::size_t>(dd.CmdListsCount));
    for (int i = 0; i < dd.CmdListsCount; ++i) infos.push_back(describe(*dd.CmdLists[i], dd, fb));
    const UiLayerPlan plan = layerCache_.plan(infos, fb, useLayer);
    // Pixels are left as the last frame showed them only in a reduced frame whose scene goes under the
    // layer (the underlay): every other frame writes every pixel of the window.
    const bool reuse = kept && underlay;
    if (!reuse) {
        kept_.forget();
        keptBackground_.forget();
    }
    if (!plan.drawIntoLayer.empty()) {
        layer.begin(fb, plan.clear);
        std::vector<ImDrawList*> lists;
        std::vector<PixelRect> drawn;
        for (std::size_t i : plan.drawIntoLayer) {
            lists.push_back(dd.CmdLists[i]);
            drawn.push_back(infos[i].rect);
        }
        drawLists(dd, lists);
        // What changed in the layer is read back for its opaque tiles (only then: a few frames of an
        // orbit), and the back buffer's copies of it are stale.
        kept_.layerRedrawn(layer.finish(drawn, reuse));
    }
    out.bind();
    if (plan.composite.empty()) {
        kept_.forget();
        keptBackground_.forget();
        if (underlay) underlay({}, {}, {});
        ImGui_ImplOpenGL3_RenderDrawData(&dd);
        return;
    }
    // The background list (under every window) first, then the layer, then the rest live in their order:
    // windows drawn live never overlap those from the layer, and the foreground list comes last.
    std::size_t under = 0;
    while (under < infos.size() && infos[under].overlay) ++under;
    std::vector<ImDrawList*> before(dd.CmdLists, dd.CmdLists + under), after;
    for (std::size_t i = under; i < infos.size(); ++i)
        if (!plan.fromLayer[i]) after.push_back(dd.CmdLists[i]);
    std::vector<PixelRect> late = plan.composite;
    std::vector<glm::ivec2> lateShift = plan.compositeShift;
    if (underlay) {
        // The layer's pixels that nothing of the background list reaches go under with the scene's upscale;
        // the others after the background list, blended as usual.
        std::vector<PixelRect> marks;
        for (const ImDrawList* l : before) triangleBoxes(*l, dd, marks);
        std::vector<PixelRect> merged;
        std::vector<glm::ivec2> mergedShift;
        late.clear();
        lateShift.clear();
        for (std::size_t i = 0; i < plan.composite.size(); ++i) {
            // Only the pixels a mark reaches wait (a leader line ends at a panel's edge: a strip of it).
            const PixelRect& r = plan.composite[i];
            std::vector<PixelRect> reached;
            for (const PixelRect& m : marks)
                if (overlaps(m, r)) {
                    const glm::ivec2 a = glm::max(glm::ivec2(m), glm::ivec2(r));
                    const glm::ivec2 b = glm::min(glm::ivec2(m.x + m.z, m.y + m.w), glm::ivec2(r.x + r.z, r.y + r.w));
                    reached.emplace_back(a.x, a.y, b.x - a.x, b.y - a.y);
                }
            reached = disjointUnion(reached);
            for (const PixelRect& piece : reached) {
                late.push_back(piece);
                lateShift.push_back(plan.compositeShift[i]);
            }
            for (const PixelRect& piece : subtractRects(r, reached)) {
                merged.push_back(piece);
                mergedShift.push_back(plan.compositeShift[i]);
            }
        }
        // The layer's opaque pixels among them: those the back buffer shows already are left alone, and
        // all of them are what the next frame finds (less whatever is drawn over them below).
        std::vector<PixelRect> opaque, shown;
        std::vector<glm::ivec2> opaqueShift;
        if (reuse)
            for (std::size_t i = 0; i < merged.size(); ++i)
                for (const PixelRect& p : layer.opaqueParts(merged[i], mergedShift[i])) {
                    opaque.push_back(p);
                    opaqueShift.push_back(mergedShift[i]);
                }
        // The background's pixels (outside the layer's and the scene's boxes) likewise: the same as the
        // last frame's where its scene had the same size.
        std::vector<PixelRect> background;
        std::vector<glm::ivec2> backgroundKey;
        if (reuse) {
            shown = kept_.shown(opaque, opaqueShift);
            std::vector<PixelRect> holes = merged;
            holes.push_back(sceneBox);
            background = subtractRects({0, 0, fb.x, fb.y}, holes);
            backgroundKey.assign(background.size(), sceneSize);
            const std::vector<PixelRect> still = keptBackground_.shown(background, backgroundKey);
            shown.insert(shown.end(), still.begin(), still.end());
        }
        underlay(merged, mergedShift, shown);
        if (reuse) {
            std::vector<PixelRect> touched = marks;
            touched.insert(touched.end(), late.begin(), late.end());
            for (std::size_t i = under; i < infos.size(); ++i)
                if (!plan.fromLayer[i]) touched.push_back(infos[i].rect);
            kept_.frameDone(opaque, opaqueShift, touched);
            keptBackground_.frameDone(background, backgroundKey, touched);
        }
    }
    drawLists(dd, before);
    if (!late.empty()) layer.composite(out, late, lateShift);
    drawLists(dd, after);
}

}  // namespace la::app
