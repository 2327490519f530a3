#include "render/gl/Debug.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <epoxy/gl.h>

namespace la::gl {

namespace {

const char* sourceName(GLenum source) {
    switch (source) {
        case GL_DEBUG_SOURCE_API:
            return "api";
        case GL_DEBUG_SOURCE_WINDOW_SYSTEM:
            return "window system";
        case GL_DEBUG_SOURCE_SHADER_COMPILER:
            return "shader compiler";
        case GL_DEBUG_SOURCE_THIRD_PARTY:
            return "third party";
        case GL_DEBUG_SOURCE_APPLICATION:
            return "application";
        default:
            return "other";
    }
}

const char* typeName(GLenum type) {
    switch (type) {
        case GL_DEBUG_TYPE_ERROR:
            return "error";
        case GL_DEBUG_TYPE_DEPRECATED_BEHAVIOR:
            return "deprecated";
        case GL_DEBUG_TYPE_UNDEFINED_BEHAVIOR:
            return "undefined behaviour";
        case GL_DEBUG_TYPE_PORTABILITY:
            return "portability";
        case GL_DEBUG_TYPE_PERFORMANCE:
            return "performance";
        default:
            return "other";
    }
}

const char* severityName(GLenum severity) {
    switch (severity) {
        case GL_DEBUG_SEVERITY_HIGH:
            return "high";
        case GL_DEBUG_SEVERITY_MEDIUM:
            return "medium";
        case GL_DEBUG_SEVERITY_LOW:
            return "low";
        default:
            return "notification";
    }
}

void GLAPIENTRY onMessage(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei /*length*/,
                          const GLchar* message, const void* /*user*/) {
    std::fprintf(stderr, "GL debug: %s %s (%s, id %u): %s\n", severityName(severity), typeName(type),
                 sourceName(source), id, message);
}

}  // namespace

bool debugRequested() {
    const char* v = std::getenv("LA_GL_DEBUG");
    return v != nullptr && std::strcmp(v, "1") == 0;
}

bool enableDebugOutput() {
    if (!debugRequested()) return false;
    if (epoxy_gl_version() < 43 && !epoxy_has_gl_extension("GL_KHR_debug")) {
        std::fprintf(stderr, "LA_GL_DEBUG=1: this OpenGL context has no KHR_debug; no debug output\n");
        return false;
    }
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onMessage, nullptr);
    glDebugMessageControl(GL_DONT_CARE, GL_DONT_CARE, GL_DEBUG_SEVERITY_NOTIFICATION, 0, nullptr, GL_FALSE);
    std::fprintf(stderr, "LA_GL_DEBUG=1: GL debug output on (%s)\n",
                 reinterpret_cast<const char*>(glGetString(GL_RENDERER)));  // NOLINT
    return true;
}

}  // namespace la::gl
