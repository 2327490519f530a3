#include "io/GltfMaterials.h"

#include <cmath>
#include <cstring>

#include "io/LoaderUtil.h"

namespace la::io {

namespace {

// Fully handled, or drawn as the base material with one line saying so (kApproximated).
const std::set<std::string> kHandled = {
    "KHR_mesh_quantization",     "KHR_materials_emissive_strength",     "KHR_texture_transform",
    "KHR_materials_unlit",       "KHR_materials_pbrSpecularGlossiness", "KHR_texture_basisu",
    "KHR_draco_mesh_compression"};
const std::set<std::string> kApproximated = {
    "KHR_materials_clearcoat",  "KHR_materials_transmission", "KHR_materials_iridescence", "KHR_materials_sheen",
    "KHR_materials_volume",     "KHR_materials_ior",          "KHR_materials_specular",    "KHR_materials_anisotropy",
    "KHR_materials_dispersion", "KHR_materials_variants"};

double number(const tinygltf::Value& v, const char* key, double fallback) {
    if (!v.IsObject() || !v.Has(key)) return fallback;
    const auto& e = v.Get(key);
    return e.IsNumber() || e.IsInt() ? e.GetNumberAsDouble() : fallback;
}

glm::vec4 numbers(const tinygltf::Value& v, const char* key, glm::vec4 fallback, int count) {
    if (!v.IsObject() || !v.Has(key)) return fallback;
    const auto& a = v.Get(key);
    if (!a.IsArray() || static_cast<int>(a.ArrayLen()) < count) return fallback;
    for (int i = 0; i < count; ++i) {
        const auto& e = a.Get(i);
        if (e.IsNumber() || e.IsInt()) fallback[i] = toFloat(e.GetNumberAsDouble());
    }
    return fallback;
}

// KHR_texture_transform: uv' = T * R * S * uv (offset, rotation counter-clockwise in UV space, scale).
glm::mat3 uvTransform(const tinygltf::ExtensionMap& ext, int& texCoord) {
    auto it = ext.find("KHR_texture_transform");
    if (it == ext.end()) return glm::mat3(1.0f);
    const auto& v = it->second;
    const glm::vec4 off = numbers(v, "offset", glm::vec4(0.0f), 2);
    const glm::vec4 scale = numbers(v, "scale", glm::vec4(1.0f), 2);
    const float rot = toFloat(number(v, "rotation", 0.0));
    if (v.Has("texCoord")) texCoord = toIndex(number(v, "texCoord", texCoord));
    const float c = std::cos(rot), s = std::sin(rot);
    // Column-major: columns are the images of the u axis, the v axis and the translation.
    const glm::mat3 t(1, 0, 0, 0, 1, 0, off.x, off.y, 1);
    const glm::mat3 r(c, s, 0, -s, c, 0, 0, 0, 1);  // as the extension's GLSL
    const glm::mat3 sc(scale.x, 0, 0, 0, scale.y, 0, 0, 0, 1);
    return t * r * sc;
}

TextureSlot slot(int index, int texCoord, const tinygltf::ExtensionMap& ext, std::size_t textureCount) {
    TextureSlot s;
    if (index < 0 || static_cast<std::size_t>(index) >= textureCount) return s;
    s.texture = index;
    s.texCoord = texCoord;
    s.transform = uvTransform(ext, s.texCoord);
    s.texCoord = s.texCoord == 1 ? 1 : 0;  // two UV sets are kept (TEXCOORD_0 and TEXCOORD_1)
    return s;
}

TextureSlot slotFromValue(const tinygltf::Value& info, std::size_t textureCount) {
    if (!info.IsObject() || !info.Has("index")) return {};
    tinygltf::ExtensionMap ext;
    if (info.Has("extensions") && info.Get("extensions").IsObject()) {
        const auto& e = info.Get("extensions");
        for (const auto& k : e.Keys()) ext[k] = e.Get(k);
    }
    return slot(toIndex(number(info, "index", -1)), toIndex(number(info, "texCoord", 0)), ext, textureCount);
}

void setBaseColor(Material& m, const TextureSlot& s) {
    m.baseColorTexture = s.texture;
    m.baseColorTexCoord = s.texCoord;
    m.baseColorUv = s.transform;
}

}  // namespace

bool isHandledExtension(const std::string& name) {
    return kHandled.count(name) > 0 || kApproximated.count(name) > 0;
}

Material convertMaterial(const tinygltf::Material& mat, std::size_t textureCount, std::set<std::string>& approximated) {
    Material out;
    out.name = mat.name;
    const auto& pbr = mat.pbrMetallicRoughness;
    if (pbr.baseColorFactor.size() == 4)
        out.baseColor = {toFloat(pbr.baseColorFactor[0]), toFloat(pbr.baseColorFactor[1]),
                         toFloat(pbr.baseColorFactor[2]), toFloat(pbr.baseColorFactor[3])};
    setBaseColor(out, slot(pbr.baseColorTexture.index, pbr.baseColorTexture.texCoord, pbr.baseColorTexture.extensions,
                           textureCount));
    out.metallic = toFloat(pbr.metallicFactor);
    out.roughness = toFloat(pbr.roughnessFactor);
    out.metallicRoughness = slot(pbr.metallicRoughnessTexture.index, pbr.metallicRoughnessTexture.texCoord,
                                 pbr.metallicRoughnessTexture.extensions, textureCount);
    out.normal = slot(mat.normalTexture.index, mat.normalTexture.texCoord, mat.normalTexture.extensions, textureCount);
    out.normalScale = toFloat(mat.normalTexture.scale);
    out.occlusion =
        slot(mat.occlusionTexture.index, mat.occlusionTexture.texCoord, mat.occlusionTexture.extensions, textureCount);
    out.occlusionStrength = toFloat(mat.occlusionTexture.strength);
    out.emissiveTexture =
        slot(mat.emissiveTexture.index, mat.emissiveTexture.texCoord, mat.emissiveTexture.extensions, textureCount);
    if (mat.emissiveFactor.size() == 3)
        out.emissive = {toFloat(mat.emissiveFactor[0]), toFloat(mat.emissiveFactor[1]), toFloat(mat.emissiveFactor[2])};
    out.alphaMode = mat.alphaMode == "BLEND"  ? AlphaMode::Blend
                    : mat.alphaMode == "MASK" ? AlphaMode::Mask
                                              : AlphaMode::Opaque;
    out.alphaCutoff = toFloat(mat.alphaCutoff);
    out.doubleSided = mat.doubleSided;

    for (const auto& [name, value] : mat.extensions) {
        if (name == "KHR_materials_emissive_strength") {
            out.emissive *= toFloat(number(value, "emissiveStrength", 1.0));
        } else if (name == "KHR_materials_unlit") {
            out.unlit = true;
        } else if (name == "KHR_materials_pbrSpecularGlossiness") {
            // Drawn through its diffuse: colour and texture; glossiness as 1 - roughness, not metallic.
            out.baseColor = numbers(value, "diffuseFactor", glm::vec4(1.0f), 4);
            setBaseColor(out, value.Has("diffuseTexture") ? slotFromValue(value.Get("diffuseTexture"), textureCount)
                                                          : TextureSlot{});
            out.metallic = 0.0f;
            out.roughness = 1.0f - toFloat(number(value, "glossinessFactor", 1.0));
            out.metallicRoughness = {};
        } else if (kApproximated.count(name)) {
            approximated.insert(name);
        }
    }
    return out;
}

void markLinearTextures(Model& model) {
    std::vector<int> use(model.textures.size(), 0);  // bit 1: colour, bit 2: data
    auto mark = [&](const TextureSlot& s, int bit) {
        if (s.texture >= 0 && static_cast<std::size_t>(s.texture) < use.size())
            use[static_cast<std::size_t>(s.texture)] |= bit;
    };
    for (const auto& m : model.materials) {
        mark(TextureSlot{m.baseColorTexture, 0, glm::mat3(1.0f)}, 1);
        mark(m.emissiveTexture, 1);
        mark(m.normal, 2);
        mark(m.metallicRoughness, 2);
        mark(m.occlusion, 2);
    }
    for (std::size_t i = 0; i < use.size(); ++i) model.textures[i].srgb = use[i] != 2;
}

bool isKtx2(const unsigned char* bytes, std::size_t size) {
    static const unsigned char kKtx2[12] = {0xAB, 'K', 'T', 'X', ' ', '2', '0', 0xBB, '\r', '\n', 0x1A, '\n'};
    return size >= 12 && std::memcmp(bytes, kKtx2, 12) == 0;
}

}  // namespace la::io
