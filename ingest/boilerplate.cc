#include "ingest/boilerplate.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace gigafact {

namespace {

// Cue: what a trigger phrase says about its line and the lines after it,
// weakest first (a line takes the strongest cue that applies to it).
enum class Cue : uint8_t {
  kNone,
  kLink,       // URL, e-mail, phone: boilerplate unless the line is a sentence
  kShortLine,  // credit, byline, share button, menu: unless long prose
  kLine,       // licence or reprint notice: boilerplate whatever its length
  kSection,    // a box that runs until the prose resumes
  kTail,       // the page's tail (related lists, comments, footer) starts here
};

struct Trigger {
  const char* pattern;  // RE2, matched case-insensitively on one NFKC line
  Cue cue;
  uint32_t max_bytes = 0;  // the trigger counts only on lines this short (0: any)
};

// kLineStartTriggers open a line (after kLeadingMarks); kAnywhereTriggers
// may sit anywhere in it and are scanned for over the whole text at once,
// so they stay close to literals: counted repetition would multiply the
// states of the automaton (a length limit goes in max_bytes; menus are
// counted in code). Lines are NFKC, so full-width "：" and "｜" arrive as
// ":" and "|". Patterns match case-insensitively.
constexpr Trigger kLineStartTriggers[] = {
    // Related lists, tags, pagers, contact blocks, comments: the tail.
    {R"((recent|related|latest|popular|trending|featured|recommended|similar|more|other|top)\s+)"
     R"((posts?|articles?|news|stories|content|reads?|headlines|reading|coverage|videos?)\b)",
     Cue::kTail},
    {R"(related\s*(:|$)|related (links?|to this)\b|(read (more|also|next)|see also|further reading|)"
     R"(more from|more on this|you (may|might) (also )?(like|enjoy|be interested)|)"
     R"(most (read|popular|viewed|shared))\b)",
     Cue::kTail},
    {R"((tags?|keywords|filed under|categories|topics)\s*(:|$))", Cue::kTail},
    {R"((«|‹|<)?\s*(previous|prev|next)\s*(post|article|story|page|news)?\s*(:|»|›|>|$))",
     Cue::kTail},
    // Contact blocks and a press release's closing blocks and end marks.
    {R"((contact us|about us|about the author)\b|(media|press|investor) (contacts?|enquiries|)"
     R"(inquiries|relations)\b|(forward-looking statements?|safe harbou?r|cautionary (note|statement)))"
     R"(\b|(###|ends?[\s\-—]*)$)",
     Cue::kTail},
    {R"(about\s+\S)", Cue::kTail, 80},  // "About CATL"
    {R"((leave a (reply|comment)|post a comment|add a comment|join the (discussion|conversation)|)"
     R"(comments? (are|is) closed)|(\d+\s+)?(comments?|responses?|replies)\s*(\(\d+\))?\s*:?$)",
     Cue::kTail},
    {R"((©|\(c\))?\s*copyright|(©|\(c\))\s*\d|all rights reserved|(disclaimer|免责声明|免責聲明)$)",
     Cue::kTail},
    {R"((相关|相關)(阅读|閱讀|新闻|新聞|文章|报道|報導|報道|推荐|推薦|资讯|資訊|链接|鏈接|内容|內容|)"
     R"(产品|產品|稿件|专题|專題|公告|话题|話題)|(推荐|推薦|延伸|扩展|擴展|热门|熱門|热点|熱點|最新|)"
     R"(精彩|更多|猜你|往期|今日|本周|一周)(阅读|閱讀|文章|新闻|新聞|推荐|推薦|资讯|資訊|喜欢|喜歡|)"
     R"(报道|報導|热点|熱點|回顾|回顧))",
     Cue::kTail},
    {R"((阅读|閱讀|点击|點擊|热度|熱度|人气|人氣|新闻|新聞)?(排行)?榜\s*$|(阅读|閱讀|点击|點擊)(排行|榜)|)"
     R"(上一篇|下一篇|上一条|下一条|上一條|下一條|上一页|下一页|上一頁|下一頁|上篇|下篇|)"
     R"((标签|標籤|關鍵詞|关键词|关键字|關鍵字)\s*(:|$)|联系我们|聯繫我們|聯絡我們|关于我们|關於我們|)"
     R"(版权所有|版權所有|(评论|評論|留言)\s*(\(\d+\))?\s*:?$|\d+\s*(条|條)(评论|評論))",
     Cue::kTail},

    // Boxes inside the page: subscription walls, newsletter sign-ups.
    {R"(this (article|content|story|post) (requires|is (only )?(available|reserved))|)"
     R"(subscribe (now|today|to)\b|(sign up|register) (for|to|now)\b|)"
     R"((subscribe|sign up|get|receive|join)\b.*\bnewsletter\b|already (a subscriber|have an account)|)"
     R"((log|sign) in to (continue|read)|订阅|訂閱|(登录|登錄)后(阅读|閱讀|查看))",
     Cue::kSection},

    {R"((disclaimer|免责声明|免責聲明|版权声明|版權聲明|特别声明|特別聲明|声明|聲明)\s*[:】\])])",
     Cue::kLine},

    // Credits, bylines, share buttons, contact fields, navigation.
    {R"((来源|來源|source|sources|出处|出處|作者|author|编辑|編輯|责编|責編|审核|審核|校对|校對|)"
     R"(撰文|记者|記者|通讯员|通訊員|摄影|攝影|图片来源|圖片來源|图片|圖片|图源|圖源|配图|配圖|)"
     R"(image|photo|picture|credit|credits|photo credit|图|圖|文)\s*(:|\|)|)"
     R"((share|share this( article| story| post)?|share (on|via))\s*(:|\|)|分享到|)"
     R"((主办|主辦|承办|承辦|协办|協辦|主办单位|主辦單位|网站标识码|網站標識碼)\s*:|)"
     R"((热门|熱門)(标签|標籤|搜索|搜尋)\s*:|(or )?continue reading\b)",
     Cue::kShortLine},
    {R"(by\s+[a-z])", Cue::kShortLine, 40},  // a byline: "By John Shepherd"
    {R"((share|share this( article| story| post)?|share (on|via)|分享|tweet|print|email|e-mail|)"
     R"(linkedin|twitter|x|facebook|reddit|whatsapp|telegram|pinterest|tumblr|xing|weibo|wechat|)"
     R"(微信|微博|qq空间|qq空間|qq|朋友圈|复制链接|複製鏈接|copy link|backtop|back to top|返回顶部|)"
     R"(返回頂部|返回首页|返回首頁|返回列表|top|menu|search|login|log in|sign in|register|登录|登錄|)"
     R"(注册|註冊|搜索|打印|收藏|关闭|關閉|关闭窗口|關閉窗口|首页|首頁|home|category|advertisement|)"
     R"(advertising|广告|廣告|sponsored|sponsored content|skip to (main )?content)\s*:?$)",
     Cue::kShortLine},
    {R"((tel|telephone|phone|mobile|mob|fax|e-?mail|add|address|addr|contact|contact person|)"
     R"(wechat|whatsapp|skype|qq|电话|電話|手机|手機|传真|傳真|邮箱|郵箱|电子邮件|地址|联系人|聯繫人|)"
     R"(联系电话|聯繫電話|联系方式|聯繫方式|热线|熱線|客服|客服热线|邮编|郵編|网址|網址)\s*:)",
     Cue::kShortLine},
    {R"((home|首页|首頁|主页|主頁|当前位置|當前位置|您的位置|你的位置|您现在的位置|您當前的位置|)"
     R"(当前的位置|位置|your location|you are here|location)\s*(:|>|»|›|/|\|)|)"
     R"(welcome|欢迎访问|欢迎来到|欢迎光临|歡迎訪問|歡迎來到|歡迎光臨|欢迎您)",
     Cue::kShortLine},
};

constexpr Trigger kAnywhereTriggers[] = {
    {R"((参与|參與|发表|發表|网友|網友|我要|相关|相關|最新|热门|熱門|全部|查看)(评论|評論)|)"
     R"((评论|評論)(区|區))",
     Cue::kTail},
    {R"(premium subscription|付费(阅读|閱讀))", Cue::kSection},

    // Licence, reprint and disclaimer notices: never body, however long.
    {R"(ICP(备|備|证|證)|(公网|公網)安(备|備)|增值电信业务经营许可证|all rights reserved|)"
     R"(版权所有|版權所有|原创文章|如若(转载|轉載)|(转载|轉載)请注明|(轉載|转载)請註明|)"
     R"(不得(转载|轉載)|禁止(转载|轉載)|文章内容来自网络|文章內容來自網絡|本站资料|本站資料|)"
     R"(如有(侵权|侵權|版权问题|版權問題)|版权归原作者|版權歸原作者|本文仅代表作者|本文僅代表作者|)"
     R"(不构成投资建议|不構成投資建議|take no responsibility for the contents of this|)"
     R"(make no representation as to its accuracy|对本公告的内容概不负责|對本公告的內容概不負責)",
     Cue::kLine},

    {R"(©|\(c\)\s*\d|copyright|powered by\b|(责任编辑|責任編輯|编辑|編輯)\s*:|)"
     R"(\b(image|photo|picture|credit|source|editor|filed under)s?\s*:|)"
     R"(\b(reporting|editing|writing|compiled|additional reporting)\s+by\b|&gt;|&raquo;)",
     Cue::kShortLine},
    {R"(记者|記者|通讯员|通訊員)", Cue::kShortLine, 30},  // "（记者 黄嘉颖）"
    {R"(二维码|二維碼|扫码|掃碼|扫一扫|掃一掃|关注我们|關注我們|关注公众号|關注公眾號|点击关注|)"
     R"(點擊關注|长按识别|長按識別|阅读原文|閱讀原文|浏览次数|瀏覽次數|浏览量|瀏覽量|阅读量|閱讀量|)"
     R"(点击数|點擊數|点击量|點擊量|\bfollow us\b)",
     Cue::kShortLine},
};

// kLinkPattern finds URLs, e-mail addresses and phone numbers (link-density
// cue); it runs only on lines CountCharacters flagged with a link hint.
constexpr const char* kLinkPattern =
    R"(https?://|\bwww\.[a-z0-9-]+\.[a-z]|[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z]|\b0\d\d\d?-\d{7}|)"
    R"(\b1[3-9]\d{9}\b|\+\d+[ (-]*\d+[ )-]*\d{3}[ -]?\d{3}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|)"
    R"(\b400-?\d{3}-?\d{4}\b)";

// Thresholds of the line shape (documented in boilerplate.h).
constexpr uint32_t kLongProseBytes = 100;
constexpr uint32_t kResumeBytes = 120;
constexpr uint32_t kMaxHeadlineBytes = 300;
constexpr uint32_t kMaxMetaBytes = 120;
constexpr uint32_t kMaxMenuItemBytes = 36;
constexpr uint32_t kMaxCrumbBytes = 50;
constexpr int kMaxHeadingsKept = 2;
constexpr int64_t kGapPenaltyBytes = 80;
constexpr size_t kMinHeadlineRun = 3;
constexpr uint32_t kMaxFragmentBytes = 40;
constexpr uint32_t kMaxFragmentHan = 8;
constexpr uint32_t kMaxFragmentWords = 4;

// LineShape: what one line looks like, and its cue.
struct LineShape {
  uint32_t bytes = 0;
  uint32_t han = 0;
  uint32_t words = 0;      // Latin words (tokens starting with a letter)
  uint32_t lower = 0;      // of which start lower-case
  uint32_t digits = 0;
  uint32_t commas = 0;     // , and ; (NFKC folds ，；)
  uint32_t pipes = 0;      // | separates menu items, not clauses
  uint32_t arrows = 0;     // > » › step through breadcrumbs
  uint32_t brackets = 0;   // [ 【 open menu items
  UChar32 last = 0;        // the last character
  bool link_hint = false;  // "@", "://", "www.", a phone-like digit run
  bool full_stop = false;  // 。
  bool bullet = false;     // opens with a bullet or dash
  bool ends_sentence = false;
  bool has_punct = false;
  bool chinese = false;
  bool sentence = false;
  bool long_prose = false;
  bool headline = false;
  bool meta = false;
  bool fragment = false;
  Cue cue = Cue::kNone;
};

inline bool IsHan(UChar32 c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2FA1F) || (c >= 0xF900 && c <= 0xFAFF);
}

