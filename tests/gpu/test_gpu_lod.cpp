// The motion level of detail in the renderer: drawn only when a frame asks for it (the window while the
// camera moves); a frame that does not ask (every still, screenshot, export, and the window at rest)
// draws the full model, pixel for pixel as if no LOD existed.
#include <cmath>
#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "core/Camera.h"
#include "core/MeshLod.h"
#include "core/Model.h"
#include "core/ViewState.h"
#include "render/GpuScene.h"
#include "render/OffscreenTarget.h"
#include "render/Renderer.h"

using namespace la;

namespace {
// A curved sheet of n x n quads facing +Z, one node.
Model sheet(int n) {
    Primitive p;
    for (int y = 0; y <= n; ++y)
        for (int x = 0; x <= n; ++x) {
            const float fx = static_cast<float>(x) / static_cast<float>(n) - 0.5f;
            const float fy = static_cast<float>(y) / static_cast<float>(n) - 0.5f;
            p.positions.emplace_back(fx, fy, 0.2f * std::cos(2.0f * fx) * std::cos(2.0f * fy));
            p.normals.push_back(
                glm::normalize(glm::vec3(0.4f * std::sin(2.0f * fx), 0.4f * std::sin(2.0f * fy), 1.0f)));
            p.fibres.emplace_back(1.0f, 0.0f, 0.0f);  // a muscle: the striated variant at rest
        }
    const auto at = [n](int x, int y) { return static_cast<std::uint32_t>(y * (n + 1) + x); };
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x)
            p.indices.insert(p.indices.end(),
                             {at(x, y), at(x + 1, y), at(x + 1, y + 1), at(x, y), at(x + 1, y + 1), at(x, y + 1)});
    for (const glm::vec3& v : p.positions) p.bounds.add(v);
    p.material = 0;
    Model m;
    m.generation = Model::newGeneration();
    Material mat;
    mat.baseColor = glm::vec4(0.7f, 0.4f, 0.3f, 1.0f);
    mat.doubleSided = true;
    m.materials.push_back(mat);
    Mesh mesh;
    mesh.primitives.push_back(std::move(p));
    m.meshes.push_back(std::move(mesh));
    Node node;
    node.name = "sheet";
    node.mesh = 0;
    m.nodes.push_back(node);
    m.roots.push_back(0);
    m.updateWorldTransforms();
    return m;
}

// Every node drawn plainly, the camera 2 units in front of the model's centre, looking down -Z.
struct FrontView {
    ViewState view;
    Camera cam;
    explicit FrontView(const Model& model) {
        view.generation = model.generation;
        view.nodes.assign(model.nodes.size(), NodeStyle{});
        cam.setSceneRadius(model.worldBounds().radius());
        cam.pose.target = model.worldBounds().center();
        cam.pose.yawDeg = 0.0f;
        cam.pose.distance = 2.0f;
    }
};
}  // namespace

TEST_CASE("gpu: the motion LOD is drawn only when a frame asks for it") {
    auto renderer = render::Renderer::create();
    REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? std::string() : renderer.error()));
    auto target = render::OffscreenTarget::create(160, 120, 4);
    REQUIRE_MESSAGE(target.ok(), (target.ok() ? std::string() : target.error()));
    const Model model = sheet(100);  // 20,000 triangles
    render::GpuScene scene = render::GpuScene::upload(model);
    const FrontView front(model);

    auto draw = [&](const render::DrawOptions& o) {
        renderer->draw(scene, front.view, front.cam, target->target(), o);
        return target->readPixels();
    };
    const std::vector<std::uint8_t> before = draw({});
    CHECK(renderer->lastStats().triangles == 20000);
    CHECK(renderer->lastStats().lodPrimitives == 0);
    CHECK(renderer->lastStats().fibreDraws == 1);

    // A LOD made for another model is not taken.
    ModelLod stale = buildLod(model);
    stale.generation = Model::newGeneration();
    scene.setLod(stale);
    CHECK_FALSE(scene.hasLod());

    scene.setLod(buildLod(model));
    REQUIRE(scene.hasLod());
    // At rest (and for every still): the full model, the very same picture.
    CHECK(draw({}) == before);
    CHECK(renderer->lastStats().triangles == 20000);
    CHECK(renderer->lastStats().lodPrimitives == 0);
    CHECK(renderer->lastStats().fibreDraws == 1);

    // Moving: the simplified list, a fraction of the triangles, nearly the same picture (the sheet is too
    // near for its stripes to fade out at this size: they are part of the difference).
    render::DrawOptions moving;
    moving.lod = true;
    const std::vector<std::uint8_t> lod = draw(moving);
    CHECK(renderer->lastStats().lodPrimitives == 1);
    CHECK(renderer->lastStats().fibreDraws == 0);  // no striation while moving
    CHECK(renderer->lastStats().triangles < 20000 / 4);
    CHECK(renderer->lastStats().triangles > 0);
    std::size_t differing = 0;
    for (std::size_t i = 0; i + 3 < lod.size(); i += 4)
        for (int c = 0; c < 3; ++c)
            if (std::abs(int(lod[i + c]) - int(before[i + c])) > 24) {
                ++differing;
                break;
            }
    CHECK(differing < lod.size() / 4 / 20);  // under 5 % of the pixels visibly different

    // The camera rests again: the full model once more, striated.
    CHECK(draw({}) == before);
    CHECK(renderer->lastStats().lodPrimitives == 0);
    CHECK(renderer->lastStats().fibreDraws == 1);
}

