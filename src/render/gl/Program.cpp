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

GLuint compile(GLenum type, const std::string& src, std::string& err) {
    GLuint s = glCreateShader(type);
    const char* text = src.c_str();
    glShaderSource(s, 1, &text, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        err = infoLog(s, false);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

}  // namespace

Result<Program> Program::build(const std::string& name, const std::string& vertexSrc, const std::string& fragmentSrc,
                               const std::string& defines) {
    std::string err;
    GLuint vs = compile(GL_VERTEX_SHADER, withDefines(vertexSrc, defines), err);
    if (!vs) return Error{"shaders/" + name + ".vert: " + err};
    GLuint fs = compile(GL_FRAGMENT_SHADER, withDefines(fragmentSrc, defines), err);
    if (!fs) {
        glDeleteShader(vs);
        return Error{"shaders/" + name + ".frag: " + err};
    }
    Program p;
    p.handle_ = ProgramHandle(glCreateProgram());
    glAttachShader(p.handle_.id(), vs);
    glAttachShader(p.handle_.id(), fs);
    glLinkProgram(p.handle_.id());
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p.handle_.id(), GL_LINK_STATUS, &ok);
    if (!ok) return Error{"shaders/" + name + ": link failed: " + infoLog(p.handle_.id(), true)};
    return p;
}

GLint Program::location(const char* uniform) {
    auto it = locations_.find(uniform);
    if (it != locations_.end()) return it->second;
    GLint loc = glGetUniformLocation(handle_.id(), uniform);
    locations_.emplace(uniform, loc);
    return loc;
}

}  // namespace la::gl
