#pragma once
// Model files loaded on worker threads, so the window never waits for one: the window keeps drawing
// (the old model, or the background and the UI) while a file is read, parsed, imported (Assimp in its
// child process) and placed in the landmark frame; the main thread takes the result when it is there.
// Only the latest load counts: starting another one cancels the earlier ones (an Assimp child is ended)
// and whatever they still deliver is dropped, never shown. No GL, GLFW or ImGui.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/Model.h"
#include "core/Registration.h"
#include "core/Result.h"

namespace la::ctrl {

// A model file read, checked and (unless turned off) placed in the landmark frame: what the viewer puts
// in place in one go.
struct LoadedModel {
    Model model;
    Registration registration;     // basis None when nothing was recognised or registration is off
    bool registrationOff = false;  // --no-register found something it would have registered
};

class ModelLoads {
public:
    // The work of one load; `cancel` turns true when nobody waits for it any more.
    using Work = std::function<Result<LoadedModel>(const std::atomic<bool>& cancel)>;
    struct Finished {
        std::uint64_t ticket = 0;
        std::string path;
        Result<LoadedModel> result;
    };

    // `wake` is called on the worker thread when a load finishes (the window posts an empty event, so a
    // loop asleep in its event wait takes the result at once); it may be empty.
    explicit ModelLoads(std::function<void()> wake = {}) : wake_(std::move(wake)) {}
    ~ModelLoads();  // cancels what is in flight and waits for it (an import's child is ended at once)
    ModelLoads(const ModelLoads&) = delete;
    ModelLoads& operator=(const ModelLoads&) = delete;
    void setWake(std::function<void()> wake) { wake_ = std::move(wake); }

    // Starts loading `path` with `work` on a thread of its own; earlier loads are cancelled. The ticket
    // names this load. With `after` the worker waits for it first (the window's first frame: the start-up
    // load then does not take the 2 cores from the window being made); the load counts as running
    // meanwhile, and a cancel or `after`'s promise destroyed unset ends the wait without reading.
    std::uint64_t start(const std::string& path, Work work, std::shared_future<void> after = {});
    // The latest load, once it has finished (each result is handed out once); finished earlier loads are
    // dropped here. Never waits.
    std::optional<Finished> poll();
    // The latest load has not been handed out yet.
    bool loading() const { return latest_ != 0 && !handedOut_; }
    const std::string& loadingPath() const { return latestPath_; }
    // Seconds since the latest load started (0 when none is loading).
    double loadingSeconds() const;
    // Results of superseded loads thrown away so far (tests).
    std::size_t dropped() const { return dropped_; }

private:
    struct Job {
        std::uint64_t ticket = 0;
        std::string path;
        std::atomic<bool> cancel{false};
        std::atomic<bool> done{false};
        std::optional<Result<LoadedModel>> result;  // written by the worker before `done`
        std::thread thread;
    };
    std::function<void()> wake_;
    std::vector<std::unique_ptr<Job>> jobs_;
    std::uint64_t latest_ = 0;
    bool handedOut_ = false;
    std::string latestPath_;
    std::chrono::steady_clock::time_point latestStart_{};
    std::size_t dropped_ = 0;
};

}  // namespace la::ctrl
