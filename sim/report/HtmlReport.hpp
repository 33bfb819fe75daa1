#pragma once
// report.html: one self-contained page (CSS inline, charts as SVG data: URIs, no external
// reference, no JavaScript library) that says what was run, gives the headline table, the charts
// with their captions, the sweep, sensitivity and forecast results when present, and where every
// parameter of each scenario came from. Deterministic: the same inputs give the same bytes (no
// date, no path outside the directory).
//
// Numbers a test or a script may want carry data attributes, e.g.
//   <td data-headline="completed_trial_specialties_2026_2036" data-scenario="flex_scheme"
//       data-stat="mean" data-value="4459.625">4459.6</td>
// (data-value is the number as read, the text is rounded for people). After loading, a few lines
// of inline script mark <body> with data-images (count), data-images-missing (images that did
// not decode) and data-images-ok="yes"/"no".
#include <string>
#include <string_view>
#include <vector>

#include "report/Chart.hpp"
#include "report/Gnuplot.hpp"
#include "report/ReportInputs.hpp"

namespace forlob {

std::string html_escape(std::string_view text);

// A headline number as the report shows it: a whole number (most interval ends, since the
// quantiles of counts mostly fall on counts) without decimals, anything else with one.
std::string headline_number_text(double value);

// charts[i] was rendered as rendered[i].
std::string html_report(const ReportInputs& inputs, const std::vector<Chart>& charts,
                        const std::vector<RenderedChart>& rendered);

}  // namespace forlob
