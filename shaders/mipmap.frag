#version 330 core
// One texel of a mip level: the level above (the only one the sampler sees), sampled linearly at the
// texture coordinate interpolated across the level's rectangle, as llvmpipe's mipmap blit samples it.
uniform sampler2D uSource;
in vec2 vUv;
out vec4 fragColor;

void main() {
    fragColor = texture(uSource, vUv);
}