bool IsBullet(UChar32 c) {
  switch (c) {
    case '-': case '*': case 0x2022: case 0x00B7: case 0x25AA: case 0x25CF: case 0x25E6:
    case 0x2023: case 0x25BA: case 0x25B6: case 0x25A0: case 0x25A1: case 0x25C6:
    case 0x25C7: case 0x2013: case 0x2014: case 0x2713: case 0x2714: case 0x2605:
      return true;
    default:
      return false;
  }
}

// EndsSentence tells whether a line's last character closes a sentence
// (closing quotes and brackets looked through).
bool EndsSentence(std::string_view t) {
  int32_t i = static_cast<int32_t>(t.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(t.data(), 0, i, c);
    switch (c) {
      case '"': case '\'': case ')': case 0x201D: case 0x2019: case 0x300D: case 0x300F:
      case 0x3011:
        continue;  // look through closing quotes and brackets
      case '.': case '!': case '?': case 0x3002: case 0x2026:
        return true;
      default:
        return false;
    }
  }
  return false;
}

// Byte classes of ASCII for CountCharacters.
enum AsciiClass : uint8_t {
  kOther = 0,
  kLower = 1,
  kUpper = 2,
  kDigit = 3,
  kJoiner = 4,  // ' and -: inside a token they keep it one word
  kComma = 5,   // , ;
  kStop = 6,    // ! ?
  kPipe = 7,
  kArrow = 8,    // >
  kBracket = 9,  // [
  kDot = 10,     // .
  kColon = 11,   // :
  kAt = 12,      // @
  kPlus = 13,    // +
};

