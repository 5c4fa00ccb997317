/** The user-agent facts a real start response carries, guessed from the User-Agent header. */
export interface UserAgentFacts {
  userBrowser: string;
  userOS: string;
  userDevice: string;
  userCountry: string;
  userCity: string;
  userState: string;
}

export function userAgentFacts(ua: string | undefined): UserAgentFacts {
  const text = ua ?? '';
  const userBrowser = /Firefox\//.test(text)
    ? 'Firefox'
    : /Edg\//.test(text)
      ? 'Edge'
      : /(Chrome|Chromium|HeadlessChrome)\//.test(text)
        ? 'Chrome'
        : /Safari\//.test(text)
          ? 'Safari'
          : 'Other';
  const userOS = /Windows/.test(text)
    ? 'Windows'
    : /Android/.test(text)
      ? 'Android'
      : /(iPhone|iPad)/.test(text)
        ? 'iOS'
        : /Mac OS X/.test(text)
          ? 'Mac OS X'
          : /Linux/.test(text)
            ? 'Linux'
            : 'Other';
  // Loopback has no geo-IP answer; the real ingest says "UN" (unknown) then.
  return { userBrowser, userOS, userDevice: '', userCountry: 'UN', userCity: '', userState: '' };
}
