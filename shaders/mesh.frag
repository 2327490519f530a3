#version 330 core
// Clinical look: hemisphere ambient + key + rim light, muscle striation along _FIBRE, sRGB output.
// Built in variants (render/Renderer.cpp): llvmpipe runs both sides of every branch, so what a draw does
// not use is left out at compile time rather than skipped at run time. LA_TEXTURES: the five glTF texture
// slots and alpha masking; LA_FIBRES: the striation; LA_PAIN: the referred-pain zones; LA_OIT: below.
in vec3 vWorldPos;
in vec3 vNormal;
in vec2 vUv;
in vec4 vColor;
in vec3 vFibre;
in vec4 vPain;  // essential, spillover, link weights baked per vertex (core/PainSurface.h)
in vec2 vUv1;

uniform vec4 uBaseColor;      // linear
uniform sampler2D uBaseTexture;
uniform int uHasTexture;
uniform vec3 uEmissive;
uniform float uRoughness;
uniform float uMetallic;
uniform int uUnlit;            // KHR_materials_unlit (and points, lines): the base colour as it is
// The other glTF textures (units 1-4) and, for all five, the UV set and KHR_texture_transform.
uniform sampler2D uMrTexture;
uniform sampler2D uNormalTexture;
uniform sampler2D uOcclusionTexture;
uniform sampler2D uEmissiveTexture;
uniform int uHasMr, uHasNormal, uHasOcclusion, uHasEmissive;
uniform mat3 uBaseUv, uMrUv, uNormalUv, uOcclusionUv, uEmissiveUv;
uniform int uBaseSet, uMrSet, uNormalSet, uOcclusionSet, uEmissiveSet;
uniform float uNormalScale;
uniform float uOcclusionStrength;
uniform int uAlphaMode;       // 0 opaque, 1 mask, 2 blend
uniform float uAlphaCutoff;
uniform vec3 uEye;
uniform vec3 uKeyDir;         // towards the key light
uniform vec3 uRimDir;         // towards the rim light
uniform vec4 uTint;           // rgb tint mixed in by a (highlight)
uniform float uOpacity;       // 1 normal, < 1 ghosted

// Referred-pain overlay (LA_PAIN): the zone weights come per vertex (vPain), so a fragment only shades them.
uniform float uLinkGlow;        // 0..1: the zones of the trigger point the link animation shows brighten
uniform float uPainIntensity;
uniform int uPalette;           // 0 standard (violet), 1 colour-blind safe (magenta hatching, blue dots)

#ifdef LA_OIT
// Weighted blended order-independent transparency (render/OitPass.h): the same colour, written as sums.
layout(location = 0) out vec4 oitAccum;   // rgb: colour x alpha x weight (added); a: alpha (revealage product)
layout(location = 1) out float oitWeight; // alpha x weight (added)
uniform vec3 uViewDir;       // unit, from the eye into the scene
uniform float uOitNear;      // view depth of the front of the model's bounding sphere
uniform float uOitHalving;   // a layer this much deeper gets half the weight

// Nearer layers weigh more: the weight halves every uOitHalving of view depth behind the model's front,
// kept within [1e-2, 1e3] so that the half-float sums neither underflow nor overflow (60 layers of alpha 1
// at the front still sum to less than 65504).
float oitDepthWeight() {
    float depth = max(dot(vWorldPos - uEye, uViewDir) - uOitNear, 0.0);
    return clamp(1e3 * exp2(-depth / uOitHalving), 1e-2, 1e3);
}
#else
out vec4 fragColor;
#endif

// The sRGB curve's power segment, 1.055 c^(1/2.4) - 0.055, as a sum of c, c^(1/2), c^(1/4) and c^(1/8):
// three square roots instead of a pow (a log2 and an exp2 polynomial on llvmpipe) per channel. The weights
// are a minimax fit over [0.0031308, 1]; the largest error there is 4e-5, a hundredth of an 8-bit level.
vec3 toSrgb(vec3 c) {
    c = max(c, vec3(0.0));
    vec3 r2 = sqrt(c), r4 = sqrt(r2), r8 = sqrt(r4);
    vec3 curve = -0.017562845 * c + 0.642364984 * r2 + 0.712111181 * r4 - 0.336870233 * r8;
    return mix(c * 12.92, curve, step(vec3(0.0031308), c));
}

