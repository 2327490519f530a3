#pragma once
#include "core/Easing.h"
// Referred-pain patterns (Travell & Simons style): trigger points (TrPs) with essential and
// spillover zones traced as soft-edged outlines on body-surface charts (core/BodyChart.h).
// Definitions are for the LEFT side (+X); the right side is the mirror image (x -> -x). GL-free: the
// zones are baked per vertex (core/PainSurface.h).
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/BodyChart.h"
#include "core/Side.h"

namespace la {

enum class ZoneKind : int { Essential = 0, Spillover = 1 };

// x -> -x
glm::vec3 mirrorX(glm::vec3 p);

// An essential or spillover zone: outlines traced on the body-surface charts (core/BodyChart.h).
struct Zone {
    ZoneKind kind = ZoneKind::Essential;
    std::vector<ChartOutline> outlines;

    float weight(glm::vec3 leftPoint, const ChartAxes& axes = {}) const;  // max over outlines; 0 when empty
};

struct TriggerPoint {
    std::string id;            // "superficial_upper"
    std::string name;          // "Superficial, upper"
    std::string summary;       // where it refers, in words ("Along the iliac crest"); may be empty
    glm::vec3 position{0.0f};  // in the muscle (landmark frame)
    Zone essential{ZoneKind::Essential, {}};
    Zone spillover{ZoneKind::Spillover, {}};

    TriggerPoint mirrored() const;  // position mirrored; zones are evaluated at mirrored points
};

struct PainPattern {
    std::string muscle;  // structure id, "quadratus_lumborum"
    std::vector<TriggerPoint> triggerPoints;

    PainPattern mirrored() const;                     // left definition -> right side
    int findTriggerPoint(std::string_view id) const;  // -1 when absent
};

// "quadratus_lumborum.R" -> {"quadratus_lumborum", Right}; nullopt without a side suffix.
struct PainInstance {
    std::string muscle;
    Side side = Side::Left;
};
std::optional<PainInstance> parsePainInstanceKey(std::string_view key);

struct ZoneWeights {
    float essential = 0.0f;
    float spillover = 0.0f;
};

// Weights of one TrP of a LEFT definition, evaluated for `side`, at surface point p (model space).
ZoneWeights evaluate(const TriggerPoint& leftDefinition, Side side, glm::vec3 p, const ChartAxes& axes = {});

struct CoverageEntry {
    std::string instance;      // "quadratus_lumborum.L"
    std::string triggerPoint;  // TrP id
    ZoneKind kind = ZoneKind::Essential;
    float weight = 0.0f;  // (0,1]
};

enum class PainPalette { Standard, ColourBlindSafe };  // violet solid + dots / magenta hatching + blue dots

// What the pain view shows; data only (the UI edits it, the renderer reads it).
struct PainState {
    std::set<std::string> patternsOn;        // instance keys: "quadratus_lumborum.L"
    std::set<std::string> triggerPointsOff;  // "quadratus_lumborum.L/superficial_upper"
    bool leftOn = true;
    bool rightOn = true;
    bool playing = true;
    float speed = 1.0f;      // trigger points linked to their zones per second (the link animation)
    float intensity = 1.0f;  // 0..1 overlay strength
    PainPalette palette = PainPalette::Standard;
    float time = 0.0f;  // animation clock, seconds

    bool shows(std::string_view instance) const;
    bool shows(std::string_view instance, std::string_view triggerPoint) const;
};

struct PainFlatInstance {
    std::string key;  // "quadratus_lumborum.R"
    int pattern = 0;  // index into PainField::patterns()
    Side side = Side::Left;
};
struct PainFlatTrigger {
    int instance = 0;      // index into PainFlat::instances
    int triggerPoint = 0;  // index into the pattern's triggerPoints
    std::string id;
    std::string name;
    glm::vec3 position{0.0f};  // side applied
};
// Every pattern instance and trigger point in one flat list (the order the per-vertex bake and the
// per-trigger weights use).
struct PainFlat {
    std::vector<PainFlatInstance> instances;  // pattern i -> instances 2i (L) and 2i+1 (R)
    std::vector<PainFlatTrigger> triggers;
};

// All loaded patterns (left definitions) with the queries the renderer, picking and UI share.
class PainField {
public:
    PainField() = default;
    explicit PainField(std::vector<PainPattern> leftDefinitions);

    const std::vector<PainPattern>& patterns() const { return patterns_; }
    const PainPattern* find(std::string_view muscle) const;
    std::vector<std::string> instanceKeys() const;  // every pattern, L then R

    // Every instance/TrP/kind whose zone covers p (weight > 0), essential before spillover, then
    // by weight (descending), then instance and TrP id. With `state`, only what it shows.
    std::vector<CoverageEntry> coverage(glm::vec3 p, const PainState* state = nullptr) const;

    PainFlat flatten() const;

private:
    std::vector<PainPattern> patterns_;
};

// The trigger points the legend lists, in order: (pattern index, trigger index) for every trigger point
// shown on at least one side. The X marks carry the same numbers (position in this list + 1).
struct LegendEntry {
    int pattern = 0;
    int triggerPoint = 0;
};
std::vector<LegendEntry> legendEntries(const PainField& field, const PainState& state);
// Legend number (1...) of a pattern's trigger point, 0 when it is not listed.
int legendNumber(const std::vector<LegendEntry>& legend, int pattern, int triggerPoint);

// ---- Animation: pure functions of time -------------------------------------------------

// Phase in [0,1) of a pulse repeating `speed` times per second (period 1/speed; speed <= 0: 0).
float pulsePhase(float t, float speed);

// The link between a knot and where its pain is felt: the shown trigger points take turns, one per
// period (1/speed seconds); the current one's X and zones brighten together and fade again, so each
// knot is seen with its own zones. Pure function of time.
struct PainLink {
    int turn = -1;            // index into the list of shown trigger points; -1 when none
    float brightness = 0.0f;  // 0..1, zero at both ends of the turn (the switch is invisible)
};
PainLink painLinkAt(float t, float speed, int shownCount);

// Smoothstep ease-in-out of x clamped to [0,1]: zero slope at both ends.

// The fade of a pattern switched on/off. Progress is linear in time; value() is eased.
class Fade {
public:
    explicit Fade(float duration = 0.4f, bool on = false) : duration_(duration), progress_(on ? 1.0f : 0.0f), on_(on) {}
    void set(bool on) { on_ = on; }
    bool target() const { return on_; }
    void update(float dt);
    float value() const { return easeInOut(progress_); }
    bool settled() const { return progress_ == (on_ ? 1.0f : 0.0f); }

private:
    float duration_;
    float progress_;
    bool on_;
};

}  // namespace la
