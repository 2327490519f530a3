#include "core/PainSurface.h"

#include <algorithm>
#include <cmath>

namespace la {

namespace {

// Möller-Trumbore; t of the hit or a negative value.
float rayTriangle(glm::vec3 o, glm::vec3 d, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
    const glm::vec3 e1 = b - a, e2 = c - a;
    const glm::vec3 p = glm::cross(d, e2);
    const float det = glm::dot(e1, p);
    if (std::abs(det) < 1e-12f) return -1.0f;
    const float inv = 1.0f / det;
    const glm::vec3 s = o - a;
    const float u = glm::dot(s, p) * inv;
    if (u < 0.0f || u > 1.0f) return -1.0f;
    const glm::vec3 q = glm::cross(s, e1);
    const float v = glm::dot(d, q) * inv;
    if (v < 0.0f || u + v > 1.0f) return -1.0f;
    return glm::dot(e2, q) * inv;
}

// Every t > 0 where the ray meets the node's triangles.
std::vector<float> hitsOnNode(const Model& model, int node, glm::vec3 o, glm::vec3 d) {
    std::vector<float> ts;
    if (node < 0 || static_cast<std::size_t>(node) >= model.nodes.size()) return ts;
    const Node& n = model.nodes[static_cast<std::size_t>(node)];
    if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= model.meshes.size()) return ts;
    for (const Primitive& p : model.meshes[static_cast<std::size_t>(n.mesh)].primitives) {
        std::vector<glm::vec3> w(p.positions.size());
        for (std::size_t i = 0; i < w.size(); ++i) w[i] = glm::vec3(n.world * glm::vec4(p.positions[i], 1.0f));
        for (std::size_t i = 0; i + 2 < p.indices.size(); i += 3) {
            const std::uint32_t a = p.indices[i], b = p.indices[i + 1], c = p.indices[i + 2];
            if (a >= w.size() || b >= w.size() || c >= w.size()) continue;
            const float t = rayTriangle(o, d, w[a], w[b], w[c]);
            if (t > 0.0f) ts.push_back(t);
        }
    }
    return ts;
}

std::optional<glm::vec3> nearestVertex(const Model& model, int node, glm::vec3 p) {
    if (node < 0 || static_cast<std::size_t>(node) >= model.nodes.size()) return std::nullopt;
    const Node& n = model.nodes[static_cast<std::size_t>(node)];
    if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= model.meshes.size()) return std::nullopt;
    std::optional<glm::vec3> best;
    float bestD = 1e30f;
    for (const Primitive& prim : model.meshes[static_cast<std::size_t>(n.mesh)].primitives)
        for (const glm::vec3& v : prim.positions) {
            const glm::vec3 w(n.world * glm::vec4(v, 1.0f));
            if (const float d = glm::length(w - p); d < bestD) {
                bestD = d;
                best = w;
            }
        }
    return best;
}

// Closest point of triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5).
glm::vec3 closestOnTriangle(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

// The point of the node's surface nearest to p.
std::optional<glm::vec3> nearestOnSurface(const Model& model, int node, glm::vec3 p) {
    if (node < 0 || static_cast<std::size_t>(node) >= model.nodes.size()) return std::nullopt;
    const Node& n = model.nodes[static_cast<std::size_t>(node)];
    if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= model.meshes.size()) return std::nullopt;
    std::optional<glm::vec3> best;
    float bestD = 1e30f;
    for (const Primitive& prim : model.meshes[static_cast<std::size_t>(n.mesh)].primitives) {
        std::vector<glm::vec3> w(prim.positions.size());
        for (std::size_t i = 0; i < w.size(); ++i) w[i] = glm::vec3(n.world * glm::vec4(prim.positions[i], 1.0f));
        for (std::size_t i = 0; i + 2 < prim.indices.size(); i += 3) {
            const std::uint32_t a = prim.indices[i], b = prim.indices[i + 1], c = prim.indices[i + 2];
            if (a >= w.size() || b >= w.size() || c >= w.size()) continue;
            const glm::vec3 q = closestOnTriangle(p, w[a], w[b], w[c]);
            if (const float d = glm::length(q - p); d < bestD) {
                bestD = d;
                best = q;
            }
        }
    }
    return best;
}