// Dots fixed to the surface: a 3D lattice of small spheres cut by the surface.
float stipple(vec3 p) {
    vec3 cell = fract(p / 0.008) - 0.5;
    float r = length(cell);
    float aa = fwidth(r) + 1e-4;
    return 1.0 - smoothstep(0.36 - aa, 0.36 + aa, r);
}

// Hatching for the colour-blind palette: stripes in world space, diagonal on every side of the body.
float hatch(vec3 p) {
    float s = fract((p.x + p.y + p.z) / 0.012);
    float aa = fwidth(s) + 1e-4;
    return smoothstep(0.5 - aa, 0.5 + aa, s) * (1.0 - smoothstep(0.95 - aa, 0.95, s));
}

vec2 uvOf(int set, mat3 transform) {
    return (transform * vec3(set == 1 ? vUv1 : vUv, 1.0)).xy;
}

// Normal mapping without stored tangents: the tangent frame from screen-space derivatives of the
// position and UV. glTF's normal maps have +Y towards decreasing v (up in the image).
vec3 mappedNormal(vec3 n, vec2 uv) {
    vec3 t = texture(uNormalTexture, uv).xyz * 2.0 - 1.0;
    t.xy *= uNormalScale;
    vec3 dp1 = dFdx(vWorldPos), dp2 = dFdy(vWorldPos);
    vec2 duv1 = dFdx(uv), duv2 = dFdy(uv);
    vec3 dp2perp = cross(dp2, n), dp1perp = cross(n, dp1);
    vec3 T = dp2perp * duv1.x + dp1perp * duv2.x;
    vec3 B = dp2perp * duv1.y + dp1perp * duv2.y;
    float m = max(dot(T, T), dot(B, B));
    if (m <= 0.0) return n;
    float inv = inversesqrt(m);
    return normalize(mat3(T * inv, -B * inv, n) * t);
}

