#include "scenario/JsonText.hpp"

#include <set>
#include <utility>
#include <vector>

#include "core/Errors.hpp"
#include "scenario/JsonLimits.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/ScenarioDocument.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

// Rejects a key repeated within one object, which JSON parsers otherwise resolve silently (the
// last one wins), e.g. two "2024" entries under /flex/caps.
class DuplicateKeyCheck {
 public:
  explicit DuplicateKeyCheck(std::string name) : name_(std::move(name)) {}
  bool operator()(int /*depth*/, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        start_element();
        frames_.push_back({event == Json::parse_event_t::object_start, {}, {}, 0});
        break;
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        frames_.pop_back();
        break;
      case Json::parse_event_t::key: {
        Frame& f = frames_.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second)
          throw InputError(name_, one_line(pointer()), "duplicate key '" + one_line(f.key) + "'");
        break;
      }
      case Json::parse_event_t::value:
        start_element();
        break;
    }
    return true;
  }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;        // the current member's key (objects)
    std::size_t count = 0;  // elements started so far (arrays)
  };
  void start_element() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().count;
  }
  std::string pointer() const {
    std::string p;
    for (const Frame& f : frames_)
      p += "/" + (f.object ? escape_pointer_token(f.key) : std::to_string(f.count - 1));
    return p;
  }

  std::string name_;
  std::vector<Frame> frames_;
};

}  // namespace

nlohmann::json parse_json_text(const std::string& text, const std::string& name) {
  if (const auto violation = check_json_limits(text))
    throw InputError(
        name, "line " + std::to_string(violation->line) + ", column " + std::to_string(violation->column),
        violation->message);
  try {
    return Json::parse(text, DuplicateKeyCheck(name));
  } catch (const Json::parse_error& e) {
    // e.byte is the 1-based index of the last byte read; report the line and the column (in
    // characters, not UTF-8 bytes) of that byte.
    const std::size_t at = std::min(e.byte == 0 ? std::size_t{0} : e.byte - 1, text.size());
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < at; ++i)
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    std::size_t column = 1;
    for (std::size_t i = line_start; i < at; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    std::string detail = json_library_detail(e.what());
    if (detail.rfind("parse error", 0) == 0) {
      const auto colon = detail.find(": ");
      if (colon != std::string::npos) detail = detail.substr(colon + 2);
    }
    if (detail.size() > 200) detail = detail.substr(0, 200) + "...";
    throw InputError(name, "line " + std::to_string(line) + ", column " + std::to_string(column),
                     "malformed JSON: " + detail);
  } catch (const Json::exception& e) {  // check_json_limits finds what nlohmann reports this way
    throw InputError(name, "", "malformed JSON: " + shortened(json_library_detail(e.what()), 200));
  }
}

}  // namespace forlob
