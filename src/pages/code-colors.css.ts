import { codeColorsCss } from '../plugins/shiki-classes.ts';

/** Token colours of highlighted code, as classes (see src/plugins/shiki-classes.ts). */
export function GET() {
  return new Response(codeColorsCss(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
