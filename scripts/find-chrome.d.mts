// Types for find-chrome.mjs, so test/e2e/helpers.ts can import it under strict TypeScript.
export declare const INSTALL_HINT: string;
export declare function locateChrome(): string | undefined;
export declare function findChrome(options?: { install?: boolean }): string;
