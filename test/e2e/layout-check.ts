import type { Page } from '@playwright/test';

/**
 * Every element that sticks out of the box it is laid out in, as "<what> sticks out of <parent> by
 * N px": an element wider than its parent (or placed past its edge), and text wider than its own
 * box. What is meant to be clipped or to float is left out: children of a parent that clips or
 * scrolls (overflow other than visible), absolutely and fixed positioned elements (menus, popovers,
 * the skip link), and whatever is not rendered or is visually hidden (1 px boxes).
 */
export async function layoutOverflows(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const TOLERANCE = 1;
    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList].slice(0, 2).map((name) => `.${name}`).join('');
      const test = element.getAttribute('data-testid');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${element.tagName.toLowerCase()}${id}${classes}${test ? `[data-testid=${test}]` : ''}${text ? ` “${text}”` : ''}`;
    };
    const floats = (style: CSSStyleDeclaration): boolean => style.position === 'absolute' || style.position === 'fixed';
    const problems: string[] = [];
    const start = document.querySelector(selector);
    if (!start) return [`nothing matches ${selector}`];
    for (const element of start.querySelectorAll('*')) {
      if (!(element instanceof HTMLElement) && !(element instanceof SVGElement)) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || floats(style)) continue;
      if (element.closest('dialog:not([open]), [hidden], .visually-hidden, option, datalist, script, style')) continue;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      // Inside something that floats (a menu), the float's own box is what counts.
      let floating = false;
      for (let up = element.parentElement; up && up !== start.parentElement; up = up.parentElement) {
        if (floats(getComputedStyle(up))) {
          floating = true;
          break;
        }
      }
      if (floating) continue;
      const parent = element.parentElement;
      if (parent && parent !== document.documentElement) {
        const parentStyle = getComputedStyle(parent);
        const clips = parentStyle.overflowX !== 'visible';
        const parentBox = parent.getBoundingClientRect();
        if (!clips) {
          const right = box.right - parentBox.right;
          const left = parentBox.left - box.left;
          if (right > TOLERANCE) problems.push(`${describe(element)} sticks out of ${describe(parent)} by ${Math.round(right)} px on the right`);
          else if (left > TOLERANCE) problems.push(`${describe(element)} sticks out of ${describe(parent)} by ${Math.round(left)} px on the left`);
        }
      }
      // Text (or anything) wider than the element's own box, spilling over its edge.
      if (element instanceof HTMLElement && style.overflowX === 'visible' && style.display !== 'inline' && element.tagName !== 'svg') {
        const spill = element.scrollWidth - element.clientWidth;
        if (element.clientWidth > 0 && spill > TOLERANCE) problems.push(`the content of ${describe(element)} spills ${spill} px past its box`);
      }
    }
    return problems;
  }, root);
}
