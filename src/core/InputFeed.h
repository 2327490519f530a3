#pragma once
// Feeding queued input events to a UI that polls button and key state once per frame (Dear ImGui before
// 1.87 reads io.MouseDown / io.KeysDown when a frame starts). A press and its release that arrive within
// one frame would never be seen; so each frame takes events in order until one would change a button or
// key that has already changed this frame: that one and everything after it wait for the next frame
// (the caller asks for another frame while pending()). Press + release in one frame reach the UI as two
// frames; six quick clicks as twelve. Typed characters keep their place between key presses: a frame
// never mixes characters with presses of editing keys (BackSpace, arrows, Ctrl+A ...), so "ab", BackSpace,
// "c" gives "ac" whatever the UI handles first within a frame; and keys after a click wait for the
// frame after it (the click may have put the focus into a text field). Cursor moves travel in the same
// queue, so the UI sees each press where it happened even when the frame came long after. No GLFW or ImGui here: codes
// are the caller's (GLFW key codes, button numbers).
#include <array>
#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

namespace la {

struct InputEvent {
    enum class Kind { Key, Button, Char, Move };
    Kind kind = Kind::Key;
    int code = 0;          // key code (0 .. kMaxKeys-1), button (0 .. kMaxButtons-1) or a character
    bool down = false;     // press, else release (Key, Button)
    int mods = 0;          // the caller's modifier bits at the time
    bool editing = false;  // Key: a key that edits or moves (not a modifier, not a plain printable key)
    glm::vec2 pos{0.0f};   // Button, Move: cursor position when it happened
    bool toUi = true;      // set by next(): false when the press was withheld from the UI
};

struct FedFrame {
    std::vector<InputEvent> events;     // the events of this frame, in order (withheld ones too, toUi = false)
    std::vector<unsigned> chars;        // characters for the UI this frame
    std::optional<glm::vec2> mousePos;  // the cursor at the last button or move event of this frame
};

class InputFeed {
public:
    static constexpr int kMaxKeys = 512;
    static constexpr int kMaxButtons = 8;

    void push(const InputEvent& e);
    void push(const std::vector<InputEvent>& events) {
        for (const auto& e : events) push(e);
    }
    // The events of one frame; the key and button state the UI should see then is keyDown() / buttonDown().
    // withhold(e): a key press the UI must not see (the app's own shortcut while the UI does not want the
    // keyboard); it is still listed, with toUi = false, and its release changes nothing.
    FedFrame next(const std::function<bool(const InputEvent&)>& withhold = {});
    bool pending() const { return !queue_.empty(); }  // events wait for a later frame: draw one soon

    bool keyDown(int key) const { return key >= 0 && key < kMaxKeys && keys_[static_cast<std::size_t>(key)]; }
    bool buttonDown(int b) const { return b >= 0 && b < kMaxButtons && buttons_[static_cast<std::size_t>(b)]; }
    // All state up and the queue empty (the window lost focus).
    void clear();

private:
    std::deque<InputEvent> queue_;
    std::array<bool, kMaxKeys> keys_{};
    std::array<bool, kMaxButtons> buttons_{};
};

}  // namespace la
