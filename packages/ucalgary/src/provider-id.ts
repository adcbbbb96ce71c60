/** The id this provider registers under. */
export const PROVIDER_ID = 'ucalgary'
