// Tours: parsing and validation with file:line, JSON round trip, camera JSON, the step player.
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "core/RichText.h"
#include "core/Tour.h"
#include "core/TourPlayer.h"
#include "io/TourLoader.h"

using namespace la;

namespace {

const std::vector<std::string> kUnsided = {"skin",        "sacrum",         "coccyx",      "vertebra_T12",
                                           "vertebra_L1", "vertebra_L2",    "vertebra_L3", "vertebra_L4",
                                           "vertebra_L5", "lumbar_vertebra"};
const std::vector<std::string> kSided = {
    "quadratus_lumborum", "gluteus_medius", "gluteus_minimus", "gluteus_maximus", "erector_spinae",
    "psoas_major",        "hip_bone",       "femur",           "rib_11",          "rib_12"};

io::IdPredicate known() {
    return io::makeIdPredicate(kUnsided, kSided);
}

const char* kTour = R"({
  "title": "Why does my lower back hurt?",
  "audience": "patients",
  "steps": [
    {
      "caption": "From behind.",
      "camera": "posterior",                 // comments are allowed
      "hide": ["skin"],
      "ghost": ["gluteus_maximus"]
    },
    {
      "caption": "QL.",
      "camera": {"target": [0.05, 0.1, -0.1], "yaw": 160, "pitch": 20, "distance": 0.6},
      "hide": ["skin", "bones"],
      "ghost": ["erector_spinae.L", "muscles"],
      "select": "quadratus_lumborum.L",
      "panels": ["quadratus_lumborum.L", "hip_bone"],
      "explain": true,
      "pain": ["quadratus_lumborum.L", "all"],
      "pain_time": 0.5
    }
  ]
})";

Tour sampleTour(int steps) {
    Tour t{"T", "patients", {}};
    for (int i = 0; i < steps; ++i) {
        TourStep s;
        s.caption = "step " + std::to_string(i);
        t.steps.push_back(s);
    }
    return t;
}

std::string error(const std::string& text) {
    const auto r = io::parseTour(text, "t.json", known());
    return r.ok() ? std::string("(no error)") : r.error();
}

// A one-step tour whose step has `stepBody` (lines 4.. of the file).
std::string oneStep(const std::string& stepBody) {
    return "{\n  \"title\": \"T\",\n  \"steps\": [\n" + stepBody + "\n  ]\n}\n";
}

}  // namespace

TEST_CASE("tour: parse a valid tour") {
    const auto r = io::parseTour(kTour, "t.json", known());
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    const Tour& t = *r;
    CHECK(t.title == "Why does my lower back hurt?");
    CHECK(t.audience == "patients");
    REQUIRE(t.steps.size() == 2);
    CHECK(std::get<ViewPreset>(t.steps[0].camera) == ViewPreset::Posterior);
    CHECK(t.steps[0].hide == std::vector<std::string>{"skin"});
    CHECK_FALSE(t.steps[0].select);
    CHECK_FALSE(t.steps[0].painTime);
    CHECK_FALSE(t.steps[0].explain);
    const TourStep& s = t.steps[1];
    const auto& pose = std::get<CameraPose>(s.camera);
    CHECK(pose.target.z == doctest::Approx(-0.1f));
    CHECK(pose.yawDeg == 160.0f);
    CHECK(pose.pitchDeg == 20.0f);
    CHECK(pose.distance == doctest::Approx(0.6f));
    CHECK(s.select == std::optional<std::string>("quadratus_lumborum.L"));
    CHECK(s.panels.size() == 2);
    CHECK(s.explain);
    CHECK(s.pain == std::vector<std::string>{"quadratus_lumborum.L", "all"});
    REQUIRE(s.painTime);
    CHECK(*s.painTime == doctest::Approx(0.5f));
    // No predicate: every id is accepted.
    CHECK(io::parseTour(oneStep(R"({"caption": "c", "camera": "left", "hide": ["whatever"]})"), "t.json").ok());
}

