// Queued input fed to a UI that polls state once per frame: every press is seen in one frame and its
// release in a later one; characters keep their place between editing keys; withheld presses.
#include <string>

#include <doctest/doctest.h>

#include "core/InputFeed.h"

using namespace la;

namespace {

InputEvent button(int b, bool down, glm::vec2 at = {10, 20}) {
    InputEvent e;
    e.kind = InputEvent::Kind::Button;
    e.code = b;
    e.down = down;
    e.pos = at;
    return e;
}
InputEvent key(int k, bool down, bool editing = true) {
    InputEvent e;
    e.kind = InputEvent::Kind::Key;
    e.code = k;
    e.down = down;
    e.editing = editing;
    return e;
}
InputEvent ch(char c) {
    InputEvent e;
    e.kind = InputEvent::Kind::Char;
    e.code = c;
    return e;
}

// A text box as a polling UI sees it: per frame, characters are appended and a BackSpace that went down
// this frame deletes the last one. `backspaceFirst` says which the UI handles first within a frame.
std::string typeInto(InputFeed& feed, bool backspaceFirst, int& frames) {
    constexpr int kBackspace = 259;
    std::string text;
    bool wasDown = false;
    frames = 0;
    do {
        const FedFrame f = feed.next();
        ++frames;
        const bool pressed = feed.keyDown(kBackspace) && !wasDown;
        wasDown = feed.keyDown(kBackspace);
        if (backspaceFirst && pressed && !text.empty()) text.pop_back();
        for (unsigned c : f.chars) text += static_cast<char>(c);
        if (!backspaceFirst && pressed && !text.empty()) text.pop_back();
    } while (feed.pending() && frames < 100);
    return text;
}

}  // namespace

TEST_CASE("input feed: a click inside one frame reaches the UI as a press frame and a release frame") {
    InputFeed feed;
    feed.push({button(0, true), button(0, false)});
    FedFrame f = feed.next();
    CHECK(feed.buttonDown(0));
    CHECK(f.events.size() == 1);
    REQUIRE(f.mousePos);
    CHECK(f.mousePos->x == 10.0f);
    CHECK(feed.pending());  // another frame is needed
    f = feed.next();
    CHECK_FALSE(feed.buttonDown(0));
    CHECK(f.events.size() == 1);
    CHECK_FALSE(feed.pending());
}

TEST_CASE("input feed: six quick clicks are six presses in alternating frames") {
    InputFeed feed;
    for (int i = 0; i < 6; ++i) feed.push({button(0, true), button(0, false)});
    int presses = 0, frames = 0;
    bool was = false;
    while (feed.pending() && frames < 100) {
        feed.next();
        ++frames;
        if (feed.buttonDown(0) && !was) ++presses;
        was = feed.buttonDown(0);
    }
    CHECK(presses == 6);
    CHECK(frames == 12);
    CHECK_FALSE(feed.buttonDown(0));
}

TEST_CASE("input feed: different keys and buttons change together; order is kept across them") {
    constexpr int kShift = 340, kHome = 268, kEnd = 269;
    InputFeed feed;
    // Shift+Home, then End alone, all within one frame.
    feed.push({key(kShift, true, false), key(kHome, true), key(kHome, false), key(kShift, false), key(kEnd, true),
               key(kEnd, false)});
    feed.next();
    CHECK(feed.keyDown(kShift));
    CHECK(feed.keyDown(kHome));  // Home with Shift held
    CHECK_FALSE(feed.keyDown(kEnd));
    feed.next();
    CHECK_FALSE(feed.keyDown(kHome));
    CHECK_FALSE(feed.keyDown(kShift));
    CHECK(feed.keyDown(kEnd));  // End without Shift: it came after Shift's release
    feed.next();
    CHECK_FALSE(feed.keyDown(kEnd));
    CHECK_FALSE(feed.pending());

    // A held key and a click in the same frame: both at once, nothing deferred.
    feed.push({key(kShift, true, false), button(0, true)});
    feed.next();
    CHECK(feed.keyDown(kShift));
    CHECK(feed.buttonDown(0));
    CHECK_FALSE(feed.pending());
}

TEST_CASE("input feed: keys and characters after a click wait for the frame after it") {
    constexpr int kBackspace = 259;
    InputFeed feed;
    // A click into a text field, then BackSpace and typing, all within one frame: the field must be
    // active (the UI has seen the click) before the keys reach it, and before the app decides whether
    // they are its own.
    feed.push({button(0, true), button(0, false), key(kBackspace, true), key(kBackspace, false), ch('x')});
    FedFrame f = feed.next();
    CHECK(feed.buttonDown(0));
    CHECK(f.events.size() == 1);
    f = feed.next();
    CHECK_FALSE(feed.buttonDown(0));
    CHECK(f.events.size() == 1);  // the release; the keys wait once more
    CHECK_FALSE(feed.keyDown(kBackspace));
    f = feed.next();
    CHECK(feed.keyDown(kBackspace));
    f = feed.next();
    CHECK_FALSE(feed.keyDown(kBackspace));
    CHECK(f.chars == std::vector<unsigned>{'x'});
    CHECK_FALSE(feed.pending());
}

