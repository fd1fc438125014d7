// The normalized view of an article: NFKC (which folds full-width digits,
// letters and punctuation, so "６０ＧＷｈ" reads "60GWh"), with the offset map
// back to the original bytes.
#ifndef GIGAFACT_INGEST_NORMALIZE_H_
#define GIGAFACT_INGEST_NORMALIZE_H_

#include <string>
#include <string_view>

#include "core/offset_map.h"

namespace gigafact {

// NormalizeNfkc writes the NFKC form of valid UTF-8 text to *norm and the map
// from its offsets back to text's into *map. Text already in NFKC (most pages)
// is copied and the map left as the identity.
void NormalizeNfkc(std::string_view text, std::string* norm, OffsetMap* map);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_NORMALIZE_H_
