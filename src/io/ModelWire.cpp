#include "io/ModelWire.h"

#include <cstdint>
#include <cstring>
#include <type_traits>

#include "io/LoaderUtil.h"

namespace la::io {

namespace {

constexpr std::uint32_t kMagic = 0x4c41'4d31;  // "LAM1"

class Writer {
public:
    template <class T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void str(const std::string& s) {
        pod(static_cast<std::uint64_t>(s.size()));
        out_ += s;
    }
    template <class T>
    void vec(const std::vector<T>& v) {
        pod(static_cast<std::uint64_t>(v.size()));
        if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    bool atEnd() const { return at_ == in_.size(); }

    template <class T>
    T pod() {
        T v{};
        if (!take(sizeof v)) return v;
        std::memcpy(&v, in_.data() + at_ - sizeof v, sizeof v);
        return v;
    }
    // A count of elements of `size` bytes each that the remaining bytes can hold.
    std::size_t count(std::size_t size) {
        const auto n = pod<std::uint64_t>();
        if (!ok_ || size == 0 || n > (in_.size() - at_) / size) {
            ok_ = false;
            return 0;
        }
        return static_cast<std::size_t>(n);
    }
    std::string str() {
        const std::size_t n = count(1);
        if (!take(n)) return {};
        return std::string(in_.substr(at_ - n, n));
    }
    template <class T>
    std::vector<T> vec() {
        const std::size_t n = count(sizeof(T));
        std::vector<T> v(n);
        if (n && take(n * sizeof(T))) std::memcpy(v.data(), in_.data() + at_ - n * sizeof(T), n * sizeof(T));
        return v;
    }

private:
    bool take(std::size_t n) {
        if (!ok_ || n > in_.size() - at_) return ok_ = false;
        at_ += n;
        return true;
    }
    std::string_view in_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

void writePrimitive(Writer& w, const Primitive& p) {
    w.vec(p.positions);
    w.vec(p.normals);
    w.vec(p.uvs);
    w.vec(p.colors);
    w.vec(p.fibres);
    w.vec(p.indices);
    w.pod(static_cast<std::int32_t>(p.material));
    w.pod(p.bounds.min);
    w.pod(p.bounds.max);
}

bool readPrimitive(Reader& r, Primitive& p) {
    p.positions = r.vec<glm::vec3>();
    p.normals = r.vec<glm::vec3>();
    p.uvs = r.vec<glm::vec2>();
    p.colors = r.vec<glm::vec4>();
    p.fibres = r.vec<glm::vec3>();
    p.indices = r.vec<std::uint32_t>();
    p.material = r.pod<std::int32_t>();
    p.bounds.min = r.pod<glm::vec3>();
    p.bounds.max = r.pod<glm::vec3>();
    const std::size_t n = p.positions.size();
    const auto sized = [n](std::size_t s) { return s == 0 || s == n; };
    if (!r.ok() || p.normals.size() != n || !sized(p.uvs.size()) || !sized(p.colors.size()) ||
        !sized(p.fibres.size()) || p.indices.size() % 3 != 0)
        return false;
    for (std::uint32_t i : p.indices)
        if (i >= n) return false;
    return true;
}

// The sampler's six bytes; a value out of range (a damaged stream) falls back to glTF's default.
TextureSampler readSampler(Reader& r) {
    const auto wrap = [&r] {
        const auto v = r.pod<std::uint8_t>();
        return v <= static_cast<std::uint8_t>(TextureWrap::MirroredRepeat) ? static_cast<TextureWrap>(v)
                                                                           : TextureWrap::Repeat;
    };
    const auto filter = [&r] {
        return r.pod<std::uint8_t>() == static_cast<std::uint8_t>(TextureFilter::Nearest) ? TextureFilter::Nearest
                                                                                          : TextureFilter::Linear;
    };
    TextureSampler s;
    s.wrapS = wrap();
    s.wrapT = wrap();
    s.mag = filter();
    s.min = filter();
    s.mipmaps = r.pod<std::uint8_t>() != 0;
    s.mipmap = filter();
    return s;
}

}  // namespace

std::string serialiseModel(const Model& m) {
    Writer w;
    w.pod(kMagic);
    w.str(m.source);
    w.str(m.name);
    w.pod(static_cast<std::uint64_t>(m.nodes.size()));
    for (const Node& n : m.nodes) {
        w.str(n.name);
        w.pod(static_cast<std::int32_t>(n.parent));
        w.vec(n.children);
        w.pod(n.local);
        w.pod(n.world);
        w.pod(static_cast<std::int32_t>(n.mesh));
        w.pod(static_cast<std::uint64_t>(n.extras.size()));
        for (const auto& [k, v] : n.extras) {
            w.str(k);
            w.str(v);
        }
    }
    w.vec(m.roots);
    w.pod(static_cast<std::uint64_t>(m.meshes.size()));
    for (const Mesh& mesh : m.meshes) {
        w.str(mesh.name);
        w.pod(static_cast<std::uint64_t>(mesh.primitives.size()));
        for (const Primitive& p : mesh.primitives) writePrimitive(w, p);
    }
    w.pod(static_cast<std::uint64_t>(m.materials.size()));
    for (const Material& mat : m.materials) {
        w.str(mat.name);
        w.pod(mat.baseColor);
        w.pod(static_cast<std::int32_t>(mat.baseColorTexture));
        w.pod(mat.metallic);
        w.pod(mat.roughness);
        w.pod(mat.emissive);
        w.pod(static_cast<std::int32_t>(mat.alphaMode));
        w.pod(mat.alphaCutoff);
        w.pod(static_cast<std::uint8_t>(mat.doubleSided));
    }
    w.pod(static_cast<std::uint64_t>(m.textures.size()));
    for (const Texture& t : m.textures) {
        w.str(t.name);
        w.pod(static_cast<std::int32_t>(t.width));
        w.pod(static_cast<std::int32_t>(t.height));
        w.vec(t.rgba);
        const TextureSampler& sm = t.sampler;
        for (auto v : {static_cast<std::uint8_t>(sm.wrapS), static_cast<std::uint8_t>(sm.wrapT),
                       static_cast<std::uint8_t>(sm.mag), static_cast<std::uint8_t>(sm.min),
                       static_cast<std::uint8_t>(sm.mipmaps), static_cast<std::uint8_t>(sm.mipmap)})
            w.pod(v);
    }
    return w.take();
}

std::optional<Model> deserialiseModel(std::string_view bytes) {
    Reader r(bytes);
    if (r.pod<std::uint32_t>() != kMagic) return std::nullopt;
    Model m;
    m.source = r.str();
    m.name = r.str();
    // Each node takes at least 8 + 4 + 8 + 64 + 64 + 4 + 8 bytes; each mesh and material at least 8.
    m.nodes.resize(r.count(160));
    for (Node& n : m.nodes) {
        n.name = r.str();
        n.parent = r.pod<std::int32_t>();
        n.children = r.vec<int>();
        n.local = r.pod<glm::mat4>();
        n.world = r.pod<glm::mat4>();
        n.mesh = r.pod<std::int32_t>();
        const std::size_t extras = r.count(16);
        for (std::size_t i = 0; i < extras && r.ok(); ++i) {
            std::string k = r.str();
            n.extras[k] = r.str();
        }
    }
    m.roots = r.vec<int>();
    m.meshes.resize(r.count(16));
    for (Mesh& mesh : m.meshes) {
        mesh.name = r.str();
        mesh.primitives.resize(r.count(48));
        for (Primitive& p : mesh.primitives)
            if (!readPrimitive(r, p)) return std::nullopt;
    }
    m.materials.resize(r.count(8));
    for (Material& mat : m.materials) {
        mat.name = r.str();
        mat.baseColor = r.pod<glm::vec4>();
        mat.baseColorTexture = r.pod<std::int32_t>();
        mat.metallic = r.pod<float>();
        mat.roughness = r.pod<float>();
        mat.emissive = r.pod<glm::vec3>();
        const auto mode = r.pod<std::int32_t>();
        if (mode < 0 || mode > static_cast<int>(AlphaMode::Blend)) return std::nullopt;
        mat.alphaMode = static_cast<AlphaMode>(mode);
        mat.alphaCutoff = r.pod<float>();
        mat.doubleSided = r.pod<std::uint8_t>() != 0;
    }
    m.textures.resize(r.count(8));
    for (Texture& t : m.textures) {
        t.name = r.str();
        t.width = r.pod<std::int32_t>();
        t.height = r.pod<std::int32_t>();
        t.rgba = r.vec<std::uint8_t>();
        t.sampler = readSampler(r);
        if (t.width < 0 || t.height < 0 ||
            t.rgba.size() != static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height) * 4)
            return std::nullopt;
    }
    if (!r.ok() || !r.atEnd()) return std::nullopt;
    // Every reference must point at something that exists.
    const int nn = static_cast<int>(m.nodes.size());
    for (const Node& n : m.nodes) {
        if (n.parent < -1 || n.parent >= nn || n.mesh < -1 || n.mesh >= static_cast<int>(m.meshes.size()))
            return std::nullopt;
        for (int c : n.children)
            if (c < 0 || c >= nn || m.nodes[static_cast<std::size_t>(c)].parent != &n - m.nodes.data())
                return std::nullopt;
    }
    if (!checkNoCycles(m)) return std::nullopt;
    for (int root : m.roots)
        if (root < 0 || root >= nn || m.nodes[static_cast<std::size_t>(root)].parent != -1) return std::nullopt;
    for (const Mesh& mesh : m.meshes)
        for (const Primitive& p : mesh.primitives)
            if (p.material < -1 || p.material >= static_cast<int>(m.materials.size())) return std::nullopt;
    for (const Material& mat : m.materials)
        if (mat.baseColorTexture < -1 || mat.baseColorTexture >= static_cast<int>(m.textures.size()))
            return std::nullopt;
    return m;
}

}  // namespace la::io
