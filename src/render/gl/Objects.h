#pragma once
// Typed, move-only OpenGL objects: buffer, vertex array, texture, renderbuffer, framebuffer, fence. Each owns its
// name (create*) or borrows one (wrap); the operations the renderer needs are methods, so no code outside
// src/render/gl binds or calls gl* itself.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "render/gl/Handle.h"

namespace la::gl {

enum class BufferTarget : GLenum {
    Array = GL_ARRAY_BUFFER,
    Element = GL_ELEMENT_ARRAY_BUFFER,
    Uniform = GL_UNIFORM_BUFFER,
};

class Buffer {
public:
    Buffer() = default;
    static Buffer create();
    static Buffer wrap(GLuint id);
    GLuint id() const { return h_.id(); }
    explicit operator bool() const { return bool(h_); }

    // (Re)allocates `bytes` and fills them from `data` (may be null). Leaves the buffer bound to `target`
    // (an element buffer stays recorded in the bound vertex array).
    void allocate(BufferTarget target, std::size_t bytes, const void* data, bool dynamic = false);
    void update(BufferTarget target, std::size_t offset, std::size_t bytes, const void* data);
    // Allocates `bytes` and has `fill` write them straight into the buffer's storage (mapped: no copy of
    // the data in between), or into a temporary copy that is then uploaded if the buffer cannot be mapped.
    void allocateFilled(BufferTarget target, std::size_t bytes, const std::function<void(void*)>& fill,
                        bool dynamic = false);
    // Binds the whole buffer to an indexed binding point (uniform blocks).
    void bindBase(BufferTarget target, GLuint index) const;

private:
    Handle<BufferDeleter> h_;
};

class VertexArray {
public:
    VertexArray() = default;
    static VertexArray create();
    GLuint id() const { return h_.id(); }
    explicit operator bool() const { return bool(h_); }

    // One more float attribute `index` of `components` floats per vertex, tightly packed in its own
    // buffer (e.g. per-vertex weights rewritten at run time). Unbinds the vertex array afterwards.
    void setAttribute(GLuint index, const Buffer& values, int components);
    // Indices from `indices`, 32-bit or 16-bit (`sixteenBit`: half the memory for a mesh of at most 65,536
    // vertices). Unbinds the vertex array afterwards.
    void setIndices(const Buffer& indices, bool sixteenBit = false);
    // The value attribute `index` reads in any vertex array that has no buffer for it (context state).
    static void setConstant(GLuint index, glm::vec4 value);
    void bind() const;
    static void unbind();
    // Draws with this vertex array bound: `count` vertices as triangles (attribute-less full-screen passes),
    // or `count` indices (of the type setIndices gave) as triangles, line segments (pairs) or points.
    enum class Mode { Triangles, Lines, Points };
    void drawTriangles(int count) const;
    // `count` vertices as a triangle fan (no attribute arrays needed).
    void drawTriangleFan(int count) const;
    // `count` indices from index `first` of the element buffer.
    void drawIndexed(GLsizei count, Mode mode = Mode::Triangles, GLsizei first = 0) const;

private:
    Handle<VertexArrayDeleter> h_;
    bool shortIndices_ = false;
};

// How an image texture is sampled, in GL's terms (GL_REPEAT, GL_LINEAR_MIPMAP_LINEAR, ...).
struct SamplerParams {
    GLint wrapS = GL_REPEAT;
    GLint wrapT = GL_REPEAT;
    GLint minFilter = GL_LINEAR_MIPMAP_LINEAR;
    GLint magFilter = GL_LINEAR;
};

class Texture {
public:
    Texture() = default;
    static Texture wrap(GLuint id, GLenum target = GL_TEXTURE_2D);
    // An 8-bit RGBA image (rows as given) sampled as `sampler` says (mipmaps made when its min filter uses
    // them): sRGB-encoded colour (sampling returns linear values), or with `srgb` false data read as it is
    // (normal, metallic-roughness, occlusion maps).
    static Texture image(int width, int height, const std::uint8_t* rgba, const SamplerParams& sampler, bool srgb);
    // The same with the mip levels made by the caller instead of glGenerateMipmap: for each level below the
    // first, `drawLevel(size)` draws it (the level is the bound framebuffer's colour with `size` as the
    // viewport, the texture on unit 0 showing only the level above, linearly filtered and clamped; sRGB
    // written encoded; no depth, stencil, blending, culling or scissor). The state it changes is put back.
    static Texture image(int width, int height, const std::uint8_t* rgba, const SamplerParams& sampler, bool srgb,
                         const std::function<void(glm::ivec2 size)>& drawLevel);
    // RGBA8 texels of mip level `level` of a 2D texture, bottom row first; `size` its width and height
    // (0, 0 and nothing for a level that does not exist).
    std::vector<std::uint8_t> readLevel(int level, glm::ivec2& size) const;
    // A render target: `samples` 0 = a single-sample 2D texture (nearest filtering), else multisampled.
    static Texture renderTarget(glm::ivec2 size, int samples, GLenum internalFormat, GLenum format);
    // An RGBA8 colour attachment sampled with linear filtering, clamped at the edges (post-processing).
    static Texture colorTarget(glm::ivec2 size);
    GLuint id() const { return h_.id(); }
    GLenum target() const { return target_; }
    explicit operator bool() const { return bool(h_); }
    void bind(int unit) const;
    // Nearest or linear minification and magnification (a 2D texture; binds it on the active unit).
    void setLinearFilter(bool linear) const;
    // Binds no texture of this texture's kind on `unit`.
    void unbind(int unit) const;
    // Binds nothing to unit's 2D target (a draw without a texture).
    static void unbind2D(int unit);

private:
    Handle<TextureDeleter> h_;
    GLenum target_ = GL_TEXTURE_2D;
};

class Renderbuffer {
public:
    Renderbuffer() = default;
    // samples 0: single-sample storage.
    static Renderbuffer create(glm::ivec2 size, int samples, GLenum internalFormat);
    GLuint id() const { return h_.id(); }

private:
    Handle<RenderbufferDeleter> h_;
};

class Framebuffer {
public:
    Framebuffer() = default;
    static Framebuffer create();
    // wrap(0) is the default framebuffer (the window's).
    static Framebuffer wrap(GLuint id);
    GLuint id() const { return h_.id(); }
    bool isDefault() const { return h_.id() == 0; }

