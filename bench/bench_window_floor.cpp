// The floor under the viewer's first frame: a bare GLFW program that opens a 1400x900 window with the
// viewer's context (OpenGL 3.3 core, no multisampling), clears it to the viewer's background colour and
// swaps, with nothing else (no content, fonts, model or programs). bench/first_frame.sh runs it in the
// viewer's place (FLOOR=1) to tell what of the viewer's time to its first frame is Mesa's and the X
// server's. Writes "frames 1" to the file given with --frame-stats after its swap, then waits for events
// until it is closed or killed; other arguments are ignored.
#include <cstdio>
#include <cstring>

#define GLFW_INCLUDE_NONE  // epoxy has the GL declarations
#include <GLFW/glfw3.h>
#include <epoxy/gl.h>

int main(int argc, char** argv) {
    const char* stats = nullptr;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--frame-stats") == 0) stats = argv[i + 1];
    if (!glfwInit()) {
        std::fprintf(stderr, "bench_window_floor: cannot initialise GLFW; is DISPLAY set?\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, 0);
    GLFWwindow* window = glfwCreateWindow(1400, 900, "floor", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "bench_window_floor: cannot create an OpenGL 3.3 core window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    glClearColor(0.8f, 0.83f, 0.86f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(window);
    if (stats) {
        if (std::FILE* f = std::fopen(stats, "w")) {
            std::fputs("frames 1\n", f);
            std::fclose(f);
        }
    }
    while (!glfwWindowShouldClose(window)) glfwWaitEvents();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
