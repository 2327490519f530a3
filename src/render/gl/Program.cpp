#include "render/gl/Program.h"

#include <vector>

namespace la::gl {

namespace {

std::string infoLog(GLuint id, bool program) {
    GLint len = 0;
    program ? glGetProgramiv(id, GL_INFO_LOG_LENGTH, &len) : glGetShaderiv(id, GL_INFO_LOG_LENGTH, &len);
    std::vector<char> log(static_cast<std::size_t>(len > 1 ? len : 1), '\0');
    if (len > 1)
        program ? glGetProgramInfoLog(id, len, nullptr, log.data()) : glGetShaderInfoLog(id, len, nullptr, log.data());
    std::string s(log.data());
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

// Inserts the defines after the #version line.
std::string withDefines(const std::string& src, const std::string& defines) {
    if (defines.empty()) return src;
    const auto eol = src.find('\n');
    return src.substr(0, eol + 1) + defines + "\n#line 2\n" + src.substr(eol + 1);
}

}  // namespace

Result<Shader> Shader::compile(GLenum stage, const std::string& source, const std::string& file) {
    Shader s;
    s.h_ = Handle<ShaderDeleter>(glCreateShader(stage));
    const char* text = source.c_str();
    glShaderSource(s.id(), 1, &text, nullptr);
    glCompileShader(s.id());
    GLint ok = 0;
    glGetShaderiv(s.id(), GL_COMPILE_STATUS, &ok);
    if (!ok) return Error{file + ": " + infoLog(s.id(), false)};
    return s;
}

Result<Program> Program::build(const std::string& name, const std::string& vertexSrc, const std::string& fragmentSrc,
                               const std::string& defines) {
    auto vs = Shader::compile(GL_VERTEX_SHADER, withDefines(vertexSrc, defines), "shaders/" + name + ".vert");
    if (!vs) return Error{vs.error()};
    auto fs = Shader::compile(GL_FRAGMENT_SHADER, withDefines(fragmentSrc, defines), "shaders/" + name + ".frag");
    if (!fs) return Error{fs.error()};
    Program p;
    p.handle_ = Handle<ProgramDeleter>(glCreateProgram());
    glAttachShader(p.id(), vs->id());
    glAttachShader(p.id(), fs->id());
    glLinkProgram(p.id());
    // The program keeps the linked code; the shaders go when vs and fs do.
    glDetachShader(p.id(), vs->id());
    glDetachShader(p.id(), fs->id());
    GLint ok = 0;
    glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
    if (!ok) return Error{"shaders/" + name + ": link failed: " + infoLog(p.id(), true)};
    return p;
}

void Program::use() const {
    glUseProgram(handle_.id());
}

GLint Program::location(const char* uniform) {
    auto it = locations_.find(uniform);
    if (it != locations_.end()) return it->second;
    GLint loc = glGetUniformLocation(handle_.id(), uniform);
    locations_.emplace(uniform, loc);
    return loc;
}

bool Program::bindUniformBlock(const char* block, GLuint binding) {
    const GLuint index = glGetUniformBlockIndex(handle_.id(), block);
    if (index == GL_INVALID_INDEX) return false;
    glUniformBlockBinding(handle_.id(), index, binding);
    return true;
}

void Program::set(const char* u, int v) {
    glUniform1i(location(u), v);
}
void Program::set(const char* u, float v) {
    glUniform1f(location(u), v);
}
void Program::set(const char* u, const glm::vec2& v) {
    glUniform2fv(location(u), 1, &v.x);
}
void Program::set(const char* u, const glm::ivec2& v) {
    glUniform2iv(location(u), 1, &v.x);
}
void Program::set(const char* u, const glm::vec3& v) {
    glUniform3fv(location(u), 1, &v.x);
}
void Program::set(const char* u, const glm::vec4& v) {
    glUniform4fv(location(u), 1, &v.x);
}
void Program::set(const char* u, const glm::mat3& m) {
    glUniformMatrix3fv(location(u), 1, GL_FALSE, &m[0][0]);
}
void Program::set(const char* u, const glm::mat4& m) {
    glUniformMatrix4fv(location(u), 1, GL_FALSE, &m[0][0]);
}
void Program::setArray(const char* u, const float* values, int count) {
    glUniform1fv(location(u), count, values);
}

}  // namespace la::gl
