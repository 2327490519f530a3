#include "render/MeshPrograms.h"

#include <cstdio>

#include "render/Shaders.h"

namespace la::render {

namespace {
std::string definesFor(unsigned features) {
    std::string d;
    if (features & kMeshTextures) d += "#define LA_TEXTURES 1\n";
    if (features & kMeshFibres) d += "#define LA_FIBRES 1\n";
    if (features & kMeshPain) d += "#define LA_PAIN 1\n";
    if (features & kMeshOit) d += "#define LA_OIT 1\n";
    return d;
}
}  // namespace

Result<MeshPrograms> MeshPrograms::create() {
    auto plain = loadProgram("mesh");
    if (!plain) return Error{plain.error()};
    MeshPrograms m;
    m.variants_[0].program = std::move(*plain);
    return m;
}

void MeshPrograms::beginFrame(const MeshFrame& frame) {
    frame_ = frame;
    ++frameNumber_;
}

gl::Program& MeshPrograms::use(unsigned features) {
    features %= kMeshVariants;
    Variant* v = &variants_[features];
    if (!v->program && !v->failed) {
        auto p = loadProgram("mesh", definesFor(features));
        if (p) {
            v->program = std::move(*p);
        } else {
            std::fprintf(stderr, "%s\n", p.error().c_str());
            v->failed = true;
        }
    }
    if (!v->program) {
        features = 0;
        v = &variants_[0];
    }
    gl::Program& program = *v->program;
    program.use();
    if (v->frame != frameNumber_) {
        setFrameUniforms(program, features);
        v->frame = frameNumber_;
    }
    return program;
}

void MeshPrograms::setFrameUniforms(gl::Program& p, unsigned features) {
    p.set("uViewProj", frame_.viewProj);
    p.set("uEye", frame_.eye);
    p.set("uKeyDir", frame_.keyDir);
    p.set("uRimDir", frame_.rimDir);
    if (features & kMeshTextures) {
        p.set("uBaseTexture", 0);
        p.set("uMrTexture", 1);
        p.set("uNormalTexture", 2);
        p.set("uOcclusionTexture", 3);
        p.set("uEmissiveTexture", 4);
    }
    if (features & kMeshPain) {
        p.set("uLinkGlow", frame_.linkGlow);
        p.set("uPainIntensity", frame_.painIntensity);
        p.set("uPalette", frame_.palette);
    }
    if (features & kMeshOit) {
        p.set("uViewDir", frame_.viewDir);
        p.set("uOitNear", frame_.oitNear);
        p.set("uOitHalving", frame_.oitHalving);
    }
}

}  // namespace la::render
