#pragma once
// Shaders and linked programs with cached uniform locations, both move-only.
#include <string>
#include <unordered_map>

#include <glm/glm.hpp>

#include "core/Result.h"
#include "render/gl/Handle.h"

namespace la::gl {

// One compiled shader stage; deleted when it goes (a linked program keeps what it needs).
class Shader {
public:
    Shader() = default;
    // `file` names the source in error messages ("shaders/mesh.vert").
    static Result<Shader> compile(GLenum stage, const std::string& source, const std::string& file);
    GLuint id() const { return h_.id(); }

private:
    Handle<ShaderDeleter> h_;
};

class Program {
public:
    Program() = default;
    // `name` is used in error messages (the shader files' base name). Errors carry the info log on one line.
    static Result<Program> build(const std::string& name, const std::string& vertexSrc, const std::string& fragmentSrc,
                                 const std::string& defines = {});

    void use() const;
    GLuint id() const { return handle_.id(); }
    GLint location(const char* uniform);
    // Binds the named uniform block to a binding point; false if the program has no such block.
    bool bindUniformBlock(const char* block, GLuint binding);

    void set(const char* u, int v);
    void set(const char* u, float v);
    void set(const char* u, const glm::vec2& v);
    void set(const char* u, const glm::ivec2& v);
    void set(const char* u, const glm::vec3& v);
    void set(const char* u, const glm::vec4& v);
    void set(const char* u, const glm::mat3& m);
    void set(const char* u, const glm::mat4& m);
    void setArray(const char* u, const float* values, int count);

private:
    Handle<ProgramDeleter> handle_;
    std::unordered_map<std::string, GLint> locations_;
};

}  // namespace la::gl
