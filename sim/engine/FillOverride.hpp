#pragma once
// A hook that decides whether postings fill in place of the fill draw, consulted by
// Replication::post. The evaluation forecast uses it to hold hiring rounds already held to their
// observed figures (sim/forecast/ObservedRounds); without a hook every posting draws as usual.
#include <functional>
#include <optional>
#include <span>

#include "model/Posting.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {

// How a posting fares if left to the fill draws: the re-postings (R5) it uses when it fills within
// its round, or -1 when it stays unfilled. Computed on request, so a hook pays only for the
// postings it looks at.
using NaturalFill = std::function<int(const Posting&)>;

class FillOverride {
 public:
  virtual ~FillOverride() = default;
  // A replication starts; `replication` is its stream key (seed, replication index).
  virtual void begin_replication(StreamKey replication) = 0;
  // A hiring round opens: every posting of the round's month, in the order it is posted (the
  // round's fresh courses; re-postings only in calendars whose re-posting delay lands on a round).
  virtual void on_round(int year, int round, std::span<const Posting> postings,
                        const NaturalFill& natural) = 0;
  // Whether `p` fills: a fixed answer, or nullopt to leave it to the fill draw.
  virtual std::optional<bool> fills(const Posting& p) = 0;
};

}  // namespace forlob
