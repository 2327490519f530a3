#pragma once
// Shader sources: from $LA_SHADER_DIR when set (live editing), else embedded at build time.
#include <string>

#include "core/Result.h"
#include "render/gl/Program.h"

namespace la::render {

std::string shaderSource(const std::string& file);
Result<gl::Program> loadProgram(const std::string& name, const std::string& defines = {});

}  // namespace la::render
