import { z } from 'zod';

export const githubReleaseSection = z
  .strictObject({
    enabled: z.boolean().default(true).describe('Create or update the GitHub release for the tag.'),
  })
  .describe('The GitHub release for the tag.');
