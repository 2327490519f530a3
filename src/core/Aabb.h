#pragma once
#include <limits>

#include <glm/glm.hpp>

namespace la {

struct Aabb {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{-std::numeric_limits<float>::max()};

    bool valid() const { return min.x <= max.x && min.y <= max.y && min.z <= max.z; }
    void add(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void add(const Aabb& b) {
        if (b.valid()) {
            add(b.min);
            add(b.max);
        }
    }
    glm::vec3 center() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return max - min; }
    float radius() const { return glm::length(max - min) * 0.5f; }
    Aabb transformed(const glm::mat4& m) const;
};

}  // namespace la
