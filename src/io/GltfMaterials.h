#pragma once
// glTF materials -> la::Material: the metallic-roughness model with its five textures (each with its
// texCoord set and KHR_texture_transform), KHR_materials_emissive_strength, KHR_materials_unlit,
// KHR_materials_pbrSpecularGlossiness (drawn through its diffuse) and, drawn as their base material,
// the extensions we only approximate (clearcoat, transmission, iridescence, sheen, ...).
#include <set>
#include <string>
#include <vector>

#include <tiny_gltf.h>

#include "core/Model.h"

namespace la::io {

// Extensions a file may list as required that the loader handles, fully or approximately.
bool isHandledExtension(const std::string& name);

// One material. `approximated` collects the names of extensions drawn only approximately.
Material convertMaterial(const tinygltf::Material& mat, std::size_t textureCount, std::set<std::string>& approximated);

// The textures used only as data (normal, metallic-roughness, occlusion) are stored linear; base colour
// and emissive are sRGB. Marks model.textures accordingly (a texture used both ways stays sRGB).
void markLinearTextures(Model& model);

// A KTX2 container (KTX2/Basis textures; no decoder in Debian 12: their materials are drawn untextured).
bool isKtx2(const unsigned char* bytes, std::size_t size);

}  // namespace la::io
