#pragma once
// Which files the viewer opens as models, by extension, and what to do with files dropped on the window.
#include <optional>
#include <string>
#include <vector>

namespace la {

// .gltf .glb .obj .fbx .stl .dae .ply, any case.
bool isModelFile(const std::string& path);
// "a .glb, .gltf, .obj, .fbx, .stl, .dae or .ply file", for messages.
const char* modelFileKinds();

// Files dropped on the window: the first model file among them is opened; when there is none, one line
// naming the file and the problem.
struct DropChoice {
    std::optional<std::string> open;
    std::string problem;
};
DropChoice chooseDroppedModel(const std::vector<std::string>& paths);

}  // namespace la
