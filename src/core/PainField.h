#pragma once
#include "core/Easing.h"
// Referred-pain patterns (Travell & Simons style): trigger points (TrPs) with essential and
// spillover zones made of soft-edged ellipsoids and capsules. Definitions are for the LEFT side
// (+X); the right side is the mirror image (x -> -x). GL-free: the renderer uploads flatten().
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/Side.h"

namespace la {

enum class ShapeType : int { Ellipsoid = 0, Capsule = 1 };
enum class ZoneKind : int { Essential = 0, Spillover = 1 };

constexpr float kDefaultSoftEdge = 0.015f;  // metres

struct Shape {
    ShapeType type = ShapeType::Ellipsoid;
    // Ellipsoid: centre, semi-axes and rotation (local -> world; columns are the rotated axes).
    glm::vec3 center{0.0f};
    glm::vec3 radii{1.0f};
    glm::mat3 rotation{1.0f};
    // Capsule: segment a-b swept by a sphere of `radius`.
    glm::vec3 a{0.0f};
    glm::vec3 b{0.0f};
    float radius = 0.0f;
    // Width of the soft edge band, just inside the surface: weight 0 on and outside the surface,
    // rising smoothly to 1 at `soft` metres inside it.
    float soft = kDefaultSoftEdge;

    static Shape ellipsoid(glm::vec3 center, glm::vec3 radii, glm::mat3 rotation = glm::mat3(1.0f),
                           float soft = kDefaultSoftEdge);
    static Shape capsule(glm::vec3 a, glm::vec3 b, float radius, float soft = kDefaultSoftEdge);

    // Approximate signed distance in metres (< 0 inside).
    float signedDistance(glm::vec3 p) const;
    // Coverage weight in [0,1] with the soft edge.
    float weight(glm::vec3 p) const;
    // The same shape reflected through the midsagittal plane (x -> -x).
    Shape mirrored() const;
};

// Rotation from XYZ Euler angles in degrees: about X first, then Y, then Z, fixed axes
// (R = Rz * Ry * Rx, Blender's "XYZ Euler").
glm::mat3 rotationFromEulerDeg(glm::vec3 deg);
// x -> -x
glm::vec3 mirrorX(glm::vec3 p);

struct Zone {
    ZoneKind kind = ZoneKind::Essential;
    std::vector<Shape> shapes;

    float weight(glm::vec3 p) const;  // max over shapes; 0 for an empty zone
    Zone mirrored() const;
};

struct TriggerPoint {
    std::string id;    // "superficial_upper"
    std::string name;  // "Superficial, upper"
    glm::vec3 position{0.0f};
    Zone essential{ZoneKind::Essential, {}};
    Zone spillover{ZoneKind::Spillover, {}};

    TriggerPoint mirrored() const;
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
ZoneWeights evaluate(const TriggerPoint& leftDefinition, Side side, glm::vec3 p);

struct CoverageEntry {
    std::string instance;      // "quadratus_lumborum.L"
    std::string triggerPoint;  // TrP id
    ZoneKind kind = ZoneKind::Essential;
    float weight = 0.0f;  // (0,1]
};

enum class PainPalette { Standard, ColourBlindSafe };  // red / magenta + blue hatching

// What the pain view shows; data only (the UI edits it, the renderer reads it).
struct PainState {
    std::set<std::string> patternsOn;        // instance keys: "quadratus_lumborum.L"
    std::set<std::string> triggerPointsOff;  // "quadratus_lumborum.L/superficial_upper"
    bool leftOn = true;
    bool rightOn = true;
    bool playing = true;
    float speed = 1.0f;      // pulses per second
    float intensity = 1.0f;  // 0..1 overlay strength
    PainPalette palette = PainPalette::Standard;
    float time = 0.0f;  // animation clock, seconds

    bool shows(std::string_view instance) const;
    bool shows(std::string_view instance, std::string_view triggerPoint) const;
};

// GPU-friendly record, one per shape, laid out as 7 vec4s = 112 bytes (std140/std430 compatible).
struct PainShapeRecord {
    glm::vec4 centerOrA{0.0f};    // xyz: ellipsoid centre / capsule a (model space, side applied)
    glm::vec4 radiiOrB{0.0f};     // xyz: ellipsoid radii / capsule b; w: capsule radius
    glm::vec4 invRotation[3]{};   // columns of the world->local rotation (w = 0), std140 mat3 layout
    glm::vec4 triggerSoft{0.0f};  // xyz: TrP position; w: soft edge width
    glm::ivec4 ids{0};            // x: ShapeType, y: ZoneKind, z: trigger index, w: instance index
};
static_assert(sizeof(PainShapeRecord) == 7 * 16, "PainShapeRecord must be 7 tightly packed vec4s");

struct PainFlatInstance {
    std::string key;  // "quadratus_lumborum.R"
    int pattern = 0;  // index into PainField::patterns()
    Side side = Side::Left;
};
struct PainFlatTrigger {
    int instance = 0;      // index into PainFlat::instances
    int triggerPoint = 0;  // index into the pattern's triggerPoints
    std::string id;
    glm::vec3 position{0.0f};  // side applied
};
struct PainFlat {
    std::vector<PainShapeRecord> shapes;      // ids.z indexes triggers, ids.w indexes instances
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

// ---- Animation: pure functions of time -------------------------------------------------

// Phase in [0,1) of a pulse repeating `speed` times per second (period 1/speed; speed <= 0: 0).
float pulsePhase(float t, float speed);

struct PulseParams {
    float speed = 1.0f;   // Hz
    float reach = 0.30f;  // metres the front travels per period
    float width = 0.05f;  // half-width of the bright ring, metres
};
// Brightness in [0,1] of the travelling front at distance d from the TrP at time t: a ring
// starting at the TrP and moving outward to `reach`: it swells in over the first 15% of the period
// and fades out over the last 60%, so it is continuous and periodic in t (period 1/speed).
float pulseWeight(float distance, float t, const PulseParams& params = {});

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
