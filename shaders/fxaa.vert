#version 330 core
out vec2 vUv;
#ifdef LA_WITH_LAYER
uniform ivec2 uShift;      // as in fxaa.frag
uniform vec2 uLayerTexel;  // 1 / the layer's size, which is the window's
out vec2 vLayerUv;         // the layer's texel of the pixel, interpolated (a texture coordinate taken as it is)
#endif
void main() {
#ifdef LA_QUAD
    // Two triangles that make the screen's rectangle: llvmpipe runs a rectangle whose shader only samples
    // and blends through its 8-bit linear path (without a depth buffer in the target).
    const vec2 corners[6] = vec2[6](vec2(0, 0), vec2(1, 0), vec2(1, 1), vec2(0, 0), vec2(1, 1), vec2(0, 1));
    vec2 p = corners[gl_VertexID];
#else
    // One triangle that covers the screen.
    vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
#endif
    vUv = p;
#ifdef LA_WITH_LAYER
    vLayerUv = p - vec2(uShift) * uLayerTexel;
#endif
    gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
