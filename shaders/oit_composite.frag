#version 330 core
// Weighted blended OIT, last step: the weighted average colour of the translucent layers of a pixel and
// their revealage (the share of the opaque image still seen), blended over the opaque image with
// ONE_MINUS_SRC_ALPHA, SRC_ALPHA. With LA_OIT_MSAA the targets are multisampled: the samples of the pixel
// are averaged first (a resolve), so translucent edges keep their antialiasing.
#ifdef LA_OIT_MSAA
uniform sampler2DMS uAccum;
uniform sampler2DMS uWeight;
uniform int uSamples;
#else
uniform sampler2D uAccum;   // rgb: sum of colour x alpha x weight; a: product of (1 - alpha)
uniform sampler2D uWeight;  // r: sum of alpha x weight
#endif
in vec2 vUv;  // 0..1 over the targets (oit_composite.vert)
out vec4 fragColor;

void main() {
#ifdef LA_OIT_MSAA
    // The pixel from vUv, not gl_FragCoord (see oit_composite.vert): at a pixel's centre vUv * size is
    // its index + 0.5.
    ivec2 p = ivec2(vUv * vec2(textureSize(uAccum)));
    vec4 accum = vec4(0.0);
    for (int s = 0; s < uSamples; ++s) accum += texelFetch(uAccum, p, s);
    accum /= float(uSamples);
    if (accum.a > 0.9999) discard;  // nothing translucent here
    float weight = 0.0;
    for (int s = 0; s < uSamples; ++s) weight += texelFetch(uWeight, p, s).r;
    weight /= float(uSamples);
#else
    ivec2 p = ivec2(vUv * vec2(textureSize(uAccum, 0)));
    vec4 accum = texelFetch(uAccum, p, 0);
    if (accum.a > 0.9999) discard;  // nothing translucent here
    float weight = texelFetch(uWeight, p, 0).r;
#endif
    float revealage = accum.a;
    if (weight <= 0.0) discard;
    fragColor = vec4(accum.rgb / max(weight, 1e-6), revealage);
}
