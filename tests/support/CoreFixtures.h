#pragma once
// Small in-memory models and catalogue entries for core unit tests.
#include <string>
#include <vector>

#include "core/Catalogue.h"
#include "core/Model.h"

namespace la::test {

// A catalogue entry; the group follows the kind as the structure files name it.
inline StructureInfo structureEntry(const std::string& id, const std::string& name, const std::string& kind, int layer,
                                    bool sided) {
    StructureInfo s;
    s.id = id;
    s.name = name;
    s.kind = kind;
    s.layer = layer;
    s.sided = sided;
    s.group = kind == "bone" ? "Bones" : kind == "skin" ? "Skin" : kind == "article" ? "Articles" : "Muscles";
    return s;
}

// One root node per name, all sharing one triangle mesh (node i is names[i]).
inline Model modelWithNamedTriangles(const std::vector<std::string>& names) {
    Model m;
    Mesh mesh;
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    p.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
    p.indices = {0, 1, 2};
    p.bounds.add({0, 0, 0});
    p.bounds.add({1, 1, 0});
    mesh.primitives.push_back(p);
    m.meshes.push_back(mesh);
    for (const auto& n : names) {
        Node node;
        node.name = n;
        node.mesh = 0;
        m.roots.push_back(static_cast<int>(m.nodes.size()));
        m.nodes.push_back(node);
    }
    return m;
}

}  // namespace la::test
