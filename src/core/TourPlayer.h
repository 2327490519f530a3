#pragma once
// The tour step state machine, for playing (next/previous with an eased transition the app
// uses to fly the camera and cross-fade) and for authoring (add, remove, move, re-caption).
#include <cstddef>

#include "core/Tour.h"

namespace la {

class TourPlayer {
public:
    explicit TourPlayer(Tour tour = {}, float transitionSeconds = 1.0f);

    void load(Tour tour);  // current = first step (or none), no transition
    const Tour& tour() const { return tour_; }
    std::size_t stepCount() const { return tour_.steps.size(); }
    bool empty() const { return tour_.steps.empty(); }

    int current() const { return current_; }  // -1 when the tour is empty
    const TourStep* currentStep() const;
    bool atFirst() const { return current_ <= 0; }
    bool atLast() const { return current_ + 1 >= static_cast<int>(stepCount()); }

    // Navigation; each returns true when the step changed (and a transition started).
    // next() at the last step and previous() at the first stay put.
    bool next();
    bool previous();
    bool first();
    bool goTo(int index);  // out of range: false, nothing changes

    // Transition from `from()` to current(): progress 0 -> 1 over the transition time.
    void update(float dt);
    int from() const { return from_; }            // step being left; -1 when none
    float progress() const { return progress_; }  // linear, 0..1
    float eased() const;                          // smoothstep of progress: zero slope at both ends
    bool transitioning() const { return progress_ < 1.0f; }
    void finishTransition() { progress_ = 1.0f; }
    void setTransitionSeconds(float s) { seconds_ = s; }
    float transitionSeconds() const { return seconds_; }

    // Authoring. The step that was current stays current (moved or not) unless it is removed:
    // then the step that took its place (or the new last one). An added step becomes current,
    // without a transition (it usually captures the view the author is looking at).
    void addStep(TourStep step, std::size_t at);  // at >= count appends
    bool removeStep(std::size_t index);
    bool moveStep(std::size_t from, std::size_t to);
    bool setCaption(std::size_t index, std::string caption);
    bool replaceStep(std::size_t index, TourStep step);
    void setTitle(std::string title) { tour_.title = std::move(title); }

private:
    void startTransition(int to);

    Tour tour_;
    float seconds_;
    int current_ = -1;
    int from_ = -1;
    float progress_ = 1.0f;
};

}  // namespace la
