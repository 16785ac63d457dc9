import { defineCollection, z } from 'astro:content';

const blog = defineCollection({
	type: 'content',
	// Type-check frontmatter using a schema
	schema: z.object({
		title: z.string(),
		description: z.string(),
		// Transform string to Date object
		pubDate: z.coerce.date(),
		updatedDate: z.coerce.date().optional(),
		heroImage: z.string().optional(),
		tags: z.array(z.string()).default([]),
		// a few old posts have the id unquoted, YAML turns it into a number -> coerce back
		arxiv: z.coerce.string().optional(),
		draft: z.boolean().default(false),
	}),
});

export const collections = { blog };
