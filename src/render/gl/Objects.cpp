#include "render/gl/Objects.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace la::gl {

namespace {

template <class H, class Gen>
H generate(Gen gen) {
    GLuint id = 0;
    gen(1, &id);
    return H(id);
}

// Attachment parameter of the bound read framebuffer; 0 when nothing is attached there.
int attachmentParam(GLenum attachment, GLenum pname) {
    GLint type = GL_NONE, value = 0;
    glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE,
                                          &type);
    if (type == GL_NONE) return 0;
    glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, pname, &value);
    return value;
}

}  // namespace

// ---- Buffer

Buffer Buffer::create() {
    Buffer b;
    b.h_ = generate<Handle<BufferDeleter>>(glGenBuffers);
    return b;
}

Buffer Buffer::wrap(GLuint id) {
    Buffer b;
    b.h_ = Handle<BufferDeleter>::wrap(id);
    return b;
}

void Buffer::allocate(BufferTarget target, std::size_t bytes, const void* data, bool dynamic) {
    const auto t = static_cast<GLenum>(target);
    glBindBuffer(t, h_.id());
    glBufferData(t, static_cast<GLsizeiptr>(bytes), data, dynamic ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
}

void Buffer::allocateFilled(BufferTarget target, std::size_t bytes, const std::function<void(void*)>& fill,
                            bool dynamic) {
    allocate(target, bytes, nullptr, dynamic);
    const auto t = static_cast<GLenum>(target);
    if (bytes > 0) {
        if (void* p = glMapBufferRange(t, 0, static_cast<GLsizeiptr>(bytes),
                                       GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT)) {
            fill(p);
            if (glUnmapBuffer(t) == GL_TRUE) return;  // GL_FALSE: the storage was lost meanwhile, upload it
        }
    }
    std::vector<unsigned char> copy(bytes);
    fill(copy.data());
    glBufferSubData(t, 0, static_cast<GLsizeiptr>(bytes), copy.data());
}

void Buffer::update(BufferTarget target, std::size_t offset, std::size_t bytes, const void* data) {
    const auto t = static_cast<GLenum>(target);
    glBindBuffer(t, h_.id());
    glBufferSubData(t, static_cast<GLintptr>(offset), static_cast<GLsizeiptr>(bytes), data);
    glBindBuffer(t, 0);
}

void Buffer::bindBase(BufferTarget target, GLuint index) const {
    glBindBufferBase(static_cast<GLenum>(target), index, h_.id());
}

// ---- VertexArray

VertexArray VertexArray::create() {
    VertexArray v;
    v.h_ = generate<Handle<VertexArrayDeleter>>(glGenVertexArrays);
    return v;
}

void VertexArray::setAttribute(GLuint index, const Buffer& values, int components) {
    glBindVertexArray(h_.id());
    glBindBuffer(GL_ARRAY_BUFFER, values.id());
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, components, GL_FLOAT, GL_FALSE, components * static_cast<GLsizei>(sizeof(float)),
                          nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void VertexArray::setIndices(const Buffer& indices, bool sixteenBit) {
    shortIndices_ = sixteenBit;
    glBindVertexArray(h_.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices.id());
    glBindVertexArray(0);
}

void VertexArray::setConstant(GLuint index, glm::vec4 value) {
    glVertexAttrib4f(index, value.x, value.y, value.z, value.w);
}

void VertexArray::bind() const {
    glBindVertexArray(h_.id());
}

void VertexArray::unbind() {
    glBindVertexArray(0);
}

void VertexArray::drawTriangles(int count) const {
    glBindVertexArray(h_.id());
    glDrawArrays(GL_TRIANGLES, 0, count);
}

void VertexArray::drawTriangleFan(int count) const {
    glBindVertexArray(h_.id());
    glDrawArrays(GL_TRIANGLE_FAN, 0, count);
}

void VertexArray::drawIndexed(GLsizei count, Mode mode, GLsizei first) const {
    glBindVertexArray(h_.id());
    const GLenum m = mode == Mode::Lines ? GL_LINES : mode == Mode::Points ? GL_POINTS : GL_TRIANGLES;
    const auto offset = static_cast<std::uintptr_t>(first) * (shortIndices_ ? sizeof(GLushort) : sizeof(GLuint));
    // GL takes the byte offset into the bound element buffer as a pointer.
    glDrawElements(m, count, shortIndices_ ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(offset));  // NOLINT(performance-no-int-to-ptr)
}

// ---- Texture

Texture Texture::wrap(GLuint id, GLenum target) {
    Texture t;
    t.h_ = Handle<TextureDeleter>::wrap(id);
    t.target_ = target;
    return t;
}

Texture Texture::image(int width, int height, const std::uint8_t* rgba, const SamplerParams& sampler, bool srgb) {
    return image(width, height, rgba, sampler, srgb, {});
}

namespace {

// What drawing the mip levels changes, put back afterwards.
class SavedState {
public:
    SavedState() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &framebuffer_);
        glGetIntegerv(GL_VIEWPORT, viewport_);
        glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
        glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertexArray_);
        glGetIntegerv(GL_ACTIVE_TEXTURE, &activeTexture_);
        glGetBooleanv(GL_COLOR_WRITEMASK, colorMask_);
        for (std::size_t i = 0; i < kCaps.size(); ++i) enabled_[i] = glIsEnabled(kCaps[i]);
    }
    SavedState(const SavedState&) = delete;
    SavedState& operator=(const SavedState&) = delete;
    ~SavedState() {
        for (std::size_t i = 0; i < kCaps.size(); ++i) (enabled_[i] ? glEnable : glDisable)(kCaps[i]);
        glColorMask(colorMask_[0], colorMask_[1], colorMask_[2], colorMask_[3]);
        glActiveTexture(static_cast<GLenum>(activeTexture_));
        glBindVertexArray(static_cast<GLuint>(vertexArray_));
        glUseProgram(static_cast<GLuint>(program_));
        glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(framebuffer_));
    }

