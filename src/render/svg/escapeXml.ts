import { visible } from '../../core/visibleText.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from a file (a title, a case name) as XML character data or an attribute value: the
 * characters a terminal would act on, and those XML 1.0 forbids (controls, lone surrogates,
 * U+FFFE and U+FFFF), shown as escapes first (visible()), then the five markup characters
 * written as entities. The result can never close an element or an attribute.
 */
export function escapeXml(text: string): string {
  return visible(text)
    .replace(/[\uFFFE\uFFFF]/g, (character) => `\\u${character.charCodeAt(0).toString(16)}`)
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
