#pragma once
// Work that must not hold up the window: a function run on a thread of its own at a lower scheduling
// priority than the window's (nice +10 on Linux), for builds that follow a load (the pick BVH, the
// per-vertex pain bake): the window draws first and stays responsive on a 2-core machine, the work
// takes what time is left. GL-free.
#include <algorithm>
#include <chrono>
#include <exception>
#include <functional>
#include <future>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace la {

// Lowers the calling thread's priority (only that thread's on Linux); false when the system refused.
bool lowerThreadPriority();

// One piece of background work and its result. Move-only; destroying a running task waits for it (the
// work only reads what it was given, so this is bounded by the work itself).
template <class T>
class BackgroundTask {
public:
    BackgroundTask() = default;
    // Runs `work` at low priority; `done` (may be empty) is called on the worker once the result is
    // there, e.g. to wake a window that sleeps in its event wait.
    template <class F>
    static BackgroundTask start(F&& work, std::function<void()> done = {}) {
        BackgroundTask t;
        std::promise<T> promise;
        t.future_ = promise.get_future();
        t.thread_ = std::thread([p = std::move(promise), w = std::forward<F>(work), done = std::move(done)]() mutable {
            lowerThreadPriority();
            try {
                p.set_value(w());
            } catch (...) {
                p.set_exception(std::current_exception());
            }
            if (done) done();
        });
        return t;
    }
    BackgroundTask(BackgroundTask&&) noexcept = default;
    BackgroundTask& operator=(BackgroundTask&& o) noexcept {
        if (this != &o) {
            join();
            future_ = std::move(o.future_);
            thread_ = std::move(o.thread_);
        }
        return *this;
    }
    ~BackgroundTask() { join(); }

    bool running() const { return future_.valid(); }  // started and its result not taken yet
    // Whether the result is there (never waits).
    bool ready() const {
        return future_.valid() && future_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }
    // The result (waits for it if need be); afterwards running() is false. Rethrows what the work threw.
    T take() {
        T value = future_.get();
        join();
        return value;
    }

private:
    void join() {
        if (thread_.joinable()) thread_.join();
    }
    std::future<T> future_;
    std::thread thread_;
};

// Background work nobody waits for any more (its model was replaced): kept until it finishes, so that
// replacing it never waits in the window.
template <class T>
class Retired {
public:
    void add(BackgroundTask<T>&& t) {
        prune();
        if (t.running()) tasks_.push_back(std::move(t));
    }
    void prune() {  // drops the finished ones (never waits)
        tasks_.erase(std::remove_if(tasks_.begin(), tasks_.end(), [](const BackgroundTask<T>& t) { return t.ready(); }),
                     tasks_.end());
    }
    std::size_t size() const { return tasks_.size(); }

private:
    std::vector<BackgroundTask<T>> tasks_;
};

}  // namespace la
