// Lumbar Atlas: parse the command line, hand over to App.
#include "app/App.h"
#include "app/Options.h"

int main(int argc, char** argv) {
    auto parsed = la::app::parseOptions(argc, argv);
    if (!parsed.options) return parsed.exitCode;
    la::app::App app(*parsed.options);
    if (!parsed.options->exportDir.empty()) return app.runExport();
    return parsed.options->screenshot.empty() ? app.runWindow() : app.runHeadless();
}
