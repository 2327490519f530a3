// In-process render tests: one hidden GLFW window under Xvfb gives the GL 3.3 core context that every
// test draws in (GpuScene + Renderer into an OffscreenTarget; nothing is shown).
#define DOCTEST_CONFIG_IMPLEMENT
#include <cstdio>

#include <GLFW/glfw3.h>
#include <doctest/doctest.h>

void releaseGpuTestState();  // test_gpu_render.cpp: GL objects go before the context

int main(int argc, char** argv) {
    if (!glfwInit()) {
        std::fprintf(stderr, "gpu tests: cannot initialise GLFW (is DISPLAY set? run under xvfb-run)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(64, 64, "gpu tests", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "gpu tests: cannot create an OpenGL 3.3 core context\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    doctest::Context ctx(argc, argv);
    const int result = ctx.run();
    releaseGpuTestState();
    glfwDestroyWindow(window);
    glfwTerminate();
    return result;
}
