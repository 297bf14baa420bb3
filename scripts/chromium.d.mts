export declare const CHROMIUM: string;
export declare const QUIET_ARGS: readonly string[];
export declare const LOOPBACK_ONLY_ARG: string;
