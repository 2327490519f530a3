#include "render/MipmapPass.h"

#include "render/Shaders.h"

namespace la::render {

Result<MipmapPass> MipmapPass::create() {
    auto program = loadProgram("mipmap");
    if (!program) return Error{program.error()};
    MipmapPass p;
    p.program_ = std::move(*program);
    p.emptyVao_ = gl::VertexArray::create();
    return p;
}

gl::Texture MipmapPass::image(int width, int height, const std::uint8_t* rgba, const gl::SamplerParams& sampler,
                              bool srgb) {
    // The level's rectangle as llvmpipe's blit draws it (a fan of four corners, texture coordinates 0..1
    // there): the same interpolated coordinates, so the same texels, also for sizes that do not halve.
    return gl::Texture::image(width, height, rgba, sampler, srgb, [this](glm::ivec2) {
        program_.use();
        program_.set("uSource", 0);
        emptyVao_.drawTriangleFan(4);
    });
}

}  // namespace la::render