TEST_CASE("input feed: quick BackSpace taps each delete one character, and typing keeps its order") {
    constexpr int kBackspace = 259;
    for (const bool backspaceFirst : {true, false}) {
        CAPTURE(backspaceFirst);
        InputFeed feed;
        for (char c : std::string("hello")) feed.push(ch(c));
        for (int i = 0; i < 3; ++i) feed.push({key(kBackspace, true), key(kBackspace, false)});
        int frames = 0;
        CHECK(typeInto(feed, backspaceFirst, frames) == "he");
        CHECK(frames == 7);  // the characters, then three presses and three releases

        // "ab", BackSpace, "c" within one frame: "ac" whatever the UI handles first.
        feed.push({ch('a'), ch('b'), key(kBackspace, true), key(kBackspace, false), ch('c')});
        CHECK(typeInto(feed, backspaceFirst, frames) == "ac");
    }
}

TEST_CASE("input feed: plain letter keys do not hold typing back; modifiers change with the characters") {
    constexpr int kA = 65, kB = 66, kShift = 340;
    InputFeed feed;
    // Typing "aB" as GLFW reports it: key press, character, key release.
    feed.push({key(kA, true, false), ch('a'), key(kA, false, false), key(kShift, true, false), key(kB, true, false),
               ch('B'), key(kB, false, false), key(kShift, false, false)});
    FedFrame f = feed.next();
    // Each letter key goes down and up; the second change of A waits, so "a" comes in the first frame.
    CHECK(f.chars == std::vector<unsigned>{'a'});
    int frames = 1;
    std::vector<unsigned> all = f.chars;
    while (feed.pending() && frames < 20) {
        f = feed.next();
        all.insert(all.end(), f.chars.begin(), f.chars.end());
        ++frames;
    }
    CHECK(all == std::vector<unsigned>{'a', 'B'});
    CHECK(frames <= 3);
}

TEST_CASE("input feed: a withheld press is listed for the app, never reaches the UI, and its release is harmless") {
    constexpr int kRight = 262;
    InputFeed feed;
    feed.push({key(kRight, true), key(kRight, false), key(kRight, true), key(kRight, false)});
    const FedFrame f = feed.next([](const InputEvent& e) { return e.code == kRight; });
    CHECK_FALSE(feed.keyDown(kRight));
    REQUIRE(f.events.size() == 4);  // all in one frame: the app counts two presses
    CHECK_FALSE(f.events[0].toUi);
    CHECK_FALSE(f.events[2].toUi);
    CHECK_FALSE(feed.pending());
}

TEST_CASE("input feed: out-of-range codes are dropped; clear lets everything go") {
    InputFeed feed;
    feed.push(key(-1, true));
    feed.push(key(InputFeed::kMaxKeys, true));
    feed.push(button(InputFeed::kMaxButtons, true));
    CHECK_FALSE(feed.pending());
    feed.push({key(65, true, false), button(1, true), button(1, false)});
    feed.next();
    CHECK(feed.keyDown(65));
    CHECK(feed.pending());
    feed.clear();
    CHECK_FALSE(feed.keyDown(65));
    CHECK_FALSE(feed.buttonDown(1));
    CHECK_FALSE(feed.pending());
}

TEST_CASE("input feed: the UI sees each click where it happened, even when both came within one late frame") {
    InputFeed feed;
    InputEvent to;
    to.kind = InputEvent::Kind::Move;
    to.pos = {300, 75};
    InputEvent back = to;
    back.pos = {60, 183};
    InputEvent more = back;
    more.pos = {61, 184};
    // Move to a text field, click, move back to a checkbox and click: all before the viewer's next frame.
    feed.push({to, button(0, true, {300, 75}), button(0, false, {300, 75}), back, more, button(0, true, {61, 184}),
               button(0, false, {61, 184})});
    std::vector<glm::vec2> seen;
    std::vector<bool> down;
    for (int i = 0; i < 10 && feed.pending(); ++i) {
        const FedFrame f = feed.next();
        REQUIRE(f.mousePos);
        seen.push_back(*f.mousePos);
        down.push_back(feed.buttonDown(0));
    }
    // At the field: a frame with the cursor there (the widget is hovered), the press, the release; then
    // (the two moves as one) the same at the checkbox. A press never comes in the frame that moved the
    // cursor to it: ImGui's tabs take a press only on an item hovered the frame before.
    REQUIRE(seen.size() == 6);
    CHECK(seen[0] == glm::vec2(300, 75));
    CHECK(seen[1] == glm::vec2(300, 75));
    CHECK(seen[2] == glm::vec2(300, 75));
    CHECK(seen[3] == glm::vec2(61, 184));
    CHECK(seen[4] == glm::vec2(61, 184));
    CHECK(seen[5] == glm::vec2(61, 184));
    CHECK(down == std::vector<bool>{false, true, false, false, true, false});
}