struct AsciiClasses {
  uint8_t of[256] = {};  // bytes ≥ 0x80 are kOther here
  AsciiClasses() {
    for (int c = 'a'; c <= 'z'; ++c) of[c] = kLower;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = kUpper;
    for (int c = '0'; c <= '9'; ++c) of[c] = kDigit;
    of['\''] = of['-'] = kJoiner;
    of[','] = of[';'] = kComma;
    of['!'] = of['?'] = kStop;
    of['.'] = kDot;
    of[':'] = kColon;
    of['@'] = kAt;
    of['+'] = kPlus;
    of['|'] = kPipe;
    of['>'] = kArrow;
    of['['] = kBracket;
  }
};

// NextCodePointSlow decodes the code point at p and moves p past it.
UChar32 NextCodePointSlow(const unsigned char*& p, const unsigned char* end) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<ptrdiff_t>(end - p, 4));
  UChar32 c;
  U8_NEXT(p, i, n, c);
  p += i;
  return c;
}

// NextCodePoint decodes the code point at p (valid UTF-8, as the NFKC view
// is) with a fast path for the three-byte sequences of Han text.
inline UChar32 NextCodePoint(const unsigned char*& p, const unsigned char* end) {
  if ((p[0] & 0xF0) == 0xE0 && end - p >= 3) {
    UChar32 c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    p += 3;
    return c;
  }
  return NextCodePointSlow(p, end);
}

