/**
 * Every built page is valid HTML by html-validate's recommended rules (.htmlvalidate.mjs says
 * which rules are off and why). Pure JS, no browser: one test per page, so a failure names it.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { HtmlValidate, type ConfigData } from 'html-validate';
import config from '../../.htmlvalidate.mjs';
import { sitemapPaths } from '../support/site-pages.ts';

// The config file is plain JS (so each rule turned off can carry its reason as a comment).
const validator = new HtmlValidate(config as ConfigData);
const files = [...sitemapPaths.map((path) => `dist${path}index.html`), 'dist/404.html'];

test('the validator reports a defect it must catch', async () => {
  const report = await validator.validateString('<!doctype html><html lang="en"><head><title>t</title></head><body><figure><figcaption>c</figcaption><p>x</p><figcaption>d</figcaption></figure></body></html>');
  expect(report.valid).toBe(false);
});

for (const file of files) {
  test(`${file} is valid HTML`, async () => {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
    expect(messages).toEqual([]);
  });
}
