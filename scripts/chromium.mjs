/**
 * How every script and test here starts Debian's Chromium: one place for the
 * binary and the flags a root, offline, GPU-less machine needs.
 */

/** The browser binary; CHROMIUM overrides it. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Root (no sandbox), no GPU, and none of Chromium's own background traffic (the network is closed here). */
export const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** For runs without a proxy: every host but 127.0.0.1 fails to resolve at once, so nothing leaves the machine. */
export const LOOPBACK_ONLY_ARG = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
