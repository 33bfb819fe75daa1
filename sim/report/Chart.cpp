#include "report/Chart.hpp"

#include <algorithm>
#include <cmath>

#include "output/CsvFormat.hpp"

namespace forlob {

const char* palette(std::size_t i) { return kPalette[i % kPaletteSize]; }

std::string gp_string(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "''";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      out += ' ';
    else
      out += c;
  }
  return out + "'";
}

std::string tsv_number(double value) {
  if (!std::isfinite(value)) return "NaN";
  std::string out;
  append_shortest(out, value);
  return out;
}

std::string tsv_text(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '\'';
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      out += ' ';
    else
      out += c;
  }
  return out + "\"";
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = text.find(' ', at);
    const std::string_view word = text.substr(at, space == std::string_view::npos ? text.npos : space - at);
    at = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    if (!line.empty() && utf8_width(line) + 1 + utf8_width(word) > width) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string file_stem(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    out += ok ? c : '_';
  }
  return out.empty() ? "chart" : out;
}

std::string spaced(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

std::string caption_labels(const Chart& chart, std::size_t& lines) {
  // About 6.5 px per character of the 9-point caption font.
  const std::vector<std::string> text = wrap(chart.caption, static_cast<std::size_t>(chart.width * 2 / 13));
  lines = text.size();
  std::string s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const double y = 0.02 + caption_height(chart, 1) * static_cast<double>(text.size() - 1 - i);
    s += "set label " + std::to_string(i + 1) + " " + gp_string(text[i]) + " at screen 0.01, screen " +
         format_trimmed(y, 4) + " left font ',9' tc rgb '#444444'\n";
  }
  return s;
}

std::string post_trial_tint(int from, int to, double label_y) {
  return "set object 3 rect from " + std::to_string(from) + "-0.5, graph 0 to " + std::to_string(to) +
         "+0.5, graph 1 behind fc rgb '#e3ecf7' fs solid 1.0 noborder\n" + "set label 22 " +
         gp_string("post-trial rule") + " at " + std::to_string(from) + "-0.4, graph " +
         format_trimmed(label_y, 2) + " left font ',9' tc rgb '#45627f'\n";
}

double caption_height(const Chart& chart, std::size_t lines) {
  return 13.0 / chart.height * static_cast<double>(lines);
}

std::string chart_preamble(const Chart& chart, std::string_view xlabel, std::string_view ylabel,
                           const std::vector<std::string>& key_labels) {
  std::size_t lines = 0;
  std::string s = caption_labels(chart, lines);
  s += "set xlabel " + gp_string(xlabel) + "\n";
  s += "set ylabel " + gp_string(ylabel) + "\n";
  s += "set border 3\nset tics nomirror\nset grid ytics lc rgb '#dddddd' lw 1 dt 1\n";
  s += "set bmargin at screen " + format_trimmed(0.115 + caption_height(chart, lines), 4) + "\n";
  if (key_labels.empty()) {
    s += "set title " + gp_string(chart.title) + " font ',13'\n";
    return s;
  }
  // Title on top, then the legend in rows across the width, then the plot. As many columns as
  // entries of the longest label fit (about 8 px a character plus the line sample, generously: gnuplot may
  // measure wider), at most key_columns.
  std::size_t longest = 0;
  for (const std::string& label : key_labels) longest = std::max(longest, utf8_width(label));
  const double entry_width = 8.0 * static_cast<double>(longest) + 90.0;
  const std::size_t fit = static_cast<std::size_t>(std::max(1.0, (chart.width - 40) / entry_width));
  const std::size_t columns =
      std::min({fit, static_cast<std::size_t>(std::max(1, chart.key_columns)), key_labels.size()});
  const std::size_t rows = (key_labels.size() + columns - 1) / columns;
  const double row = 19.0 / chart.height;
  const double key_top = 1.0 - 40.0 / chart.height;
  s += "set label 30 " + gp_string(chart.title) + " at screen 0.5, screen " +
       format_trimmed(1.0 - 20.0 / chart.height, 4) + " center font ',13'\n";
  s += "set key at screen 0.5, screen " + format_trimmed(key_top, 4) +
       " center top horizontal Left reverse " + "noautotitle maxcols " + std::to_string(columns) +
       " width 1 spacing 1.0\n";
  s += "set tmargin at screen " +
       format_trimmed(key_top - row * static_cast<double>(rows) - 14.0 / chart.height, 4) + "\n";
  return s;
}

}  // namespace forlob
