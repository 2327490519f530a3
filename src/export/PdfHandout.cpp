#include "export/PdfHandout.h"

#include <algorithm>
#include <cairo-pdf.h>
#include <cairo.h>
#include <memory>

namespace la::exporter {

namespace {

// A4 in PostScript points; margins 50 pt.
constexpr double kPageW = 595.276, kPageH = 841.89, kMargin = 50.0;
constexpr double kTextW = kPageW - 2 * kMargin;
constexpr const char* kFont = "DejaVu Sans";

struct Style {
    bool bold = false;
    bool italic = false;
    double size = 10.5;
};

void setFont(cairo_t* cr, const Style& s) {
    cairo_select_font_face(cr, kFont, s.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           s.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, s.size);
}

double textWidth(cairo_t* cr, const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

std::vector<TextSpan> spansOf(const std::string& text, bool bold = false, bool italic = false) {
    TextSpan span;
    span.text = text;
    span.bold = bold;
    span.italic = italic;
    return {span};
}

struct Word {
    std::string text;
    Style style;
    bool spaceBefore = true;
};

// Words of styled spans; punctuation that follows a span without a space stays glued to it.
std::vector<Word> wordsOf(const std::vector<TextSpan>& spans, double size) {
    std::vector<Word> out;
    bool pendingSpace = false;
    for (const auto& span : spans) {
        const Style st{span.bold, span.italic, size};
        std::size_t i = 0;
        const std::string& t = span.text;
        while (i < t.size()) {
            if (t[i] == ' ' || t[i] == '\n' || t[i] == '\t') {
                pendingSpace = true;
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < t.size() && t[j] != ' ' && t[j] != '\n' && t[j] != '\t') ++j;
            out.push_back({t.substr(i, j - i), st, pendingSpace || out.empty()});
            pendingSpace = false;
            i = j;
        }
    }
    return out;
}

// Lays words out in lines of width `width` from (x, y) (y = baseline of the first line); draws only when
// `draw`. Returns the baseline after the last line.
double flow(cairo_t* cr, const std::vector<Word>& words, double x, double y, double width, double lineH, bool draw) {
    double cx = 0;
    bool lineEmpty = true;
    for (const auto& w : words) {
        setFont(cr, w.style);
        const double ww = textWidth(cr, w.text);
        const double space = (w.spaceBefore && !lineEmpty) ? textWidth(cr, " ") : 0.0;
        if (!lineEmpty && cx + space + ww > width) {
            y += lineH;
            cx = 0;
            lineEmpty = true;
        }
        const double gap = lineEmpty ? 0.0 : space;
        if (draw) {
            cairo_move_to(cr, x + cx + gap, y);
            cairo_show_text(cr, w.text.c_str());
        }
        cx += gap + ww;
        lineEmpty = false;
    }
    return y + lineH;
}

void drawFooter(cairo_t* cr, int page, int pages, const std::string& version) {
    setFont(cr, {false, false, 8});
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    const std::string left = "Lumbar Atlas " + version + " \u2014 for education; not a diagnosis or a treatment plan";
    cairo_move_to(cr, kMargin, kPageH - 28);
    cairo_show_text(cr, left.c_str());
    const std::string right = std::to_string(page) + " / " + std::to_string(pages);
    cairo_move_to(cr, kPageW - kMargin - textWidth(cr, right), kPageH - 28);
    cairo_show_text(cr, right.c_str());
    cairo_set_source_rgb(cr, 0, 0, 0);
}

void drawTitlePage(cairo_t* cr, const HandoutDocument& doc, int pages) {
    double y = 150;
    setFont(cr, {true, false, 26});
    cairo_set_source_rgb(cr, 0.11, 0.27, 0.32);
    y = flow(cr, wordsOf(spansOf(doc.plan.title), 26), kMargin, y, kTextW, 32, true) + 4;
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    const std::string who = doc.plan.therapists ? "A handout for therapists" : "A handout for patients";
    y = flow(cr, wordsOf(spansOf(who), 14), kMargin, y, kTextW, 20, true);
    const std::string what = std::to_string(doc.plan.steps.size()) + " steps of a guided tour in Lumbar Atlas " +
                             doc.version + ", a 3D atlas of the lower back.";
    y = flow(cr, wordsOf(spansOf(what), 11), kMargin, y + 6, kTextW, 15, true);
    const std::string note =
        "This handout explains; it does not diagnose. Pain that is severe, keeps getting worse, comes with fever, "
        "numbness, weakness in a leg, or trouble passing urine or controlling the bowels needs a doctor first.";
    y = flow(cr, wordsOf(spansOf(note, false, true), 10.5), kMargin, y + 18, kTextW, 14, true);

    y = std::max(y + 40, 470.0);
    setFont(cr, {true, false, 12});
    cairo_move_to(cr, kMargin, y);
    cairo_show_text(cr, "Sources");
    y += 18;
    for (const auto& s : doc.sources) {
        y = flow(cr, wordsOf(spansOf("\u2022 " + s), 9), kMargin, y, kTextW, 12, true) + 2;
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    drawFooter(cr, 1, pages, doc.version);
}

// Lays the sections out from baseline y at font size `size`, stopping below `bottom`; draws only when `draw`.
// Returns the baseline after the last block. One function measures (draw = false) and draws, so the
// font size chosen to fit is the one the page gets.
double layoutSections(cairo_t* cr, const std::vector<HandoutSection>& sections, double x, double y, double bottom,
                      double size, bool draw) {
    const double lineH = size * 1.35;
    for (const auto& s : sections) {
        if (y > bottom) break;
        if (draw) cairo_set_source_rgb(cr, 0.11, 0.27, 0.32);
        y = flow(cr, wordsOf(spansOf(s.heading, true), size + 1.5), x, y, kTextW, lineH + 2, draw) + 2;
        if (draw) cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        for (const auto& b : s.blocks) {
            if (y > bottom) break;
            const double indent = b.kind == BlockKind::BulletItem ? 14.0 + 12.0 * b.depth : 0.0;
            if (draw && b.kind == BlockKind::BulletItem) {
                setFont(cr, {false, false, size});
                cairo_move_to(cr, x + indent - 10, y);
                const std::string mark = b.number > 0 ? std::to_string(b.number) + "." : "\u2022";
                cairo_show_text(cr, mark.c_str());
            }
            y = flow(cr, wordsOf(b.spans, size), x + indent, y, kTextW - indent, lineH, draw) + size * 0.45;
        }
        y += size * 0.6;
    }
    if (draw) cairo_set_source_rgb(cr, 0, 0, 0);
    return y;
}

void drawSections(cairo_t* cr, const std::vector<HandoutSection>& sections, double top, double bottom) {
    constexpr double kUnbounded = 1e9;
    double size = 10.5;
    while (size > 7.5 && layoutSections(cr, sections, 0, 0, kUnbounded, size, false) > bottom - top) size -= 0.5;
    layoutSections(cr, sections, kMargin, top + size, bottom, size, true);
}

void drawStepPage(cairo_t* cr, const HandoutDocument& doc, std::size_t i, int pages) {
    const HandoutStep& step = doc.plan.steps[i];
    setFont(cr, {false, false, 9});
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    const std::string head =
        "Step " + std::to_string(i + 1) + " of " + std::to_string(doc.plan.steps.size()) + " \u2014 " + doc.plan.title;
    cairo_move_to(cr, kMargin, 36);
    cairo_show_text(cr, head.c_str());
    cairo_set_source_rgb(cr, 0, 0, 0);

    double y = 46;
    if (i < doc.pictures.size() && doc.pictures[i].width > 0 && doc.pictures[i].height > 0) {
        const Picture& p = doc.pictures[i];
        cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, p.width, p.height);
        cairo_surface_flush(img);
        unsigned char* data = cairo_image_surface_get_data(img);
        const int stride = cairo_image_surface_get_stride(img);
        for (int row = 0; row < p.height; ++row) {
            auto* dst = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(row) * stride);
            const std::uint8_t* src =
                p.rgba.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(p.width) * 4;
            for (int x = 0; x < p.width; ++x, src += 4)
                dst[x] = (std::uint32_t{src[0]} << 16) | (std::uint32_t{src[1]} << 8) | std::uint32_t{src[2]};
        }
        cairo_surface_mark_dirty(img);
        const double scale = std::min(kTextW / p.width, 330.0 / p.height);
        const double w = p.width * scale, h = p.height * scale;
        cairo_save(cr);
        cairo_translate(cr, kMargin + (kTextW - w) / 2, y);
        cairo_scale(cr, scale, scale);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(img);
        y += h + 22;
    }
    cairo_set_source_rgb(cr, 0.05, 0.05, 0.05);
    y = flow(cr, wordsOf(spansOf(step.caption, true), 13), kMargin, y, kTextW, 17, true) + 6;
    drawSections(cr, step.sections, y, kPageH - 50);
    drawFooter(cr, static_cast<int>(i) + 2, pages, doc.version);
}

}  // namespace

Result<Unit> writeHandoutPdf(const std::string& path, const HandoutDocument& doc) {
    std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
        cairo_pdf_surface_create(path.c_str(), kPageW, kPageH), cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return Error{path + ": cannot write the PDF (" + cairo_status_to_string(cairo_surface_status(surface.get())) +
                     ")"};
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, doc.plan.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, ("Lumbar Atlas " + doc.version).c_str());
    std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
    const int pages = static_cast<int>(doc.plan.steps.size()) + 1;
    drawTitlePage(cr.get(), doc, pages);
    cairo_show_page(cr.get());
    for (std::size_t i = 0; i < doc.plan.steps.size(); ++i) {
        drawStepPage(cr.get(), doc, i, pages);
        cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return Error{path + ": cannot write the PDF (" + cairo_status_to_string(cairo_surface_status(surface.get())) +
                     ")"};
    return Unit{};
}

std::vector<std::string> defaultHandoutSources() {
    // Entries too long for one line are split into adjacent literals on purpose.
    return {
        // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
        "Simons DG, Travell JG, Simons LS. Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 2. "
        "Williams & Wilkins 1992: ch. 4 quadratus lumborum, ch. 8 gluteus medius.",
        "Standring S (ed). Gray's Anatomy, 42nd ed. Elsevier 2020.",
        "Furlan AD et al. Massage for low-back pain. Cochrane Database Syst Rev 2015;(9):CD001929.",
        "NICE guideline NG59: Low back pain and sciatica in over 16s (2016, updated 2020).",
        "Model shapes fitted to figures measured from BodyParts3D, (c) The Database Center for Life Science "
        "(DBCLS), CC BY-SA 2.1 JP.",
    };
}

}  // namespace la::exporter
