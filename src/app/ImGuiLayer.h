#pragma once
#include <functional>
// ImGui context with the GLFW and OpenGL 3 backends, the system's sans font and our theme, owned RAII.
#include <memory>

#include "core/KeptPixels.h"
#include "core/UiLayerCache.h"
#include "ui/Theme.h"

struct GLFWwindow;

namespace la {
class InputFeed;
struct FedFrame;
}  // namespace la

namespace la::render {
class RenderTarget;
class UiLayer;
}  // namespace la::render

namespace la::app {

// Fonts found (fontconfig) and rasterised into an atlas of their own, ahead of the ImGui context.
struct PreparedFonts {
    ui::FontFiles files;
    std::unique_ptr<ImFontAtlas> atlas;
    float scale = 0.0f;  // content scale x font scale they were made for
};

class ImGuiLayer {
public:
    // installCallbacks=false for headless rendering (no input); window may be null (no window at all: a
    // surfaceless context), then the caller gives the display size to newFrame. contentScale: the
    // monitor's, times --ui-scale.
    // prepared: fonts found and rasterised ahead (prepareFonts, on another thread while the window is
    // made); used when they were made for this content scale x fontScale, else the fonts are made here.
    // Needs no ImGui context: safe on any thread before the layer exists.
    static PreparedFonts prepareFonts(float scale);
    ImGuiLayer(GLFWwindow* window, float contentScale, bool installCallbacks, PreparedFonts prepared = {},
               float fontScale = 1.0f);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    // Rebuild the font atlas and the style's sizes at 17 px x content scale x font scale (crisp text at
    // any size; widgets and spacing grow with it).
    void setFontScale(float scale);
    void setContentScale(float scale);
    float contentScale() const { return contentScale_; }
    // display size overrides the window's (offscreen). With a feed (the window), ImGui's keys and mouse
    // buttons come from it instead of GLFW's polled state, with the frame's characters and the position
    // of its last click (see InputQueue.h); the characters are taken, so a second frame does not repeat them.
    void newFrame(int displayWidth, int displayHeight, const InputFeed* feed = nullptr, FedFrame* frame = nullptr);
    // Draws the frame's UI into the bound target.
    void render();
    // The window's UI into `out`. With `useLayer` (frames while the camera moves) windows unchanged since
    // the last frame are laid over from `layer` instead of being drawn again (core/UiLayerCache.h); the
    // leader lines and trigger marks (ImGui's background and foreground lists) are always drawn.
    // `underlay` (a reduced frame whose scene is not yet in `out`): called first, with the layer's
    // rectangles (and their shifts) that it lays over itself in the same pass as the scene's upscale
    // (FxaaPass::upscaleUnder); the rest of the layer is composited as usual.
    // `kept` (the window's present keeps its back buffer, render/gl/Present.h): the underlay is also told
    // which of those rectangles' pixels the back buffer shows already from the last frame (opaque layer
    // pixels of windows that did not move, core/KeptPixels.h), and leaves them alone.
    using Underlay = std::function<void(const std::vector<PixelRect>&, const std::vector<glm::ivec2>&,
                                        const std::vector<PixelRect>&)>;
    // With `kept`, also the background's upscale outside `sceneBox` (the window's pixels the scene's
    // drawing may have changed, top-left) is left alone where the last frame showed it from a scene of the
    // same `sceneSize`.
    void render(render::RenderTarget& out, render::UiLayer& layer, bool useLayer, const Underlay& underlay = {},
                bool kept = false, const PixelRect& sceneBox = PixelRect(0), glm::ivec2 sceneSize = glm::ivec2(0));

private:
    void rebuild();
    UiLayerCache layerCache_;
    KeptPixels kept_;            // the layer's pixels the window's back buffer holds from the last frame
    KeptPixels keptBackground_;  // and the background's ("shift": the size of the scene it was upscaled from)
    ui::FontFiles fonts_;
    std::unique_ptr<ImFontAtlas> atlas_;  // the prepared atlas the context uses (destroyed after it)
    float contentScale_ = 1.0f;
    bool withGlfw_ = false;
    float fontScale_ = 1.0f;
};

}  // namespace la::app
