// Running text from the core (Today's and the handover's one-line summaries) with its dates kept
// whole: the line may break between words — and anywhere in Chinese — but never inside
// "1 Dec 2026", "2026년 12월 1일" or "2026年12月1日" (the core's date forms, src/print/format.rs),
// with or without a time after them.

const TIME = String.raw`(?:\s\d{1,2}:\d{2})?`;
const DATE = new RegExp(
  [
    String.raw`\d{4}年\d{1,2}月\d{1,2}日` + TIME,
    String.raw`\d{4}년\s\d{1,2}월\s\d{1,2}일` + TIME,
    String.raw`\b\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s\d{4}\b` + TIME,
  ].join("|"),
  "g",
);

/** A piece of text; `keep` pieces (dates) stay on one line. */
export type Run = { text: string; keep: boolean };

/** The text cut into runs, its dates as `keep` runs; joined back they give the text. */
export function dateRuns(text: string): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(DATE)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ text: text.slice(at, i), keep: false });
    out.push({ text: m[0], keep: true });
    at = i + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), keep: false });
  return out;
}
