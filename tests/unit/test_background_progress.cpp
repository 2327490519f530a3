// The status line's progress for background work (core/BackgroundProgress): a model load shows its name
// and time only after 150 ms, a load comes before a waiting click, which comes before the pain bake, and
// the bake is only worth a line (and redraws) while a pattern is shown.
#include <doctest/doctest.h>

#include "core/BackgroundProgress.h"

using namespace la;

TEST_CASE("background progress: nothing running says nothing and lets the window sleep") {
    const BackgroundWork idle;
    const ProgressLine line = progressLine(idle);
    CHECK_FALSE(line.modelLoading);
    CHECK(line.text.empty());
    CHECK(line.seconds == 0.0f);
    CHECK_FALSE(backgroundBusy(idle));
}

TEST_CASE("background progress: a model load is shown with its file name and time only after 150 ms") {
    BackgroundWork w;
    w.modelLoading = true;
    w.loadingPath = "/some/folder/big.glb";
    w.loadingSeconds = 0.1;
    ProgressLine line = progressLine(w);
    CHECK(line.modelLoading);  // the status line says no "No model" meanwhile
    CHECK(line.text.empty());  // a quick load does not flash a progress line
    CHECK(line.seconds == 0.0f);
    CHECK(backgroundBusy(w));  // the window keeps drawing so that the line appears in time
    w.loadingSeconds = kProgressAfterSeconds;
    line = progressLine(w);
    CHECK(line.text == "Loading big.glb");
    CHECK(line.seconds == doctest::Approx(kProgressAfterSeconds));
    w.loadingSeconds = 1.4;
    CHECK(progressLine(w).seconds == doctest::Approx(1.4f));
}

TEST_CASE("background progress: a load comes before a waiting click, a waiting click before the pain bake") {
    BackgroundWork w;
    w.clickWaiting = true;
    w.painBaking = true;
    w.painShown = true;
    CHECK(progressLine(w).text == "Preparing the model for picking");
    w.modelLoading = true;
    w.loadingPath = "other.obj";
    w.loadingSeconds = 2.0;
    CHECK(progressLine(w).text == "Loading other.obj");
    w.modelLoading = false;
    w.clickWaiting = false;
    CHECK(progressLine(w).text == "Preparing the referred-pain maps");
    CHECK(progressLine(w).seconds == 0.0f);
    CHECK(backgroundBusy(w));
}

TEST_CASE("background progress: the pain bake without a pattern shown is neither a line nor a reason to draw") {
    BackgroundWork w;
    w.painBaking = true;
    w.painShown = false;
    CHECK(progressLine(w).text.empty());
    CHECK_FALSE(backgroundBusy(w));
    w.clickWaiting = true;
    CHECK(backgroundBusy(w));
}
