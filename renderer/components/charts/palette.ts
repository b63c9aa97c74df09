/** Series colours: the app's green first, then colours that stay apart for the common colour-vision deficiencies. */
export const seriesColours = ['#2f6b4f', '#d08c1f', '#3b6ea8', '#a3261b', '#7a5c99'] as const;
