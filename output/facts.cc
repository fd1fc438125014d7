#include "output/facts.h"

namespace gigafact {

void LinkFacts(const Document& doc, Extraction* ex) {
  (void)doc;
  (void)ex;
}

}  // namespace gigafact
