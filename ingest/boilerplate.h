// Boilerplate marking: flags the lines of a scraped page that are not the
// article body (navigation, related headlines, share bars, contact blocks,
// copyright and licence lines, comment widgets). Extractors skip them
// (SPEC §2: only what the article body says counts).
//
// The input is plain text, so the detector judges lines by what they say and
// how they read, in one pass over the lines plus a few passes over the line
// shapes. The signals, in the order they are applied:
//
// 1. Line shape. Every line gets counts: bytes, Han characters, Latin words
//    and how many start lower-case, digits, commas, the Chinese full stop,
//    a leading bullet. From them:
//    - sentence: running text. Chinese (≥ 8 Han and at least as many Han as
//      Latin words): ≥ 15 Han and a "。", or ≥ 2 commas, or ≥ 40 Han and a
//      comma. Otherwise: ≥ 8 words of which ≥ 40 % start lower-case (a
//      headline in Title Case does not; hard-wrapped prose does).
//    - long prose: a sentence of ≥ 100 bytes.
//    - headline: not a sentence, ≤ 300 bytes, no bullet; Chinese: ≥ 8 Han, no
//      "。", ≤ 1 comma; otherwise ≥ 5 words of which ≥ 60 % are capitalized.
//    - meta: ≤ 60 bytes with ≥ 4 digits and ≤ 4 words (a date or time line).
//    - fragment: ≤ 40 bytes, no digits, ≤ 4 words and ≤ 8 Han ("Comments").
//
// 2. Trigger phrases (compiled-in RE2::Set, one match per line), each with a
//    cue that says how far it reaches (see kTriggers in boilerplate.cc):
//    - link: a URL, an e-mail address or a phone number. The line is
//      boilerplate unless it is a sentence (link-density cue).
//    - short line: ©, "Source:", 来源:, 责任编辑, "Image:", bylines, share
//      buttons, contact fields, breadcrumbs, menus of ≥ 3 items. The line is
//      boilerplate unless it is long prose (so an image credit "©" inside a
//      paragraph, or "（责任编辑：…）" closing one, keeps the paragraph).
//    - line: licence and reprint notices (ICP备, 公网安备, 如若转载,
//      All rights reserved, 声明:). The line is boilerplate whatever its length.
//    - section: a box such as a subscription wall. It and the lines after it
//      are boilerplate until the prose resumes (see 3).
//    - tail: "Recent posts", "Related …", "Tags:", "Previous:", "CONTACT US",
//      comment widgets, copyright footers, 相关阅读, 推荐阅读, 阅读榜, 上一篇,
//      下一篇, 联系我们, 免责声明. Unless long prose, the line starts the
//      page's tail: everything after it is boilerplate, provided the trigger
//      comes after the densest prose block and at most half as much prose
//      follows it as precedes it. Otherwise it is handled like a section, so
//      a misplaced trigger never drops most of the body.
//
// 3. Prose resumes after a section at a sentence with punctuation, no cue and
//    no bullet that is ≥ 120 bytes long or followed by another sentence
//    (hard-wrapped text). The nearest headline-like line before it (skipping
//    cue lines, keeping date lines) is body again: a page's headline or a
//    subheading that follows a sidebar.
//
// 4. Densest prose block: the run of lines with the largest sum of sentence
//    bytes minus 80 bytes per other line (Kadane), never crossing a trigger.
//    After it, a run of ≥ 3 headline lines (date lines may sit between
//    them) that ends the page, or ends just before the boilerplate that ends
//    it, and follows a line that ends a sentence, is a related-headlines list
//    without a trigger; fragments that end the page after it are boilerplate.
//
// 5. Never everything: if every line ended up boilerplate, the densest prose
//    block (or, with none, every line without a trigger) is kept as body.
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
