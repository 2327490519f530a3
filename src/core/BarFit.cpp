#include "core/BarFit.h"

#include <algorithm>

namespace la {

float lineWidth(const std::vector<LineItem>& items, const std::vector<int>& form, float separator) {
    float w = 0.0f;
    int shown = 0;
    for (std::size_t i = 0; i < items.size() && i < form.size(); ++i) {
        if (form[i] < 0 || static_cast<std::size_t>(form[i]) >= items[i].forms.size()) continue;
        w += items[i].forms[static_cast<std::size_t>(form[i])];
        ++shown;
    }
    return w + separator * static_cast<float>(std::max(shown - 1, 0));
}

LineFit fitLine(const std::vector<LineItem>& items, const std::vector<int>& order, float separator, float room) {
    LineFit fit;
    fit.form.assign(items.size(), 0);
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].forms.empty()) fit.form[i] = -1;
    fit.width = lineWidth(items, fit.form, separator);
    for (std::size_t step = 0; step < order.size() && fit.width > room; ++step) {
        const int i = order[step];
        if (i < 0 || static_cast<std::size_t>(i) >= items.size()) continue;
        const LineItem& item = items[static_cast<std::size_t>(i)];
        int& f = fit.form[static_cast<std::size_t>(i)];
        if (f < 0) continue;
        if (static_cast<std::size_t>(f) + 1 < item.forms.size())
            ++f;
        else if (item.droppable)
            f = -1;
        fit.width = lineWidth(items, fit.form, separator);
    }
    fit.fits = fit.width <= room;
    return fit;
}

TabRows layoutTabRows(const std::vector<float>& widths, float trailing, float room, float spacing) {
    TabRows t;
    const std::size_t n = widths.size();
    t.row.assign(n, 0);
    t.x.assign(n, 0.0f);
    t.width = widths;
    const float firstRoom = std::max(room - trailing - spacing, 0.0f);
    auto rowRoom = [&](int r) { return r == 0 ? firstRoom : room; };
    int r = 0;
    float at = 0.0f;  // where the next tab of the row would start
    for (std::size_t i = 0; i < n; ++i) {
        if (at > 0.0f && at + widths[i] > rowRoom(r)) {
            ++r;
            at = 0.0f;
        }
        t.row[i] = r;
        t.width[i] = std::min(widths[i], rowRoom(r));
        t.x[i] = at;
        at += t.width[i] + spacing;
    }
    t.rows = r + 1;
    t.trailingX = std::max(room - trailing, 0.0f);
    if (t.rows == 1) return t;
    for (int k = 0; k < t.rows; ++k) {
        float used = 0.0f;
        int count = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (t.row[i] == k) {
                used += t.width[i];
                ++count;
            }
        if (count == 0 || used <= 0.0f) continue;
        const float free = rowRoom(k) - used - spacing * static_cast<float>(count - 1);
        const float grow = 1.0f + std::max(free, 0.0f) / used;
        float x = 0.0f;
        for (std::size_t i = 0; i < n; ++i)
            if (t.row[i] == k) {
                t.x[i] = x;
                t.width[i] *= grow;
                x += t.width[i] + spacing;
            }
    }
    return t;
}

}  // namespace la
