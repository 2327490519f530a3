#pragma once
// Move-only owners of OpenGL object names. Copy is deleted, move transfers ownership, the destructor
// deletes what it owns. wrap() makes a borrowed handle (the default framebuffer, an object another
// library owns) that is used like an owned one but never deleted. Only src/render/gl calls gl*.
#include <utility>

#include <epoxy/gl.h>

namespace la::gl {

template <class Deleter>
class Handle {
public:
    Handle() = default;
    explicit Handle(GLuint id) : id_(id), owned_(id != 0) {}
    ~Handle() { reset(); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, 0)), owned_(std::exchange(o.owned_, false)) {}
    Handle& operator=(Handle&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = std::exchange(o.id_, 0);
            owned_ = std::exchange(o.owned_, false);
        }
        return *this;
    }
    // A handle to an object someone else owns: never deleted by this handle.
    static Handle wrap(GLuint id) {
        Handle h;
        h.id_ = id;
        return h;
    }
    GLuint id() const { return id_; }
    bool owned() const { return owned_; }
    explicit operator bool() const { return id_ != 0; }
    void reset() {
        if (owned_ && id_) Deleter{}(id_);
        id_ = 0;
        owned_ = false;
    }

private:
    GLuint id_ = 0;
    bool owned_ = false;
};

struct BufferDeleter {
    void operator()(GLuint id) const { glDeleteBuffers(1, &id); }
};
struct VertexArrayDeleter {
    void operator()(GLuint id) const { glDeleteVertexArrays(1, &id); }
};
struct TextureDeleter {
    void operator()(GLuint id) const { glDeleteTextures(1, &id); }
};
struct FramebufferDeleter {
    void operator()(GLuint id) const { glDeleteFramebuffers(1, &id); }
};
struct RenderbufferDeleter {
    void operator()(GLuint id) const { glDeleteRenderbuffers(1, &id); }
};
struct ProgramDeleter {
    void operator()(GLuint id) const { glDeleteProgram(id); }
};
struct ShaderDeleter {
    void operator()(GLuint id) const { glDeleteShader(id); }
};

}  // namespace la::gl
