#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv;
layout(location = 3) in vec4 aColor;
layout(location = 4) in vec3 aFibre;
layout(location = 5) in vec4 aPain;  // referred pain: essential, spillover, link, 0 (core/PainSurface.h)
layout(location = 6) in vec2 aUv1;   // TEXCOORD_1 (TEXCOORD_0 repeated when the primitive has none)

uniform mat4 uModel;
uniform mat3 uNormalMatrix;
uniform mat4 uViewProj;

out vec3 vWorldPos;
out vec3 vNormal;
out vec2 vUv;
out vec4 vColor;
out vec3 vFibre;
out vec4 vPain;
out vec2 vUv1;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vWorldPos = world.xyz;
    vNormal = uNormalMatrix * aNormal;
    vUv = aUv;
    vUv1 = aUv1;
    vColor = aColor;
    vFibre = mat3(uModel) * aFibre;
    vPain = aPain;
    gl_Position = uViewProj * world;
}
