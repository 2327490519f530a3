#pragma once
// Mip levels of a model's textures made by our own shader (shaders/mipmap.frag) instead of
// glGenerateMipmap: each level samples the one above linearly at its texels' centres, as llvmpipe's
// mipmap blit does, and gives the same texels (tests/gpu: every level of sRGB and linear textures of
// power-of-two and other sizes). llvmpipe builds its blit's shaders anew in every process (about 100 ms
// of LLVM for the first textured model of a still or a window); ours come from Mesa's shader cache.
#include <glm/glm.hpp>

#include "core/Result.h"
#include "render/gl/Objects.h"
#include "render/gl/Program.h"

namespace la::render {

class MipmapPass {
public:
    static Result<MipmapPass> create();

    // A texture as gl::Texture::image makes it, its mip levels drawn by this pass.
    gl::Texture image(int width, int height, const std::uint8_t* rgba, const gl::SamplerParams& sampler, bool srgb);

private:
    gl::Program program_;
    gl::VertexArray emptyVao_;
};

}  // namespace la::render
