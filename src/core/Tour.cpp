#include "core/Tour.h"

#include <cmath>
#include <sstream>

namespace la {

namespace {
bool samePose(const CameraPose& a, const CameraPose& b) {
    return a.target == b.target && a.yawDeg == b.yawDeg && a.pitchDeg == b.pitchDeg && a.distance == b.distance;
}
bool sameCamera(const TourCamera& a, const TourCamera& b) {
    if (a.index() != b.index()) return false;
    if (const auto* p = std::get_if<ViewPreset>(&a)) return *p == std::get<ViewPreset>(b);
    return samePose(std::get<CameraPose>(a), std::get<CameraPose>(b));
}
std::string num(float v) {
    std::ostringstream ss;
    ss << v;
    return ss.str();
}
}  // namespace

bool TourStep::operator==(const TourStep& o) const {
    return caption == o.caption && sameCamera(camera, o.camera) && hide == o.hide && ghost == o.ghost &&
           show == o.show && select == o.select && panels == o.panels && explain == o.explain && pain == o.pain &&
           painTime == o.painTime && posture == o.posture;
}

std::string cameraPoseProblem(const CameraPose& pose) {
    if (!std::isfinite(pose.target.x) || !std::isfinite(pose.target.y) || !std::isfinite(pose.target.z))
        return "camera target must be finite";
    if (!std::isfinite(pose.yawDeg)) return "camera yaw must be finite";
    if (!std::isfinite(pose.pitchDeg) || std::abs(pose.pitchDeg) > kTourMaxPitchDeg)
        return "camera pitch " + num(pose.pitchDeg) + " is outside -89..89";
    if (!std::isfinite(pose.distance) || pose.distance <= 0.0f)
        return "camera distance " + num(pose.distance) + " must be > 0";
    return {};
}

bool isVisibilityGroup(std::string_view id) {
    return id == "skin" || id == "bones" || id == "muscles" || id == "fascia" || id == "ligaments" || id == "organs" ||
           id == "nerves" || id == "vessels";
}

PanelRef splitPanelRef(std::string_view ref) {
    const auto hash = ref.find('#');
    if (hash == std::string_view::npos) return {ref, {}};
    return {ref.substr(0, hash), ref.substr(hash + 1)};
}

std::string_view stripSide(std::string_view id) {
    if (id.size() > 2 && id[id.size() - 2] == '.' && (id.back() == 'L' || id.back() == 'R'))
        return id.substr(0, id.size() - 2);
    return id;
}

}  // namespace la
