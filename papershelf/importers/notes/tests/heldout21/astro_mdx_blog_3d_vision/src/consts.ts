// Place any global data in this file.
// You can import this data from anywhere in your site by using the `import` keyword.

export const SITE_TITLE = 'radiance notes';
export const SITE_DESCRIPTION =
	'Paper notes on neural rendering, radiance fields and 3D vision. Mostly for future me.';
export const AUTHOR = 'Mira Okonkwo-Lindqvist';
