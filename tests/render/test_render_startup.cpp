// Start-up order in the real window (Xvfb): the window's first frame shows the background and the UI
// without waiting for the model, which loads on a worker thread and is put on the GPU in a later frame.
// Read from the viewer's --frame-stats ("frames N", then "first model frame K" once a model was shown);
// no timing is checked (bench/first_frame.sh measures it).
#include <cstdlib>
#include <string>
#include <unistd.h>

#include <doctest/doctest.h>

#include "../support/LiveViewer.h"

using namespace la::test;

namespace {
// The number after `key` at the start of a line of `text`, or -1.
long long statValue(const std::string& text, const std::string& key) {
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = text.find('\n', at);
        const std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (line.rfind(key + " ", 0) == 0) return std::atoll(line.c_str() + key.size() + 1);
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return -1;
}
}  // namespace

TEST_CASE("startup: the window's first frame comes before the model's; the model follows" *
          doctest::test_suite("live")) {
    const auto home = std::filesystem::temp_directory_path() / ("la_live_startup_" + std::to_string(getpid()));
    const std::string stats = home.string() + "-frames.txt";
    std::filesystem::remove(stats);
    LiveViewer v(home, "--frame-stats '" + stats + "'");
    REQUIRE_MESSAGE(v.hasWindow(), v.output());
    REQUIRE(waitUntil([&] { return statValue(slurp(stats), "first model frame") > 0; }, 120.0));
    const std::string s = slurp(stats);
    INFO("frame stats:\n" << s);
    CHECK(s.find("\nmodel lower_body") != std::string::npos);
    const long long first = statValue(s, "first model frame");
    CHECK(first >= 2);  // frame 1 was the background and the UI alone
    CHECK(statValue(s, "frames") >= first);
    v.key("ctrl+q");
    CHECK(v.waitForExit());
    std::filesystem::remove(stats);
    if (!getenv("LA_KEEP_LIVE")) std::filesystem::remove_all(home);
}