private:
    static constexpr std::array<GLenum, 6> kCaps = {GL_DEPTH_TEST, GL_STENCIL_TEST, GL_BLEND,
                                                    GL_CULL_FACE,  GL_SCISSOR_TEST, GL_FRAMEBUFFER_SRGB};
    GLint framebuffer_ = 0, viewport_[4] = {}, program_ = 0, vertexArray_ = 0, activeTexture_ = GL_TEXTURE0;
    GLboolean colorMask_[4] = {GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE};
    std::array<GLboolean, kCaps.size()> enabled_{};
};

// Levels 1.. of the bound 2D texture (level 0 there, `size`), each drawn from the one above.
void drawMipLevels(GLuint texture, glm::ivec2 size, GLenum internalFormat,
                   const std::function<void(glm::ivec2 size)>& drawLevel) {
    const SavedState saved;
    for (const GLenum cap : {GL_DEPTH_TEST, GL_STENCIL_TEST, GL_BLEND, GL_CULL_FACE, GL_SCISSOR_TEST}) glDisable(cap);
    glEnable(GL_FRAMEBUFFER_SRGB);  // an sRGB level is written encoded, as the driver's mipmaps are
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    GLuint framebuffer = 0;
    glGenFramebuffers(1, &framebuffer);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    for (int level = 0; size.x > 1 || size.y > 1; ++level) {
        size = glm::max(size / 2, glm::ivec2(1));
        glTexImage2D(GL_TEXTURE_2D, level + 1, static_cast<GLint>(internalFormat), size.x, size.y, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, level);  // the sampler sees the level above only
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, level);
        glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, level + 1);
        glViewport(0, 0, size.x, size.y);
        drawLevel(size);
    }
    glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, 0, 0);
    glDeleteFramebuffers(1, &framebuffer);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, 0);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 1000);  // GL's default
}

}  // namespace

Texture Texture::image(int width, int height, const std::uint8_t* rgba, const SamplerParams& sampler, bool srgb,
                       const std::function<void(glm::ivec2 size)>& drawLevel) {
    Texture t;
    t.h_ = generate<Handle<TextureDeleter>>(glGenTextures);
    glBindTexture(GL_TEXTURE_2D, t.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    const GLenum format = srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8;
    glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(format), width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    if (sampler.minFilter != GL_NEAREST && sampler.minFilter != GL_LINEAR) {
        if (drawLevel)
            drawMipLevels(t.id(), {width, height}, format, drawLevel);
        else
            glGenerateMipmap(GL_TEXTURE_2D);
    }
    glBindTexture(GL_TEXTURE_2D, t.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, sampler.wrapS);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, sampler.wrapT);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, sampler.minFilter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, sampler.magFilter);
    glBindTexture(GL_TEXTURE_2D, 0);
    return t;
}

