#pragma once
// Similarity transforms (uniform scale, rotation, translation) and their least-squares fit to point
// pairs: what registration uses to place a model in the landmark frame.
#include <optional>
#include <vector>

#include <glm/glm.hpp>

namespace la {

struct Similarity {
    float scale = 1.0f;
    glm::mat3 rotation{1.0f};  // proper rotation (determinant +1)
    glm::vec3 translation{0.0f};

    glm::vec3 apply(const glm::vec3& p) const { return scale * (rotation * p) + translation; }
    glm::mat4 matrix() const;
    // Angle of the rotation, degrees (0 ... 180).
    float rotationDegrees() const;
};

// The similarity that takes src[i] closest to dst[i] in the least-squares sense (Horn's closed form
// with unit quaternions; scale = sum(dst'.R src') / sum |src'|^2 over the centred points). nullopt
// when there are fewer than 3 pairs, the counts differ, or the source points are (nearly) collinear.
std::optional<Similarity> fitSimilarity(const std::vector<glm::vec3>& src, const std::vector<glm::vec3>& dst);

// Root-mean-square distance between t(src[i]) and dst[i].
float rmsError(const Similarity& t, const std::vector<glm::vec3>& src, const std::vector<glm::vec3>& dst);

}  // namespace la
