#include "core/Registration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace la {

namespace {

// Measured on models/lower_body.glb with findHipLandmarks, centroids and bounds below (metres).
constexpr glm::vec3 kRefAsis{0.1187f, 0.0004f, 0.0081f};
constexpr glm::vec3 kRefPsis{0.0457f, 0.0132f, -0.1475f};
constexpr glm::vec3 kRefCrest{0.0932f, 0.0700f, -0.0848f};
constexpr glm::vec3 kRefSacrumCentroid{0.0f, -0.0175f, -0.1157f};  // vertex centroid
constexpr glm::vec3 kRefLumbarCentroid{0.0f, 0.0993f, -0.0905f};   // of L1-L5 together
constexpr glm::vec3 kRefBoundsCentre{0.0f, -0.0215f, -0.0757f};    // bounds of everything but the skin

glm::vec3 mirrored(glm::vec3 p) {
    return {-p.x, p.y, p.z};
}

// World-space vertex positions of every mapped structure, by instance key ("hip_bone.L").
using PointSets = std::map<std::string, std::vector<glm::vec3>>;

PointSets gatherPoints(const Model& model, const SceneIndex& index) {
    PointSets out;
    for (const SceneNode& s : index.nodes()) {
        if (!s.ref) continue;
        const Node& n = model.nodes[static_cast<std::size_t>(s.node)];
        if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= model.meshes.size()) continue;
        auto& pts = out[s.ref->key()];
        for (const auto& p : model.meshes[static_cast<std::size_t>(n.mesh)].primitives)
            for (const auto& v : p.positions) pts.push_back(glm::vec3(n.world * glm::vec4(v, 1.0f)));
    }
    return out;
}

std::optional<glm::vec3> centroidOf(const PointSets& sets, std::initializer_list<const char*> ids) {
    glm::dvec3 sum(0.0);
    std::size_t count = 0;
    for (const auto& [key, pts] : sets) {
        const std::string id = parseInstanceKey(key).id;
        if (std::none_of(ids.begin(), ids.end(), [&](const char* want) { return id == want; })) continue;
        for (const auto& p : pts) sum += glm::dvec3(p);
        count += pts.size();
    }
    if (count == 0) return std::nullopt;
    return glm::vec3(sum / static_cast<double>(count));
}

glm::vec3 centroid(const std::vector<glm::vec3>& pts) {
    glm::dvec3 sum(0.0);
    for (const auto& p : pts) sum += glm::dvec3(p);
    return glm::vec3(sum / static_cast<double>(std::max<std::size_t>(pts.size(), 1)));
}

// The body's left: the sum of left-minus-right directions of every paired structure.
std::optional<glm::vec3> leftDirection(const PointSets& sets) {
    glm::vec3 sum(0.0f);
    for (const auto& [key, pts] : sets) {
        const CatalogueRef r = parseInstanceKey(key);
        if (r.side != Side::Left) continue;
        auto right = sets.find(instanceKey(r.id, Side::Right));
        if (right == sets.end() || pts.empty() || right->second.empty()) continue;
        const glm::vec3 d = centroid(pts) - centroid(right->second);
        if (glm::length(d) > 0.0f) sum += glm::normalize(d);
    }
    if (glm::length(sum) < 1e-6f) return std::nullopt;
    return glm::normalize(sum);
}

// Up: from the structures below (pelvis, buttock, thigh) to those above (lumbar spine, ribs, QL).
std::optional<glm::vec3> upDirection(const PointSets& sets) {
    const auto upper = centroidOf(
        sets, {"lumbar_vertebra", "vertebra_T12", "rib_11", "rib_12", "quadratus_lumborum", "erector_spinae"});
    const auto lower = centroidOf(
        sets, {"sacrum", "coccyx", "hip_bone", "femur", "gluteus_maximus", "gluteus_medius", "gluteus_minimus"});
    if (!upper || !lower || glm::length(*upper - *lower) <= 0.0f) return std::nullopt;
    return glm::normalize(*upper - *lower);
}

// An orthonormal frame from a left and an up guess: rows X (left), Y (up), Z = X x Y (front).
glm::mat3 frameFrom(glm::vec3 left, glm::vec3 up) {
    up = glm::normalize(up - glm::dot(up, left) * left);
    const glm::vec3 front = glm::cross(left, up);
    return glm::transpose(glm::mat3(left, up, front));
}

