#pragma once
// The real viewer in a window on the test's X display, driven as a person would: key presses and mouse
// drags sent through the X server (xdotool, XTEST), state read back from the window title and from the
// F12 screenshots the viewer writes. Its XDG folders are private to the test.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <signal.h>
#include <string>
#include <thread>

#include "Image.h"
#include "RunViewer.h"

namespace la::test {

// Runs a shell command and returns what it printed (trailing newline removed).
inline std::string shell(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

// Polls `done` every 100 ms for up to `seconds` (a ceiling so that a broken viewer cannot hang the suite,
// not a performance limit: llvmpipe under a loaded CI machine can take a second per frame).
inline bool waitUntil(const std::function<bool()>& done, double seconds = 60.0) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

class LiveViewer {
public:
    // Starts `lumbar-atlas args` in the background with XDG folders under `home`; `settings` (JSON), when
    // given, is its settings file at start.
    LiveViewer(const std::filesystem::path& home, const std::string& args, const std::string& settings = "")
        : home_(home) {
        std::filesystem::remove_all(home_);
        std::filesystem::create_directories(home_);
        if (!settings.empty()) {
            std::filesystem::create_directories(home_ / "config" / "lumbar-atlas");
            if (FILE* f = std::fopen((home_ / "config" / "lumbar-atlas" / "settings.json").c_str(), "w")) {
                std::fputs(settings.c_str(), f);
                std::fclose(f);
            }
        }
        // The first window of a test run under xvfb-run could not open the display in two CI rehearsals
        // (GLFW: "Failed to open display"), while the windows after it could: the viewer is started once
        // more then, after a pause, and the first attempt's output is kept in out-first.txt.
        for (int attempt = 0; attempt < 2 && window_.empty(); ++attempt) {
            if (attempt > 0) {
                if (output().find("Failed to open display") == std::string::npos) break;
                std::filesystem::rename(home_ / "out.txt", home_ / "out-first.txt");
                std::this_thread::sleep_for(std::chrono::seconds(2));
            }
            start(args);
        }
    }
    ~LiveViewer() {
        if (running()) kill(pid_, SIGKILL);
    }
    LiveViewer(const LiveViewer&) = delete;
    LiveViewer& operator=(const LiveViewer&) = delete;

    bool hasWindow() const { return !window_.empty(); }
    unsigned long windowId() const { return window_.empty() ? 0UL : std::stoul(window_); }
    bool running() const { return pid_ > 0 && kill(pid_, 0) == 0 && !exited_; }
    std::string title() const { return shell("xdotool getwindowname " + window_ + " 2>/dev/null"); }
    bool waitForTitle(const std::string& part) const {
        return waitUntil([&] { return title().find(part) != std::string::npos; });
    }
    // xdotool key names: Right, Next (PageDown), Prior (PageUp), space, Home, F5, b, Escape, ctrl+q ...
    void key(const std::string& name) const {
        // Focus only when needed: a focus change between a click's press and its release would eat the click.
        if (shell("xdotool getwindowfocus 2>/dev/null") != window_) shell("xdotool windowfocus --sync " + window_);
        shell("xdotool key " + name);
    }
    // A slow left drag, as a hand makes it: the viewer sees the button held over several frames even when
    // a frame takes a second.
    void drag(int x0, int y0, int x1, int y1) const {
        const auto move = [&](int x, int y) {
            shell("xdotool mousemove --window " + window_ + " " + std::to_string(x) + " " + std::to_string(y));
        };
        move(x0, y0);
        shell("xdotool mousedown 1 sleep 1");
        for (int i = 1; i <= 4; ++i) {
            move(x0 + (x1 - x0) * i / 4, y0 + (y1 - y0) * i / 4);
            shell("sleep 0.5");
        }
        shell("sleep 1; xdotool mouseup 1");
    }
    void move(int x, int y) const {
        shell("xdotool mousemove --window " + window_ + " " + std::to_string(x) + " " + std::to_string(y));
    }
    // A click with no pause between press and release (both usually reach the viewer within one frame).
    void quickClick(int x, int y) const {
        shell("xdotool mousemove --window " + window_ + " " + std::to_string(x) + " " + std::to_string(y) +
              " mousedown 1 mouseup 1");
    }
    // Types text as a person does (xdotool's delay between keys, in ms).
    void type(const std::string& text, int delayMs = 150) const {
        shell("xdotool type --delay " + std::to_string(delayMs) + " '" + text + "'");
    }
    // The settings file the viewer wrote (empty when none yet).
    std::string settings() const { return slurp(home_ / "config" / "lumbar-atlas" / "settings.json"); }
    // Window-relative pixel; button 1 = left click (held 0.2 s, as a hand clicks), 4 / 5 = wheel up / down.
    void click(int x, int y, int button = 1) const {
        const std::string b = std::to_string(button);
        shell("xdotool mousemove --window " + window_ + " " + std::to_string(x) + " " + std::to_string(y) +
              " sleep 0.3 mousedown " + b + " sleep 0.2 mouseup " + b);
    }
    // F12 (or ctrl+F12), then the new PNG once the viewer has written it.
    Image screenshot(const std::string& keyName = "F12", double seconds = 60.0) {
        const auto folder = home_ / "data" / "lumbar-atlas";
        const std::size_t before = countPngs(folder);
        key(keyName);
        Image img;
        waitUntil(
            [&] {
                if (countPngs(folder) <= before) return false;
                img = readPng(newestPng(folder).string());  // a half-written file does not decode: try again
                return img.ok();
            },
            seconds);
        return img;
    }
    // Waits until the view stops moving (fly-to, fades): two scene-only screenshots in a row agree. On a
    // loaded machine llvmpipe may take a second a frame, so fixed sleeps would not do.
    bool settle() {
        Image prev = screenshot("ctrl+F12");
        return waitUntil([&] {
            Image next = screenshot("ctrl+F12");
            bool same = prev.ok() && next.ok() && prev.w == next.w && prev.h == next.h && prev.rgb == next.rgb;
            prev = std::move(next);
            return same;
        });
    }
    // Waits for the process to end by itself (it is not our child: gone, or a zombie nobody reaped).
    bool waitForExit() {
        exited_ = waitUntil([&] {
            return kill(pid_, 0) != 0 || shell("ps -o stat= -p " + std::to_string(pid_)).find('Z') != std::string::npos;
        });
        return exited_;
    }
    std::string output() const { return slurp(home_ / "out.txt"); }
    // The output of a first attempt that could not open the display ("" when the first one did).
    std::string firstAttemptOutput() const { return slurp(home_ / "out-first.txt"); }

private:
    // Starts the viewer and waits (up to a minute) for its window, or for it to have ended.
    void start(const std::string& args) {
        const std::string env = "HOME='" + home_.string() + "' XDG_CONFIG_HOME='" + (home_ / "config").string() +
                                "' XDG_DATA_HOME='" + (home_ / "data").string() + "' ";
        shell("(" + env + "exec '" + std::string(LA_VIEWER) + "' " + args + " >'" + (home_ / "out.txt").string() +
              "' 2>&1 </dev/null & echo $! >'" + (home_ / "pid").string() + "')");
        pid_ = std::atoi(slurp(home_ / "pid").c_str());
        // --all: xdotool ORs its search conditions by default, so without it the previous test's window
        // (still in the X server for a moment after its process ended, its title the same) could be taken
        // for this viewer's, and every key and --window move then went to a window that was gone.
        waitUntil([&] {
            window_ = shell("xdotool search --all --pid " + std::to_string(pid_) +
                            " --name '^Lumbar Atlas' 2>/dev/null | head -1");
            return !window_.empty() || kill(pid_, 0) != 0;
        });
    }

    static std::size_t countPngs(const std::filesystem::path& folder) {
        std::error_code ec;
        std::size_t n = 0;
        for (const auto& e : std::filesystem::directory_iterator(folder, ec))
            if (e.path().extension() == ".png") ++n;
        return n;
    }
    static std::filesystem::path newestPng(const std::filesystem::path& folder) {
        std::filesystem::path best;
        std::filesystem::file_time_type bestTime{};
        std::error_code ec;
        for (const auto& e : std::filesystem::directory_iterator(folder, ec))
            if (e.path().extension() == ".png" && (best.empty() || e.last_write_time() > bestTime)) {
                best = e.path();
                bestTime = e.last_write_time();
            }
        return best;
    }

    std::filesystem::path home_;
    int pid_ = -1;
    std::string window_;
    bool exited_ = false;
};

}  // namespace la::test
