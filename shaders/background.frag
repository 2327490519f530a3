#version 330 core
in vec2 vUv;
uniform vec3 uTop;      // sRGB
uniform vec3 uBottom;   // sRGB
out vec4 fragColor;
void main() {
    float t = smoothstep(0.0, 1.0, vUv.y);
    vec3 c = mix(uBottom, uTop, t);
    // Soft vignette towards the corners.
    vec2 d = vUv - 0.5;
    c *= 1.0 - 0.18 * dot(d, d);
    fragColor = vec4(c, 1.0);
}
