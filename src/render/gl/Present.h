#pragma once
// Showing a window's frame by copying its back buffer into the window (GLX_MESA_copy_sub_buffer) instead
// of swapping buffers. That extension leaves the back buffer as it was, so the next frame may leave the
// pixels that did not change alone (core/KeptPixels.h); a swap leaves the back buffer undefined. Used with
// Mesa's software rasterisers (llvmpipe, softpipe), whose swap is such a copy anyway; with a GPU, or when
// LA_PRESENT=swap, the window swaps as usual.
#include <glm/glm.hpp>

namespace la::gl {

class CopyPresent {
public:
    // For the GLX context current on this thread and its window; unavailable (the window swaps) without
    // the extension, with another renderer, another window system (EGL) or LA_PRESENT=swap.
    static CopyPresent forCurrentWindow();
    bool available() const { return display_ != nullptr; }
    // The whole window (`size` pixels) shown from the back buffer, which keeps its pixels; flushes first.
    void present(glm::ivec2 size) const;

private:
    void* display_ = nullptr;  // the X display of the context's window
    unsigned long drawable_ = 0;
};

}  // namespace la::gl
