// The thoracic vertebrae above T12 (T11 up to T4, which the model's top cuts through) and their discs: the bony
// column the erector spinae and multifidus lie on above the lumbar spine.
#include <string>

#include "anatomy.h"

namespace mg {

namespace {

struct Thoracic {
    const char* id;
    float y, z;        // body centre (midline, cm)
    float hw, hh, hd;  // body half-width, half-height, half-depth
    float tpX;         // transverse process tip, x (it carries the facet for its rib's tubercle; T11's is a stub)
    float spDrop;      // spinous process: how far its tip lies below the body centre
    // The body moved forward (z, cm) from (y, z), the arch by half as much (the pedicles reach across): the
    // fronts of the bodies curve smoothly back from T12's, which lies as measured, in line with L1's.
    float fwd;
};

// Bodies a little smaller level by level upwards, 2.4-2.8 cm apart; the column curves back (kyphosis) from
// T12's body (19.5 cm, z -8.0) to T6-T5 and forward again, the laminae under the multifidus where it is measured.
// The spinous processes slope down, steepest and longest at T5-T8 (each tip over the body below).
constexpr Thoracic kThoracic[] = {
    {"T11", 22.35f, -8.45f, 1.85f, 1.1f, 1.45f, 2.4f, 2.4f, 0.95f},
    {"T10", 25.1f, -9.0f, 1.75f, 1.05f, 1.4f, 2.85f, 2.9f, 0.55f},
    {"T9", 27.75f, -9.55f, 1.65f, 1.0f, 1.32f, 3.05f, 3.3f, 0.3f},
    {"T8", 30.35f, -9.9f, 1.6f, 0.98f, 1.28f, 3.2f, 3.5f, 0.12f},
    {"T7", 32.85f, -10.1f, 1.55f, 0.95f, 1.25f, 3.3f, 3.6f, 0.0f},
    {"T6", 35.3f, -10.2f, 1.5f, 0.93f, 1.22f, 3.35f, 3.5f, 0.0f},
    {"T5", 37.7f, -10.15f, 1.45f, 0.9f, 1.2f, 3.4f, 3.3f, 0.0f},
    {"T4", 40.1f, -9.95f, 1.45f, 0.88f, 1.18f, 3.45f, 3.1f, 0.0f},
};
constexpr int kCount = static_cast<int>(std::size(kThoracic));

vec3 centre(int i) {
    if (i < 0) return L("T12_body");
    if (i >= kCount)
        return vec3(0.0f, 2.0f * kThoracic[kCount - 1].y - kThoracic[kCount - 2].y,
                    2.0f * kThoracic[kCount - 1].z - kThoracic[kCount - 2].z);
    return {0.0f, kThoracic[i].y, kThoracic[i].z};
}

// The body's centre as built (-1 = T12's).
vec3 bodyCentre(int i) {
    if (i < 0) return t12Body().centre;
    if (i >= kCount) return centre(i);
    return centre(i) + vec3(0.0f, 0.0f, kThoracic[i].fwd);
}

std::unique_ptr<Shape> vertebra(int i) {
    const Thoracic& t = kThoracic[i];
    // The arch's frame: the table's centre (its column under the multifidus), moved forward by half the body's fwd.
    const vec3 c = centre(i) + vec3(0.0f, 0.0f, 0.5f * t.fwd);
    const vec3 up = glm::normalize(centre(i + 1) - centre(i - 1));
    const vec3 X(1, 0, 0);
    const vec3 F = glm::normalize(glm::cross(X, up));
    auto P = [&](float x, float u, float f) { return c + X * x + up * u + F * f; };
    const float d = t.hd;
    // The body's frame: along the line of the bodies as built.
    const vec3 cb = bodyCentre(i);
    const vec3 upB = glm::normalize(bodyCentre(i + 1) - bodyCentre(i - 1));
    const vec3 FB = glm::normalize(glm::cross(X, upB));
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    // Body: as deep as wide (heart-shaped in life), waisted, with raised rims.
    s->add(ellipticCylinder(cb, glm::mat3(X, upB, FB), t.hw, t.hh, t.hd, 0.28f, 0.08f));
    // Pedicles from the upper part of the body's back, straight back.
    s->group(Op::Union, 0.3f);
    const float px = 0.95f * t.hw - 0.55f;
    const vec3 pedicle = cb + X * px + upB * 0.3f + FB * (-d + 0.4f);
    s->add(mirrorX(cone(pedicle, P(px + 0.1f, 0.25f, -d - 0.9f), 0.4f, 0.38f)));
    if (i == 0) {
        // T11's costal facet, large, at the junction of the pedicle and the body: the 11th rib's head lies on it.
        const vec3 head = rib11Head();
        s->group(Op::Union, 0.25f);
        s->add(mirrorX(cone(pedicle, head - glm::normalize(head - pedicle) * 0.58f, 0.45f, 0.42f)));
    }
    // Laminae: broad, short plates roofing a round canal, overlapping the next one down like tiles.
    s->group(Op::Union, 0.3f);
    const float lx = 0.95f * t.hw - 0.4f;
    s->add(mirrorX(
        thickTri(P(lx, 0.8f, -d - 1.0f), P(lx, -0.9f, -d - 1.35f), P(0.0f, 0.5f, -d - 1.9f), 0.28f, 0.28f, 0.28f)));
    s->add(mirrorX(
        thickTri(P(lx, -0.9f, -d - 1.35f), P(0.0f, -1.2f, -d - 2.1f), P(0.0f, 0.5f, -d - 1.9f), 0.28f, 0.28f, 0.28f)));
    // Articular processes: the superior facing back, the inferior hanging below the lamina.
    s->group(Op::Union, 0.25f);
    s->add(mirrorX(cone(P(lx + 0.1f, 0.5f, -d - 1.0f), P(lx + 0.2f, 1.5f, -d - 1.3f), 0.36f, 0.3f)));
    s->add(mirrorX(cone(P(lx - 0.2f, -0.8f, -d - 1.5f), P(lx - 0.15f, -1.7f, -d - 1.6f), 0.34f, 0.3f)));
    // Transverse process: from the pedicle-lamina junction out, back and a little up, its tip clubbed (the
    // facet for the tubercle of its rib).
    s->group(Op::Union, 0.3f);
    const vec3 root = P(lx + 0.2f, 0.2f, -d - 1.1f), tip = P(t.tpX, 0.35f, -d - 1.95f);
    s->add(mirrorX(cone(root, tip, 0.42f, 0.36f)));
    s->group(Op::Union, 0.25f);
    s->add(mirrorX(sphere(tip, 0.42f)));
    // Spinous process: long, sloping down to a clubbed tip, thin from side to side.
    const vec3 a = P(0.0f, 0.4f, -d - 1.9f), b = P(0.0f, -0.9f, -d - 2.1f);
    const vec3 tipSp(0.0f, t.y - t.spDrop, t.z - d - 4.3f);
    s->group(Op::Union, 0.3f);
    s->add(thickTri(a, b, tipSp + vec3(0.0f, -0.35f, 0.0f), 0.26f, 0.26f, 0.34f));
    s->add(thickTri(a, tipSp + vec3(0.0f, -0.35f, 0.0f), tipSp + vec3(0.0f, 0.35f, 0.2f), 0.26f, 0.34f, 0.34f));
    // Vertebral canal: round.
    s->group(Op::Subtract, 0.2f);
    s->add(ellipticCylinder(P(0.0f, 0.0f, -d - 0.75f), glm::mat3(X, up, F), 0.78f, 3.0f, 0.72f, 0.3f));
    // The model's top cut (T4's arch kept whole below it: a little above the muscles' cut, under the skin's).
    s->group(Op::Intersect, 0.15f);
    s->add(halfSpace(vec3(0, 1, 0), kModelTop + 0.6f));
    s->finalize();
    return s;
}

// The disc between body i (above) and body i - 1 (below; -1 = T12): fills the space between the end plates.
std::unique_ptr<Shape> disc(int i, const Shape& above, const Shape& below) {
    const Thoracic& a = kThoracic[i];
    const VertebralBody t12 = t12Body();
    const float hwB = i > 0 ? kThoracic[i - 1].hw : t12.hw, hdB = i > 0 ? kThoracic[i - 1].hd : t12.hd,
                hhB = i > 0 ? kThoracic[i - 1].hh : t12.hh;
    const vec3 ca = bodyCentre(i), cb = bodyCentre(i - 1);
    const vec3 up = glm::normalize(ca - cb);
    const vec3 X(1, 0, 0);
    const vec3 F = glm::normalize(glm::cross(X, up));
    const float gap = glm::length(ca - cb) - a.hh - hhB;
    const vec3 mid = ca - up * (a.hh + 0.5f * gap);
    auto s = std::make_unique<Shape>();
    s->group(Op::Union, 0.0f);
    s->add(ellipticCylinder(mid, glm::mat3(X, up, F), 0.5f * (a.hw + hwB) + 0.05f, 0.5f * gap + 0.3f,
                            0.5f * (a.hd + hdB) + 0.05f, 0.4f, -0.04f));
    carve(*s, above, 0.0f, 0.2f);
    carve(*s, below, 0.0f, 0.2f);
    s->finalize();
    return s;
}

}  // namespace

const std::vector<std::string>& thoracicIds() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v;
        for (const Thoracic& t : kThoracic) v.push_back(std::string("vertebra_") + t.id);
        return v;
    }();
    return ids;
}

void buildThoracicSpine(Shapes& out) {
    for (int i = 0; i < kCount; ++i) out[std::string("vertebra_") + kThoracic[i].id] = vertebra(i);
    for (int i = 0; i < kCount; ++i) {
        const std::string below = i > 0 ? kThoracic[i - 1].id : "T12";
        out[std::string("disc_") + kThoracic[i].id + "_" + below] =
            disc(i, *out.at(std::string("vertebra_") + kThoracic[i].id), *out.at("vertebra_" + below));
    }
}

std::vector<const Shape*> allVertebrae(const Shapes& out) {
    std::vector<const Shape*> v;
    for (const std::string& id : thoracicIds()) v.push_back(out.at(id).get());
    for (const char* id : {"vertebra_T12", "vertebra_L1", "vertebra_L2", "vertebra_L3", "vertebra_L4", "vertebra_L5"})
        v.push_back(out.at(id).get());
    return v;
}

}  // namespace mg