// A direction perpendicular to `axis`, as close to `hint` as possible.
glm::vec3 perpendicular(glm::vec3 axis, glm::vec3 hint) {
    glm::vec3 p = hint - glm::dot(hint, axis) * axis;
    if (glm::length(p) < 1e-3f) {
        const glm::vec3 other = std::abs(axis.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, 1);
        p = other - glm::dot(other, axis) * axis;
    }
    return glm::normalize(p);
}

glm::vec3 nearestAxis(glm::vec3 v) {
    int k = 0;
    for (int i = 1; i < 3; ++i)
        if (std::abs(v[i]) > std::abs(v[k])) k = i;
    glm::vec3 out(0.0f);
    out[k] = v[k] < 0.0f ? -1.0f : 1.0f;
    return out;
}

int tallestAxis(const Aabb& b) {
    const glm::vec3 s = b.size();
    return s.y >= s.x && s.y >= s.z ? 1 : (s.z >= s.x ? 2 : 0);
}

std::optional<Registration> fromHipBones(const PointSets& sets) {
    const auto l = sets.find("hip_bone.L"), r = sets.find("hip_bone.R");
    if (l == sets.end() || r == sets.end() || l->second.size() < 8 || r->second.size() < 8) return std::nullopt;
    const glm::vec3 left = glm::normalize(centroid(l->second) - centroid(r->second));
    glm::vec3 up = upDirection(sets).value_or(glm::vec3(0, 1, 0));
    if (std::abs(glm::dot(up, left)) > 0.95f) up = perpendicular(left, glm::vec3(0, 1, 0));
    glm::mat3 rot = frameFrom(left, up);

    const HipLandmarks ref = referenceHipLandmarks();
    const std::vector<glm::vec3> dst = {ref.asis,           ref.psis,           ref.crestTop,
                                        mirrored(ref.asis), mirrored(ref.psis), mirrored(ref.crestTop)};
    std::optional<Similarity> fit;
    std::vector<glm::vec3> src;
    // The landmarks depend on the frame they are looked for in: look again in the fitted frame.
    for (int pass = 0; pass < 3; ++pass) {
        src.clear();
        for (const auto* side : {&l->second, &r->second}) {
            std::vector<glm::vec3> rotated(side->size());
            for (std::size_t i = 0; i < side->size(); ++i) rotated[i] = rot * (*side)[i];
            const auto lm = findHipLandmarks(rotated);
            if (!lm) return std::nullopt;
            const glm::mat3 back = glm::transpose(rot);
            src.insert(src.end(), {back * lm->asis, back * lm->psis, back * lm->crestTop});
        }
        auto next = fitSimilarity(src, dst);
        if (!next) return std::nullopt;
        fit = next;
        rot = fit->rotation;
    }
    Registration reg;
    reg.basis = RegistrationBasis::HipBones;
    reg.transform = *fit;
    reg.residual = rmsError(*fit, src, dst);
    return reg;
}

std::optional<Registration> fromSpine(const PointSets& sets) {
    const auto sacrum = centroidOf(sets, {"sacrum"});
    const auto lumbar = centroidOf(sets, {"lumbar_vertebra"});
    if (!sacrum || !lumbar || glm::length(*lumbar - *sacrum) <= 0.0f) return std::nullopt;
    const glm::vec3 upModel = glm::normalize(*lumbar - *sacrum);
    const glm::vec3 leftModel = perpendicular(upModel, leftDirection(sets).value_or(glm::vec3(1, 0, 0)));
    const glm::vec3 refAxis = kRefLumbarCentroid - kRefSacrumCentroid;
    const glm::vec3 upRef = glm::normalize(refAxis);
    const glm::vec3 leftRef = perpendicular(upRef, glm::vec3(1, 0, 0));
    const glm::mat3 modelFrame(leftModel, upModel, glm::cross(leftModel, upModel));
    const glm::mat3 refFrame(leftRef, upRef, glm::cross(leftRef, upRef));
    Registration reg;
    reg.basis = RegistrationBasis::Spine;
    reg.transform.rotation = refFrame * glm::transpose(modelFrame);
    reg.transform.scale = glm::length(refAxis) / glm::length(*lumbar - *sacrum);
    reg.transform.translation = kRefSacrumCentroid - reg.transform.scale * (reg.transform.rotation * *sacrum);
    return reg;
}