    // Binds for drawing and reading.
    void bind() const;
    void bindDraw() const;
    void bindRead() const;
    // Attachments (binds this framebuffer).
    void attach(GLenum attachment, const Texture& texture);
    void attach(GLenum attachment, const Renderbuffer& renderbuffer);
    // Attaches the depth (and stencil) renderbuffer of `other` here as well, so both draw against the same
    // depth without a copy; false (nothing attached) when `other` is the default framebuffer or its depth
    // is not a renderbuffer. The renderbuffer stays `other`'s: attach it again whenever `other` may have
    // been remade (a deleted renderbuffer's name can come back for another one).
    bool shareDepthOf(const Framebuffer& other);
    // Draws into colour attachments 0 .. count-1.
    void drawBuffers(int count);
    bool complete() const;
    GLenum status() const;
    // Sample count (0 = single-sample) and sized depth format (0 = no depth) of what is attached. Bind it.
    int samples() const;
    GLenum depthFormat() const;
    // Clears colour attachment `index` to `value` (bound framebuffer: bind it first).
    static void clearColor(int index, const glm::vec4& value);

    // Copies area (x, y, width, height) of depth or colour into the same place of `to`. Returns false if GL
    // reported an error (formats or sample counts that do not match) when `check` is set.
    static bool blitDepth(const Framebuffer& from, const Framebuffer& to, glm::ivec4 area, bool check);
    static void blitColor(const Framebuffer& from, const Framebuffer& to, glm::ivec2 size);
    // The colour of all of `from` over all of `to`: copied at the same size, linearly filtered otherwise.
    static void blitColor(const Framebuffer& from, glm::ivec2 fromSize, const Framebuffer& to, glm::ivec2 toSize);
    // RGBA8 rows of the colour attachment, bottom row first (GL order).
    std::vector<std::uint8_t> readRgba(glm::ivec2 size) const;
    // The same of a box (x, y, width, height in GL's bottom-left pixels).
    std::vector<std::uint8_t> readRgba(glm::ivec4 box) const;

private:
    Handle<FramebufferDeleter> h_;
};

// A fence in the command stream (glFenceSync): waiting for it bounds how much work is queued ahead of
// the GPU (on llvmpipe: how many binned scenes wait in memory for the rasteriser threads).
class Fence {
public:
    Fence() = default;
    // A fence after every command given so far, and a flush, so that waiting for it cannot stall.
    static Fence insert();
    ~Fence() { reset(); }
    Fence(const Fence&) = delete;
    Fence& operator=(const Fence&) = delete;
    Fence(Fence&& o) noexcept : sync_(std::exchange(o.sync_, nullptr)) {}
    Fence& operator=(Fence&& o) noexcept {
        if (this != &o) {
            reset();
            sync_ = std::exchange(o.sync_, nullptr);
        }
        return *this;
    }
    explicit operator bool() const { return sync_ != nullptr; }
    // Blocks until the commands before the fence are done; false if `timeoutNs` passed first (or no fence).
    bool wait(std::uint64_t timeoutNs) const;

private:
    void reset();
    GLsync sync_ = nullptr;
};

}  // namespace la::gl