// Stills flush the commands every so many triangles (DrawOptions::flushTriangles), cutting a large
// primitive into pieces: every triangle is still drawn once, so the picture is the one drawn at once.
TEST_CASE("gpu: a frame drawn in flushed pieces is the frame drawn in one go") {
    auto renderer = render::Renderer::create();
    REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? std::string() : renderer.error()));
    auto target = render::OffscreenTarget::create(160, 120, 0);
    REQUIRE_MESSAGE(target.ok(), (target.ok() ? std::string() : target.error()));
    const Model model = sheet(101);  // 20,402 triangles: no piece size below divides it
    render::GpuScene scene = render::GpuScene::upload(model);
    scene.setLod(buildLod(model));
    REQUIRE(scene.hasLod());
    const FrontView front(model);
    auto draw = [&](bool lod, std::size_t flush) {
        render::DrawOptions o;
        o.lod = lod;
        o.flushTriangles = flush;
        renderer->draw(scene, front.view, front.cam, target->target(), o);
        return target->readPixels();
    };
    for (const bool lod : {false, true}) {
        const std::vector<std::uint8_t> whole = draw(lod, 0);
        const std::size_t triangles = renderer->lastStats().triangles;
        if (!lod) CHECK(triangles == 20402u);
        if (lod) CHECK(triangles < 20402u / 4);
        for (const std::size_t piece : {std::size_t{1000}, std::size_t{7}, std::size_t{1}, std::size_t{1u << 20}}) {
            INFO("lod " << lod << ", pieces of " << piece);
            CHECK(draw(lod, piece) == whole);
            CHECK(renderer->lastStats().triangles == triangles);
        }
    }
}

// While the camera moves, the window leaves the background's pixels outside the scene's box alone
// (core/KeptPixels.h): everything but the background must fall inside DrawStats::sceneBox.
TEST_CASE("gpu: whatever the scene draws besides the background lies inside its box, outline included") {
    constexpr int w = 160, h = 120;
    auto renderer = render::Renderer::create();
    REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? std::string() : renderer.error()));
    auto target = render::OffscreenTarget::create(w, h, 0);
    REQUIRE_MESSAGE(target.ok(), (target.ok() ? std::string() : target.error()));
    const Model model = sheet(20);
    render::GpuScene scene = render::GpuScene::upload(model);
    FrontView front(model);
    front.cam.pose.distance = 5.0f;  // small in the picture
    front.cam.pose.yawDeg = 30.0f;
    front.cam.lensShift = {0.3f, 0.0f};  // off the centre, as beside the open sidebar
    front.view.nodes[0].outline = true;
    front.view.nodes[0].outlineWidth = 3.0f;
    renderer->draw(scene, front.view, front.cam, target->target(), {});
    const std::vector<std::uint8_t> drawn = target->readPixels();
    const glm::ivec4 box = renderer->lastStats().sceneBox;  // GL's bottom-left origin
    front.view.nodes[0].hidden = true;
    renderer->draw(scene, front.view, front.cam, target->target(), {});
    const std::vector<std::uint8_t> background = target->readPixels();
    CHECK(renderer->lastStats().sceneBox.z == 0);  // nothing drawn: no box
    int changed = 0, outside = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const std::size_t i = (static_cast<std::size_t>(y) * w + static_cast<std::size_t>(x)) * 4;
            if (drawn[i] == background[i] && drawn[i + 1] == background[i + 1] && drawn[i + 2] == background[i + 2])
                continue;
            ++changed;
            const int gy = h - 1 - y;  // readPixels' rows run from the top
            if (x < box.x || x >= box.x + box.z || gy < box.y || gy >= box.y + box.w) ++outside;
        }
    CHECK(changed > 200);  // the sheet is there
    CHECK(outside == 0);
    CHECK(box.z * box.w < w * h / 2);  // and the box is not the whole picture
}

// Primitives of at most 65,536 vertices get 16-bit indices on the GPU, larger ones 32-bit: the same curved
// sheet tessellated both ways, drawn whole and in flushed pieces, is the same picture.
TEST_CASE("gpu: 16-bit and 32-bit indices draw the same surface, whole and in pieces") {
    auto renderer = render::Renderer::create();
    REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? std::string() : renderer.error()));
    auto target = render::OffscreenTarget::create(160, 120, 0);
    REQUIRE_MESSAGE(target.ok(), (target.ok() ? std::string() : target.error()));
    auto picture = [&](const Model& model, std::size_t flush) {
        render::GpuScene scene = render::GpuScene::upload(model);
        const FrontView front(model);
        render::DrawOptions o;
        o.flushTriangles = flush;
        renderer->draw(scene, front.view, front.cam, target->target(), o);
        return target->readPixels();
    };
    const Model small = sheet(100);  // 10,201 vertices: 16-bit
    const Model large = sheet(300);  // 90,601 vertices: 32-bit
    REQUIRE(large.meshes[0].primitives[0].positions.size() > 65536u);
    const std::vector<std::uint8_t> a = picture(small, 0), b = picture(large, 0);
    REQUIRE(a.size() == b.size());
    long long sum = 0, covered = 0;
    const std::uint8_t* bg = a.data();  // the corner pixel: background in both
    for (std::size_t i = 0; i < a.size(); i += 4) {
        for (int c = 0; c < 3; ++c) sum += std::abs(int(a[i + c]) - int(b[i + c]));
        covered += a[i] != bg[0] || a[i + 1] != bg[1] || a[i + 2] != bg[2];
    }
    CHECK(covered > static_cast<long long>(a.size() / 4 / 10));                     // the sheet is there
    CHECK(static_cast<double>(sum) / static_cast<double>(a.size() / 4 * 3) < 1.0);  // finer, not different
    CHECK(picture(small, 999) == a);
    CHECK(picture(large, 7777) == b);
}