TEST_CASE("tour: validation errors carry file and line") {
    // Unknown ids, on the line of the offending value.
    CHECK(error(oneStep("    {\n      \"caption\": \"c\",\n      \"camera\": \"left\",\n      \"hide\": [\"skin\",\n"
                        "               \"foo\"]\n    }")) == "t.json:8: unknown structure id 'foo'");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"select\": \"gluteus_medius.X\"}")) ==
          "t.json:5: unknown structure id 'gluteus_medius.X'");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n\n     \"panels\": [\"sacrum.L\"]}")) ==
          "t.json:6: unknown structure id 'sacrum.L'");  // sacrum has no sides
    // Article sections: the id before '#' is checked; something must follow the '#'.
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"panels\": [\"sacrum#Joints\"]}")) ==
          "(no error)");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"panels\": [\"sacrun#Joints\"]}")) ==
          "t.json:5: unknown structure id 'sacrun'");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"panels\": [\"sacrum#\"]}")) ==
          "t.json:5: 'sacrum#': nothing after '#' (a section title)");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"select\": \"skin\"}")).find("skin") ==
          std::string::npos);  // skin is also a structure
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"select\": \"bones\"}")) ==
          "t.json:5: unknown structure id 'bones'");  // groups only in hide / ghost
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"hide\": [\"all\"]}")) ==
          "t.json:5: unknown structure id 'all'");  // "all" only in pain
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"pain\": [\"all\", \"femur.R\"]}")) ==
          "(no error)");
    // Cameras.
    CHECK(error(oneStep("    {\"caption\": \"c\",\n     \"camera\": \"lateral\"}")) ==
          "t.json:5: unknown camera preset 'lateral' (posterior, anterior, left, right, superior, oblique, "
          "oblique_right)");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": {\"target\": [0,0,0], \"yaw\": 0,\n"
                        "      \"pitch\": 95, \"distance\": 1}}")) == "t.json:5: camera pitch 95 is outside -89..89");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": {\"target\": [0,0,0], \"yaw\": 0, \"pitch\": -89,\n"
                        "      \"distance\": 0}}")) == "t.json:5: camera distance 0 must be > 0");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": {\"target\": [0,0,0], \"yaw\": \"left\", \"pitch\": 0, "
                        "\"distance\": 1}}")) == "t.json:4: camera: 'yaw' must be a number");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": {\"target\": [0,0], \"yaw\": 0, \"pitch\": 0, "
                        "\"distance\": 1}}")) == "t.json:4: camera: 'target' must be an array of 3 numbers");
    CHECK(
        error(oneStep("    {\"caption\": \"c\",\n     \"camera\": {\"target\": [0,0,0], \"yaw\": 0, \"pitch\": 0}}")) ==
        "t.json:5: camera: missing key 'distance'");
    CHECK(error(oneStep("    {\"caption\": \"c\",\n     \"camera\": 3}")) ==
          "t.json:5: camera must be a preset name or {target, yaw, pitch, distance}");
    // Structure.
    CHECK(error(oneStep("    {\"camera\": \"left\"}")) == "t.json:4: missing key 'caption'");
    CHECK(error(oneStep("    {\"caption\": \"c\"}")) == "t.json:4: missing key 'camera'");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"hdie\": []}")) ==
          "t.json:5: unknown key 'hdie' in step");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"hide\": \"skin\"}")) ==
          "t.json:5: 'hide' must be an array of ids");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"pain_time\": -1}")) ==
          "t.json:5: 'pain_time' must be a number >= 0 (seconds)");
    CHECK(error(oneStep("    {\"caption\": \"c\", \"camera\": \"left\",\n     \"explain\": 1}")) ==
          "t.json:5: 'explain' must be true or false");
    CHECK(error("{\"title\": \"T\",\n \"steps\": []}") == "t.json:2: 'steps' must be a non-empty array");
    CHECK(error("{\"steps\": []}") == "t.json:1: missing key 'title'");
    CHECK(error("[]") == "t.json:1: expected a JSON object at the top level");
    // Malformed JSON: the line of the problem, one line of text.
    const std::string bad = error(oneStep("    {\"caption\": \"c\",\n     \"camera\": \"left\",}"));
    CHECK(bad.rfind("t.json:5: malformed JSON: ", 0) == 0);
    CHECK(bad.find('\n') == std::string::npos);
    CHECK(error("{\n\"title\": \"T\",\n\"steps\": [\n").rfind("t.json:4: malformed JSON: ", 0) == 0);
}

TEST_CASE("tour: JSON round trip") {
    const auto parsed = io::parseTour(kTour, "t.json", known());
    REQUIRE(parsed.ok());
    const std::string json = io::tourToJson(*parsed);
    const auto again = io::parseTour(json, "again.json", known());
    REQUIRE_MESSAGE(again.ok(), (again.ok() ? "" : again.error()));
    CHECK(*again == *parsed);
    CHECK(io::tourToJson(*again) == json);  // stable
    // Authored in code, with awkward floats.
    Tour t{"Mine", "", {}};
    TourStep s;
    s.caption = "A \"quoted\" caption\nwith a newline, ünïcödé";
    s.camera = CameraPose{{0.1f, -0.333333f, 1e-3f}, 123.456f, -45.5f, 0.7f};
    s.hide = {"skin"};
    s.show = {"fascia"};  // a group of structures that start as x-ray
    s.select = "rib_12.R";
    s.painTime = 0.25f;
    t.steps.push_back(s);
    TourStep p;
    p.caption = "preset";
    p.camera = ViewPreset::Oblique;
    t.steps.push_back(p);
    const std::string text = io::tourToJson(t);
    CHECK(text.find("0.1,") != std::string::npos);  // shortest float text, not 0.10000000149
    CHECK(text.find("\"audience\"") == std::string::npos);
    // "show" is written only for the step that shows something.
    CHECK(text.find("\"show\"") != std::string::npos);
    CHECK(text.find("\"show\"") == text.rfind("\"show\""));
    const auto back = io::parseTour(text, "mine.json", known());
    REQUIRE_MESSAGE(back.ok(), (back.ok() ? "" : back.error()));
    CHECK(*back == t);
}

