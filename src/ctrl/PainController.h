#pragma once
// Referred pain: the patterns (loaded from content/referred_pain), which are shown, their fades and
// link animation, the per-vertex zone weights of the model (core/PainSurface.h), the trigger-point marks
// on screen and the reverse lookup "pain at this spot can come from". No GL, GLFW or ImGui: update()
// fills the ViewState's pain part, uploadChanged() hands the renderer new per-vertex weights.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Background.h"
#include "core/PainField.h"
#include "core/PainSurface.h"
#include "core/Pick.h"
#include "core/Result.h"
#include "core/SceneIndex.h"
#include "core/ViewState.h"

namespace la::ctrl {

struct TriggerMark {
    glm::vec2 pixel{0.0f};               // the X on screen (on the muscle's surface), origin top left
    float weight = 0.0f;                 // 0..1 (fades with its pattern)
    bool behind = false;                 // an opaque structure lies in front of the X: drawn dashed and faded
    std::optional<glm::vec2> skinPixel;  // the ring on the skin above it (skin shown, facing the eye)
    int number = 0;                      // its number in the legend (1...)
    float glow = 0.0f;                   // the link animation's brightness on this trigger point
};

class PainController {
public:
    // Loads every pattern of the folder; returns one line per bad file (the good ones load).
    std::vector<std::string> load(const std::string& dir);
    // For tests and other sources.
    void setPatterns(std::vector<PainPattern> patterns);
    const PainField& field() const { return field_; }
    const PainFlat& flat() const { return flat_; }
    PainState& state() { return state_; }
    const PainState& state() const { return state_; }

    // Shows exactly these patterns: instance keys ("quadratus_lumborum.L"), ids without a side (both
    // sides) or "all". Error names the unknown item; nothing changes then.
    Result<bool> show(const std::vector<std::string>& list);
    void toggle(const std::string& instanceKey);

    // Advances the pulse clock (when `live`) and the fades, fills view.pain and each node's pain surface
    // (the skin, or with the skin hidden whatever is visible). Stills (live = false) show fades settled.
    // True while something animates.
    bool update(float dt, bool live, const SceneIndex& index, ViewState& view);
    // A new model: its zones are baked again on the next prepare().
    void modelChanged() { bakeDirty_ = true; }
    // Bakes the zones per vertex and places the trigger marks when the model or the patterns changed.
    // background (the window): the bake waits for startBackgroundWork() and runs on a low-priority
    // thread (about 0.4 s for the bundled model); meanwhile no zones are drawn, and a later prepare()
    // takes the result. Else (stills) it bakes here and now, once a pattern is shown.
    void prepare(const std::shared_ptr<const Model>& model, const SceneIndex& index, bool background = false);
    // Starts the bake that prepare() left waiting, if any; `done` is called on its thread when it is ready.
    void startBackgroundWork(const std::shared_ptr<const Model>& model, const SceneIndex& index,
                             const std::function<void()>& done = {});
    // A bake is waiting or running (the status line says the pain maps are being prepared).
    bool baking() const { return bakeWanted_ || bakeTask_.running(); }
    // Calls upload(mesh, primitive, weights) for every primitive whose weights changed since the last
    // call (what is shown, fades, the linked trigger point); forceUpload() makes the next call send all
    // (the renderer's copy of the model was replaced).
    // The mesh ids carry the generation of the model the pain was baked for.
    void uploadChanged(const std::function<void(MeshId, std::size_t, const std::vector<glm::vec4>&)>& upload);
    void forceUpload() { uploaded_.clear(); }
    // Where the trigger points of the shown patterns are on screen. With a pick scene, `behind` tells
    // whether a visible (non-ghosted) structure lies between the eye and the X.
    std::vector<TriggerMark> triggerMarks(const glm::mat4& viewProj, glm::vec2 viewport, const ViewState& view,
                                          glm::vec3 eye = glm::vec3(0.0f), const PickScene* pick = nullptr,
                                          const PickFilter* filter = nullptr, bool skinShown = false) const;

    // Reverse lookup of a click on the body surface: the muscles whose zones cover it.
    std::vector<CoverageEntry> coverage(glm::vec3 surface) const { return field_.coverage(surface); }
    void openLookup(glm::vec3 surface);
    void closeLookup() { lookupOpen_ = false; }
    bool lookupOpen() const { return lookupOpen_; }
    bool& lookupOpenFlag() { return lookupOpen_; }
    const std::vector<CoverageEntry>& lookup() const { return lookup_; }
    // The user chose entry i of the lookup: its pattern and trigger point are shown, the lookup closes.
    // Returns the muscle's instance key to select.
    std::optional<std::string> chooseLookup(std::size_t i);

private:
    PainField field_;
    PainFlat flat_;
    PainState state_;
    std::map<std::string, Fade> fades_;  // per instance key
    PainBake bake_;                      // per-vertex zone ramps of the current model
    std::vector<TriggerSpot> spots_;     // per flat trigger point: its X on the muscle, its ring on the skin
    bool bakeDirty_ = true;
    struct Baked {
        PainBake bake;
        std::vector<TriggerSpot> spots;
        std::uint64_t ticket = 0;
    };
    // Bakes and places the marks (any thread: reads only what it is given).
    // skin: nodes of kind skin; muscles: per flat trigger point the node of its muscle (or -1).
    static Baked bakeAll(const Model& model, const PainField& field, const PainFlat& flat, const std::vector<int>& skin,
                         const std::vector<int>& muscles);
    struct BakeNodes {
        std::vector<int> skin, muscles;
    };
    BakeNodes bakeNodes(const SceneIndex& index) const;
    bool bakeWanted_ = false;       // the window: a bake waits for startBackgroundWork()
    std::uint64_t bakeTicket_ = 0;  // of the latest bake asked for; an older result is dropped
    BackgroundTask<Baked> bakeTask_;
    Retired<Baked> retiredBakes_;
    std::vector<float> weights_;   // per flat trigger point, this frame
    int linkTrigger_ = -1;         // the trigger point the link animation shows (-1: none)
    std::vector<float> uploaded_;  // weights of the last upload
    int uploadedLink_ = -2;
    std::vector<CoverageEntry> lookup_;
    bool lookupOpen_ = false;
};

}  // namespace la::ctrl
