#pragma once
// Drops files on a window through the X server as a file manager does, by the XDND protocol (version 5):
// enter, position, drop, then the file list handed over as the XdndSelection in text/uri-list. GLFW's
// X11 backend receives exactly what a real drag delivers and calls the window's drop callback; xdotool
// has no way to do this.
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace la::test {

// "file:///tmp/a%20b.glb\r\n" for each path.
inline std::string uriList(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths) {
        out += "file://";
        for (unsigned char c : p) {
            if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
                out += static_cast<char>(c);
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "%%%02X", c);
                out += hex;
            }
        }
        out += "\r\n";
    }
    return out;
}

// Drops `paths` at (x, y) of X window `target` (window coordinates). Returns "" when the target took the
// drop (XdndFinished), else what went wrong. `seconds` bounds each wait: a slow frame delays the replies.
inline std::string xdndDrop(unsigned long target, const std::vector<std::string>& paths, int x, int y,
                            double seconds = 90.0) {
    Display* d = XOpenDisplay(nullptr);
    if (!d) return "cannot open the X display";
    const Window root = DefaultRootWindow(d);
    const Window src = XCreateSimpleWindow(d, root, 0, 0, 1, 1, 0, 0, 0);
    auto atom = [&](const char* name) { return XInternAtom(d, name, False); };
    const Atom enter = atom("XdndEnter"), position = atom("XdndPosition"), status = atom("XdndStatus"),
               drop = atom("XdndDrop"), finished = atom("XdndFinished"), selection = atom("XdndSelection"),
               copy = atom("XdndActionCopy"), uris = atom("text/uri-list");
    const std::string data = uriList(paths);
    XSetSelectionOwner(d, selection, src, CurrentTime);
    auto send = [&](Atom type, long l1, long l2, long l3, long l4) {
        XEvent e{};
        e.xclient.type = ClientMessage;
        e.xclient.display = d;
        e.xclient.window = target;
        e.xclient.message_type = type;
        e.xclient.format = 32;
        e.xclient.data.l[0] = static_cast<long>(src);
        e.xclient.data.l[1] = l1;
        e.xclient.data.l[2] = l2;
        e.xclient.data.l[3] = l3;
        e.xclient.data.l[4] = l4;
        XSendEvent(d, target, False, NoEventMask, &e);
        XFlush(d);
    };
    // Handles events for the source until `done` says so (selection requests are answered on the way).
    auto waitFor = [&](const std::function<bool(const XEvent&)>& done) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (std::chrono::steady_clock::now() < end) {
            while (XPending(d) > 0) {
                XEvent e;
                XNextEvent(d, &e);
                if (e.type == SelectionRequest) {
                    const XSelectionRequestEvent& r = e.xselectionrequest;
                    XEvent n{};
                    n.xselection.type = SelectionNotify;
                    n.xselection.display = d;
                    n.xselection.requestor = r.requestor;
                    n.xselection.selection = r.selection;
                    n.xselection.target = r.target;
                    n.xselection.time = r.time;
                    n.xselection.property = None;
                    if (r.target == uris && r.property != None) {
                        XChangeProperty(d, r.requestor, r.property, uris, 8, PropModeReplace,
                                        reinterpret_cast<const unsigned char*>(data.data()),
                                        static_cast<int>(data.size()));
                        n.xselection.property = r.property;
                    }
                    XSendEvent(d, r.requestor, False, NoEventMask, &n);
                    XFlush(d);
                }
                if (done(e)) return true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    };
    auto clientMessage = [](Atom type) {
        return [type](const XEvent& e) { return e.type == ClientMessage && e.xclient.message_type == type; };
    };
    std::string problem;
    int rx = 0, ry = 0;
    Window child = 0;
    XTranslateCoordinates(d, static_cast<Window>(target), root, x, y, &rx, &ry, &child);
    send(enter, 5L << 24, static_cast<long>(uris), 0, 0);  // version 5, up to three types listed here
    send(position, 0, (static_cast<long>(rx) << 16) | static_cast<long>(ry), CurrentTime, static_cast<long>(copy));
    bool accepted = false;
    if (!waitFor([&](const XEvent& e) {
            if (!clientMessage(status)(e)) return false;
            accepted = (e.xclient.data.l[1] & 1) != 0;
            return true;
        }))
        problem = "no XdndStatus from the window";
    else if (!accepted)
        problem = "the window refused the drop";
    if (problem.empty()) {
        send(drop, 0, CurrentTime, 0, 0);
        if (!waitFor(clientMessage(finished))) problem = "no XdndFinished from the window";
    }
    XDestroyWindow(d, src);
    XCloseDisplay(d);
    return problem;
}

}  // namespace la::test
