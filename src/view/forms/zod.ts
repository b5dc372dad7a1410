// zod/mini for the page's forms and links, with classic zod's English messages: zod/mini ships no
// locale (a field without its own message would read "Invalid input"), and the forms and links show
// zod's words where they give none of their own ("Too big: expected number to be <=99").
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
