/* gantt_view.h — the Gantt chart drawn (gantt_view.c) and written out
 * (gantt_view.c: PNG; gantt_svg.c: SVG).  The model is gantt.h. */
#ifndef PROCSIM_GUI_GANTT_VIEW_H
#define PROCSIM_GUI_GANTT_VIEW_H

#include <stdio.h>

#include "gantt.h"
#include "gui.h"
#include "i18n.h"

/* The chart's own colours (the rest are app.h's). */
#define GUI_GANTT_GRID 0x343a45   /* the axis's lines through the lanes */
#define GUI_GANTT_IDLE 0x3a3f47   /* a CPU with nothing to run */
#define GUI_GANTT_ON_BAR 0x101318 /* a name on a process's colour */

struct gui_app;
/* The chart in the window's L->gantt, at the clock, in a->gantt's view
 * window (where it went is kept in a->gantt.drawn for the next input). */
void gui_view_gantt(struct gui_app *a);
/* The G key and the toolbar's button: the whole run so far's chart to
 * procsim-gantt-DATE.png in the working directory, said in a message. */
void gui_gantt_save(struct gui_app *a);
/* Input over the chart: the wheel zooms at the mouse (with shift, or a
 * sideways wheel, it scrolls); a drag scrolls. */
void gui_gantt_wheel(struct gui_app *a, float x, float y, float dy, float dx, int shift);
void gui_gantt_drag(struct gui_app *a, float dx);
/* The tooltip of the chart as the window drew it at (x, y) (gantt.h,
 * gui_gantt_hit_text) in buf, with the part of the lane under the mouse
 * in *under; NULL where there is nothing to say (or the chart is not
 * shown: the compare view, the dialog, the help). */
const char *gui_gantt_tip(struct gui_app *a, float x, float y, char *buf, size_t size,
                          gui_rect *under);

/* What a chart file's name says it is: ".svg" or ".png", in either case
 * ("chart.PNG"); the command line refuses the rest. */
typedef enum { GUI_GANTT_UNKNOWN, GUI_GANTT_PNG, GUI_GANTT_SVG } gui_gantt_format;
gui_gantt_format gui_gantt_format_of(const char *path);

/* The chart of g's run so far (all of it, every lane) to `path`: SVG if
 * it ends in ".svg", else PNG, `width` pixels wide (the height follows
 * from the lanes: gui_gantt_height), text at font_px (small, normal,
 * large).  0, or -1 with the reason in err (the file cannot be written,
 * no fonts, no run). */
int gui_gantt_export(const gui_sim *g, gui_lang lang, const char *path, int width,
                     const int font_px[3], char *err, size_t errsize);
/* The same chart as SVG on f (rects and text, the names XML-escaped);
 * -1 if writing failed. */
int gui_gantt_svg(FILE *f, const gui_sim *g, gui_lang lang, int width);

/* --gantt-png's font sizes for a chart `width` wide: 13, 15 and 20 px up
 * to 1600 px, growing with the width beyond (a 4K-wide chart reads at 4K). */
void gui_gantt_png_fonts(int width, int px[3]);
/* procsim gui FILE --gantt-png OUT: run o's scenario (a model run) to its
 * end with no window and write its chart to o->gantt_png, o->width wide
 * (0: 1200), in o->lang's language.  Returns 0; 2 after saying why on
 * stderr if the scenario does not load; 1 if OUT cannot be written. */
int gui_gantt_main(const gui_options *o);

#endif
