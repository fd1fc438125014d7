// Boilerplate marking: flags the lines of a scraped page that are not the
// article body (navigation, related headlines, share bars, contact blocks,
// copyright and licence lines, comment widgets). Extractors skip them
// (SPEC §2: only what the article body says counts); the record's
// body_spans (BodySpans) shows which byte ranges were kept as body.
//
// The input is plain text, so lines are judged by what they say and how
// they read. Failing to drop a boilerplate line costs a false positive;
// dropping a body line costs misses, which is worse, so every rule that
// reaches beyond its own line is guarded by the amount of prose it would
// drop. The signals, in the order they are applied:
//
// 1. Line shape (one pass over the bytes). Counts of bytes, Han characters,
//    Latin words and how many start lower-case, digits, commas (",", ";"
//    after NFKC), the Chinese full stop, pipes, arrows (> » ›), brackets,
//    a leading bullet. From them:
//    - sentence: running text. Chinese (≥ 8 Han and at least as many Han as
//      Latin words): ≥ 15 Han and a "。", or ≥ 2 commas, or ≥ 40 Han and a
//      comma. Otherwise ≥ 8 words of which ≥ 40 % start lower-case (a Title
//      Case headline does not; hard-wrapped prose does). ≥ 2 pipes make a
//      list, never a sentence.
//    - long prose: a sentence of ≥ 100 bytes.
//    - headline: not a sentence, ≤ 300 bytes, no bullet; Chinese: no "。",
//      ≤ 1 comma; otherwise ≥ 5 words of which ≥ 60 % are capitalized.
//    - meta: ≤ 120 bytes, ≥ 4 digits, digits ≥ half the Han and words (a
//      date, time or "Published: …" line).
//    - fragment: ≤ 40 bytes, no digits, ≤ 4 words, ≤ 8 Han ("Comments").
//
// 2. Cues. Trigger phrases (compiled-in RE2, English, Simplified and
//    Traditional Chinese; see kLineStartTriggers and kAnywhereTriggers),
//    link hints and menu shapes give each line a cue saying how far it
//    reaches:
//    - link: a URL, e-mail address or phone number (link-density cue); the
//      line is boilerplate unless it is a sentence.
//    - short line: ©, "Source:", 来源:, 责任编辑, "Image:", bylines, share
//      buttons, contact fields (Tel:, 电话:), breadcrumbs, menus ("A | B |
//      C" without digits, "【打印】【关闭】", "Home > News"); the line is
//      boilerplate unless it is long prose, so an image credit "©" inside a
//      paragraph, or "（责任编辑：…）" closing one, keeps the paragraph.
//    - line: licence and reprint notices (ICP备, 公网安备, 如若转载,
//      All rights reserved, 声明:); boilerplate whatever the line's length.
//    - section: a subscription wall or sign-up box: it and the lines after
//      it are boilerplate until the prose resumes (see 3).
//    - tail: "Recent posts", "Related …", "Tags:", "Previous:", "CONTACT
//      US", "About <company>", "Media contact", comment widgets, copyright
//      footers, 相关阅读, 推荐阅读, 阅读榜, 上一篇, 下一篇, 联系我们,
//      版权所有. Unless the line is long prose, it starts the page's tail:
//      everything after it is boilerplate, provided it comes after the
//      densest prose block (see 4) and at most half as much prose follows
//      it as precedes it. Otherwise it acts as a section, so a misplaced
//      trigger never drops most of the body.
//
// 3. Prose resumes after a section at a sentence with punctuation, no cue
//    and no bullet that is ≥ 120 bytes long or followed by another sentence
//    (hard-wrapped text). Up to 2 headline-like lines just before it (cue
//    lines skipped, date lines kept too) are body again: the page's own
//    headline after a leading list, or a subheading after a sidebar.
//
// 4. Position. The densest prose block is the run of lines with the largest
//    sum of sentence bytes minus 80 bytes per other line, never crossing a
//    cue line. After it, a run of ≥ 3 headline lines (date lines may sit
//    between them) that ends the page, or ends just before the boilerplate
//    that does, and follows a line that ends a sentence, is a list of
//    related headlines without a trigger; fragments that end the page after
//    it are boilerplate too.
//
// 5. Never everything: if every line ended up boilerplate, the densest
//    prose block (or, with none, every line without a cue) is body again.
//
// Cost: one pass over each line's bytes, one anchored RE2 per line (it gives
// up after a few bytes), one RE2 scan of the whole text for the triggers
// that may sit anywhere, and an RE2::Set only on the few lines that matched.
#ifndef GIGAFACT_INGEST_BOILERPLATE_H_
#define GIGAFACT_INGEST_BOILERPLATE_H_

#include <vector>

#include "core/document.h"

namespace gigafact {

// MarkBoilerplate sets Line::boilerplate and Sentence::boilerplate on doc.
// Requires doc->lines and doc->sentences (ingest builds them). Never marks
// every line: a page whose every line looks like boilerplate keeps its
// densest prose block. Thread-safe; the patterns are compiled once.
void MarkBoilerplate(Document* doc);

// BodySpans returns the original-text spans of the runs of body lines, for
// the record's body_spans.
std::vector<Span> BodySpans(const Document& doc);

}  // namespace gigafact

#endif  // GIGAFACT_INGEST_BOILERPLATE_H_
