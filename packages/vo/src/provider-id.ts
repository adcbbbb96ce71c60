/** The id this provider registers under, and the `provider` of every error the package raises. */
export const PROVIDER_ID = 'vo'
