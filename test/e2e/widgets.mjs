// The panel's widgets as the browser tests use them: the date-time pickers (MUI X, typed section by section) and the
// grouped menu.
import { DateTime } from 'luxon';

/** The Amsterdam zone the panel's dates and times are in. */
export const ZONE = 'Europe/Amsterdam';

/**
 * Types a moment into a date-time picker (MUI X: a field of sections, dd-MM-yyyy HH:mm in Dutch) found by its label:
 * a click on its first section, then the digits; the picker moves from section to section by itself.
 */
export async function typeMoment(page, container, label, moment) {
  const group = container.getByRole('group', { name: new RegExp(`^${label}`) });
  await group.locator('[role=spinbutton]').first().click();
  await page.keyboard.type(moment.setZone(ZONE).toFormat('ddMMyyyyHHmm'));
}

/** The moment a date-time picker holds (its hidden input, "dd-MM-yyyy HH:mm" in Dutch), in Amsterdam. */
export async function pickedMoment(container, name) {
  const text = await container.locator(`input[name="${name}"]`).inputValue();
  return DateTime.fromFormat(text, 'dd-MM-yyyy HH:mm', { zone: ZONE });
}

/** The sidebar's menu as { heading: [item, …] }, in order (items before any heading under ''). */
export async function menuGroups(page) {
  const entries = await page
    .locator('.RaMenu-open [data-menu-group], .RaMenu-open a')
    .evaluateAll((nodes) => nodes.map((node) => ({ heading: node.hasAttribute('data-menu-group'), text: (node.textContent ?? '').trim() })));
  const groups = {};
  let current = '';
  for (const { heading, text } of entries) {
    if (heading) current = text;
    // the bell's badge is in the item's text ("0Meldingen", "Meldingen (2)")
    else (groups[current] ??= []).push(text.replace(/^\d+/, '').replace(/\s*\(\d+\)$/, ''));
    if (heading) groups[current] ??= [];
  }
  return groups;
}
