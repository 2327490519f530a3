#pragma once
// GL debug output (KHR_debug), switched on with the environment variable LA_GL_DEBUG=1: every message of
// the driver above notification level goes to stderr as one line, synchronously (so a debugger breaks in
// the offending call).
namespace la::gl {

// LA_GL_DEBUG=1 is set: ask the window system for a debug context.
bool debugRequested();
// Installs the message callback on the current context when debugRequested(). Returns whether it did
// (false also when the context has no KHR_debug).
bool enableDebugOutput();

}  // namespace la::gl