// IsDigitAt tells whether p points at an ASCII digit before end.
bool IsDigitAt(const unsigned char* p, const unsigned char* end) {
  return p < end && *p >= '0' && *p <= '9';
}

// CountCharacters fills the counts of a line in one pass over its bytes,
// ASCII through a class table, Han through a three-byte fast path.
void CountCharacters(std::string_view t, LineShape* s) {
  static const AsciiClasses kClasses;
  const unsigned char* const begin = reinterpret_cast<const unsigned char*>(t.data());
  const unsigned char* const end = begin + t.size();
  const unsigned char* p = begin;
  if (p < end) {
    const unsigned char* q = p;
    s->bullet = IsBullet(*q < 0x80 ? *q : NextCodePoint(q, end));
  }
  bool in_token = false;
  uint32_t digit_run = 0, max_digit_run = 0, digit_dashes = 0;
  while (p < end) {
    if (*p >= 0x80) {
      UChar32 c = NextCodePoint(p, end);
      digit_run = 0;
      if (c == 0x2019) continue;  // ’ inside a word
      in_token = false;
      if (IsHan(c)) ++s->han;
      else if (c == 0x3002) s->full_stop = s->has_punct = true;  // 。
      else if (c == 0x3001) s->has_punct = true;                 // 、
      else if (c == 0x00BB || c == 0x203A) ++s->arrows;          // » ›
      else if (c == 0x3010) ++s->brackets;                       // 【
      continue;
    }
    const unsigned char* at = p++;
    const uint8_t cls = kClasses.of[*at];
    if (cls == kDigit) {
      ++s->digits;
      max_digit_run = std::max(max_digit_run, ++digit_run);
      in_token = true;
      continue;
    }
    digit_run = 0;
    switch (cls) {
      case kLower:
      case kUpper:
        if (!in_token) {
          ++s->words;
          s->lower += cls == kLower;
        }
        in_token = true;
        // The rest of the word's letters change nothing: skip them.
        while (p < end && static_cast<uint8_t>(kClasses.of[*p] - kLower) <= kUpper - kLower) ++p;
        continue;
      case kJoiner:
        // "it's", "lithium-ion" stay one word; "023-8523" may be a phone.
        if (*at == '-' && at > begin && IsDigitAt(at - 1, end) && IsDigitAt(p, end)) ++digit_dashes;
        continue;
      case kComma:
        ++s->commas;
        s->has_punct = true;
        break;
      case kStop:
        s->has_punct = true;
        break;
      case kDot:
        s->has_punct = true;
        if (at - begin >= 3 && (at[-3] | 0x20) == 'w' && (at[-2] | 0x20) == 'w' &&
            (at[-1] | 0x20) == 'w')
          s->link_hint = true;  // www.
        break;
      case kColon:
        s->has_punct = true;
        if (end - p >= 2 && p[0] == '/' && p[1] == '/') s->link_hint = true;  // ://
        break;
      case kAt:
        s->link_hint = true;
        break;
      case kPlus:
        if (IsDigitAt(p, end)) s->link_hint = true;  // +86
        break;
      case kPipe:
        ++s->pipes;
        break;
      case kArrow:
        ++s->arrows;
        break;
      case kBracket:
        ++s->brackets;
        break;
      default:
        break;
    }
    in_token = false;
  }
  // A phone number: a run of ≥ 7 digits, or digit groups joined by dashes.
  if (max_digit_run >= 7 || (digit_dashes >= 2 && s->digits >= 10)) s->link_hint = true;
  if (!t.empty()) {
    int32_t i = static_cast<int32_t>(t.size());
    U8_PREV(t.data(), 0, i, s->last);
  }
}