Registration fromBounds(const Model& model, const PointSets& sets) {
    const Aabb b = model.worldBounds();
    glm::vec3 up(0.0f);
    up[tallestAxis(b)] = 1.0f;
    up = upDirection(sets).value_or(up);
    const glm::vec3 left = perpendicular(up, leftDirection(sets).value_or(glm::vec3(1, 0, 0)));
    Registration reg;
    reg.basis = RegistrationBasis::Bounds;
    // Without bones to measure, only the model's own axes are trusted: up and left to the nearest axis.
    const glm::vec3 upAxis = nearestAxis(up);
    up = upAxis;
    reg.transform.rotation = frameFrom(nearestAxis(perpendicular(upAxis, left)), upAxis);
    // Height in the model's units: millimetres and centimetres are far taller than any body in metres.
    const float height = std::abs(glm::dot(b.size(), up));
    reg.transform.scale = height > 25.0f ? 0.001f : height > 3.0f ? 0.01f : 1.0f;
    reg.transform.translation = kRefBoundsCentre - reg.transform.scale * (reg.transform.rotation * b.center());
    return reg;
}

}  // namespace

HipLandmarks referenceHipLandmarks() {
    return {kRefAsis, kRefPsis, kRefCrest};
}

std::optional<HipLandmarks> findHipLandmarks(const std::vector<glm::vec3>& points) {
    if (points.size() < 8) return std::nullopt;
    float ymin = points.front().y, ymax = ymin;
    for (const auto& p : points) ymin = std::min(ymin, p.y), ymax = std::max(ymax, p.y);
    const float half = ymin + 0.5f * (ymax - ymin);
    HipLandmarks out{points.front(), points.front(), points.front()};
    for (const auto& p : points) {
        if (p.y > out.crestTop.y) out.crestTop = p;
        if (p.y < half) continue;
        if (out.asis.y < half || p.z > out.asis.z) out.asis = p;
        if (out.psis.y < half || p.z < out.psis.z) out.psis = p;
    }
    return out;
}

Registration computeRegistration(const Model& model, const SceneIndex& index) {
    const PointSets sets = gatherPoints(model, index);
    Registration reg;
    if (sets.empty()) return reg;  // nothing recognised: the model's own frame
    if (auto hip = fromHipBones(sets))
        reg = *hip;
    else if (auto spine = fromSpine(sets))
        reg = *spine;
    else
        reg = fromBounds(model, sets);
    const Similarity& t = reg.transform;
    reg.alreadyInFrame =
        std::abs(t.scale - 1.0f) < 0.03f && t.rotationDegrees() < 3.0f && glm::length(t.translation) < 0.02f;
    return reg;
}

void applyRegistration(Model& model, const Similarity& transform) {
    const glm::mat4 m = transform.matrix();
    for (int r : model.roots)
        if (r >= 0 && static_cast<std::size_t>(r) < model.nodes.size())
            model.nodes[static_cast<std::size_t>(r)].local = m * model.nodes[static_cast<std::size_t>(r)].local;
    model.updateWorldTransforms();
}

std::string Registration::describe() const {
    if (basis == RegistrationBasis::None) return "Own frame (no anatomy recognised)";
    const char* from = basis == RegistrationBasis::HipBones ? "the hip bones"
                       : basis == RegistrationBasis::Spine  ? "the sacrum and lumbar spine"
                                                            : "its bounds";
    char buf[200];
    if (alreadyInFrame) {
        std::snprintf(buf, sizeof buf, "In the landmark frame (checked on %s)", from);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "Registered from %s: scale %.4g, rotated %.0f deg, moved %.2f m", from,
                  static_cast<double>(transform.scale), static_cast<double>(transform.rotationDegrees()),
                  static_cast<double>(glm::length(transform.translation)));
    std::string out = buf;
    if (basis == RegistrationBasis::HipBones) {
        std::snprintf(buf, sizeof buf, " (landmarks within %.0f mm)", static_cast<double>(residual * 1000.0f));
        out += buf;
    }
    return out;
}

}  // namespace la
