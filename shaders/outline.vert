#version 330 core
// Pushes each vertex out along its screen-space normal by uWidth pixels: drawn behind a stencil mask of
// the mesh itself, this leaves a band of constant width around the silhouette.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uModel;
uniform mat3 uNormalMatrix;
uniform mat4 uViewProj;
uniform vec2 uViewport;   // pixels
uniform float uWidth;     // pixels; 0 draws the mesh itself (the mask)

void main() {
    vec4 clip = uViewProj * (uModel * vec4(aPosition, 1.0));
    vec3 n = normalize(uNormalMatrix * aNormal);
    vec4 clipN = uViewProj * vec4(n, 0.0);
    vec2 dir = clipN.xy;
    float len = length(dir);
    if (uWidth > 0.0 && len > 1e-6) clip.xy += dir / len * (2.0 * uWidth / uViewport) * clip.w;
    gl_Position = clip;
}
