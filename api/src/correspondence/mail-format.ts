/** What every mail the product writes shares: the recipient as the mail server takes it, and HTML from paragraphs. */

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** "Name" <address>, without the characters that would break the header. */
export const mailbox = (name: string, address: string): string => `"${name.replace(/["\\\r\n<>]/g, '')}" <${address}>`;

/** A mail's HTML: each paragraph escaped, its line breaks kept. */
export const htmlOf = (paragraphs: readonly string[]): string =>
  `<!doctype html><html lang="nl"><body style="font-family: Helvetica, Arial, sans-serif; font-size: 15px; line-height: 1.4">` +
  paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('') +
  `</body></html>`;