// Classify derives the shape flags from the counts.
void Classify(LineShape* s) {
  s->chinese = s->han >= 8 && s->han >= s->words;
  if (s->chinese) {
    s->sentence =
        s->han >= 15 && (s->full_stop || s->commas >= 2 || (s->han >= 40 && s->commas >= 1));
  } else {
    s->sentence = s->words >= 8 && s->lower * 10 >= s->words * 4;
  }
  // Items joined by pipes ("Most read: A | B | C") are a list, not text.
  if (s->pipes >= 2) s->sentence = false;
  s->long_prose = s->sentence && s->bytes >= kLongProseBytes;
  if (!s->sentence && !s->bullet && s->bytes <= kMaxHeadlineBytes) {
    s->headline = s->chinese ? !s->full_stop && s->commas <= 1
                             : s->words >= 5 && (s->words - s->lower) * 10 >= s->words * 6;
  }
  s->meta = s->bytes <= kMaxMetaBytes && s->digits >= 4 && s->digits * 2 >= s->han + s->words;
  s->fragment = s->bytes <= kMaxFragmentBytes && s->digits == 0 &&
                s->words <= kMaxFragmentWords && s->han <= kMaxFragmentHan;
}

// IsMenu tells whether a line that is not a sentence lists navigation:
// "Home | News | About" (≥ 2 pipes, no digits, short items), "【打印】【关闭】"
// (≥ 2 bracketed items closing the line), "Home > News > Europe" (≥ 2
// arrows) or "Site > Section" (one arrow, ≤ 50 bytes, no digits).
bool IsMenu(const LineShape& s) {
  if (s.sentence) return false;
  if (s.pipes >= 2 && s.digits == 0 && s.bytes <= (s.pipes + 1) * kMaxMenuItemBytes) return true;
  if (s.brackets >= 2 && (s.last == ']' || s.last == 0x3011) && s.bytes <= kMaxHeadlineBytes)
    return true;
  return s.arrows >= 2 || (s.arrows == 1 && s.digits == 0 && s.bytes <= kMaxCrumbBytes);
}

// kLeadingMarks may open a line before a line-start trigger: brackets,
// bullets and dashes ("【相关阅读】", "» Read also", "— END —").
constexpr std::string_view kLeadingMarks = R"([ \t【\[(<《「『〔〖\-–—*#•·▶►▸»›]*)";

// Applies tells whether a trigger's cue holds for a line of this shape:
// kLine always, kLink unless the line is a sentence, the others unless it
// is long prose; a trigger with max_bytes only on a line that short.
bool Applies(const Trigger& t, const LineShape& s) {
  if (t.max_bytes != 0 && s.bytes > t.max_bytes) return false;
  if (t.cue == Cue::kLine) return true;
  return t.cue == Cue::kLink ? !s.sentence : !s.long_prose;
}