void main() {
    vec4 base = uBaseColor * vColor;
#ifdef LA_TEXTURES
    if (uHasTexture != 0) base *= texture(uBaseTexture, uvOf(uBaseSet, uBaseUv));
    if (uAlphaMode == 1 && base.a < uAlphaCutoff) discard;
#endif

    vec3 n = normalize(vNormal);
    if (!gl_FrontFacing) n = -n;
#ifdef LA_TEXTURES
    if (uHasNormal != 0) n = mappedNormal(n, uvOf(uNormalSet, uNormalUv));
#endif
    vec3 v = normalize(uEye - vWorldPos);
    float roughness = uRoughness, metallic = uMetallic;
#ifdef LA_TEXTURES
    if (uHasMr != 0) {
        vec4 mr = texture(uMrTexture, uvOf(uMrSet, uMrUv));
        roughness *= mr.g;
        metallic *= mr.b;
    }
    float occlusion = uHasOcclusion != 0
                          ? mix(1.0, texture(uOcclusionTexture, uvOf(uOcclusionSet, uOcclusionUv)).r, uOcclusionStrength)
                          : 1.0;
    vec3 emissive = uEmissive;
    if (uHasEmissive != 0) emissive *= texture(uEmissiveTexture, uvOf(uEmissiveSet, uEmissiveUv)).rgb;
#else
    float occlusion = 1.0;
    vec3 emissive = uEmissive;
#endif

#ifdef LA_FIBRES
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
#else
    // Never true (fibre directions are unit length or zero), but it keeps vFibre an input of every variant:
    // llvmpipe generates a triangle-setup function per set of fragment shader inputs, compiled with LLVM in
    // every process (it is not in Mesa's shader cache), so the plain and striated variants share one.
    if (dot(vFibre, vFibre) > 1e30) base.rgb *= 0.5;
#endif

    vec3 albedo = mix(base.rgb, uTint.rgb, uTint.a);
    vec3 sky = vec3(0.62, 0.66, 0.72), ground = vec3(0.24, 0.22, 0.21);
    vec3 ambient = mix(ground, sky, 0.5 + 0.5 * n.y) * 0.55 * occlusion;
    float key = max(dot(n, uKeyDir), 0.0);
    float fill = max(dot(n, normalize(vec3(-uKeyDir.x, 0.2, -uKeyDir.z))), 0.0) * 0.18;
    vec3 h = normalize(uKeyDir + v);
    float shininess = mix(96.0, 6.0, clamp(roughness, 0.0, 1.0));
    float spec = pow(max(dot(n, h), 0.0), shininess) * (1.0 - roughness) * 0.5;
    float facing = 1.0 - max(dot(n, v), 0.0);
    float rim = facing * facing * facing * max(dot(n, uRimDir) * 0.5 + 0.5, 0.0) * 0.35;

    bool ghosted = uOpacity < 0.999;
    // A ghosted structure has no white highlights: seen edge-on they made it look like bone.
    // Metals have no diffuse part: they reflect the surroundings (the same sky and ground, seen along the
    // reflected ray) and the key light in their own colour, as image-based lighting shows them elsewhere.
    vec3 highlights = ghosted ? vec3(0.0) : mix(vec3(1.0), albedo, metallic) * spec + vec3(rim) * 0.8;
    vec3 reflected = mix(ground, sky, 0.5 + 0.5 * reflect(-v, n).y) * occlusion;
    vec3 lit = ambient + vec3(1.0, 0.97, 0.92) * key * 0.95 + fill;
    vec3 color = albedo * mix(lit, reflected + 0.3 * key, metallic) + highlights + emissive;
    if (uUnlit != 0) color = albedo;  // as it is, as other viewers draw unlit materials
    float alpha = (uAlphaMode == 2 ? base.a : 1.0) * uOpacity;
    if (ghosted) {
        // X-ray look: a ghosted structure is faint where it faces the eye and denser towards its outline,
        // so its shape still reads through the skin and whatever else is in front of it.
        float edge = 1.0 - abs(dot(normalize(vNormal), v));
        alpha = min(alpha * mix(0.8, 2.4, edge * edge), 0.6);
    }
#ifdef LA_PAIN
    {
        // Violet reads on red-brown muscle, ivory bone and pale skin alike (no red on red); the
        // colour-blind palette keeps magenta hatching and blue dots.
        float lit = 0.6 + 0.4 * key;
        vec3 essentialColour = uPalette == 0 ? vec3(0.20, 0.03, 0.62) : vec3(0.78, 0.08, 0.62);
        vec3 spillColour = uPalette == 0 ? vec3(0.16, 0.02, 0.50) : vec3(0.05, 0.30, 0.95);
        // vPain.x / .y: ramps that are 0.5 on the traced outline (core/PainSurface.h); .w: the fade.
        float e = vPain.x, s = vPain.y, fade = vPain.w;
        // Essential: solid inside the outline with a soft inner edge, and the outline traced darker.
        float fe = fwidth(e) + 1e-4;
        float fill = smoothstep(0.5, 0.6, e) * fade;
        float edge = (1.0 - smoothstep(0.0, 1.5 * fe, abs(e - 0.5))) * fade;
        float essential = fill * (uPalette == 0 ? 1.0 : 0.55 + 0.45 * hatch(vWorldPos));
        // Spillover: stippled (dots fixed to the surface), never over the essential zone.
        float spill = smoothstep(0.5, 0.62, s) * stipple(vWorldPos) * (1.0 - smoothstep(0.5, 0.6, e)) * fade;
        float a = clamp(max(essential, spill) * uPainIntensity, 0.0, 1.0);
        vec3 paint = (essential >= spill ? essentialColour : spillColour) * lit;
        // The link: the current trigger point's zones lighten together with its X.
        float glow = uLinkGlow * smoothstep(0.5, 0.7, vPain.z);
        paint = mix(paint, vec3(0.86, 0.72, 1.0), 0.4 * glow);
        color = mix(color, paint, a);
        color = mix(color, vec3(0.05, 0.0, 0.12), edge * 0.85 * uPainIntensity);
        alpha = max(alpha, max(a * 0.94, edge * 0.9 * uPainIntensity));
    }
#endif
    // Gentle filmic shoulder so highlights do not clip.
    if (uUnlit == 0) color = color / (1.0 + 0.15 * color);
    // Translucent surfaces blend the sRGB-encoded colour, in both paths (see docs/ARCHITECTURE.md).
#ifdef LA_OIT
    alpha = clamp(alpha, 0.0, 1.0);
    // A ghosted structure weighs more in the colour average than the pale skin over it: coverage is
    // unchanged, but its colour is not washed out by the skin's front and back faces.
    float w = alpha * oitDepthWeight() * (ghosted ? 3.0 : 1.0);
    oitAccum = vec4(toSrgb(color) * w, alpha);
    oitWeight = w;
#else
    fragColor = vec4(toSrgb(color), alpha);
#endif
}
