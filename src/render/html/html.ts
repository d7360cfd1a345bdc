import { visible } from '../../core/visibleText.js';

/**
 * HTML that is already safe to write: made only by the `html` template below, which escapes
 * everything it is given that is not itself Html. Text from files never becomes markup by mistake:
 * a title of `<script>` reads as those characters.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template may hold: text (escaped), numbers, Html (kept), lists of them (joined), and null or false (nothing). */
export type HtmlPart = Html | string | number | null | false | undefined | readonly HtmlPart[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML, in element content and in quoted attribute values alike. Characters a reader
 * cannot see or that reorder text (controls, bidi overrides, zero-width characters) are first
 * shown as escapes (`\x1b`, `\u202e`), as every output for people shows them.
 */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function partText(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) {
    return '';
  }
  if (part instanceof Html) {
    return part.text;
  }
  if (Array.isArray(part)) {
    return (part as readonly HtmlPart[]).map(partText).join('');
  }
  return escapeHtml(String(part));
}

/** A tagged template: `html\`<td>${name}</td>\`` escapes `name` unless it is Html. */
export function html(strings: TemplateStringsArray, ...parts: readonly HtmlPart[]): Html {
  let text = strings[0]!;
  parts.forEach((part, i) => {
    text += partText(part) + strings[i + 1]!;
  });
  return new Html(text);
}

/**
 * Attributes from a record, each ` name="value"`, in the record's order; a null or undefined value
 * leaves its attribute out. Names are the caller's own (data-value, class), never from a file.
 */
export function attributes(record: Readonly<Record<string, string | number | null | undefined>>): Html {
  return new Html(
    Object.entries(record)
      .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
      .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
      .join(''),
  );
}

/** Markup made by btcfi itself (an SVG chart, the style sheet): kept as it is. */
export function trusted(text: string): Html {
  return new Html(text);
}
