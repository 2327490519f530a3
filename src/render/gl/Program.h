#pragma once
// A linked shader program with cached uniform locations.
#include <string>
#include <unordered_map>

#include <glm/glm.hpp>

#include "core/Result.h"
#include "render/gl/Handle.h"

namespace la::gl {

class Program {
public:
    Program() = default;
    // `name` is used in error messages (the shader files' base name). Errors carry the info log on one line.
    static Result<Program> build(const std::string& name, const std::string& vertexSrc, const std::string& fragmentSrc,
                                 const std::string& defines = {});

    void use() const { glUseProgram(handle_.id()); }
    GLuint id() const { return handle_.id(); }
    GLint location(const char* uniform);

    void set(const char* u, int v) { glUniform1i(location(u), v); }
    void set(const char* u, float v) { glUniform1f(location(u), v); }
    void set(const char* u, const glm::vec2& v) { glUniform2fv(location(u), 1, &v.x); }
    void set(const char* u, const glm::vec3& v) { glUniform3fv(location(u), 1, &v.x); }
    void set(const char* u, const glm::vec4& v) { glUniform4fv(location(u), 1, &v.x); }
    void set(const char* u, const glm::mat3& m) { glUniformMatrix3fv(location(u), 1, GL_FALSE, &m[0][0]); }
    void set(const char* u, const glm::mat4& m) { glUniformMatrix4fv(location(u), 1, GL_FALSE, &m[0][0]); }

private:
    ProgramHandle handle_;
    std::unordered_map<std::string, GLint> locations_;
};

}  // namespace la::gl
