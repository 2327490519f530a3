#pragma once
// Signed distance fields: primitives, smooth boolean groups and a cell index for fast evaluation.
// Units inside the generator are centimetres (the landmark table's unit); the writer converts to metres.
#include <cstdint>
#include <memory>
#include <vector>

#include <glm/glm.hpp>

namespace mg {

using glm::vec3;
constexpr float kFar = 1.0e6f;

struct Box {
    vec3 lo{kFar};
    vec3 hi{-kFar};
    void add(const vec3& p) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    void add(const Box& b) {
        if (b.valid()) {
            add(b.lo);
            add(b.hi);
        }
    }
    void expand(float r) {
        lo -= vec3(r);
        hi += vec3(r);
    }
    bool valid() const { return lo.x <= hi.x && lo.y <= hi.y && lo.z <= hi.z; }
    bool infinite() const { return lo.x <= -kFar * 0.5f; }
    bool overlaps(const Box& b) const {
        return lo.x <= b.hi.x && b.lo.x <= hi.x && lo.y <= b.hi.y && b.lo.y <= hi.y && lo.z <= b.hi.z && b.lo.z <= hi.z;
    }
};

// Polynomial smooth minimum / maximum (C1); k = blend width, k <= 0 is the hard version.
float smin(float a, float b, float k);
float smax(float a, float b, float k);

class Prim {
public:
    virtual ~Prim() = default;
    virtual float dist(const vec3& p) const = 0;
    virtual Box box() const = 0;
    // A cheap lower bound of dist(p) (skips far primitives of a hard-union group).
    virtual float bound(const vec3& p) const {
        (void)p;
        return -kFar;
    }
    // Fibre direction near p (muscles); false when the primitive carries none.
    virtual bool fibre(const vec3& p, vec3& dir) const {
        (void)p;
        (void)dir;
        return false;
    }
};
using PrimPtr = std::unique_ptr<Prim>;

class Shape;

PrimPtr sphere(vec3 c, float r);
// Ellipsoid with half-axes radii along the columns of the orthonormal frame axes (approximate distance).
PrimPtr ellipsoid(vec3 c, vec3 radii, const glm::mat3& axes = glm::mat3(1.0f));
// Elliptic cylinder with rounded rims: half-width hw along axes[0], half-height hh along axes[1],
// half-depth hd along axes[2]; waist > 0 narrows the middle (concave side profile, as a vertebral body).
PrimPtr ellipticCylinder(vec3 c, const glm::mat3& axes, float hw, float hh, float hd, float round, float waist = 0.0f);
// Segment a-b with radius varying linearly from ra to rb (round cone); fibre = a->b.
PrimPtr cone(vec3 a, vec3 b, float ra, float rb);
// Triangle thickened by a radius interpolated from its corners; fibre interpolated from fa, fb, fc.
PrimPtr thickTri(vec3 a, vec3 b, vec3 c, float ra, float rb, float rc, vec3 fa = vec3(0), vec3 fb = vec3(0),
                 vec3 fc = vec3(0));
// Half-space n.p > d is outside (n unit).
PrimPtr halfSpace(vec3 n, float d);
// Symmetric copy: evaluates inner at (|x|, y, z).
PrimPtr mirrorX(PrimPtr inner);
// Another finished shape, grown by offset (positive = larger).
PrimPtr nested(const Shape* s, float offset);

enum class Op { Union, Subtract, Intersect };

// A list of groups folded in order; the primitives of one group are combined by a hard minimum,
// groups by smooth union / subtraction / intersection of width k.
class Shape {
public:
    void group(Op op, float k);
    void add(PrimPtr p);  // to the current group (starts a hard union group when none)
    // Builds the cell index; evaluation is exact within `band` of the union primitives, kFar beyond.
    void finalize(float band = 2.0f);
    float eval(const vec3& p) const;
    vec3 gradient(const vec3& p, float h) const;
    bool fibre(const vec3& p, vec3& dir) const;
    const Box& bounds() const { return bounds_; }  // of the union primitives
    float band() const { return band_; }
    std::size_t primCount() const;

private:
    struct Group {
        Op op = Op::Union;
        float k = 0.0f;
        std::vector<PrimPtr> prims;
        std::vector<Box> boxes;
    };
    struct Entry {
        std::uint32_t group;
        std::uint32_t prim;
    };
    const Entry* cellEntries(const vec3& p, std::size_t& count) const;

    std::vector<Group> groups_;
    Box bounds_;
    float band_ = 2.0f;
    float cell_ = 1.0f;
    vec3 origin_{0.0f};
    int nx_ = 0, ny_ = 0, nz_ = 0;
    std::vector<std::uint32_t> start_;
    std::vector<Entry> entries_;
};

}  // namespace mg
