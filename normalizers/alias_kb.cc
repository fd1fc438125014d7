#include "normalizers/alias_kb.h"

#include "normalizers/tsv.h"

namespace gigafact {

bool AliasKb::LoadFile(const std::string& path, std::string* err) {
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows, err)) return false;
  for (TsvRow& row : rows) {
    Party p;
    p.entity.id = row["id"];
    p.entity.type = row["type"];
    p.entity.parent = row["parent"];
    p.entity.name = row["name_en"];
    p.entity.name_zh = row["name_zh"];
    p.aliases = SplitList(row["aliases"]);
    if (p.entity.id.empty() || by_id_.count(p.entity.id)) continue;
    int index = static_cast<int>(parties_.size());
    by_id_[p.entity.id] = index;
    matcher_.Add(p.entity.name, index);
    matcher_.Add(p.entity.name_zh, index);
    for (const std::string& a : p.aliases) matcher_.Add(a, index);
    parties_.push_back(std::move(p));
  }
  matcher_.Build();
  return true;
}

void AliasKb::Find(std::string_view text, std::vector<Hit>* out) const {
  std::vector<NameMatcher::Match> matches;
  matcher_.FindAll(text, &matches);
  for (const auto& m : matches) out->push_back({m.span, m.payload});
}

int AliasKb::Lookup(std::string_view name) const { return matcher_.Lookup(name); }

int AliasKb::IndexOf(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

}  // namespace gigafact
