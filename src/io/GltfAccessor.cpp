#include "io/GltfAccessor.h"

#include <algorithm>
#include <cstring>

#include <tiny_gltf.h>

namespace la::io {

namespace {

double readComponent(const unsigned char* p, int type, bool normalized) {
    switch (type) {
        case TINYGLTF_COMPONENT_TYPE_BYTE: {
            std::int8_t v;
            std::memcpy(&v, p, 1);
            return normalized ? std::max(v / 127.0, -1.0) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: {
            std::uint8_t v = *p;
            return normalized ? v / 255.0 : v;
        }
        case TINYGLTF_COMPONENT_TYPE_SHORT: {
            std::int16_t v;
            std::memcpy(&v, p, 2);
            return normalized ? std::max(v / 32767.0, -1.0) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
            std::uint16_t v;
            std::memcpy(&v, p, 2);
            return normalized ? v / 65535.0 : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: {
            std::uint32_t v;
            std::memcpy(&v, p, 4);
            return normalized ? v / 4294967295.0 : v;
        }
        case TINYGLTF_COMPONENT_TYPE_FLOAT: {
            float v;
            std::memcpy(&v, p, 4);
            return v;
        }
        default:
            return 0.0;
    }
}

int componentSize(int type) {
    switch (type) {
        case TINYGLTF_COMPONENT_TYPE_BYTE:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return 1;
        case TINYGLTF_COMPONENT_TYPE_SHORT:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return 2;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
        case TINYGLTF_COMPONENT_TYPE_FLOAT:
            return 4;
        default:
            return 0;
    }
}

int componentCount(int type) {
    switch (type) {
        case TINYGLTF_TYPE_SCALAR:
            return 1;
        case TINYGLTF_TYPE_VEC2:
            return 2;
        case TINYGLTF_TYPE_VEC3:
            return 3;
        case TINYGLTF_TYPE_VEC4:
            return 4;
        default:
            return 0;  // matrices are not vertex attributes we use
    }
}

// Locates `count` elements of `elemSize` bytes in a buffer view; checks every byte lies inside.
bool locate(const tinygltf::Model& m, int viewIndex, std::size_t extraOffset, std::size_t count, std::size_t elemSize,
            std::size_t& stride, const unsigned char*& base, const std::string& what, std::string& err) {
    if (viewIndex < 0 || static_cast<std::size_t>(viewIndex) >= m.bufferViews.size()) {
        err = what + " refers to buffer view " + std::to_string(viewIndex) + ", which does not exist";
        return false;
    }
    const auto& view = m.bufferViews[static_cast<std::size_t>(viewIndex)];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= m.buffers.size()) {
        err = "buffer view " + std::to_string(viewIndex) + " refers to a missing buffer";
        return false;
    }
    const auto& buf = m.buffers[static_cast<std::size_t>(view.buffer)].data;
    stride = view.byteStride ? view.byteStride : elemSize;
    if (stride < elemSize) {
        err = "buffer view " + std::to_string(viewIndex) + " has a byteStride smaller than its elements";
        return false;
    }
    const std::size_t need = count == 0 ? 0 : extraOffset + stride * (count - 1) + elemSize;
    if (need > view.byteLength || view.byteOffset + view.byteLength > buf.size()) {
        err = what + " reads past the end of its buffer (buffer view " + std::to_string(viewIndex) + ")";
        return false;
    }
    base = buf.data() + view.byteOffset + extraOffset;
    return true;
}

}  // namespace

bool readFloatAccessor(const tinygltf::Model& m, int index, std::vector<glm::vec4>& out, int& components,
                       std::string& err) {
    if (index < 0 || static_cast<std::size_t>(index) >= m.accessors.size()) {
        err = "accessor " + std::to_string(index) + " does not exist";
        return false;
    }
    const auto& acc = m.accessors[static_cast<std::size_t>(index)];
    const std::string what = "accessor " + std::to_string(index);
    components = componentCount(acc.type);
    const int csize = componentSize(acc.componentType);
    if (components == 0 || csize == 0) {
        err = what + " has an unsupported type or component type";
        return false;
    }
    const std::size_t elemSize = static_cast<std::size_t>(components * csize);
    out.assign(acc.count, glm::vec4(0.0f));
    if (acc.bufferView >= 0) {
        std::size_t stride = 0;
        const unsigned char* base = nullptr;
        if (!locate(m, acc.bufferView, acc.byteOffset, acc.count, elemSize, stride, base, what, err)) return false;
        for (std::size_t i = 0; i < acc.count; ++i)
            for (int c = 0; c < components; ++c)
                out[i][c] = static_cast<float>(readComponent(base + i * stride + static_cast<std::size_t>(c * csize),
                                                             acc.componentType, acc.normalized));
    }
    if (acc.sparse.isSparse) {
        const auto n = static_cast<std::size_t>(acc.sparse.count);
        const int isize = componentSize(acc.sparse.indices.componentType);
        std::size_t istride = 0, vstride = 0;
        const unsigned char* ib = nullptr;
        const unsigned char* vb = nullptr;
        if (isize == 0) {
            err = what + " has sparse indices of an unsupported type";
            return false;
        }
        if (!locate(m, acc.sparse.indices.bufferView, static_cast<std::size_t>(acc.sparse.indices.byteOffset), n,
                    static_cast<std::size_t>(isize), istride, ib, what + " (sparse indices)", err) ||
            !locate(m, acc.sparse.values.bufferView, static_cast<std::size_t>(acc.sparse.values.byteOffset), n,
                    elemSize, vstride, vb, what + " (sparse values)", err))
            return false;
        for (std::size_t s = 0; s < n; ++s) {
            auto target = static_cast<std::size_t>(
                readComponent(ib + s * static_cast<std::size_t>(isize), acc.sparse.indices.componentType, false));
            if (target >= acc.count) {
                err = what + " has a sparse index " + std::to_string(target) + " beyond its count " +
                      std::to_string(acc.count);
                return false;
            }
            for (int c = 0; c < components; ++c)
                out[target][c] = static_cast<float>(readComponent(
                    vb + s * elemSize + static_cast<std::size_t>(c * csize), acc.componentType, acc.normalized));
        }
    }
    return true;
}

bool readIndexAccessor(const tinygltf::Model& m, int index, std::vector<std::uint32_t>& out, std::string& err) {
    std::vector<glm::vec4> tmp;
    int comps = 0;
    if (index >= 0 && static_cast<std::size_t>(index) < m.accessors.size()) {
        const auto& acc = m.accessors[static_cast<std::size_t>(index)];
        if (acc.type != TINYGLTF_TYPE_SCALAR || (acc.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE &&
                                                 acc.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
                                                 acc.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT)) {
            err = "index accessor " + std::to_string(index) + " is not a scalar of unsigned integers";
            return false;
        }
        // Integers up to 2^32 do not survive float; read them directly.
        const int csize = componentSize(acc.componentType);
        out.assign(acc.count, 0);
        if (acc.bufferView >= 0 && !acc.sparse.isSparse) {
            std::size_t stride = 0;
            const unsigned char* base = nullptr;
            if (!locate(m, acc.bufferView, acc.byteOffset, acc.count, static_cast<std::size_t>(csize), stride, base,
                        "index accessor " + std::to_string(index), err))
                return false;
            for (std::size_t i = 0; i < acc.count; ++i)
                out[i] = static_cast<std::uint32_t>(readComponent(base + i * stride, acc.componentType, false));
            return true;
        }
    }
    // Sparse or view-less index accessors are rare; the float path is exact below 2^24.
    if (!readFloatAccessor(m, index, tmp, comps, err)) return false;
    out.resize(tmp.size());
    for (std::size_t i = 0; i < tmp.size(); ++i) out[i] = static_cast<std::uint32_t>(tmp[i].x);
    return true;
}

}  // namespace la::io
