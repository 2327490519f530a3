#include "render/Shaders.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

namespace la::embedded {
std::string_view shader(std::string_view name);
}

namespace la::render {

std::string shaderSource(const std::string& file) {
    if (const char* dir = std::getenv("LA_SHADER_DIR")) {
        std::ifstream in(std::string(dir) + "/" + file);
        if (in) {
            std::stringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }
    }
    return std::string(embedded::shader(file));
}

Result<gl::Program> loadProgram(const std::string& name, const std::string& defines) {
    const std::string vs = shaderSource(name + ".vert"), fs = shaderSource(name + ".frag");
    if (vs.empty() || fs.empty()) return Error{"shaders/" + name + ": shader source not found"};
    return gl::Program::build(name, vs, fs, defines);
}

}  // namespace la::render
