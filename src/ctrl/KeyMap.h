#pragma once
// Which command a key press means, given what is on screen: one table for the viewer's own keys
// (views, clicker keys, presenter mode, screenshots). The clicker set is PowerPoint's: Right, PageDown,
// Space, Enter, N next; Left, PageUp, BackSpace, P previous (P only while a tour is open: otherwise it is
// the pain panel); Home / End first / last; B or '.' black, W white screen. The app turns GLFW key codes into Key and
// runs the commands; ImGui gets the keyboard first, so these apply only when no text field has it.
#include <vector>

namespace la::ctrl {

// Letters and digits are their upper-case ASCII codes ('A', '7'); the others are named.
enum class Key : int {
    Unknown = 0,
    Space = ' ',
    Period = '.',
    Escape = 256,
    Enter,
    Backspace,
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    F1,
    F3,
    F5,
    F11,
    F12,
};
constexpr Key letterKey(char c) {
    return static_cast<Key>(c);
}

struct KeyEvent {
    Key key = Key::Unknown;
    bool ctrl = false;
    bool shift = false;
    bool alt = false;
};

enum class Command {
    None,
    ViewPreset,  // with `preset` 0..5: posterior, anterior, left, right, superior, oblique
    FrameAll,
    OpenDialog,
    Quit,
    TogglePainPanel,
    TogglePresenter,
    Screenshot,   // with `withUi`
    ToggleBlack,  // B or '.': black screen (presenter mode), again: back
    ToggleWhite,  // W: white screen (presenter mode)
    LeavePresenter,
    CloseDialog,         // Esc: the top dialog, else the pain lookup, else the debug overlay, before anything else
    ShowKeys,            // H or F1: the sheet of keys and mouse (again: closes it); not in presenter mode
    ToggleDebugOverlay,  // F11: frame time and UI scale
    ClearSelection,
    ResetView,  // Home without a tour: the start view
    NextStep,
    PreviousStep,
    FirstStep,
    LastStep,
};

struct CommandEvent {
    Command command = Command::None;
    int preset = 0;
    bool withUi = true;
};

// What the keys depend on.
struct KeyContext {
    bool presenter = false;  // presenter mode is on
    bool tourReady = false;  // a tour with steps is open
    bool hasSelection = false;
    bool dialogOpen = false;  // a dialog or an overlay that Esc closes (the key sheet, the lookup, debug)
};

// The commands of one frame's presses, in order (two quick clicker presses: two steps).
std::vector<CommandEvent> commandsFor(const std::vector<KeyEvent>& keys, const KeyContext& context);

}  // namespace la::ctrl