std::uint8_t quantize(float w) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(w, 0.0f, 1.0f) * 255.0f));
}

}  // namespace

std::size_t PainBake::entryCount() const {
    std::size_t n = 0;
    for (const auto& m : meshes)
        for (const auto& p : m) n += p.entries.size();
    return n;
}

PainBake bakePain(const Model& model, const PainField& field, const PainFlat& flat, const ChartAxes& axes) {
    PainBake bake;
    bake.generation = model.generation;
    bake.meshes.resize(model.meshes.size());
    std::vector<const Node*> firstNode(model.meshes.size(), nullptr);
    for (const Node& n : model.nodes)
        if (n.mesh >= 0 && static_cast<std::size_t>(n.mesh) < model.meshes.size() &&
            !firstNode[static_cast<std::size_t>(n.mesh)])
            firstNode[static_cast<std::size_t>(n.mesh)] = &n;
    // Every outline of every trigger point in flat order, with its side and bounds for a quick reject.
    struct Item {
        const ChartOutline* outline;
        glm::vec4 box;
        std::uint16_t trigger;
        bool right;
        bool essential;
    };
    std::vector<Item> items;
    for (std::size_t t = 0; t < flat.triggers.size() && t <= 0xFFFF; ++t) {
        const auto& ft = flat.triggers[t];
        const auto& inst = flat.instances[static_cast<std::size_t>(ft.instance)];
        const auto& trp = field.patterns()[static_cast<std::size_t>(inst.pattern)]
                              .triggerPoints[static_cast<std::size_t>(ft.triggerPoint)];
        for (const Zone* z : {&trp.essential, &trp.spillover})
            for (const ChartOutline& o : z->outlines)
                items.push_back({&o, o.bounds(), static_cast<std::uint16_t>(t), inst.side == Side::Right,
                                 z->kind == ZoneKind::Essential});
    }
    std::vector<glm::vec2> weights(flat.triggers.size());
    std::vector<std::uint16_t> touched;
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        const auto& prims = model.meshes[m].primitives;
        bake.meshes[m].resize(prims.size());
        const glm::mat4 world = firstNode[m] ? firstNode[m]->world : glm::mat4(1.0f);
        for (std::size_t pi = 0; pi < prims.size(); ++pi) {
            PainBakedPrimitive& out = bake.meshes[m][pi];
            out.vertexCount = prims[pi].positions.size();
            if (!firstNode[m]) continue;
            for (std::size_t v = 0; v < prims[pi].positions.size(); ++v) {
                const glm::vec3 p(world * glm::vec4(prims[pi].positions[v], 1.0f));
                // Chart points of p as a left point and, mirrored, as a right one.
                ChartPoint charts[2][2];
                bool thighOk[2];
                for (int side = 0; side < 2; ++side) {
                    const glm::vec3 q = side == 0 ? p : mirrorX(p);
                    charts[side][0] = trunkChart(q, axes);
                    charts[side][1] = thighChart(q, axes);
                    thighOk[side] = q.x > 0.0f;
                }
                touched.clear();
                for (const Item& it : items) {
                    const int side = it.right ? 1 : 0;
                    const bool thigh = it.outline->chart == ChartKind::Thigh;
                    if (thigh && !thighOk[side]) continue;
                    const ChartPoint& c = charts[side][thigh ? 1 : 0];
                    // Quick reject outside the bounds grown by the ramp (as an angle at this radius).
                    const float margin = kPainRamp / (std::max(c.radius, 0.01f) * 0.0174533f);
                    if (c.angleDeg < it.box.x - margin || c.angleDeg > it.box.z + margin ||
                        c.along < it.box.y - kPainRamp || c.along > it.box.w + kPainRamp)
                        continue;
                    const float w = it.outline->rampAt(c, kPainRamp);
                    if (w <= 0.0f) continue;
                    glm::vec2& acc = weights[it.trigger];
                    if (acc == glm::vec2(0.0f)) touched.push_back(it.trigger);
                    (it.essential ? acc.x : acc.y) = std::max(it.essential ? acc.x : acc.y, w);
                }
                std::sort(touched.begin(), touched.end());
                for (std::uint16_t t : touched) {
                    const std::uint8_t e = quantize(weights[t].x), s = quantize(weights[t].y);
                    weights[t] = glm::vec2(0.0f);
                    if (e == 0 && s == 0) continue;
                    out.entries.push_back({static_cast<std::uint32_t>(v), t, e, s});
                }
            }
        }
    }
    return bake;
}

