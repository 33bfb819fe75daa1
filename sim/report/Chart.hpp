#pragma once
// One chart as forlob hands it to gnuplot: its data as tab-separated files and the gnuplot
// commands that draw them, plus the title and caption the report shows. Chart builders (FanChart,
// FlowsChart, ...) fill it; the Gnuplot runner renders it to SVG and PNG.
#include <string>
#include <string_view>
#include <vector>

namespace forlob {

struct ChartData {
  std::string file;  // a plain name like "a.tsv", written beside the script
  std::string text;  // tab-separated rows, one header comment line
};

struct Chart {
  std::string name;               // file stem: charts/<name>.svg and .png
  std::string section;            // where the report shows it: results, sweep, sensitivity, forecast
  std::string title;              // drawn above the plot
  std::string caption;            // what the lines and bands are, and where the numbers come from
  int width = 900, height = 540;  // of the SVG, in pixels; the PNG is 1.5 times larger
  int key_columns = 3;            // legend entries per row, above the plot
  std::vector<ChartData> data;
  std::string commands;  // gnuplot settings and the plot command, drawn once per terminal
};

// Okabe-Ito colours, distinguishable with common colour-vision deficiencies.
inline constexpr const char* kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                           "#E69F00", "#56B4E9", "#000000", "#F0E442"};
inline constexpr std::size_t kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);
const char* palette(std::size_t i);
// The colour of the difference B - A in fan charts (neither A's nor B's).
inline constexpr const char* kDifferenceColour = "#009E73";

// Text as a gnuplot single-quoted string: no substitution happens inside single quotes (no
// backquote commands, no macros); quotes are doubled and control characters become spaces.
std::string gp_string(std::string_view text);
// A number for a data file: shortest round-trip text, "NaN" (a gap) when not finite.
std::string tsv_number(double value);
// A text field for a data file: tabs, line breaks and double quotes replaced, so gnuplot reads it
// as one column; wrapped in double quotes so a label with spaces stays one field.
std::string tsv_text(std::string_view text);
// Words of `text` on lines of at most `width` characters (code points).
std::vector<std::string> wrap(std::string_view text, std::size_t width);
// A name safe as a file stem: letters, digits, '-' and '_' kept, anything else '_'.
std::string file_stem(std::string_view text);
// "flex_scheme" -> "flex scheme": names as people write them in legends.
std::string spaced(std::string_view name);

// The caption as labels at the bottom of the image, wrapped to its width; `lines` is set to their
// number. The PNG pasted into a document then still says what it shows.
std::string caption_labels(const Chart& chart, std::size_t& lines);
// The height of `lines` caption lines as a fraction of the chart's height.
double caption_height(const Chart& chart, std::size_t lines);
// The tint and label of the years `from`..`to` hired under the post-trial rule (gnuplot object 3,
// label 22), the same in every chart that shows them; the label at height `label_y` of the graph.
std::string post_trial_tint(int from, int to, double label_y);
// Common settings every chart starts with: title, axis labels, grid, the caption lines at the
// bottom and room for them. With key labels (the legend's entries, in plot order) the legend goes
// in rows between the title and the plot; without, the chart places its legend itself.
std::string chart_preamble(const Chart& chart, std::string_view xlabel, std::string_view ylabel,
                           const std::vector<std::string>& key_labels);

}  // namespace forlob
