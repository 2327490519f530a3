#include "ctrl/KeyMap.h"

namespace la::ctrl {

namespace {

CommandEvent commandFor(const KeyEvent& k, const KeyContext& c) {
    CommandEvent e;
    const int code = static_cast<int>(k.key);
    if (code >= '1' && code <= '6' && !k.ctrl) {
        e.command = Command::ViewPreset;
        e.preset = code - '1';
        return e;
    }
    switch (code) {
        case 'F':
            if (!k.ctrl) e.command = Command::FrameAll;
            break;
        case 'O':
            if (k.ctrl) e.command = Command::OpenDialog;
            break;
        case 'Q':
            if (k.ctrl) e.command = Command::Quit;
            break;
        case 'P':
            if (k.ctrl) break;
            e.command = c.tourReady ? Command::PreviousStep : Command::TogglePainPanel;
            break;
        case 'H':
        case static_cast<int>(Key::F1):
            if (!c.presenter && !k.ctrl) e.command = Command::ShowKeys;
            break;
        case static_cast<int>(Key::F11):
            if (!c.presenter) e.command = Command::ToggleDebugOverlay;
            break;
        case static_cast<int>(Key::F5):
            e.command = Command::TogglePresenter;
            break;
        case static_cast<int>(Key::F12):
            e.command = Command::Screenshot;
            e.withUi = !k.ctrl;
            break;
        case 'B':
        case static_cast<int>(Key::Period):
            if (c.presenter && !k.ctrl) e.command = Command::ToggleBlack;
            break;
        case 'W':
            if (c.presenter && !k.ctrl) e.command = Command::ToggleWhite;
            break;
        case static_cast<int>(Key::Escape):
            if (c.dialogOpen)
                e.command = Command::CloseDialog;
            else if (c.presenter)
                e.command = Command::LeavePresenter;
            else if (c.hasSelection)
                e.command = Command::ClearSelection;
            break;
        case 'N':
        case static_cast<int>(Key::Right):
        case static_cast<int>(Key::PageDown):
        case static_cast<int>(Key::Space):
        case static_cast<int>(Key::Enter):
            if (c.tourReady && !k.ctrl) e.command = Command::NextStep;
            break;
        case static_cast<int>(Key::Left):
        case static_cast<int>(Key::PageUp):
        case static_cast<int>(Key::Backspace):
            if (c.tourReady) e.command = Command::PreviousStep;
            break;
        case static_cast<int>(Key::Home):
            e.command = c.tourReady ? Command::FirstStep : Command::ResetView;
            break;
        case static_cast<int>(Key::End):
            if (c.tourReady) e.command = Command::LastStep;
            break;
        default:
            break;
    }
    return e;
}

}  // namespace

std::vector<CommandEvent> commandsFor(const std::vector<KeyEvent>& keys, const KeyContext& context) {
    std::vector<CommandEvent> out;
    KeyContext c = context;
    for (const KeyEvent& k : keys) {
        const CommandEvent e = commandFor(k, c);
        if (e.command == Command::None) continue;
        if (e.command == Command::ClearSelection) c.hasSelection = false;
        if (e.command == Command::CloseDialog) c.dialogOpen = false;
        if (e.command == Command::LeavePresenter) c.presenter = false;
        if (e.command == Command::TogglePresenter) c.presenter = !c.presenter;  // F5 then B in one frame
        out.push_back(e);
    }
    return out;
}

}  // namespace la::ctrl
