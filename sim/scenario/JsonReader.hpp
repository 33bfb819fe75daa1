#pragma once
// A typed, validating view of one value in a JSON document. It carries the value's JSON pointer
// and knows which file the value came from, so every failure is a one-line InputError such as
//   scenarios/x.json: /flex/caps/2024/Nord: expected a non-negative integer, got -3
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Region.hpp"

namespace forlob {

// Names the file (or --set argument) that the value at a JSON pointer came from.
using FileNamer = std::function<std::string(const std::string& pointer)>;

// One reference token escaped for a JSON pointer (RFC 6901: '~' -> "~0", '/' -> "~1").
std::string escape_pointer_token(std::string_view token);

// A value as a message shows it: compact JSON on one line, shortened when long.
std::string describe_value(const nlohmann::json& value);

// Text made safe for a one-line message (control characters escaped).
std::string one_line(std::string_view text);

// A specialty id as scenarios, data files and fitted files spell it: non-empty, of lower-case
// letters, digits and '_' (almen_medicin).
bool is_specialty_id(std::string_view text);
// At most `max_bytes` of `text`, cut at a UTF-8 character boundary and marked "..." when cut, so a
// long value cannot swamp a one-line error.
std::string shortened(std::string_view text, std::size_t max_bytes);

// "a, b, c"
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

class JsonReader {
 public:
  static constexpr int kMaxCount = 1'000'000;  // upper bound on any count of courses
  static constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

  // The root of `document`, which came from one file.
  JsonReader(const nlohmann::json& document, std::string file);
  // The root of `document`, whose values may come from several files (extends, --set).
  JsonReader(const nlohmann::json& document, FileNamer namer);

  const nlohmann::json& json() const { return *value_; }
  const std::string& pointer() const { return pointer_; }
  const std::string& key() const { return key_; }  // last token of the pointer, unescaped
  std::string file() const;
  bool is_null() const { return value_->is_null(); }

  // Throws InputError(file, pointer, message).
  [[noreturn]] void fail(const std::string& message) const;
  // Throws "expected <what>, got <value>".
  [[noreturn]] void expected(std::string_view what) const;

  // Objects. object() rejects keys not in `allowed`, naming the key and listing the allowed ones.
  const JsonReader& object(std::initializer_list<std::string_view> allowed) const;
  const JsonReader& object(const std::vector<std::string>& allowed) const;
  const JsonReader& any_object() const;
  bool has(std::string_view key) const;                        // present, even if null
  JsonReader at(std::string_view key) const;                   // required
  std::optional<JsonReader> find(std::string_view key) const;  // absent or null: nullopt
  std::vector<JsonReader> members() const;                     // of an object, in key order

  // Arrays.
  std::vector<JsonReader> array(std::size_t min_size = 0, std::size_t max_size = kUnbounded) const;

  // Numbers. Integers reject fractions; 3.0 is read as 3.
  int integer(int min, int max) const;
  int integer(int min, int max, std::string_view what) const;
  int count() const { return integer(0, kMaxCount); }  // a non-negative integer
  int year(int first, int last) const;
  double number(double min, double max, std::string_view what) const;  // closed interval
  double probability() const;
  double positive_number() const;
  double non_negative_number() const;

  // Strings and booleans.
  std::string string() const;
  std::string non_empty_string() const;
  std::string choice(std::initializer_list<std::string_view> choices) const;
  bool boolean() const;

  // Regions: a string value naming a region, this member's key naming one, or an object keyed by
  // exactly the three regions (returned in region order Nord, Syd, Øst).
  Region region() const;
  Region region_key() const;
  std::vector<JsonReader> regions() const;
  // This member's key as a year in first..last; `what` explains a year outside the range.
  int year_key(int first, int last, std::string_view what) const;

 private:
  JsonReader(const nlohmann::json* value, std::string pointer, std::string key,
             std::shared_ptr<const FileNamer> namer);
  JsonReader child(const std::string& key, const nlohmann::json& value) const;
  void check_keys(const std::vector<std::string>& allowed) const;

  const nlohmann::json* value_;
  std::string pointer_;
  std::string key_;
  std::shared_ptr<const FileNamer> namer_;
};

}  // namespace forlob
