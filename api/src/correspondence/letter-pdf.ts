import type PdfMake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// The standard PDF fonts (no font files: pdfmake/standard-fonts/Helvetica), and no resource from a URL or the
// disk: a letter is text only.
const HELVETICA = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
const STANDARD_FONTS = new Set(Object.values(HELVETICA));

let loaded: typeof PdfMake | undefined;

/** pdfmake with its fonts and access rules, required at the first letter: loading it is a quarter of a second of a start. */
function pdfmake(): typeof PdfMake {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('pdfmake') as typeof PdfMake;
  module.setFonts({ Helvetica: HELVETICA });
  module.setUrlAccessPolicy(() => false);
  // pdfmake asks this of the standard fonts' names too: those, and nothing on the disk
  module.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
  return (loaded = module);
}

export interface LetterLayout {
  organisationName: string;
  /** A data URL (PNG or JPEG), above the name. */
  organisationLogo?: string;
  organisationAddress: string;
  /** Name, then the postal address lines (or the e-mail address). */
  recipient: string[];
  date: string;
  reference: string;
  subject: string;
  /** The letter's text as stored: the template's paragraphs, then the mandatory ones, separated by blank lines. */
  body: string;
  signedBy: string;
}

export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** An A4 letter: the organisation, the recipient, date and reference, the text, the signature. */
export async function letterPdf(layout: LetterLayout): Promise<Buffer> {
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [70, 60, 70, 60],
    info: { title: layout.subject, author: layout.organisationName, subject: layout.reference },
    defaultStyle: { font: 'Helvetica', fontSize: 10.5, lineHeight: 1.25 },
    content: [
      ...(layout.organisationLogo
        ? [{ image: layout.organisationLogo, fit: [160, 60] as [number, number], margin: [0, 0, 0, 8] as [number, number, number, number] }]
        : []),
      { text: layout.organisationName, fontSize: 14, bold: true },
      ...(layout.organisationAddress
        ? [{ text: layout.organisationAddress, fontSize: 9, color: '#555555', margin: [0, 2, 0, 0] as [number, number, number, number] }]
        : []),
      { text: layout.recipient.join('\n'), margin: [0, 40, 0, 30] },
      {
        columns: [
          { text: `Datum: ${layout.date}`, width: '*' },
          { text: `Kenmerk: ${layout.reference}`, width: 'auto' },
        ],
      },
      { text: `Betreft: ${layout.subject}`, bold: true, margin: [0, 12, 0, 18] },
      ...paragraphs(layout.body).map((text) => ({ text, margin: [0, 0, 0, 9] as [number, number, number, number] })),
      { text: 'Met vriendelijke groet,', margin: [0, 12, 0, 0] },
      { text: layout.signedBy || layout.organisationName, margin: [0, 24, 0, 0] },
    ],
    footer: (page: number, pages: number) => ({
      text: `${layout.organisationName} · kenmerk ${layout.reference} · pagina ${page} van ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#777777',
    }),
  };
  return pdfmake().createPdf(document).getBuffer();
}
