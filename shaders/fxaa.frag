#version 330 core
// Post-process anti-aliasing of the single-sampled scene (the window's default; MSAA 4x costs about 2.6x
// a frame on a software renderer). Fast approximate AA: where the local contrast is high, blur along the
// edge, across it never. Luma from the display-encoded colour the scene was drawn in.
in vec2 vUv;
out vec4 fragColor;
uniform sampler2D uScene;  // linear filtering: the taps fall between texels
uniform vec2 uTexel;       // 1 / the scene's size in pixels
#if defined(LA_LAYER) || defined(LA_WITH_LAYER)
uniform ivec2 uShift;      // the layer's texel of a pixel is that many pixels back (bottom-left origin)
#endif
#ifdef LA_WITH_LAYER
uniform sampler2D uLayer;  // the cached UI layer (premultiplied), the window's size, nearest filtering
uniform vec2 uLayerTexel;  // 1 / its size
in vec2 vLayerUv;          // the layer's texel of the pixel (fxaa.vert)
#endif

const float kEdgeThreshold = 0.125;     // relative contrast that counts as an edge
const float kEdgeThresholdMin = 0.0312; // below this absolute contrast (dark areas) nothing is done
const float kSpanMax = 8.0;             // longest blur along an edge, in pixels

float lumaOf(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

void main() {
#ifdef LA_LAYER
    // The cached UI layer (premultiplied, the window's size) laid over the frame, a texel a pixel, from
    // where a window that moved since was drawn into it.
    fragColor = texelFetch(uScene, ivec2(gl_FragCoord.xy) - uShift, 0);
    return;
#endif
#ifdef LA_UPSCALE
    // A frame drawn at reduced resolution while the camera moves, scaled up to the window: the nearest
    // texel a pixel (sampled so), no filtering.
    vec3 scene = texture(uScene, vUv).rgb;
#ifdef LA_WITH_LAYER
    // With the cached UI laid over in the same pass ("over", premultiplied): each pixel written once.
    // Sampled at the texel's centre rather than fetched: llvmpipe's texelFetch costs about a third more.
    vec4 ui = texture(uLayer, vLayerUv);
    scene = scene * (1.0 - ui.a) + ui.rgb;
#endif
    fragColor = vec4(scene, 1.0);
    return;
#endif
    vec3 centre = texture(uScene, vUv).rgb;
    float lc = lumaOf(centre);
    float nw = lumaOf(textureOffset(uScene, vUv, ivec2(-1, 1)).rgb);
    float ne = lumaOf(textureOffset(uScene, vUv, ivec2(1, 1)).rgb);
    float sw = lumaOf(textureOffset(uScene, vUv, ivec2(-1, -1)).rgb);
    float se = lumaOf(textureOffset(uScene, vUv, ivec2(1, -1)).rgb);
    float lo = min(lc, min(min(nw, ne), min(sw, se)));
    float hi = max(lc, max(max(nw, ne), max(sw, se)));
    if (hi - lo < max(kEdgeThresholdMin, hi * kEdgeThreshold)) {
        fragColor = vec4(centre, 1.0);
        return;
    }
    // The luma gradient's perpendicular runs along the edge.
    vec2 along = vec2((sw + se) - (nw + ne), (nw + sw) - (ne + se));
    // Scale so the shorter component is about one pixel, which makes near-horizontal and near-vertical
    // edges reach further; damped in flat, bright regions.
    float damp = max((nw + ne + sw + se) * (0.25 / 8.0), 1.0 / 128.0);
    float scale = 1.0 / (min(abs(along.x), abs(along.y)) + damp);
    along = clamp(along * scale, vec2(-kSpanMax), vec2(kSpanMax)) * uTexel;
    // Two taps near the centre, and two more at the ends of the span.
    vec3 near = 0.5 * (texture(uScene, vUv - along / 6.0).rgb + texture(uScene, vUv + along / 6.0).rgb);
    vec3 wide = 0.5 * near + 0.25 * (texture(uScene, vUv - along * 0.5).rgb + texture(uScene, vUv + along * 0.5).rgb);
    // The wide blur is used unless it reached across into something else (its luma leaves the local range).
    float lw = lumaOf(wide);
    fragColor = vec4((lw < lo || lw > hi) ? near : wide, 1.0);
}
