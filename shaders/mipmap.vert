#version 330 core
// The rectangle of the mip level being made, drawn as a fan of two triangles with its texture coordinates
// 0..1 at the corners, as llvmpipe's blit draws it (render/MipmapPass.h).
out vec2 vUv;
void main() {
    vec2 p = vec2(gl_VertexID == 1 || gl_VertexID == 2 ? 1.0 : 0.0, gl_VertexID >= 2 ? 1.0 : 0.0);
    vUv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
