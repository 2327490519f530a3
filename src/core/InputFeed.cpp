#include "core/InputFeed.h"

#include <algorithm>

namespace la {

void InputFeed::push(const InputEvent& e) {
    if (e.kind == InputEvent::Kind::Move && !queue_.empty() && queue_.back().kind == InputEvent::Kind::Move) {
        queue_.back().pos = e.pos;  // only where the cursor went matters between two other events
        return;
    }
    if (queue_.size() >= 1024) return;  // bounded if nobody takes them
    if (e.kind == InputEvent::Kind::Key && (e.code < 0 || e.code >= kMaxKeys)) return;
    if (e.kind == InputEvent::Kind::Button && (e.code < 0 || e.code >= kMaxButtons)) return;
    queue_.push_back(e);
}

void InputFeed::clear() {
    queue_.clear();
    keys_.fill(false);
    buttons_.fill(false);
}

FedFrame InputFeed::next(const std::function<bool(const InputEvent&)>& withhold) {
    FedFrame out;
    std::array<bool, kMaxKeys> keyChanged{};
    std::array<bool, kMaxButtons> buttonChanged{};
    bool editedThisFrame = false, typedThisFrame = false, clickedThisFrame = false, movedThisFrame = false;
    while (!queue_.empty()) {
        InputEvent e = queue_.front();
        // A click can move the keyboard focus (into a text field, out of it): keys and characters after
        // it wait until the UI has seen it, and so do moves (the press is seen where it happened).
        if (clickedThisFrame && e.kind != InputEvent::Kind::Button) break;
        if (e.kind == InputEvent::Kind::Move) {
            movedThisFrame = true;
            out.mousePos = e.pos;
        } else if (e.kind == InputEvent::Kind::Char) {
            if (editedThisFrame) break;  // after an editing key: next frame
            typedThisFrame = true;
            out.chars.push_back(static_cast<unsigned>(e.code));
        } else if (e.kind == InputEvent::Kind::Key) {
            const auto k = static_cast<std::size_t>(e.code);
            if (keyChanged[k] && keys_[k] != e.down) break;  // its second change this frame
            if (e.down && e.editing && typedThisFrame) break;
            if (e.down && !keys_[k] && withhold && withhold(e)) {
                e.toUi = false;  // the UI never sees this press; its release then changes nothing
            } else if (keys_[k] != e.down) {
                keys_[k] = e.down;
                keyChanged[k] = true;
                if (e.down && e.editing) editedThisFrame = true;
            }
        } else {
            const auto b = static_cast<std::size_t>(e.code);
            if (buttonChanged[b] && buttons_[b] != e.down) break;
            // A press right after the cursor moved within this frame waits for the next one: the UI first
            // has a frame with the cursor there, so the widget under it is hovered when the press comes
            // (ImGui's tabs and overlapping items take a press only on an item hovered the frame before).
            if (e.down && !buttons_[b] && movedThisFrame) break;
            if (buttons_[b] != e.down) {
                buttons_[b] = e.down;
                buttonChanged[b] = true;
                clickedThisFrame = true;
            }
            out.mousePos = e.pos;
        }
        out.events.push_back(e);
        queue_.pop_front();
    }
    return out;
}

}  // namespace la