// RegexOptions: every trigger matches case-insensitively.
RE2::Options RegexOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  // Room for the DFA states of a union or a set, so that they are built
  // once and not thrown away and rebuilt (RE2::Set cannot fall back to
  // the NFA when its DFA runs out of memory).
  options.set_max_mem(64 << 20);
  return options;
}

// TriggerTable compiles a table of triggers twice: as one RE2 (the union of
// all, cheap to run: its DFA says whether and where any trigger matches) and
// as an RE2::Set that names every trigger matching one line.
class TriggerTable {
 public:
  template <size_t N>
  TriggerTable(const Trigger (&triggers)[N], bool at_line_start)
      : triggers_(triggers, triggers + N),
        set_(RegexOptions(), at_line_start ? RE2::ANCHOR_START : RE2::UNANCHORED) {
    const std::string prefix = at_line_start ? std::string(kLeadingMarks) : "";
    std::string any;
    for (const Trigger& t : triggers) {
      std::string pattern = prefix + "(?:" + t.pattern + ")";
      // A pattern that does not compile would shift every later index: it
      // is a programming error, so fail at start-up, loudly.
      std::string error;
      if (set_.Add(pattern, &error) < 0) Fail(t.pattern, error);
      any += (any.empty() ? "" : "|") + pattern;
    }
    if (!set_.Compile()) Fail("(set)", "out of memory");
    any_ = std::make_unique<RE2>(any, RegexOptions());
    if (!any_->ok()) Fail("(union)", any_->error());
  }

  // Any returns the union of all triggers.
  const RE2& Any() const { return *any_; }

  // RaiseCue raises s->cue to the strongest trigger of this table that
  // matches line and applies to a line of its shape.
  void RaiseCue(std::string_view line, LineShape* s) const {
    std::vector<int> matched;
    if (!set_.Match(re2::StringPiece(line.data(), line.size()), &matched)) return;
    for (int index : matched) {
      const Trigger& t = triggers_[index];
      if (t.cue > s->cue && Applies(t, *s)) s->cue = t.cue;
    }
  }

 private:
  [[noreturn]] static void Fail(const char* pattern, const std::string& error) {
    std::fprintf(stderr, "boilerplate trigger %s: %s\n", pattern, error.c_str());
    std::abort();
  }

  std::vector<Trigger> triggers_;
  RE2::Set set_;
  std::unique_ptr<RE2> any_;
};

// TriggerMatcher finds the cue of every line. An RE2 call costs hundreds of
// instructions (an RE2::Set call thousands), and an automaton's states
// multiply with the patterns it runs at once, so the work is split:
// line-start triggers are one union anchored at each line (its DFA gives up
// after a few bytes), anywhere triggers one union scanned over the whole
// text, the link pattern runs only on lines CountCharacters flagged, and
// only the few lines where a union matched go through a Set to name the
// trigger.
class TriggerMatcher {
 public:
  TriggerMatcher()
      : line_start_(kLineStartTriggers, true),
        anywhere_(kAnywhereTriggers, false),
        link_(kLinkPattern, RegexOptions()) {
    if (!link_.ok()) std::abort();
  }

  // FindCues sets the cue of each shaped line of text.
  void FindCues(std::string_view text, const std::vector<Line>& lines,
                std::vector<LineShape>* shapes) const {
    for (size_t i = 0; i < lines.size(); ++i) {
      LineShape& s = (*shapes)[i];
      // The line alone is the text here, so "$" matches at its end.
      const re2::StringPiece line(text.data() + lines[i].span.begin, lines[i].span.size());
      if (line_start_.Any().Match(line, 0, line.size(), RE2::ANCHOR_START, nullptr, 0))
        line_start_.RaiseCue(line, &s);
      if (s.link_hint && !s.sentence && RE2::PartialMatch(line, link_) &&
          Applies(kLinkTrigger, s) && s.cue < Cue::kLink)
        s.cue = Cue::kLink;
    }
    // One scan of the whole text for the anywhere triggers; each line with
    // a match is then looked at alone.
    const re2::StringPiece whole(text.data(), text.size());
    re2::StringPiece match;
    size_t pos = 0, li = 0;
    while (li < lines.size() &&
           anywhere_.Any().Match(whole, pos, whole.size(), RE2::UNANCHORED, &match, 1)) {
      const size_t at = static_cast<size_t>(match.data() - whole.data());
      while (li < lines.size() && lines[li].span.end <= at) ++li;
      if (li == lines.size()) break;
      anywhere_.RaiseCue(text.substr(lines[li].span.begin, lines[li].span.size()),
                         &(*shapes)[li]);
      pos = lines[li].span.end;  // on to the next line
      ++li;
    }
    for (LineShape& s : *shapes)
      if (s.cue < Cue::kShortLine && IsMenu(s)) s.cue = Cue::kShortLine;
  }

