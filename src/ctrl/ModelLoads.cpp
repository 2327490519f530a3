#include "ctrl/ModelLoads.h"

#include <algorithm>

namespace la::ctrl {

ModelLoads::~ModelLoads() {
    for (auto& j : jobs_) j->cancel = true;
    for (auto& j : jobs_)
        if (j->thread.joinable()) j->thread.join();
}

std::uint64_t ModelLoads::start(const std::string& path, Work work, std::shared_future<void> after) {
    for (auto& j : jobs_) j->cancel = true;  // nobody waits for them any more
    auto job = std::make_unique<Job>();
    job->ticket = ++latest_;
    job->path = path;
    Job* raw = job.get();
    // The wake callback is copied: it must not change under a running worker.
    job->thread = std::thread([raw, w = std::move(work), wake = wake_, path, after = std::move(after)] {
        while (after.valid() && !raw->cancel &&
               after.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready) {
        }
        // A promise destroyed unset (the window went before its first frame) ends the wait as a cancel
        // does: nothing is read for a window that is not there.
        bool abandoned = false;
        if (after.valid() && !raw->cancel) {
            try {
                after.get();
            } catch (const std::future_error&) {
                abandoned = true;
            }
        }
        try {
            if ((raw->cancel || abandoned) && after.valid())
                raw->result.emplace(Error{path + ": cancelled before it started"});  // superseded: never shown
            else
                raw->result.emplace(w(raw->cancel));
        } catch (const std::exception& e) {  // the loaders never throw; a fake or a bug must not end the window
            raw->result.emplace(Error{path + ": " + e.what()});
        } catch (...) {
            raw->result.emplace(Error{path + ": the load failed"});
        }
        raw->done = true;
        if (wake) wake();
    });
    jobs_.push_back(std::move(job));
    handedOut_ = false;
    latestPath_ = path;
    latestStart_ = std::chrono::steady_clock::now();
    return latest_;
}

std::optional<ModelLoads::Finished> ModelLoads::poll() {
    std::optional<Finished> out;
    for (auto& j : jobs_) {
        if (!j->done) continue;
        j->thread.join();
        if (j->ticket == latest_ && !handedOut_) {
            out = Finished{j->ticket, j->path, std::move(*j->result)};
            handedOut_ = true;
        } else {
            ++dropped_;  // superseded: its model is never shown
        }
        j.reset();
    }
    jobs_.erase(std::remove(jobs_.begin(), jobs_.end(), nullptr), jobs_.end());
    return out;
}

double ModelLoads::loadingSeconds() const {
    if (!loading()) return 0.0;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - latestStart_).count();
}

}  // namespace la::ctrl
