export type MessagePart = { text: string } | { href: string };

/** Splits a plain-text message into paragraphs of text and links, so a page can show links safely. */
export function messageParagraphs(body: string): MessagePart[][] {
  return body.split(/\n{2,}/).map((para) => {
    const parts: MessagePart[] = [];
    let last = 0;
    for (const m of para.matchAll(/https?:\/\/[^\s)]+/g)) {
      if (m.index > last) parts.push({ text: para.slice(last, m.index) });
      parts.push({ href: m[0] });
      last = m.index + m[0].length;
    }
    if (last < para.length) parts.push({ text: para.slice(last) });
    return parts;
  });
}
