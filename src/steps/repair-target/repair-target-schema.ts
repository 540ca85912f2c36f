import { z } from '../../ui/zod-without-eval';
import { GUID_PATTERN } from '../../config/guid';

export const repairTargetSchema = z.object({
  appId: z
    .string()
    .trim()
    .regex(
      GUID_PATTERN,
      'Enter the application (client) ID from the registration’s Overview page: 32 hexadecimal digits in the form 00000000-0000-0000-0000-000000000000.',
    ),
});

export type RepairTargetForm = z.infer<typeof repairTargetSchema>;
