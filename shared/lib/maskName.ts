/**
 * Masks a person's name for paper that may leave the building (a slip handed to a visitor):
 * Chinese names keep the first and last character (王○明, 歐陽○○華; two characters: 王○),
 * Latin names keep each word's initial (J*** S****).
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  if (/[A-Za-z]/.test(trimmed) && !/[\u3400-\u9fff]/.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .map((w) => (w.length <= 1 ? w : `${w.charAt(0)}${'*'.repeat(w.length - 1)}`))
      .join(' ');
  }
  const chars = [...trimmed.replace(/\s+/g, '')];
  if (chars.length === 1) return '○';
  if (chars.length === 2) return `${chars[0]}○`;
  return `${chars[0]}${'○'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
