#include "core/TourPlayer.h"

#include <algorithm>
#include <utility>

namespace la {

TourPlayer::TourPlayer(Tour tour, float transitionSeconds) : seconds_(transitionSeconds) {
    load(std::move(tour));
}

void TourPlayer::load(Tour tour) {
    tour_ = std::move(tour);
    current_ = tour_.steps.empty() ? -1 : 0;
    from_ = -1;
    progress_ = 1.0f;
}

const TourStep* TourPlayer::currentStep() const {
    if (current_ < 0 || current_ >= static_cast<int>(stepCount())) return nullptr;
    return &tour_.steps[static_cast<std::size_t>(current_)];
}

void TourPlayer::startTransition(int to) {
    from_ = current_;
    current_ = to;
    progress_ = seconds_ > 0.0f ? 0.0f : 1.0f;
}

bool TourPlayer::next() {
    if (empty() || atLast()) return false;
    startTransition(current_ + 1);
    return true;
}

bool TourPlayer::previous() {
    if (empty() || atFirst()) return false;
    startTransition(current_ - 1);
    return true;
}

bool TourPlayer::first() {
    return goTo(0);
}

bool TourPlayer::goTo(int index) {
    if (index < 0 || index >= static_cast<int>(stepCount()) || index == current_) return false;
    startTransition(index);
    return true;
}

void TourPlayer::update(float dt) {
    if (progress_ >= 1.0f) return;
    progress_ = seconds_ > 0.0f ? std::min(1.0f, progress_ + std::max(dt, 0.0f) / seconds_) : 1.0f;
}

float TourPlayer::eased() const {
    const float x = std::clamp(progress_, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

void TourPlayer::addStep(TourStep step, std::size_t at) {
    at = std::min(at, stepCount());
    tour_.steps.insert(tour_.steps.begin() + static_cast<std::ptrdiff_t>(at), std::move(step));
    current_ = static_cast<int>(at);
    from_ = -1;
    progress_ = 1.0f;
}

bool TourPlayer::removeStep(std::size_t index) {
    if (index >= stepCount()) return false;
    tour_.steps.erase(tour_.steps.begin() + static_cast<std::ptrdiff_t>(index));
    const int i = static_cast<int>(index);
    const int n = static_cast<int>(stepCount());
    if (i < current_) --current_;
    current_ = n == 0 ? -1 : std::min(current_, n - 1);
    // The step being left may have moved or gone: end any transition.
    from_ = -1;
    progress_ = 1.0f;
    return true;
}

bool TourPlayer::moveStep(std::size_t fromIndex, std::size_t toIndex) {
    const std::size_t n = stepCount();
    if (fromIndex >= n || toIndex >= n) return false;
    if (fromIndex == toIndex) return true;
    const auto begin = tour_.steps.begin();
    const auto f = static_cast<std::ptrdiff_t>(fromIndex);
    const auto t = static_cast<std::ptrdiff_t>(toIndex);
    if (f < t)
        std::rotate(begin + f, begin + f + 1, begin + t + 1);
    else
        std::rotate(begin + t, begin + f, begin + f + 1);
    // Follow the current step (and the one being left) to wherever they went.
    auto follow = [f, t](int index) {
        const auto i = static_cast<std::ptrdiff_t>(index);
        if (index < 0) return index;
        if (i == f) return static_cast<int>(t);
        if (f < t && i > f && i <= t) return index - 1;
        if (t < f && i >= t && i < f) return index + 1;
        return index;
    };
    current_ = follow(current_);
    from_ = follow(from_);
    return true;
}

bool TourPlayer::setCaption(std::size_t index, std::string caption) {
    if (index >= stepCount()) return false;
    tour_.steps[index].caption = std::move(caption);
    return true;
}

bool TourPlayer::replaceStep(std::size_t index, TourStep step) {
    if (index >= stepCount()) return false;
    tour_.steps[index] = std::move(step);
    return true;
}

}  // namespace la
