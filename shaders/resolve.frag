#version 330 core
// A multisampled picture resolved for reading back (render/OffscreenTarget.h): the mean of the pixel's
// LA_SAMPLES samples, rows flipped so that the first row read is the image's top, alpha opaque. Our own
// shader instead of glBlitFramebuffer: llvmpipe compiles its blit's resolve shader again in every
// process, while this one comes from the shader cache.
uniform sampler2DMS uScene;
uniform int uHeight;
out vec4 fragColor;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    p.y = uHeight - 1 - p.y;
    vec3 sum = vec3(0.0);
    for (int s = 0; s < LA_SAMPLES; ++s) sum += texelFetch(uScene, p, s).rgb;
    fragColor = vec4(sum / float(LA_SAMPLES), 1.0);
}
