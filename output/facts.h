// Fact linking: ties each energy and power figure of the article body to what
// it measures — owners, place, event type and date (SPEC §2 facts).
//
// FactLinker reads the structure of the text (output/fact_text.h), not one
// article's sentences:
//  1. Owners and place come from the figure's clause, then its unit
//     ("CATL's 40 GWh base in Kenli", "在肇庆建设年产能25GWh的基地"); a figure
//     whose unit names none but points back ("the project", 该项目, "it") takes
//     them from the units before it, then from the article's lead (its main
//     company, the site its first sentences locate). Governments only host or
//     sign and sources are only cited ("according to", 据): neither owns. A
//     statistic of a place ("全省…装机", "the city produced") has no owner.
//  2. The event type comes from cue words and modality in both languages
//     (output/cue_table.h, normalizers/data/event_words.tsv): a done event
//     (signed, broke ground, started production) outranks a plan or a stated
//     capacity; a future marker ("will start production", 计划…投产) or a
//     deadline date ("by 2030", 到2028年) makes it a plan. A figure that only
//     points back ("the plant will have 30 GWh") takes the event told before.
//     The date is the one stated with that event, not any date of the
//     sentence; a plan without one is dated by the plan the sentence before
//     gives, else by the announcement the article leads with.
//  3. One fact per figure and thing: mentions of one figure whose owners and
//     places agree (a headline and its body, the English and Chinese halves
//     of a page) merge; a range gives a fact per end, a "200 MW/400 MWh" a
//     power and an energy fact with shared attributes. Boilerplate never
//     yields a fact, nor a vague figure (no value), nor a product
//     specification ("单台容量5MWh").
#ifndef GIGAFACT_OUTPUT_FACTS_H_
#define GIGAFACT_OUTPUT_FACTS_H_

#include <string>

#include "core/document.h"
#include "core/extraction.h"
#include "normalizers/gazetteer.h"
#include "output/cue_table.h"

namespace gigafact {

class FactLinker {
 public:
  // gazetteer (may be null) tells which place lies within which beyond the
  // places an article mentions; it must outlive the linker.
  explicit FactLinker(const Gazetteer* gazetteer = nullptr) : gazetteer_(gazetteer) {}

  // LoadCues reads the cue table (normalizers/data/event_words.tsv); false
  // with *err. Without cues the linker still finds owners and places, and
  // every figure is a capacity.
  bool LoadCues(const std::string& path, std::string* err) { return cues_.LoadFile(path, err); }
  // cues gives tests a way to build a small table: Add, then Compile.
  CueTable& cues() { return cues_; }

  // Link appends to ex->facts one fact per figure and thing measured, from
  // ex->quantities (energy and power), ex->dates, ex->places, ex->parties and
  // ex->entities. Thread-safe (const, no shared mutable state). When trace is
  // not null, it gets the units with their cue words and one line per figure
  // saying what was chosen and why.
  void Link(const Document& doc, Extraction* ex, std::string* trace = nullptr) const;

 private:
  const Gazetteer* gazetteer_;
  CueTable cues_;
};

}  // namespace gigafact

#endif  // GIGAFACT_OUTPUT_FACTS_H_