 private:
  static constexpr Trigger kLinkTrigger{kLinkPattern, Cue::kLink};

  TriggerTable line_start_;
  TriggerTable anywhere_;
  RE2 link_;
};

const TriggerMatcher& Triggers() {
  static const TriggerMatcher* matcher = new TriggerMatcher();
  return *matcher;
}

// ShapeLines measures every line of doc and finds its cue.
std::vector<LineShape> ShapeLines(const Document& doc) {
  std::vector<LineShape> shapes(doc.lines.size());
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    std::string_view t = doc.NormText(doc.lines[i].span);
    LineShape& s = shapes[i];
    s.bytes = static_cast<uint32_t>(std::min<size_t>(t.size(), UINT32_MAX));
    CountCharacters(t, &s);
    s.ends_sentence = EndsSentence(t);
    Classify(&s);
  }
  Triggers().FindCues(doc.norm, doc.lines, &shapes);
  return shapes;
}

// Block: an inclusive range of line indices; empty when first > last.
struct Block {
  size_t first = 1;
  size_t last = 0;
  bool empty() const { return first > last; }
};

// DensestProseBlock returns the run of lines with the largest sum of
// sentence bytes minus a penalty per other line, never crossing a trigger.
Block DensestProseBlock(const std::vector<LineShape>& shapes) {
  Block best;
  int64_t best_sum = 0, sum = 0;
  size_t start = 0;
  for (size_t i = 0; i < shapes.size(); ++i) {
    const LineShape& s = shapes[i];
    if (s.cue != Cue::kNone) {
      sum = 0;
      continue;
    }
    int64_t weight = s.sentence ? static_cast<int64_t>(s.bytes) : -kGapPenaltyBytes;
    if (sum <= 0) {
      if (!s.sentence) continue;
      sum = 0;
      start = i;
    }
    sum += weight;
    if (sum > best_sum) {
      best_sum = sum;
      best = {start, i};
    }
  }
  return best;
}

// ProsePrefix returns the running sum of the bytes of prose lines without a
// cue: prefix[i] is the prose before line i.
std::vector<uint64_t> ProsePrefix(const std::vector<LineShape>& shapes) {
  std::vector<uint64_t> prefix(shapes.size() + 1, 0);
  for (size_t i = 0; i < shapes.size(); ++i) {
    const LineShape& s = shapes[i];
    prefix[i + 1] = prefix[i] + (s.sentence && s.cue == Cue::kNone ? s.bytes : 0);
  }
  return prefix;
}

// ResumesProse tells whether line i ends a section: running text with
// punctuation, long enough, or followed by more running text.
bool ResumesProse(const std::vector<LineShape>& shapes, size_t i) {
  auto is_text = [&](size_t j) {
    const LineShape& s = shapes[j];
    return s.cue == Cue::kNone && s.sentence && !s.bullet;
  };
  if (!is_text(i) || !shapes[i].has_punct) return false;
  return shapes[i].bytes >= kResumeBytes || (i + 1 < shapes.size() && is_text(i + 1));
}

// KeepHeadingBefore restores, after a section that ended at line resume,
// the nearest heading before it (and the date lines between): the page's
// own headline after a leading list, or a subheading after a sidebar.
void KeepHeadingBefore(const std::vector<LineShape>& shapes, size_t section_start,
                       size_t resume, std::vector<bool>* bp) {
  int headings = 0;
  for (size_t j = resume; j-- > section_start + 1 && headings < kMaxHeadingsKept;) {
    const LineShape& s = shapes[j];
    if (s.cue != Cue::kNone) continue;
    if (s.meta) {
      (*bp)[j] = false;
      continue;
    }
    bool heading = !s.bullet && !s.fragment && s.bytes <= kMaxHeadlineBytes &&
                   (s.chinese ? !s.full_stop : s.words >= 3);
    if (!heading) return;
    (*bp)[j] = false;
    ++headings;
  }
}

