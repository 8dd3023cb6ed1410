import Handlebars from 'handlebars';
import { PORTAL_PATH } from '../public-status';
import { SITE_CSS_VERSION } from './site-css';
import { COMPLAINT_FORM, MESSAGE_PAGE, STATUS_LOOKUP } from './templates/pages';
import { ERROR_SUMMARY, FILES, INPUT, LAYOUT, RADIOS, SELECT, TEXTAREA } from './templates/partials';
import { STATUS_PAGE } from './templates/status-page';

/** Handlebars of its own (no helper or partial of the letters reaches the site), escaping everything it prints. */
const handlebars = Handlebars.create();
handlebars.registerPartial({ errorSummary: ERROR_SUMMARY, input: INPUT, textarea: TEXTAREA, select: SELECT, files: FILES, radios: RADIOS });

const compile = (template: string) => handlebars.compile(template, { preventIndent: true });
const layout = compile(LAYOUT);
const PAGES = {
  complaintForm: compile(COMPLAINT_FORM),
  statusLookup: compile(STATUS_LOOKUP),
  statusPage: compile(STATUS_PAGE),
  message: compile(MESSAGE_PAGE),
};
export type PageName = keyof typeof PAGES;

export interface Frame {
  /** The page's h1 in short, before the organisation's name in the title. */
  title: string;
  /** The title starts with "Fout:" (the error summary is on the page). */
  hasErrors?: boolean;
  /** Pages reached by a token: not for search engines. */
  noindex?: boolean;
}

/** Every page in the shared layout: the organisation's name and logo, a skip link, the page's one h1, the stylesheet. */
export class SiteRenderer {
  constructor(
    private readonly organisation: string,
    private readonly hasLogo: boolean,
  ) {}

  render(page: PageName, frame: Frame, model: object): string {
    const content = PAGES[page]({ ...model, base: PORTAL_PATH });
    return layout({
      ...frame,
      organisation: this.organisation,
      logo: this.hasLogo,
      base: PORTAL_PATH,
      cssUrl: `${PORTAL_PATH}/site.css?v=${SITE_CSS_VERSION}`,
      content,
    });
  }
}