std::vector<std::uint8_t> Texture::readLevel(int level, glm::ivec2& size) const {
    glBindTexture(GL_TEXTURE_2D, h_.id());
    glGetTexLevelParameteriv(GL_TEXTURE_2D, level, GL_TEXTURE_WIDTH, &size.x);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, level, GL_TEXTURE_HEIGHT, &size.y);
    std::vector<std::uint8_t> texels(static_cast<std::size_t>(std::max(size.x, 0)) *
                                     static_cast<std::size_t>(std::max(size.y, 0)) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    if (!texels.empty()) glGetTexImage(GL_TEXTURE_2D, level, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    return texels;
}

Texture Texture::renderTarget(glm::ivec2 size, int samples, GLenum internalFormat, GLenum format) {
    Texture t;
    t.h_ = generate<Handle<TextureDeleter>>(glGenTextures);
    if (samples > 0) {
        t.target_ = GL_TEXTURE_2D_MULTISAMPLE;
        glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, t.id());
        glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples, internalFormat, size.x, size.y, GL_TRUE);
        glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
    } else {
        glBindTexture(GL_TEXTURE_2D, t.id());
        glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(internalFormat), size.x, size.y, 0, format, GL_HALF_FLOAT,
                     nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    return t;
}

Texture Texture::colorTarget(glm::ivec2 size) {
    Texture t;
    t.h_ = generate<Handle<TextureDeleter>>(glGenTextures);
    glBindTexture(GL_TEXTURE_2D, t.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    return t;
}

void Texture::bind(int unit) const {
    glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
    glBindTexture(target_, h_.id());
}

void Texture::setLinearFilter(bool linear) const {
    glBindTexture(target_, h_.id());
    const GLint f = linear ? GL_LINEAR : GL_NEAREST;
    glTexParameteri(target_, GL_TEXTURE_MIN_FILTER, f);
    glTexParameteri(target_, GL_TEXTURE_MAG_FILTER, f);
}

void Texture::unbind(int unit) const {
    glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
    glBindTexture(target_, 0);
}

void Texture::unbind2D(int unit) {
    glActiveTexture(GL_TEXTURE0 + static_cast<GLenum>(unit));
    glBindTexture(GL_TEXTURE_2D, 0);
}

// ---- Renderbuffer

Renderbuffer Renderbuffer::create(glm::ivec2 size, int samples, GLenum internalFormat) {
    Renderbuffer r;
    r.h_ = generate<Handle<RenderbufferDeleter>>(glGenRenderbuffers);
    glBindRenderbuffer(GL_RENDERBUFFER, r.id());
    if (samples > 0)
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, internalFormat, size.x, size.y);
    else
        glRenderbufferStorage(GL_RENDERBUFFER, internalFormat, size.x, size.y);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    return r;
}

// ---- Framebuffer

Framebuffer Framebuffer::create() {
    Framebuffer f;
    f.h_ = generate<Handle<FramebufferDeleter>>(glGenFramebuffers);
    return f;
}

Framebuffer Framebuffer::wrap(GLuint id) {
    Framebuffer f;
    f.h_ = Handle<FramebufferDeleter>::wrap(id);
    return f;
}

void Framebuffer::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, h_.id());
}

void Framebuffer::bindDraw() const {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, h_.id());
}

void Framebuffer::bindRead() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, h_.id());
}

void Framebuffer::attach(GLenum attachment, const Texture& texture) {
    bind();
    glFramebufferTexture2D(GL_FRAMEBUFFER, attachment, texture.target(), texture.id(), 0);
}

void Framebuffer::attach(GLenum attachment, const Renderbuffer& renderbuffer) {
    bind();
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment, GL_RENDERBUFFER, renderbuffer.id());
}

bool Framebuffer::shareDepthOf(const Framebuffer& other) {
    if (other.isDefault()) return false;
    other.bindRead();
    const GLint type = attachmentParam(GL_DEPTH_ATTACHMENT, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE);
    if (type != GL_RENDERBUFFER) return false;
    const auto name = static_cast<GLuint>(attachmentParam(GL_DEPTH_ATTACHMENT, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME));
    const bool stencil =
        attachmentParam(GL_STENCIL_ATTACHMENT, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME) == static_cast<GLint>(name);
    bind();
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, stencil ? GL_DEPTH_STENCIL_ATTACHMENT : GL_DEPTH_ATTACHMENT,
                              GL_RENDERBUFFER, name);
    return true;
}

