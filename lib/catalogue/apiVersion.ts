/**
 * The Intercom REST API version the catalogue describes: the generator reads that version's OpenAPI
 * description, every request pins it in `Intercom-Version`, and the sandbox serves it. Stated here only.
 */
export const INTERCOM_API_VERSION = '2.16';
