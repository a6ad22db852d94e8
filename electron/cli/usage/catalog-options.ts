/** Options and arguments several command catalogs declare alike, written once. */
export const json = { type: 'boolean', description: 'Prints JSON for scripts instead of text.' } as const;
export const profileArgument = { name: 'profile', description: 'The Roledeck profile (its name, as `roledeck list` shows it).', completes: 'profile' } as const;
