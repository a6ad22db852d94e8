/**
 * Defaults of store settings that both sides need. Kept free of zod so the renderer can import
 * them without pulling the schema library into its initial bundle.
 */

/** How long a copied credential stays on the clipboard while the setting is unset. */
export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 60;
