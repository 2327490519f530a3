#pragma once
// What the status line says about work in the background, from what is running: a model file loading
// (shown once it has taken longer than kProgressAfterSeconds, with its name and how long it has run), a
// click waiting for the pick BVH, the referred-pain bake while a pattern is shown. GL- and UI-free, so the
// window's status line and the tests read the same decision.
#include <string>

namespace la {

constexpr double kProgressAfterSeconds = 0.15;  // a load that takes longer shows its progress

struct BackgroundWork {
    bool modelLoading = false;    // a model file is being read (the window keeps drawing meanwhile)
    double loadingSeconds = 0.0;  // how long it has run
    std::string loadingPath;      // its file
    bool clickWaiting = false;    // a click waits for the pick BVH of the shown model
    bool painBaking = false;      // the per-vertex pain maps are being made
    bool painShown = false;       // a referred-pain pattern is on (else the bake goes unnoticed)
};

struct ProgressLine {
    bool modelLoading = false;  // a load is running, shown or not yet (before the first model: no "No model")
    std::string text;           // "Loading big.glb", "Preparing the model for picking", ...; empty = nothing
    float seconds = 0.0f;       // how long the load has run, shown beside its text (0: not a load)
};

// The status line's progress for that work; the load comes first, then a waiting click, then the bake.
ProgressLine progressLine(const BackgroundWork& work);
// Whether something the status line shows progress of is running (the window then redraws a few times a
// second for its turning arc instead of sleeping until the next event).
bool backgroundBusy(const BackgroundWork& work);

}  // namespace la
