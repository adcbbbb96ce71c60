/** The id this provider registers under; every error it raises carries it. */
export const PROVIDER_ID = 'aurorax'