void composePain(const PainBakedPrimitive& prim, const std::vector<float>& triggerWeight, int linkTrigger,
                 std::vector<glm::vec4>& out) {
    out.assign(prim.vertexCount, glm::vec4(0.0f));
    for (const PainVertexEntry& e : prim.entries) {
        if (e.vertex >= out.size() || e.trigger >= triggerWeight.size()) continue;
        const float tw = triggerWeight[e.trigger];
        if (tw <= 0.0f) continue;
        glm::vec4& o = out[e.vertex];
        const float ess = static_cast<float>(e.essential) / 255.0f;
        const float spill = static_cast<float>(e.spillover) / 255.0f;
        o.x = std::max(o.x, ess);
        o.y = std::max(o.y, spill);
        if (static_cast<int>(e.trigger) == linkTrigger) o.z = std::max(o.z, std::max(ess, spill));
        o.w = std::max(o.w, tw);
    }
}

TriggerSpot placeTriggerSpot(const Model& model, glm::vec3 triggerPosition, int muscleNode,
                             const std::vector<int>& skinNodes, const ChartAxes& axes) {
    TriggerSpot mark;
    // "Above" the knot: towards the nearest point of the skin (posterior for the deep points, postero-
    // lateral for QL's superficial ones); without a skin, outwards from the trunk's vertical axis.
    const ChartPoint c = trunkChart(glm::vec3(std::abs(triggerPosition.x), triggerPosition.y, triggerPosition.z), axes);
    glm::vec3 out = trunkOutward(c.angleDeg);
    if (triggerPosition.x < 0.0f) out.x = -out.x;
    std::optional<glm::vec3> nearestSkin;
    for (int s : skinNodes)
        if (auto v = nearestVertex(model, s, triggerPosition);
            v && (!nearestSkin || glm::length(*v - triggerPosition) < glm::length(*nearestSkin - triggerPosition)))
            nearestSkin = v;
    if (nearestSkin && glm::length(*nearestSkin - triggerPosition) > 1e-4f)
        out = glm::normalize(*nearestSkin - triggerPosition);
    mark.outward = out;
    // Start a little inside so that a point on or just outside the muscle still finds its surface.
    const glm::vec3 origin = triggerPosition - out * 0.01f;
    auto muscle = hitsOnNode(model, muscleNode, origin, out);
    std::sort(muscle.begin(), muscle.end());
    // The first surface beyond the point itself: where the ray leaves the muscle above the knot.
    for (float t : muscle)
        if (t > 0.01f) {
            mark.onMuscle = origin + out * t;
            break;
        }
    if (!mark.onMuscle && !muscle.empty()) mark.onMuscle = origin + out * muscle.back();
    if (!mark.onMuscle) {
        // The point lies outside its muscle (beside it): the muscle's outer surface straight below it.
        auto inward = hitsOnNode(model, muscleNode, triggerPosition, -out);
        if (!inward.empty()) mark.onMuscle = triggerPosition - out * *std::min_element(inward.begin(), inward.end());
    }
    if (!mark.onMuscle) mark.onMuscle = nearestOnSurface(model, muscleNode, triggerPosition);  // beside a thin edge
    float best = -1.0f;
    for (int s : skinNodes)
        for (float t : hitsOnNode(model, s, origin, out)) best = std::max(best, t);  // the outermost skin
    if (best > 0.0f)
        mark.onSkin = origin + out * best;
    else
        mark.onSkin = nearestSkin;  // the ray slipped between triangles at that very vertex
    return mark;
}

}  // namespace la
