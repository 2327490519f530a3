#pragma once
// Fitting a row of texts into a width, for the status bar and the sidebar's tab row: pure functions
// on measured widths (the UI measures with its font and draws what these decide), so a large text
// size or a narrow window drops, shortens or wraps items in a defined order instead of cutting them
// at the window's edge.
#include <vector>

namespace la {

// One item of a line: the widths of its forms, the full one first, then shorter ones.
struct LineItem {
    std::vector<float> forms;
    bool droppable = true;  // past its last form it is left out; else it stays in its last form
};

struct LineFit {
    std::vector<int> form;  // per item: the form shown, -1 = left out
    float width = 0.0f;     // of what is shown, separators included
    bool fits = true;       // false: even with every step taken the line is wider than the room
};

// The width of the shown items with `separator` between neighbours.
float lineWidth(const std::vector<LineItem>& items, const std::vector<int>& form, float separator);

// Starts with every item in its full form; while the line is wider than `room`, takes the next step of
// `order`: each entry names an item, which moves to its next form (past the last: left out, when it
// may be). Items named nowhere in `order` always stay in their full form.
LineFit fitLine(const std::vector<LineItem>& items, const std::vector<int>& order, float separator, float room);

// Tabs in rows: as many in a row as fit (the first row also holds a `trailing` button at its right
// end), each row's tabs in their order from the left. One row: every tab at its own width; more
// rows: each row's tabs widened to fill it (a block of buttons rather than ragged rows). A tab wider
// than a whole row gets the row (its text is drawn smaller).
struct TabRows {
    int rows = 1;
    std::vector<int> row;      // per tab
    std::vector<float> x;      // left edge, from the row's start
    std::vector<float> width;  // per tab
    float trailingX = 0.0f;    // the trailing button's left edge (on the first row, at the right end)
};
TabRows layoutTabRows(const std::vector<float>& widths, float trailing, float room, float spacing);

}  // namespace la
