#include "io/GltfAccessor.h"

#include <algorithm>
#include <cstdint>
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

bool addOk(std::size_t a, std::size_t b, std::size_t& out) {
    return !__builtin_add_overflow(a, b, &out);
}
bool mulOk(std::size_t a, std::size_t b, std::size_t& out) {
    return !__builtin_mul_overflow(a, b, &out);
}

// Locates `count` elements of `elemSize` bytes in a buffer view; checks, without overflow, that every byte lies
// inside the view and the view inside its buffer.
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
    std::size_t viewEnd = 0;
    if (!addOk(view.byteOffset, view.byteLength, viewEnd) || viewEnd > buf.size()) {
        err = "buffer view " + std::to_string(viewIndex) + " lies outside its buffer";
        return false;
    }
    std::size_t need = 0;
    if (count > 0) {
        std::size_t span = 0;
        if (!mulOk(stride, count - 1, span) || !addOk(span, elemSize, span) || !addOk(span, extraOffset, need))
            need = SIZE_MAX;
    } else if (extraOffset > view.byteLength) {
        need = SIZE_MAX;
    }
    if (need > view.byteLength) {
        err = what + " reads past the end of its buffer (buffer view " + std::to_string(viewIndex) + ")";
        return false;
    }
    base = buf.data() + view.byteOffset + extraOffset;
    return true;
}

// Takes `bytes` from the budget of decoded data; false (with err) when the file asks for more than it allows.
bool spend(AccessorBudget* budget, std::size_t count, std::size_t elemBytes, const std::string& what,
           std::string& err) {
    std::size_t bytes = 0;
    const std::size_t left = budget ? budget->bytesLeft : AccessorBudget{}.bytesLeft;
    if (!mulOk(count, elemBytes, bytes) || bytes > left) {
        err = what + " has " + std::to_string(count) + " elements, more than the loader accepts (" +
              std::to_string(left >> 20) + " MB of vertex data left)";
        return false;
    }
    if (budget) budget->bytesLeft -= bytes;
    return true;
}

}  // namespace

bool readFloatAccessor(const tinygltf::Model& m, int index, std::vector<glm::vec4>& out, int& components,
                       std::string& err, AccessorBudget* budget) {
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
    const std::size_t elemSize = static_cast<std::size_t>(components) * static_cast<std::size_t>(csize);
    // Every bound is checked before anything is allocated: the view must hold `count` elements, and the
    // decoded floats must fit the budget (a view-less accessor is zeros and holds nothing in the file).
    std::size_t stride = 0;
    const unsigned char* base = nullptr;
    if (acc.bufferView >= 0 && !locate(m, acc.bufferView, acc.byteOffset, acc.count, elemSize, stride, base, what, err))
        return false;
    if (!spend(budget, acc.count, sizeof(glm::vec4), what, err)) return false;
    if (acc.sparse.isSparse && (acc.sparse.count < 0 || static_cast<std::size_t>(acc.sparse.count) > acc.count)) {
        err = what + " has a sparse count " + std::to_string(acc.sparse.count) + " beyond its count " +
              std::to_string(acc.count);
        return false;
    }
    out.assign(acc.count, glm::vec4(0.0f));
    if (acc.bufferView >= 0 && acc.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT) {
        // Floats (positions, normals, texture coordinates of almost every file) copied as they are.
        const auto bytes = static_cast<std::size_t>(components) * sizeof(float);
        for (std::size_t i = 0; i < acc.count; ++i) std::memcpy(static_cast<void*>(&out[i]), base + i * stride, bytes);
    } else if (acc.bufferView >= 0) {
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
        const int itype = acc.sparse.indices.componentType;
        if (itype != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE && itype != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
            itype != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT) {
            err = what + " has sparse indices of an unsupported type";
            return false;
        }
        if (!locate(m, acc.sparse.indices.bufferView, static_cast<std::size_t>(acc.sparse.indices.byteOffset), n,
                    static_cast<std::size_t>(isize), istride, ib, what + " (sparse indices)", err) ||
            !locate(m, acc.sparse.values.bufferView, static_cast<std::size_t>(acc.sparse.values.byteOffset), n,
                    elemSize, vstride, vb, what + " (sparse values)", err))
            return false;
        (void)vstride;  // sparse values are tightly packed (the glTF spec forbids a byteStride there)
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

bool readIndexAccessor(const tinygltf::Model& m, int index, std::vector<std::uint32_t>& out, std::string& err,
                       AccessorBudget* budget) {
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
        if (acc.bufferView >= 0 && !acc.sparse.isSparse) {
            std::size_t stride = 0;
            const unsigned char* base = nullptr;
            const std::string what = "index accessor " + std::to_string(index);
            if (!locate(m, acc.bufferView, acc.byteOffset, acc.count, static_cast<std::size_t>(csize), stride, base,
                        what, err) ||
                !spend(budget, acc.count, sizeof(std::uint32_t), what, err))
                return false;
            out.resize(acc.count);
            if (acc.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT && stride == sizeof(std::uint32_t)) {
                if (acc.count > 0) std::memcpy(out.data(), base, acc.count * sizeof(std::uint32_t));
            } else if (acc.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT) {
                for (std::size_t i = 0; i < acc.count; ++i) {
                    std::uint16_t v;
                    std::memcpy(&v, base + i * stride, sizeof v);
                    out[i] = v;
                }
            } else {
                for (std::size_t i = 0; i < acc.count; ++i)
                    out[i] = static_cast<std::uint32_t>(readComponent(base + i * stride, acc.componentType, false));
            }
            return true;
        }
    }
    // Sparse or view-less index accessors are rare; the float path is exact below 2^24.
    if (!readFloatAccessor(m, index, tmp, comps, err, budget)) return false;
    out.resize(tmp.size());
    // Values come from unsigned components; 2^32 - 1 rounds up to 2^32 in float, which does not fit.
    for (std::size_t i = 0; i < tmp.size(); ++i)
        out[i] = tmp[i].x >= 4294967295.0f ? UINT32_MAX : static_cast<std::uint32_t>(std::max(tmp[i].x, 0.0f));
    return true;
}

}  // namespace la::io
