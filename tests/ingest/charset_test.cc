#include "ingest/charset.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

namespace gigafact {
namespace {

// Encode writes UTF-8 text in a legacy charset, so the tests make their own
// GBK and Big5 samples.
std::string Encode(const char* charset, const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(n));
  return out;
}

const std::string kSimplified =
    "宁德时代在山东省东营市垦利区建设年产能40GWh的锂电池绿色制造基地，"
    "项目一期预计于2026年投产。";
const std::string kTraditional =
    "寧德時代在山東省東營市墾利區建設年產能40GWh的鋰電池綠色製造基地，"
    "項目一期預計於2026年投產。";

TEST(CharsetTest, Utf8PassesThrough) {
  DecodeResult r = DecodeToUtf8(kSimplified);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.utf8, kSimplified);
  EXPECT_EQ(r.charset, "UTF-8");
  EXPECT_TRUE(r.warnings.empty());
}

TEST(CharsetTest, Utf8BomIsDropped) {
  DecodeResult r = DecodeToUtf8("\xEF\xBB\xBF" + kSimplified);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.utf8, kSimplified);
}

TEST(CharsetTest, GbkIsDetectedAndConverted) {
  std::string gbk = Encode("GBK", kSimplified);
  ASSERT_NE(gbk, kSimplified);
  DecodeResult r = DecodeToUtf8(gbk);
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.utf8, kSimplified);
  EXPECT_EQ(r.charset, "GB18030");
}

TEST(CharsetTest, Big5IsDetectedAndConverted) {
  std::string big5 = Encode("Big5", kTraditional);
  DecodeResult r = DecodeToUtf8(big5);
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.utf8, kTraditional);
  EXPECT_EQ(r.charset, "Big5");
}

TEST(CharsetTest, Utf16WithBomIsConverted) {
  std::string utf16 = "\xFF\xFE" + Encode("UTF-16LE", kSimplified);
  DecodeResult r = DecodeToUtf8(utf16);
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.utf8, kSimplified);
  EXPECT_EQ(r.charset, "UTF-16LE");
}

TEST(CharsetTest, AFewBadBytesInUtf8AreRepairedWithAWarning) {
  std::string damaged = kSimplified + kSimplified + kSimplified;
  damaged.insert(30, "\xFF");
  DecodeResult r = DecodeToUtf8(damaged);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(IsValidUtf8(r.utf8));
  EXPECT_NE(r.utf8.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].rfind("invalid_utf8", 0), 0u);
}

TEST(CharsetTest, NulBytesBecomeSpacesWithAWarning) {
  std::string text = "CATL plans 40 GWh" + std::string(1, '\0') + " in Dongying.";
  DecodeResult r = DecodeToUtf8(text);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.utf8, "CATL plans 40 GWh  in Dongying.");
  EXPECT_EQ(r.utf8.size(), text.size());
  ASSERT_EQ(r.warnings.size(), 1u);
}

TEST(CharsetTest, BinaryIsAnError) {
  std::string binary;
  for (int i = 0; i < 512; ++i) binary.push_back(static_cast<char>(i % 7));
  DecodeResult r = DecodeToUtf8(binary);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_code, "binary_input");
}

TEST(CharsetTest, ValidatorRejectsOverlongsAndSurrogates) {
  EXPECT_TRUE(IsValidUtf8("abc 宁德"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));
  EXPECT_FALSE(IsValidUtf8("\xE5\xAE"));
}

}  // namespace
}  // namespace gigafact