void Framebuffer::drawBuffers(int count) {
    bind();
    const GLenum buffers[4] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1, GL_COLOR_ATTACHMENT2, GL_COLOR_ATTACHMENT3};
    glDrawBuffers(count, buffers);
}

GLenum Framebuffer::status() const {
    bind();
    return glCheckFramebufferStatus(GL_FRAMEBUFFER);
}

bool Framebuffer::complete() const {
    return status() == GL_FRAMEBUFFER_COMPLETE;
}

int Framebuffer::samples() const {
    bindDraw();
    GLint samples = 0;
    glGetIntegerv(GL_SAMPLES, &samples);
    return samples;
}

GLenum Framebuffer::depthFormat() const {
    bindRead();
    const bool fbo = !isDefault();
    const GLenum depth = fbo ? GL_DEPTH_ATTACHMENT : GL_DEPTH;
    const GLenum stencil = fbo ? GL_STENCIL_ATTACHMENT : GL_STENCIL;
    const int bits = attachmentParam(depth, GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE);
    const bool isFloat = attachmentParam(depth, GL_FRAMEBUFFER_ATTACHMENT_COMPONENT_TYPE) == GL_FLOAT;
    const bool withStencil = attachmentParam(stencil, GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE) > 0;
    if (bits == 0) return 0;
    if (isFloat) return withStencil ? GL_DEPTH32F_STENCIL8 : GL_DEPTH_COMPONENT32F;
    if (bits == 16) return GL_DEPTH_COMPONENT16;
    if (bits == 32) return GL_DEPTH_COMPONENT32;
    return withStencil ? GL_DEPTH24_STENCIL8 : GL_DEPTH_COMPONENT24;
}

void Framebuffer::clearColor(int index, const glm::vec4& value) {
    glClearBufferfv(GL_COLOR, index, &value.x);
}

bool Framebuffer::blitDepth(const Framebuffer& from, const Framebuffer& to, glm::ivec4 area, bool check) {
    from.bindRead();
    to.bindDraw();
    if (check)
        while (glGetError() != GL_NO_ERROR) {
        }
    const int x1 = area.x + area.z, y1 = area.y + area.w;
    glBlitFramebuffer(area.x, area.y, x1, y1, area.x, area.y, x1, y1, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    return !check || glGetError() == GL_NO_ERROR;
}

void Framebuffer::blitColor(const Framebuffer& from, const Framebuffer& to, glm::ivec2 size) {
    from.bindRead();
    to.bindDraw();
    glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void Framebuffer::blitColor(const Framebuffer& from, glm::ivec2 fromSize, const Framebuffer& to, glm::ivec2 toSize) {
    from.bindRead();
    to.bindDraw();
    const GLenum filter = fromSize == toSize ? GL_NEAREST : GL_LINEAR;
    glBlitFramebuffer(0, 0, fromSize.x, fromSize.y, 0, 0, toSize.x, toSize.y, GL_COLOR_BUFFER_BIT, filter);
}

std::vector<std::uint8_t> Framebuffer::readRgba(glm::ivec2 size) const {
    return readRgba(glm::ivec4(0, 0, size.x, size.y));
}

std::vector<std::uint8_t> Framebuffer::readRgba(glm::ivec4 box) const {
    bindRead();
    std::vector<std::uint8_t> px(static_cast<std::size_t>(std::max(box.z, 0)) *
                                 static_cast<std::size_t>(std::max(box.w, 0)) * 4);
    if (px.empty()) return px;
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(box.x, box.y, box.z, box.w, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    return px;
}

// ---- Fence

Fence Fence::insert() {
    Fence f;
    f.sync_ = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    glFlush();
    return f;
}

bool Fence::wait(std::uint64_t timeoutNs) const {
    if (!sync_) return false;
    const GLenum r = glClientWaitSync(sync_, 0, timeoutNs);
    return r == GL_ALREADY_SIGNALED || r == GL_CONDITION_SATISFIED;
}

void Fence::reset() {
    if (sync_) glDeleteSync(sync_);
    sync_ = nullptr;
}

}  // namespace la::gl
