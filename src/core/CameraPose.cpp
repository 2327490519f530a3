#include "core/CameraPose.h"

#include <array>

namespace la {

namespace {
struct PresetInfo {
    ViewPreset preset;
    std::string_view name;
    float yaw;
    float pitch;
};
constexpr std::array<PresetInfo, 7> kPresets{{
    {ViewPreset::Posterior, "posterior", 180.0f, 5.0f},
    {ViewPreset::Anterior, "anterior", 0.0f, 5.0f},
    {ViewPreset::Left, "left", 90.0f, 5.0f},
    {ViewPreset::Right, "right", 270.0f, 5.0f},
    {ViewPreset::Superior, "superior", 180.0f, 80.0f},
    {ViewPreset::Oblique, "oblique", 135.0f, 25.0f},
    {ViewPreset::ObliqueRight, "oblique_right", 225.0f, 25.0f},
}};
}  // namespace

std::optional<ViewPreset> parseViewPreset(std::string_view name) {
    for (const auto& p : kPresets)
        if (p.name == name) return p.preset;
    return std::nullopt;
}

std::string_view viewPresetName(ViewPreset preset) {
    for (const auto& p : kPresets)
        if (p.preset == preset) return p.name;
    return "posterior";
}

void presetAngles(ViewPreset preset, float& yawDeg, float& pitchDeg) {
    for (const auto& p : kPresets)
        if (p.preset == preset) {
            yawDeg = p.yaw;
            pitchDeg = p.pitch;
            return;
        }
}

}  // namespace la
