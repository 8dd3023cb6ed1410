import { DEFAULT_TEMPLATES } from '../../api/src/correspondence/default-templates';
import { LETTER_KINDS, LetterKind } from '../../api/src/correspondence/letter-kinds';
import { checkTemplate, fill } from '../../api/src/correspondence/template-engine';
import { sampleFields } from '../../api/src/correspondence/letter-content';
import { DateTime } from 'luxon';

describe('the shipped wording', () => {
  it('has a template for every kind, using only the fields its kind has, and fills every one of them', () => {
    const fields = sampleFields(DateTime.fromISO('2026-06-01T10:00:00', { zone: 'Europe/Amsterdam' }), 'Focus');
    for (const kind of Object.values(LetterKind)) {
      const template = DEFAULT_TEMPLATES[kind];
      expect(LETTER_KINDS[kind].name).toBeTruthy();
      expect(() => checkTemplate(kind, template.subject, template.body)).not.toThrow();
      const text = fill(`${template.subject}\n${template.body}`, fields);
      expect(text).not.toMatch(/\{\{|\}\}/);
      expect(text).toContain('KL-2026-000123');
    }
  });

  it('refuses partials, helpers other than if/unless, and fields of another kind', () => {
    expect(() => checkTemplate(LetterKind.ACKNOWLEDGEMENT, 'x', '{{> header}}')).toThrow(/refers to|parse/);
    expect(() => checkTemplate(LetterKind.ACKNOWLEDGEMENT, 'x', '{{lookup complainant "name"}}')).toThrow(/refers to/);
    expect(() => checkTemplate(LetterKind.ACKNOWLEDGEMENT, 'x', '{{objectionDeadline}}')).toThrow(/objectionDeadline/);
    expect(() => checkTemplate(LetterKind.RESPONSE, 'x', '{{#if solution}}{{solution}}{{else}}geen{{/if}}')).not.toThrow();
  });
});
