#version 330 core
// Clinical look: hemisphere ambient + key + rim light, muscle striation along _FIBRE, sRGB output.
in vec3 vWorldPos;
in vec3 vNormal;
in vec2 vUv;
in vec4 vColor;
in vec3 vFibre;

uniform vec4 uBaseColor;      // linear
uniform sampler2D uBaseTexture;
uniform int uHasTexture;
uniform vec3 uEmissive;
uniform float uRoughness;
uniform int uAlphaMode;       // 0 opaque, 1 mask, 2 blend
uniform float uAlphaCutoff;
uniform vec3 uEye;
uniform vec3 uKeyDir;         // towards the key light
uniform vec3 uRimDir;         // towards the rim light
uniform vec4 uTint;           // rgb tint mixed in by a (highlight)
uniform float uOpacity;       // 1 normal, < 1 ghosted

out vec4 fragColor;

vec3 toSrgb(vec3 c) {
    c = max(c, vec3(0.0));
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
    vec4 base = uBaseColor * vColor;
    if (uHasTexture != 0) base *= texture(uBaseTexture, vUv);
    if (uAlphaMode == 1 && base.a < uAlphaCutoff) discard;

    vec3 n = normalize(vNormal);
    if (!gl_FrontFacing) n = -n;
    vec3 v = normalize(uEye - vWorldPos);

    // Striation: fine stripes running along the fibres, faded out before they alias.
    float fibreLen = length(vFibre);
    if (fibreLen > 0.5) {
        vec3 t = normalize(vFibre - n * dot(n, vFibre));
        vec3 b = cross(n, t);
        float across = dot(vWorldPos, b) * 900.0 + 0.6 * sin(dot(vWorldPos, t) * 140.0);
        float w = fwidth(across);
        float stripe = 0.5 + 0.5 * cos(across * 6.2831853);
        float visible = 1.0 - smoothstep(0.25, 0.6, w);
        base.rgb *= 1.0 - 0.22 * stripe * visible;
        n = normalize(n + b * (0.12 * visible * sin(across * 6.2831853)));
    }

    vec3 albedo = mix(base.rgb, uTint.rgb, uTint.a);
    vec3 sky = vec3(0.62, 0.66, 0.72), ground = vec3(0.24, 0.22, 0.21);
    vec3 ambient = mix(ground, sky, 0.5 + 0.5 * n.y) * 0.55;
    float key = max(dot(n, uKeyDir), 0.0);
    float fill = max(dot(n, normalize(vec3(-uKeyDir.x, 0.2, -uKeyDir.z))), 0.0) * 0.18;
    vec3 h = normalize(uKeyDir + v);
    float shininess = mix(96.0, 6.0, clamp(uRoughness, 0.0, 1.0));
    float spec = pow(max(dot(n, h), 0.0), shininess) * (1.0 - uRoughness) * 0.5;
    float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * max(dot(n, uRimDir) * 0.5 + 0.5, 0.0) * 0.35;

    vec3 color = albedo * (ambient + vec3(1.0, 0.97, 0.92) * key * 0.95 + fill) + vec3(spec) + vec3(rim) * 0.8 +
                 uEmissive;
    float alpha = (uAlphaMode == 2 ? base.a : 1.0) * uOpacity;
    // Gentle filmic shoulder so highlights do not clip.
    color = color / (1.0 + 0.15 * color);
    fragColor = vec4(toSrgb(color), alpha);
}
