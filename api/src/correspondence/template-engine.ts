import Handlebars from 'handlebars';
import { FieldCode, UserInputError, problem } from '../shared/errors';
import { fieldsOf, type LetterKind } from './letter-kinds';

/** Block helpers a template may use; nothing else (no partials, no other helpers). */
const BLOCKS = new Set(['if', 'unless']);

/** Handlebars of its own: no helpers or partials registered by anyone else reach the letters. */
const handlebars = Handlebars.create();

/** Every path a template refers to, and whatever it uses that a template may not. */
function walk(node: hbs.AST.Node, paths: string[], refused: string[]): void {
  switch (node.type) {
    case 'Program':
      for (const statement of (node as hbs.AST.Program).body) walk(statement, paths, refused);
      return;
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement': {
      const mustache = node as hbs.AST.MustacheStatement;
      if (mustache.params.length || mustache.hash?.pairs.length || mustache.path.type !== 'PathExpression') refused.push(describe(mustache.path));
      else paths.push((mustache.path as hbs.AST.PathExpression).original);
      return;
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const helper = block.path.type === 'PathExpression' ? (block.path as hbs.AST.PathExpression).original : describe(block.path);
      if (!BLOCKS.has(helper) || block.params.length !== 1 || block.params[0].type !== 'PathExpression') refused.push(`#${helper}`);
      else paths.push((block.params[0] as hbs.AST.PathExpression).original);
      walk(block.program, paths, refused);
      if (block.inverse) walk(block.inverse, paths, refused);
      return;
    }
    default:
      refused.push(node.type);
  }
}

const describe = (node: hbs.AST.Node): string => (node.type === 'PathExpression' ? (node as hbs.AST.PathExpression).original : node.type);

/** Refuses, when it is saved, a template that does not parse or refers to a field its kind does not have. */
export function checkTemplate(kind: LetterKind, subject: string, body: string): void {
  const allowed = new Set(fieldsOf(kind));
  for (const [field, text] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    let program: hbs.AST.Program;
    try {
      program = handlebars.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new UserInputError(`The ${field} does not parse: ${message}`, { [field]: problem(FieldCode.INVALID_FORMAT, 'does not parse as a template') });
    }
    const paths: string[] = [];
    const refused: string[] = [];
    walk(program, paths, refused);
    const unknown = [...paths.filter((path) => !allowed.has(path)), ...refused];
    if (unknown.length)
      throw new UserInputError(`The ${field} refers to ${unknown.join(', ')}, which a letter of this kind does not have.`, {
        [field]: problem(FieldCode.UNKNOWN_FIELD, `unknown field ${unknown[0]}`, { field: unknown[0], allowed: [...allowed] }),
      });
  }
}

/** Fills a (checked) template in: plain text, nothing escaped (the HTML is built from it, escaped there). */
export function fill(text: string, context: Record<string, unknown>): string {
  return handlebars
    .compile(text, { noEscape: true, strict: false, knownHelpers: { if: true, unless: true }, knownHelpersOnly: true })(context)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