TEST_CASE("tour: camera pose as JSON text") {
    const CameraPose pose{{0.03f, 0.09f, -0.08f}, 150.0f, 40.0f, 0.7f};
    const std::string text = io::cameraPoseToJson(pose);
    CHECK(text == R"({"target":[0.03,0.09,-0.08],"yaw":150.0,"pitch":40.0,"distance":0.7})");
    const auto back = io::cameraPoseFromJson(text);
    REQUIRE(back.ok());
    CHECK(back->target == pose.target);
    CHECK(back->yawDeg == pose.yawDeg);
    CHECK(back->pitchDeg == pose.pitchDeg);
    CHECK(back->distance == pose.distance);
    // Also a step-like object {"camera": {...}}, e.g. pasted from a tour file.
    CHECK(io::cameraPoseFromJson(R"({"camera": {"target": [1,2,3], "yaw": 0, "pitch": 0, "distance": 2}})").ok());
    CHECK(io::cameraPoseFromJson("{\"target\": [0,0,0], \"yaw\": 0,\n\"pitch\": 90, \"distance\": 1}").error() ==
          "clipboard:2: camera pitch 90 is outside -89..89");
    CHECK(io::cameraPoseFromJson("hello", "paste").error().rfind("paste:1: malformed JSON: ", 0) == 0);
    CHECK(io::cameraPoseFromJson("[1, 2]").error().rfind("clipboard:1: expected", 0) == 0);
}

TEST_CASE("tour player: navigation and bounds") {
    TourPlayer empty;
    CHECK(empty.current() == -1);
    CHECK(empty.currentStep() == nullptr);
    CHECK_FALSE(empty.next());
    CHECK_FALSE(empty.previous());
    CHECK_FALSE(empty.first());

    TourPlayer p(sampleTour(3), 0.5f);
    CHECK(p.current() == 0);
    CHECK_FALSE(p.transitioning());
    CHECK_FALSE(p.previous());  // at the first step: stays
    CHECK(p.current() == 0);
    CHECK(p.next());
    CHECK(p.current() == 1);
    CHECK(p.from() == 0);
    CHECK(p.next());
    CHECK(p.atLast());
    CHECK_FALSE(p.next());  // at the last step: stays
    CHECK(p.current() == 2);
    CHECK(p.previous());
    CHECK(p.current() == 1);
    CHECK(p.first());
    CHECK(p.current() == 0);
    CHECK_FALSE(p.first());  // already there
    CHECK(p.goTo(2));
    CHECK_FALSE(p.goTo(3));
    CHECK_FALSE(p.goTo(-1));
    CHECK(p.current() == 2);
    CHECK(p.currentStep()->caption == "step 2");
}

TEST_CASE("tour player: eased transition") {
    TourPlayer p(sampleTour(2), 1.0f);
    REQUIRE(p.next());
    CHECK(p.transitioning());
    CHECK(p.progress() == 0.0f);
    CHECK(p.eased() == 0.0f);
    float last = 0.0f;
    float firstDelta = -1.0f, middleDelta = 0.0f;
    for (int i = 0; i < 10; ++i) {
        p.update(0.1f);
        const float delta = p.eased() - last;
        if (i == 0) firstDelta = delta;
        if (i == 5) middleDelta = delta;
        CHECK(p.eased() >= last);
        last = p.eased();
    }
    CHECK(firstDelta < middleDelta / 3.0f);  // slow start
    CHECK(p.eased() == doctest::Approx(1.0f));
    p.update(0.1f);
    CHECK_FALSE(p.transitioning());
    CHECK(p.eased() == 1.0f);
    // Zero transition time: instant.
    TourPlayer q(sampleTour(2), 0.0f);
    q.next();
    CHECK_FALSE(q.transitioning());
    // Navigating mid-way restarts from the current step.
    TourPlayer r(sampleTour(3), 1.0f);
    r.next();
    r.update(0.5f);
    r.next();
    CHECK(r.from() == 1);
    CHECK(r.progress() == 0.0f);
    r.finishTransition();
    CHECK_FALSE(r.transitioning());
}

