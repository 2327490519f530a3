#pragma once
// Referred pain: the patterns (loaded from content/referred_pain), which are shown, their fades and
// pulse clock, the trigger-point marks on screen and the reverse lookup "pain at this spot can come
// from". No GL, GLFW or ImGui: update() fills the ViewState's pain part the renderer draws.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/PainField.h"
#include "core/Result.h"
#include "core/SceneIndex.h"
#include "core/ViewState.h"

namespace la::ctrl {

struct TriggerMark {
    glm::vec2 pixel{0.0f};  // on screen, origin top left
    float weight = 0.0f;    // 0..1 (fades with its pattern)
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
    // Where the trigger points of the shown patterns are on screen.
    std::vector<TriggerMark> triggerMarks(const glm::mat4& viewProj, glm::vec2 viewport, const ViewState& view) const;

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
    std::vector<CoverageEntry> lookup_;
    bool lookupOpen_ = false;
};

}  // namespace la::ctrl
