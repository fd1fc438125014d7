#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>
#include <simdjson.h>

namespace gigafact {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Share of control bytes (other than tab, newline, form feed, carriage
// return, escape) above which an input is taken for binary rather than text.
constexpr double kBinaryControlShare = 0.05;
// Share of bytes in malformed UTF-8 sequences up to which a UTF-8 page is
// repaired rather than re-read in a legacy charset: a damaged UTF-8 page has a
// handful, a GBK or Big5 page has them on almost every Chinese character.
constexpr double kRepairableInvalidShare = 0.01;
// Well-formed multi-byte UTF-8 characters per malformed byte from which a
// short page is damaged UTF-8 all the same: one cut character in a
// two-line Chinese article is over 1 % of its bytes, yet the rest reads as
// UTF-8, which GBK and Big5 text almost never does.
constexpr size_t kRepairableWellFormedPerBad = 8;

bool IsControlByte(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
}

size_t CountControlBytes(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += IsControlByte(c) || c == 0x7F;
  return n;
}

// Length of the well-formed UTF-8 sequence at s[i], or 0 if malformed.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> unsigned { return static_cast<unsigned char>(s[k]); };
  unsigned c = byte(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

// RepairUtf8 replaces each malformed byte by U+FFFD; returns how many, and
// counts the well-formed multi-byte characters in *multibyte.
size_t RepairUtf8(std::string_view in, std::string* out, size_t* multibyte) {
  out->clear();
  out->reserve(in.size() + 16);
  size_t bad = 0;
  *multibyte = 0;
  for (size_t i = 0; i < in.size();) {
    size_t n = Utf8SequenceLength(in, i);
    if (n == 0) {
      out->append("\xEF\xBF\xBD");
      ++bad;
      ++i;
    } else {
      out->append(in.substr(i, n));
      *multibyte += n > 1;
      i += n;
    }
  }
  return bad;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// ConvertStrict decodes bytes in a named charset, failing on any byte
// sequence the charset does not define.
bool ConvertStrict(const char* charset, std::string_view in, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  std::unique_ptr<UConverter, ConverterCloser> utf8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return false;
  out->assign(in.size() * 2 + 16, '\0');
  char* target = out->data();
  const char* source = in.data();
  ucnv_convertEx(utf8.get(), conv.get(), &target, out->data() + out->size(), &source,
                 in.data() + in.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (U_FAILURE(status)) return false;
  out->resize(target - out->data());
  return true;
}

// DetectLegacyCharset asks ICU's detector for its best guess among the
// charsets it knows; empty if it has none.
std::string DetectLegacyCharset(std::string_view in, const char* prefer_a,
                                const char* prefer_b) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return "";
  ucsdet_setText(det, in.data(), static_cast<int32_t>(in.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &count, &status);
  std::string best;
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) break;
    std::string n(name);
    if (prefer_a && (n == prefer_a || n == prefer_b)) { best = n; break; }
    if (!prefer_a && best.empty()) best = n;
  }
  ucsdet_close(det);
  return best;
}

void BlankControlBytes(DecodeResult* r) {
  size_t n = 0;
  for (char& c : r->utf8) {
    unsigned char u = static_cast<unsigned char>(c);
    if (IsControlByte(u) || u == 0x7F) { c = ' '; ++n; }
  }
  if (n > 0)
    r->warnings.push_back("control_bytes: " + std::to_string(n) +
                          " control byte(s) (e.g. NUL) replaced by spaces");
}

DecodeResult Finish(DecodeResult r) {
  r.ok = true;
  BlankControlBytes(&r);
  return r;
}

bool IsValidUtf8Bytes(std::string_view bytes) {
  return simdjson::validate_utf8(bytes.data(), bytes.size());
}

// Decode is DecodeToUtf8; owned, if not null, is the buffer bytes view, which
// valid UTF-8 may take over.
DecodeResult Decode(std::string_view bytes, std::string* owned) {
  DecodeResult r;
  // UTF-16 is recognised by its BOM only (SPEC §1).
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const char* cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (ConvertStrict(cs, bytes.substr(2), &r.utf8)) {
      r.charset = cs;
      return Finish(std::move(r));
    }
    r.error_code = "undecodable";
    r.error_message = std::string("input starts with a ") + cs +
                      " byte-order mark but is not valid " + cs;
    return r;
  }
  if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);

  if (!bytes.empty() &&
      CountControlBytes(bytes) > kBinaryControlShare * static_cast<double>(bytes.size())) {
    r.error_code = "binary_input";
    r.error_message = "input looks binary (" + std::to_string(CountControlBytes(bytes)) +
                      " control bytes in " + std::to_string(bytes.size()) + ")";
    return r;
  }

  if (IsValidUtf8Bytes(bytes)) {
    if (owned != nullptr) {
      owned->erase(0, owned->size() - bytes.size());  // the BOM, if any
      r.utf8 = std::move(*owned);
    } else {
      r.utf8.assign(bytes);
    }
    r.charset = "UTF-8";
    return Finish(std::move(r));
  }

  std::string repaired;
  size_t multibyte = 0;
  size_t bad = RepairUtf8(bytes, &repaired, &multibyte);
  if (bad <= kRepairableInvalidShare * static_cast<double>(bytes.size()) ||
      multibyte >= kRepairableWellFormedPerBad * bad) {
    r.utf8 = std::move(repaired);
    r.charset = "UTF-8";
    r.warnings.push_back("invalid_utf8: " + std::to_string(bad) +
                         " malformed byte(s) replaced by U+FFFD");
    return Finish(std::move(r));
  }

  std::string gb, big5;
  bool gb_ok = ConvertStrict("GB18030", bytes, &gb);
  bool big5_ok = ConvertStrict("Big5", bytes, &big5);
  if (gb_ok && big5_ok) {
    // Both read the bytes: let the detector's statistics choose.
    std::string guess = DetectLegacyCharset(bytes, "GB18030", "Big5");
    if (guess == "Big5") gb_ok = false;
  }
  if (gb_ok) {
    r.utf8 = std::move(gb);
    r.charset = "GB18030";
    return Finish(std::move(r));
  }
  if (big5_ok) {
    r.utf8 = std::move(big5);
    r.charset = "Big5";
    return Finish(std::move(r));
  }

  // Neither Chinese charset: take the detector's best guess, with a warning.
  std::string guess = DetectLegacyCharset(bytes, nullptr, nullptr);
  if (!guess.empty() && ConvertStrict(guess.c_str(), bytes, &r.utf8)) {
    r.charset = guess;
    r.warnings.push_back("charset_guess: read as " + guess +
                         " (not UTF-8, GB18030 or Big5)");
    return Finish(std::move(r));
  }
  r.utf8.clear();
  r.error_code = "undecodable";
  r.error_message = "input is not valid UTF-8 (" + std::to_string(bad) +
                    " malformed bytes) and no supported charset reads it";
  return r;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) { return IsValidUtf8Bytes(bytes); }

DecodeResult DecodeToUtf8(std::string_view bytes) { return Decode(bytes, nullptr); }

DecodeResult TakeAndDecodeToUtf8(std::string&& bytes) { return Decode(bytes, &bytes); }

}  // namespace gigafact