TEST_CASE("tour player: authoring edits keep the current step sensible") {
    TourPlayer p(sampleTour(4), 1.0f);  // steps 0 1 2 3
    p.goTo(2);
    p.finishTransition();
    // Add: the new step becomes current, no transition.
    TourStep added;
    added.caption = "new";
    p.addStep(added, 1);  // 0 new 1 2 3
    CHECK(p.stepCount() == 5);
    CHECK(p.current() == 1);
    CHECK(p.currentStep()->caption == "new");
    CHECK_FALSE(p.transitioning());
    p.addStep(added, 99);  // appends
    CHECK(p.current() == 5);
    CHECK(p.removeStep(5));
    CHECK(p.current() == 4);  // the new last step
    // Move: the current step follows.
    p.goTo(3);  // "step 2"
    CHECK(p.currentStep()->caption == "step 2");
    CHECK(p.moveStep(3, 0));  // step2 0 new 1 3
    CHECK(p.current() == 0);
    CHECK(p.currentStep()->caption == "step 2");
    CHECK(p.moveStep(1, 4));  // step2 new 1 3 0
    CHECK(p.current() == 0);
    CHECK(p.tour().steps[4].caption == "step 0");
    p.goTo(3);                // "step 3"
    CHECK(p.moveStep(0, 4));  // new 1 3 0 step2: the current shifts down by one
    CHECK(p.current() == 2);
    CHECK(p.currentStep()->caption == "step 3");
    CHECK_FALSE(p.moveStep(0, 5));
    // Remove before the current step: the index follows; remove the current: its successor.
    CHECK(p.removeStep(0));  // 1 3 0 step2
    CHECK(p.currentStep()->caption == "step 3");
    CHECK(p.removeStep(1));  // 1 0 step2
    CHECK(p.current() == 1);
    CHECK(p.currentStep()->caption == "step 0");
    CHECK_FALSE(p.removeStep(7));
    // Caption edits.
    CHECK(p.setCaption(0, "first"));
    CHECK(p.tour().steps[0].caption == "first");
    CHECK_FALSE(p.setCaption(3, "x"));
    // Remove everything.
    while (!p.empty()) p.removeStep(0);
    CHECK(p.current() == -1);
    CHECK(p.currentStep() == nullptr);
    p.addStep(added, 0);
    CHECK(p.current() == 0);
}

TEST_CASE("tour content: bundled tours parse and validate") {
    // The issue's list of model ids, plus the catalogue's own entries (articles such as
    // lower_back_strain can be shown in panels): content/structures/<id>.md, "sided: true".
    std::vector<std::string> unsided = kUnsided, sided = kSided;
    const std::filesystem::path structures = std::filesystem::path(LA_SOURCE_DIR) / "content/structures";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(structures, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".md") continue;
        std::ifstream in(it->path());
        bool isSided = false;
        for (std::string line; std::getline(in, line);)
            if (line.rfind("sided:", 0) == 0) isSided = line.find("true") != std::string::npos;
        (isSided ? sided : unsided).push_back(it->path().stem().string());
    }
    const std::string dir = std::string(LA_SOURCE_DIR) + "/content/tours";
    const auto r = io::loadTourDir(dir, io::makeIdPredicate(unsided, sided));
    for (const auto& e : r.errors) FAIL_CHECK(e);
    if (r.tours.empty() && r.errors.empty()) MESSAGE("no bundled tours yet");
    for (const auto& f : r.tours) {
        INFO(f.path);
        CHECK_FALSE(f.tour.title.empty());
        CHECK_FALSE(f.tour.steps.empty());
        // And they survive a round trip.
        const auto back = io::parseTour(io::tourToJson(f.tour), f.path);
        REQUIRE(back.ok());
        CHECK(*back == f.tour);
    }
}

TEST_CASE("tour panels: an article can open at a section") {
    const PanelRef plain = splitPanelRef("gluteus_medius.L");
    CHECK(plain.id == "gluteus_medius.L");
    CHECK(plain.section.empty());
    const PanelRef at = splitPanelRef("lower_back_strain#See a doctor");
    CHECK(at.id == "lower_back_strain");
    CHECK(at.section == "See a doctor");

    RichText text;
    auto heading = [&](const char* t) {
        TextBlock b;
        b.kind = BlockKind::Heading;
        b.level = 2;
        TextSpan title;
        title.text = t;
        b.spans.push_back(title);
        text.blocks.push_back(b);
        TextBlock p;
        TextSpan body;
        body.text = "body";
        p.spans.push_back(body);
        text.blocks.push_back(p);
    };
    heading("What a strain is");
    heading("What massage can and cannot do");
    heading("See a doctor first if…");
    CHECK(findSection(text, "what massage") == 1);
    CHECK(findSection(text, "  See a doctor first ") == 2);
    CHECK(findSection(text, "What") == 0);  // the first that starts so
    CHECK(findSection(text, "Sleep") == -1);
    CHECK(findSection(text, "") == -1);
}
