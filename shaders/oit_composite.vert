#version 330 core
// One triangle that covers the screen (render/OitPass.cpp), with the screen's texture coordinate: the pass
// then has the inputs of the background and FXAA passes (one vec2, no gl_FragCoord), so llvmpipe's
// triangle-setup function for those serves this pass too. That function is compiled with LLVM in every
// process (it is not in Mesa's shader cache): about 4 ms of a still's first frame.
out vec2 vUv;
void main() {
    vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    vUv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
