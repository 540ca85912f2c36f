import { z } from './zod-without-eval';

/**
 * A form's text field, checked by one of the `…Problem` functions that say what is wrong in words the admin can act
 * on: the problem, if any, is the message the field shows.
 */
export const checked = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
