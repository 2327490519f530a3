#include "app/Options.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <climits>

#include "io/BundledData.h"
#include "la_version.h"

namespace la::app {

namespace {
bool parseSize(const std::string& s, int& w, int& h) {
    const auto x = s.find_first_of("xX");
    if (x == std::string::npos) return false;
    try {
        std::size_t a = 0, b = 0;
        w = std::stoi(s.substr(0, x), &a);
        h = std::stoi(s.substr(x + 1), &b);
        return a == x && b == s.size() - x - 1 && w >= 16 && h >= 16 && w <= 16384 && h <= 16384;
    } catch (...) {
        return false;
    }
}

// A path the system cannot open at all (longer than PATH_MAX, or a name longer than NAME_MAX).
const char* pathProblem(const std::string& path) {
    if (path.size() >= PATH_MAX) return "the path is longer than the system allows";
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        if (slash - start > NAME_MAX) return "a file or folder name in the path is longer than the system allows";
        start = slash + 1;
    }
    return nullptr;
}

}  // namespace

ParseOutcome parseOptions(int argc, char** argv) {
    Options o;
    std::string size, view;
    CLI::App cli{
        "Lumbar Atlas: a 3D anatomy viewer of the lower back.\n"
        "Without MODEL the bundled lower-body model is shown.",
        "lumbar-atlas"};
    cli.set_version_flag("--version", std::string("lumbar-atlas ") + la::kVersion, "Print the version and exit");
    cli.add_option("MODEL", o.model, "Model file: .gltf .glb (tinygltf) or .obj .fbx .stl .dae .ply (Assimp)");
    cli.add_option("--screenshot", o.screenshot,
                   "Render one frame offscreen, write it to this PNG and exit (no window is shown)");
    cli.add_option("--size", size, "Screenshot size WxH in pixels (default 1280x720)");
    cli.add_option("--view", view, "Initial view: posterior|anterior|left|right|superior|oblique (default posterior)");
    cli.add_option("--select", o.select, "Select a structure (e.g. quadratus_lumborum.L) and open its panel");
    cli.add_option("--hide", o.hide,
                   "Hide structures: ID,... (an id without side = both sides; groups skin, fascia, muscles, ligaments, "
                   "bones, organs, nerves, vessels)");
    cli.add_option("--ghost", o.ghost, "Show structures as x-ray: ID,... (as --hide)");
    cli.add_option(
        "--show", o.show,
        "Show solid structures that start as x-ray (the thoracolumbar fascia, the kidneys): ID,... (as --hide)");
    cli.add_option("--pick", o.picks,
                   "After rendering, print what lies under pixel X,Y (origin top left): 'pick X,Y: ID' "
                   "or 'pick X,Y: none'. Repeatable")
        ->allow_extra_args(false);
    cli.add_option("--pain", o.pain, "Show referred-pain patterns: ID,... (an id without side = both sides) or all");
    cli.add_option("--time", o.time, "Animation time in seconds of the rendered frame (default 0.25)")
        ->check(CLI::Range(0.0f, 100000.0f));
    cli.add_option("--tour", o.tour, "Tour file (.json): open it in the window, or export it with --export-dir");
    cli.add_option("--export-pdf", o.exportPdf,
                   "With --tour: write a printable A4 handout (PDF: a title page with the sources, then one page "
                   "per step with its picture, caption and article text) and exit (no window; --size applies)");
    cli.add_option("--export-dir", o.exportDir,
                   "With --tour: render every step with its caption to DIR/step-01.png ... and exit "
                   "(no window; DIR is created; --size applies)");
    cli.add_option("--step", o.step, "With --tour and --screenshot: the step to show (default 1)")
        ->check(CLI::Range(1, 100000));
    cli.add_flag("--presenter", o.presenter,
                 "Start in presenter mode (F5); with --screenshot, render its look (large text, no menus)");
    cli.add_option("--chart", o.chart,
                   "With --screenshot: the referred-pain chart of one muscle and side (MUSCLE[.L|.R], default "
                   "left): the body from behind and from that side with the pattern, the X marks and the legend");
    cli.add_option("--ui-scale", o.uiScale,
                   "Size of text and widgets, e.g. 1.5 or 2 (default: the monitor's content scale)")
        ->check(CLI::Range(0.5f, 4.0f));
    std::string sidebar;
    cli.add_option("--sidebar", sidebar,
                   "Sidebar tab at start: structures|pain|tours, or closed; with --screenshot the still shows the "
                   "window's menu bar, status bar and sidebar");
    std::string click;
    cli.add_option("--click", click,
                   "With --screenshot: click the view at pixel X,Y first (selects; with pain shown, opens the lookup)");
    cli.add_option("--aa", o.aa,
                   "Anti-aliasing of the window, stills and handouts: fxaa (default: a post pass, cheap without a "
                   "GPU), msaa (4x, about 2.6 times the cost of a frame and twice a still's on a software "
                   "renderer) or off")
        ->check(CLI::IsMember({"fxaa", "msaa", "off"}));
    cli.add_option("--frame-stats", o.frameStats,
                   "Write the number of frames drawn so far to FILE after every frame (tests and benchmarks: "
                   "a window left alone draws none)");
    cli.add_option("--frame-log", o.frameLog,
                   "Append a line per frame that draws the scene to FILE: 'window|still MS_SINCE_LAST MS_DRAWING "
                   "TRIANGLES LOD(0|1) WIDTHxHEIGHT' (benchmarks and tests)");
    cli.add_option("--motion-lod", o.motionLod,
                   "While the camera moves, draw simplified meshes at half resolution or less (down to a quarter, "
                   "following the frame time) and the full model once it rests (on, default), or every frame in "
                   "full (off)")
        ->check(CLI::IsMember({"on", "off"}));
    cli.add_flag("--layout-report", o.layoutReport,
                 "With --screenshot: print 'layout KIND NAME x y w h' for every window drawn (and the caption bar, the "
                 "status bar's texts and the sidebar's tab labels)");
    cli.add_flag("--no-register", o.noRegister,
                 "Show a model in its own frame instead of placing it in the landmark frame from its hip bones, "
                 "sacrum and spine");
    cli.add_option("--scene", o.scene, "glTF: show scene N (0-based; default the file's own choice, else 0)")
        ->check(CLI::Range(0, 1000000));
    cli.add_flag("--explain", o.explain, "Open the panels of both featured muscles on both sides");
    cli.add_flag("--therapist", o.therapist, "Show the detail for therapists in the panels");
    cli.add_option("--position", o.position,
                   "How the body lies: standing (default), prone, side_lying_left (on the left side) or "
                   "side_lying_right, on a treatment table; --view is relative to the body");
    cli.add_flag("--trust-paths", o.trustPaths,
                 "Let a glTF read buffers and images outside its own folder (only for files you trust)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::Success& e) {  // --help, --version
        return {std::nullopt, cli.exit(e)};
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "lumbar-atlas: %s (see --help)\n", e.what());
        return {std::nullopt, 2};
    }
    // An empty argument is a mistake, never a default: `--screenshot ""` must not open the window.
    for (const CLI::Option* opt : cli.get_options())
        for (const std::string& r : opt->get_type_size_min() > 0 ? opt->results() : std::vector<std::string>{})
            if (r.empty()) {
                std::fprintf(stderr, "lumbar-atlas: %s: the argument is empty\n", opt->get_name().c_str());
                return {std::nullopt, 2};
            }
    for (const auto& [name, path] : {std::pair{"MODEL", &o.model}, std::pair{"--screenshot", &o.screenshot},
                                     std::pair{"--tour", &o.tour}, std::pair{"--export-dir", &o.exportDir}})
        if (const char* problem = pathProblem(*path)) {
            std::fprintf(stderr, "lumbar-atlas: %s: %s\n", name, problem);
            return {std::nullopt, 2};
        }
    o.timeGiven = cli.count("--time") > 0;
    if (!std::isfinite(o.time)) {
        std::fprintf(stderr, "lumbar-atlas: --time: expected a number of seconds from 0 to 100000\n");
        return {std::nullopt, 2};
    }
    if (!sidebar.empty()) {
        const char* const names[] = {"structures", "pain", "tours"};
        for (int i = 0; i < 3; ++i)
            if (sidebar == names[i]) o.sidebar = i;
        if (sidebar == "closed") o.sidebar = -1;
        if (!o.sidebar) {
            std::fprintf(stderr, "lumbar-atlas: --sidebar '%s': expected structures, pain, tours or closed\n",
                         sidebar.c_str());
            return {std::nullopt, 2};
        }
    }
    if (!click.empty()) {
        int x = 0, y = 0;
        char extra = 0;
        if (std::sscanf(click.c_str(), "%d,%d%c", &x, &y, &extra) != 2 || x < 0 || y < 0 || o.screenshot.empty()) {
            std::fprintf(stderr, "lumbar-atlas: --click '%s': expected X,Y in pixels, with --screenshot\n",
                         click.c_str());
            return {std::nullopt, 2};
        }
        o.click = glm::ivec2(x, y);
    }
    if (o.layoutReport && o.screenshot.empty()) {
        std::fprintf(stderr, "lumbar-atlas: --layout-report needs --screenshot (it reports on the rendered frame)\n");
        return {std::nullopt, 2};
    }
    if (!size.empty() && !parseSize(size, o.width, o.height)) {
        std::fprintf(stderr, "lumbar-atlas: --size '%s': expected WxH, each 16..16384, e.g. 1280x720\n", size.c_str());
        return {std::nullopt, 2};
    }
    if (!view.empty()) {
        auto p = parseViewPreset(view);
        if (!p) {
            std::fprintf(stderr,
                         "lumbar-atlas: --view '%s': expected posterior, anterior, left, right, superior or oblique\n",
                         view.c_str());
            return {std::nullopt, 2};
        }
        o.view = *p;
        o.viewGiven = true;
    }
    for (const auto& p : o.picks) {
        int x = 0, y = 0;
        char extra = 0;
        if (std::sscanf(p.c_str(), "%d,%d%c", &x, &y, &extra) != 2 || x < 0 || y < 0) {
            std::fprintf(stderr, "lumbar-atlas: --pick '%s': expected X,Y in pixels, e.g. 640,360\n", p.c_str());
            return {std::nullopt, 2};
        }
    }
    if (!o.picks.empty() && o.screenshot.empty()) {
        std::fprintf(stderr, "lumbar-atlas: --pick needs --screenshot (it reports on the rendered frame)\n");
        return {std::nullopt, 2};
    }
    if (!o.exportPdf.empty() && o.tour.empty()) {
        std::fprintf(stderr, "lumbar-atlas: --export-pdf needs --tour FILE (the tour whose steps are printed)\n");
        return {std::nullopt, 2};
    }
    if (!o.exportPdf.empty() && !o.screenshot.empty()) {
        std::fprintf(stderr, "lumbar-atlas: --export-pdf and --screenshot cannot be combined\n");
        return {std::nullopt, 2};
    }
    if (!o.exportPdf.empty() && std::filesystem::path(o.exportPdf).extension() != ".pdf") {
        std::fprintf(stderr, "lumbar-atlas: --export-pdf '%s': the file name must end in .pdf\n", o.exportPdf.c_str());
        return {std::nullopt, 2};
    }
    if (!o.exportDir.empty() && o.tour.empty()) {
        std::fprintf(stderr, "lumbar-atlas: --export-dir needs --tour FILE (the tour whose steps are exported)\n");
        return {std::nullopt, 2};
    }
    if (!o.exportDir.empty() && !o.screenshot.empty()) {
        std::fprintf(stderr, "lumbar-atlas: --export-dir and --screenshot cannot be combined\n");
        return {std::nullopt, 2};
    }
    if (!o.chart.empty() && o.screenshot.empty()) {
        std::fprintf(stderr, "lumbar-atlas: --chart needs --screenshot OUT.png (it renders the chart to that file)\n");
        return {std::nullopt, 2};
    }
    if (!o.screenshot.empty() && std::filesystem::path(o.screenshot).extension() != ".png") {
        std::fprintf(stderr, "lumbar-atlas: --screenshot '%s': the file name must end in .png\n", o.screenshot.c_str());
        return {std::nullopt, 2};
    }
    return {o, 0};
}

std::string dataDir() {
    if (auto found = io::findBundledData(io::executablePath(), io::processEnv)) return *found;
    return {};
}

std::string bundledModelPath() {
    return (std::filesystem::path(dataDir()) / "models" / "lower_body.glb").string();
}

}  // namespace la::app
