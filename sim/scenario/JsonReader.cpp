#include "scenario/JsonReader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/Errors.hpp"

namespace forlob {

namespace {

std::string integer_description(int min, int max, double value) {
  if (max >= JsonReader::kMaxCount) {
    if (value > max) return "an integer at most " + std::to_string(max);
    if (min == 0) return "a non-negative integer";
    if (min == 1) return "a positive integer";
    return "an integer of at least " + std::to_string(min);
  }
  return "an integer in " + std::to_string(min) + ".." + std::to_string(max);
}

}  // namespace

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else
      out += c;
  }
  return out;
}

bool is_specialty_id(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string describe_value(const nlohmann::json& value) {
  // Replacing invalid UTF-8 keeps dump() from throwing on odd strings.
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return one_line(shortened(text, 80));
}

std::string shortened(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // continuation byte
  return std::string(text.substr(0, cut)) + "...";
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

JsonReader::JsonReader(const nlohmann::json& document, std::string file)
    : JsonReader(&document, "", "",
                 std::make_shared<const FileNamer>([f = std::move(file)](const std::string&) { return f; })) {
}

JsonReader::JsonReader(const nlohmann::json& document, FileNamer namer)
    : JsonReader(&document, "", "", std::make_shared<const FileNamer>(std::move(namer))) {}

JsonReader::JsonReader(const nlohmann::json* value, std::string pointer, std::string key,
                       std::shared_ptr<const FileNamer> namer)
    : value_(value), pointer_(std::move(pointer)), key_(std::move(key)), namer_(std::move(namer)) {}

JsonReader JsonReader::child(const std::string& key, const nlohmann::json& value) const {
  return JsonReader(&value, pointer_ + "/" + escape_pointer_token(key), key, namer_);
}

std::string JsonReader::file() const { return (*namer_)(pointer_); }

void JsonReader::fail(const std::string& message) const {
  throw InputError(one_line(file()), one_line(pointer_), one_line(message));
}

void JsonReader::expected(std::string_view what) const {
  fail("expected " + std::string(what) + ", got " + describe_value(*value_));
}

// ---- objects ----

void JsonReader::check_keys(const std::vector<std::string>& allowed) const {
  if (!value_->is_object()) expected("an object");
  for (const auto& [k, v] : value_->items()) {
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
      child(k, v).fail("unknown key '" + k + "'; expected one of: " + join(allowed));
  }
}

const JsonReader& JsonReader::object(std::initializer_list<std::string_view> allowed) const {
  std::vector<std::string> keys;
  for (std::string_view k : allowed) keys.emplace_back(k);
  check_keys(keys);
  return *this;
}

const JsonReader& JsonReader::object(const std::vector<std::string>& allowed) const {
  check_keys(allowed);
  return *this;
}

const JsonReader& JsonReader::any_object() const {
  if (!value_->is_object()) expected("an object");
  return *this;
}

bool JsonReader::has(std::string_view key) const { return value_->is_object() && value_->contains(key); }

JsonReader JsonReader::at(std::string_view key) const {
  if (!value_->is_object()) expected("an object");
  const auto it = value_->find(key);
  if (it == value_->end()) fail("missing key '" + std::string(key) + "'");
  return child(std::string(key), *it);
}

std::optional<JsonReader> JsonReader::find(std::string_view key) const {
  if (!value_->is_object()) expected("an object");
  const auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return child(std::string(key), *it);
}

std::vector<JsonReader> JsonReader::members() const {
  if (!value_->is_object()) expected("an object");
  std::vector<JsonReader> out;
  for (const auto& [k, v] : value_->items()) out.push_back(child(k, v));
  return out;
}

// ---- arrays ----

std::vector<JsonReader> JsonReader::array(std::size_t min_size, std::size_t max_size) const {
  std::string what = "an array";
  if (max_size == kUnbounded) {
    if (min_size > 0) what += " of at least " + std::to_string(min_size) + " items";
  } else {
    what += " of " + std::to_string(min_size) + ".." + std::to_string(max_size) + " items";
  }
  if (!value_->is_array() || value_->size() < min_size || value_->size() > max_size) expected(what);
  std::vector<JsonReader> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) out.push_back(child(std::to_string(i), (*value_)[i]));
  return out;
}

// ---- numbers ----

int JsonReader::integer(int min, int max) const {
  const double v = value_->is_number() ? value_->get<double>() : 0.0;
  return integer(min, max, integer_description(min, max, v));
}

int JsonReader::integer(int min, int max, std::string_view what) const {
  if (!value_->is_number()) expected(what);
  const double v = value_->get<double>();
  if (!std::isfinite(v) || v != std::floor(v) || v < min || v > max) expected(what);
  return static_cast<int>(v);
}

int JsonReader::year(int first, int last) const {
  return integer(first, last, "a year in " + std::to_string(first) + ".." + std::to_string(last));
}

double JsonReader::number(double min, double max, std::string_view what) const {
  if (!value_->is_number()) expected(what);
  const double v = value_->get<double>();
  if (!std::isfinite(v) || v < min || v > max) expected(what);
  return v;
}

double JsonReader::probability() const { return number(0.0, 1.0, "a probability in [0, 1]"); }

double JsonReader::positive_number() const {
  const double v = number(0.0, std::numeric_limits<double>::max(), "a positive number");
  if (v <= 0) expected("a positive number");
  return v;
}

double JsonReader::non_negative_number() const {
  return number(0.0, std::numeric_limits<double>::max(), "a non-negative number");
}

// ---- strings and booleans ----

std::string JsonReader::string() const {
  if (!value_->is_string()) expected("a string");
  return value_->get<std::string>();
}

std::string JsonReader::non_empty_string() const {
  if (!value_->is_string() || value_->get_ref<const std::string&>().empty()) expected("a non-empty string");
  return value_->get<std::string>();
}

std::string JsonReader::choice(std::initializer_list<std::string_view> choices) const {
  std::vector<std::string> quoted;
  for (std::string_view c : choices) {
    std::string q(1, '"');
    q.append(c);
    q += '"';
    quoted.push_back(std::move(q));
  }
  const std::string what = "one of " + join(quoted);
  if (!value_->is_string()) expected(what);
  const std::string& s = value_->get_ref<const std::string&>();
  for (std::string_view c : choices)
    if (s == c) return s;
  expected(what);
}

bool JsonReader::boolean() const {
  if (!value_->is_boolean()) expected("true or false");
  return value_->get<bool>();
}

// ---- regions and years ----

Region JsonReader::region() const {
  const std::string what = "a region (" + join(region_names()) + ")";
  if (!value_->is_string()) expected(what);
  if (const auto r = parse_region(value_->get_ref<const std::string&>())) return *r;
  fail("unknown region '" + value_->get<std::string>() + "'; expected one of: " + join(region_names()));
}

Region JsonReader::region_key() const {
  if (const auto r = parse_region(key_)) return *r;
  fail("unknown region '" + key_ + "'; expected one of: " + join(region_names()));
}

std::vector<JsonReader> JsonReader::regions() const {
  if (!value_->is_object()) expected("an object with keys " + join(region_names()));
  std::vector<std::optional<JsonReader>> found(kRegionCount);
  for (const JsonReader& m : members()) found[static_cast<std::size_t>(index(m.region_key()))] = m;
  std::vector<JsonReader> out;
  for (Region r : kRegions) {
    auto& f = found[static_cast<std::size_t>(index(r))];
    if (!f) fail("missing region '" + std::string(region_name(r)) + "'");
    out.push_back(*f);
  }
  return out;
}

int JsonReader::year_key(int first, int last, std::string_view what) const {
  const bool digits =
      key_.size() == 4 && std::all_of(key_.begin(), key_.end(), [](char c) { return c >= '0' && c <= '9'; });
  const std::string range = std::to_string(first) + ".." + std::to_string(last);
  if (!digits) fail("expected a year (four digits) in " + range + " as key, got '" + key_ + "'");
  const int y = std::stoi(key_);
  if (y < first || y > last) fail(std::string(what) + ": expected a year in " + range + ", got " + key_);
  return y;
}

}  // namespace forlob