// MarkTriggered marks trigger lines, sections and the page's tail.
void MarkTriggered(const std::vector<LineShape>& shapes, const Block& main,
                   std::vector<bool>* bp) {
  const std::vector<uint64_t> prose = ProsePrefix(shapes);
  const size_t n = shapes.size();
  enum class Mode { kBody, kSection, kTail } mode = Mode::kBody;
  size_t section_start = 0;
  for (size_t i = 0; i < n; ++i) {
    const LineShape& s = shapes[i];
    if (mode == Mode::kTail) {
      (*bp)[i] = true;
      continue;
    }
    if (s.cue == Cue::kTail || s.cue == Cue::kSection) {
      uint64_t before = prose[i], after = prose[n] - prose[i + 1];
      bool ends_page = s.cue == Cue::kTail && (main.empty() || i > main.last) &&
                       after * 2 <= before;
      mode = ends_page ? Mode::kTail : Mode::kSection;
      section_start = i;
      (*bp)[i] = true;
      continue;
    }
    if (mode == Mode::kSection) {
      if (!ResumesProse(shapes, i)) {
        (*bp)[i] = true;
        continue;
      }
      mode = Mode::kBody;
      KeepHeadingBefore(shapes, section_start, i, bp);
    }
    (*bp)[i] = s.cue != Cue::kNone;
  }
}

// MarkTrailingHeadlines marks a list of related headlines that ends the page
// without a trigger, and the fragments after it.
void MarkTrailingHeadlines(const std::vector<LineShape>& shapes, const Block& main,
                           std::vector<bool>* bp) {
  if (main.empty()) return;
  size_t end = shapes.size();  // one past the last line still body
  while (end > main.last + 1 && ((*bp)[end - 1] || shapes[end - 1].meta)) --end;
  // Fragments ("Comments", a cut-off source tag) that end the page.
  size_t tail = end;
  while (tail > main.last + 1 && (shapes[tail - 1].fragment || (*bp)[tail - 1])) --tail;
  for (size_t j = tail; j < end; ++j) (*bp)[j] = true;
  // A run of headline lines, date lines allowed between them.
  size_t start = tail, headlines = 0;
  while (start > main.last + 1) {
    const LineShape& s = shapes[start - 1];
    if ((*bp)[start - 1] || !(s.headline || s.meta)) break;
    headlines += s.headline;
    --start;
  }
  if (headlines < kMinHeadlineRun) return;
  // The run follows a finished sentence, not the middle of wrapped prose.
  if (start == 0 || !shapes[start - 1].ends_sentence) return;
  for (size_t j = start; j < tail; ++j) (*bp)[j] = true;
}

// KeepSomeBody undoes a marking that left no body at all.
void KeepSomeBody(const std::vector<LineShape>& shapes, const Block& main,
                  std::vector<bool>* bp) {
  if (std::find(bp->begin(), bp->end(), false) != bp->end()) return;
  if (!main.empty()) {
    for (size_t j = main.first; j <= main.last; ++j) (*bp)[j] = false;
    return;
  }
  bool kept = false;
  for (size_t j = 0; j < shapes.size(); ++j) {
    if (shapes[j].cue == Cue::kNone) (*bp)[j] = false, kept = true;
  }
  if (!kept) std::fill(bp->begin(), bp->end(), false);
}

}  // namespace

void MarkBoilerplate(Document* doc) {
  const size_t n = doc->lines.size();
  const std::vector<LineShape> shapes = ShapeLines(*doc);
  const Block main = DensestProseBlock(shapes);
  std::vector<bool> bp(n, false);
  MarkTriggered(shapes, main, &bp);
  MarkTrailingHeadlines(shapes, main, &bp);
  KeepSomeBody(shapes, main, &bp);

  for (size_t i = 0; i < n; ++i) doc->lines[i].boilerplate = bp[i];
  size_t li = 0;
  for (Sentence& s : doc->sentences) {
    while (li < n && doc->lines[li].span.end <= s.span.begin) ++li;
    s.boilerplate = li < n && doc->lines[li].boilerplate;
  }
}

std::vector<Span> BodySpans(const Document& doc) {
  // Runs of consecutive body lines, each one span.
  std::vector<Span> merged;
  size_t prev_line = SIZE_MAX;
  size_t idx = 0;
  for (const Line& line : doc.lines) {
    if (!line.boilerplate) {
      Span orig = doc.ToOriginal(line.span);
      if (!merged.empty() && prev_line + 1 == idx) merged.back().end = orig.end;
      else merged.push_back(orig);
      prev_line = idx;
    }
    ++idx;
  }
  return merged;
}

}  // namespace gigafact
