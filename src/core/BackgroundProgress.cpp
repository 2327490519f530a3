#include "core/BackgroundProgress.h"

#include <filesystem>

namespace la {

ProgressLine progressLine(const BackgroundWork& work) {
    ProgressLine line;
    line.modelLoading = work.modelLoading;
    if (work.modelLoading) {
        if (work.loadingSeconds >= kProgressAfterSeconds) {
            line.text = "Loading " + std::filesystem::path(work.loadingPath).filename().string();
            line.seconds = static_cast<float>(work.loadingSeconds);
        }
    } else if (work.clickWaiting) {
        line.text = "Preparing the model for picking";
    } else if (work.painBaking && work.painShown) {
        line.text = "Preparing the referred-pain maps";
    }
    return line;
}

bool backgroundBusy(const BackgroundWork& work) {
    return work.modelLoading || work.clickWaiting || (work.painBaking && work.painShown);
}

}  // namespace la
