#pragma once
// A hook that decides whether postings fill in place of the fill draw, consulted by
// Replication::post. The evaluation forecast uses it to hold hiring rounds already held to their
// observed figures (sim/forecast/ObservedRounds); without a hook every posting draws as usual.
#include <optional>
#include <span>

#include "model/Posting.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {

// A fresh posting of a hiring round (not a re-posting) and how it fares if left to the fill draws.
struct RoundPosting {
  Posting posting;
  int natural_fill = -1;  // re-postings (R5) used when it fills within the round; -1: it stays unfilled
};

class FillOverride {
 public:
  virtual ~FillOverride() = default;
  // A replication starts; `replication` is its stream key (seed, replication index).
  virtual void begin_replication(StreamKey replication) = 0;
  // A hiring round opens: every fresh posting of the round's month, in the order it is posted.
  virtual void on_round(int year, int round, std::span<const RoundPosting> postings) = 0;
  // Whether `p` fills: a fixed answer, or nullopt to leave it to the fill draw.
  virtual std::optional<bool> fills(const Posting& p) = 0;
};

}  // namespace forlob
