/** Only same-site paths: an open redirect after sign-in is a phishing tool. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) && !value.startsWith('/sign-in') ? value : '/';
}
